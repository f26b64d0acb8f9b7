/**
 * translations: every unit a region shows is translated into each of its languages from today's
 * English. Missing and stale translations are errors (the page would show English, and a stale
 * language cannot be published); translations whose English changed only editorially are warnings.
 */
import type { CheckRule } from '../context.js';
import type { Finding } from '../types.js';
import { walkUnits } from '../../model/document.js';
import { translationFor } from '../../i18n/translations.js';

export const translations: CheckRule = (ctx) => {
  const { r, project } = ctx;
  const out: Finding[] = [];
  const units = [...walkUnits(r.blocks)];
  for (const lng of r.region.locales) {
    if (lng.split('-')[0] === 'en') continue;
    const file = `locales/${lng}/privacy.json`;
    const missing: string[] = [];
    for (const u of units) {
      const t = translationFor(project.locales, lng, u, project.staleness);
      if (t.state === 'missing') missing.push(u.id);
      else if (t.state === 'stale' || t.state === 'needs-review') {
        out.push({
          severity: t.state === 'stale' ? 'error' : 'warning',
          element: null,
          rule: 'translation',
          cite: '',
          pack: null,
          message: `${locFile(t.tag, file)}: unit ${u.id} (section ${u.section}) is ${t.state === 'stale' ? 'stale: the English changed materially' : 'marked for review: the English changed'} since it was translated (${t.change.rule}: ${t.change.reason})`,
          fix: `update the translation: noticekit translate export --locale ${lng}, then translate import`,
          lowConfidence: false,
        });
      }
    }
    if (missing.length) {
      out.push({
        severity: 'error',
        element: null,
        rule: 'translation',
        cite: '',
        pack: null,
        message: `${file}: ${missing.length} unit${missing.length === 1 ? '' : 's'} shown in region ${r.region.id} ${missing.length === 1 ? 'has' : 'have'} no ${lng} translation (${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}); the page shows them in English`,
        fix: `noticekit translate export --locale ${lng} gives the units to translate`,
        lowConfidence: false,
      });
    }
  }
  return out;
};

function locFile(tag: string, fallback: string): string {
  return tag ? `locales/${tag}/privacy.json` : fallback;
}
