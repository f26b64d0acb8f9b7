import type { Block, Unit } from '../model/document.js';
import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import type { Localizer } from '../i18n/localizer.js';
import type { TemplateStore } from './templates.js';
import { factsContext } from './facts-context.js';
import { markdownToHtml, fillHtml, escapeHtml, escapeMarkdown, blocksToHtml } from './markdown-html.js';
import { fillPlaceholders } from '../resolve/placeholders.js';
import { placeholderValues } from '../resolve/values.js';
import { translationFor } from '../i18n/translations.js';

export interface RenderedNotice {
  markdown: string;
  /** The notice body as sanitized HTML (without the page layout). */
  bodyHtml: string;
  title: string;
  toc: { id: string; html: string }[];
  /** Units shown in English because no current translation exists. */
  fallbackUnits: number;
  /** Units whose translation is in use but whose English source changed since. */
  reviewUnits: number;
}

interface Text {
  text: string;
  fallback: boolean;
}

/** Renders one region's notice in one language, as Markdown and as sanitized HTML. */
export function renderNotice(project: Project, r: ResolvedRegion, l: Localizer, store: TemplateStore): RenderedNotice {
  const values = placeholderValues(project, r, l);
  const isEnglish = l.lng.split('-')[0] === 'en';
  let fallbackUnits = 0;
  let reviewUnits = 0;
  const unitText = (u: Unit): Text => {
    if (isEnglish) return { text: u.text, fallback: false };
    const tr = translationFor(project.locales, l.lng, u, project.staleness);
    if (tr.state === 'current' || tr.state === 'needs-review') {
      if (tr.state === 'needs-review') reviewUnits++;
      return { text: tr.text, fallback: false };
    }
    fallbackUnits++;
    return { text: u.text, fallback: true };
  };
  const defs = project.master.definitions;
  const inline = (t: Text) => fillHtml(markdownToHtml(t.text, { inline: true, definitions: defs }), values);
  const mdText = (t: Text) => fillPlaceholders(t.text, values, escapeMarkdown);

  const factsCache = new Map<Block, string>();
  const factsMd = (b: Block & { type: 'facts' }): string => {
    let md = factsCache.get(b);
    if (md === undefined) {
      md = store.render(`facts/${b.show}.md.hbs`, factsContext(b.show, r, l)).trim();
      factsCache.set(b, md);
    }
    return md;
  };

  // group blocks into sections: a heading and what follows it up to the next heading
  const groups: Block[][] = [];
  for (const b of r.blocks) {
    if (b.type === 'heading' || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(b);
  }
  const mdOut: string[] = [];
  const htmlOut: string[] = [];
  const toc: RenderedNotice['toc'] = [];
  let title = '';
  for (const group of groups) {
    const before = fallbackUnits;
    const md: string[] = [];
    const html: string[] = [];
    let headingHtml = '';
    let headingMd = '';
    for (const b of group) {
      if (b.type === 'heading') {
        const t = unitText(b.unit);
        const h = inline(t);
        if (b.depth === 1 && !title) title = stripMarkdown(mdText(t));
        if (b.depth === 2) toc.push({ id: b.id, html: h });
        headingHtml = `<h${b.depth} id="${escapeHtml(b.id)}">${h}</h${b.depth}>`;
        headingMd = `${'#'.repeat(b.depth)} ${mdText(t)}`;
      } else {
        md.push(blockMd(b));
        html.push(blockHtml(b));
      }
    }
    const fell = fallbackUnits > before;
    if (headingMd) mdOut.push(headingMd);
    if (headingHtml) htmlOut.push(headingHtml);
    if (fell) {
      const note = `${l.t('ui.fallback_label')}: ${l.t('ui.fallback_note')}`;
      mdOut.push(`> ${escapeMarkdown(note)}`);
      htmlOut.push(`<div class="nk-fallback" lang="en" dir="ltr"><p class="nk-fallback-note" lang="${escapeHtml(l.lng)}" dir="${l.dir}"><strong>${escapeHtml(l.t('ui.fallback_label'))}</strong> ${escapeHtml(l.t('ui.fallback_note'))}</p>`);
    }
    mdOut.push(...md.filter(Boolean));
    htmlOut.push(...html.filter(Boolean));
    if (fell) htmlOut.push('</div>');
  }

  function blockMd(b: Block, tight = false): string {
    switch (b.type) {
      case 'paragraph':
        return mdText(unitText(b.unit));
      case 'heading':
        return `${'#'.repeat(b.depth)} ${mdText(unitText(b.unit))}`;
      case 'list': {
        const loose = b.items.some((it) => it.length > 1);
        return b.items
          .map((item, i) => {
            const marker = b.ordered ? `${b.start + i}. ` : '- ';
            const pad = ' '.repeat(marker.length);
            const body = item.map((x) => blockMd(x, !loose)).join('\n\n');
            return marker + body.split('\n').map((line, k) => (k === 0 || line === '' ? line : pad + line)).join('\n');
          })
          .join(loose ? '\n\n' : '\n');
      }
      case 'table': {
        const cell = (u: Unit) => mdText(unitText(u)).replace(/\n/g, ' ');
        const head = `| ${b.header.map(cell).join(' | ')} |`;
        const sep = `|${b.align.map((a) => (a === 'center' ? ':-:' : a === 'right' ? '--:' : a === 'left' ? ':--' : '---')).join('|')}|`;
        return [head, sep, ...b.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
      }
      case 'blockquote':
        return b.blocks.map((x) => blockMd(x)).join('\n\n').split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
      case 'code':
        return `\`\`\`${b.lang}\n${b.value}\n\`\`\``;
      case 'thematicBreak':
        return '***';
      case 'facts':
        return factsMd(b);
      case 'conditional':
        return b.blocks.map((x) => blockMd(x)).join('\n\n');
    }
    void tight;
    return '';
  }

  function blockHtml(b: Block, tight = false): string {
    switch (b.type) {
      case 'paragraph':
        return tight ? inline(unitText(b.unit)) : `<p>${inline(unitText(b.unit))}</p>`;
      case 'heading':
        return `<h${b.depth} id="${escapeHtml(b.id)}">${inline(unitText(b.unit))}</h${b.depth}>`;
      case 'list': {
        const loose = b.items.some((it) => it.length > 1);
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
        return `<${tag}${start}>\n${b.items.map((it) => `<li>${it.map((x) => blockHtml(x, !loose)).join('\n')}</li>`).join('\n')}\n</${tag}>`;
      }
      case 'table': {
        const align = (i: number) => (b.align[i] ? ` style="text-align:${b.align[i]}"` : '');
        const head = b.header.map((u, i) => `<th scope="col"${align(i)}>${inline(unitText(u))}</th>`).join('');
        const rows = b.rows.map((row) => `<tr>${row.map((u, i) => `<td${align(i)}>${inline(unitText(u))}</td>`).join('')}</tr>`).join('\n');
        return `<div class="nk-table"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
      }
      case 'blockquote':
        return `<blockquote>\n${b.blocks.map((x) => blockHtml(x)).join('\n')}\n</blockquote>`;
      case 'code':
        return `<pre><code>${escapeHtml(b.value)}</code></pre>`;
      case 'thematicBreak':
        return '<hr>';
      case 'facts': {
        const html = blocksToHtml(factsMd(b)).replace(/<table>/g, '<div class="nk-table"><table>').replace(/<\/table>/g, '</table></div>');
        return `<div class="nk-facts nk-facts-${escapeHtml(b.show)}">\n${html}\n</div>`;
      }
      case 'conditional':
        return b.blocks.map((x) => blockHtml(x)).join('\n');
    }
    return '';
  }

  return {
    markdown: `${[...mdOut, ...(defs ? [defs] : [])].join('\n\n')}\n`,
    bodyHtml: htmlOut.join('\n'),
    title: title || project.master.title,
    toc,
    fallbackUnits,
    reviewUnits,
  };
}

function stripMarkdown(s: string): string {
  return s.replace(/\\([\\`*_[\]<>|#])/g, '$1').replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
