/**
 * raw-html: a unit whose Markdown (English, or a translation the region shows) holds raw HTML.
 * noticekit never renders it: the pages and the Markdown notices leave it out, so a `<b>` or a
 * `<br>` the author meant as formatting is silently gone, and any text inside an HTML block with it.
 */
import type { CheckRule } from '../context.js';
import type { Finding } from '../types.js';
import { walkUnits } from '../../model/document.js';
import { translationFor } from '../../i18n/translations.js';
import { hasRawHtml } from '../../render/raw-html.js';

export const rawHtml: CheckRule = (ctx) => {
  const { r, project } = ctx;
  const out: Finding[] = [];
  const found = (where: string, unit: string, text: string): void => {
    const tag = /<\/?[A-Za-z][A-Za-z0-9-]*|<!--|<[!?]/.exec(text)?.[0] ?? '<';
    out.push({
      severity: 'warning',
      element: null,
      rule: 'raw-html',
      cite: '',
      pack: null,
      message: `${where}: unit ${unit} holds raw HTML (${tag}…), which the notices leave out`,
      fix: 'write the formatting in Markdown (**bold**, [text](https://…), a list) or the text without tags',
      lowConfidence: false,
    });
  };
  const units = [...walkUnits(r.blocks)];
  for (const u of units) if (hasRawHtml(u.text)) found(`${ctx.masterFile}:${u.position.line}:${u.position.column}`, u.id || u.hash, u.text);
  for (const lng of r.region.locales) {
    if (lng.split('-')[0] === 'en') continue;
    for (const u of units) {
      const t = translationFor(project.locales, lng, u, project.staleness);
      if ((t.state === 'current' || t.state === 'needs-review') && hasRawHtml(t.text)) found(`locales/${t.tag}/privacy.json`, u.id, t.text);
    }
  }
  return out;
};
