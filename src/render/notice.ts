import type { Block, Unit } from '../model/document.js';
import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import type { Localizer } from '../i18n/localizer.js';
import type { TemplateStore } from './templates.js';
import { factsContext, languageFactsContext, LANGUAGE_ONLY_FACTS } from './facts-context.js';
import { markdownToHtml, fillHtml, escapeHtml, escapeMarkdown, blocksToHtml, type HtmlPiece } from './markdown-html.js';
import { fillPlaceholders } from '../resolve/placeholders.js';
import { stripRawHtml } from './raw-html.js';
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

/**
 * What rendering a unit in one language takes that is the same for every region: the text shown
 * (translation or English), its state, and its inline HTML with placeholders as tokens. Built once
 * per language and unit, and reused by every region's notice in that language.
 */
interface UnitRender {
  text: string;
  fallback: boolean;
  review: boolean;
  /** The inline HTML (placeholders as tokens), made on first use. */
  html: HtmlPiece | undefined;
  /** The text has placeholders (otherwise its Markdown is `md` itself). */
  placeholders: boolean;
  /** The text for the Markdown notice: raw HTML left out, as the HTML page leaves it out. */
  md: string;
}

/**
 * The per-language share of rendering notices: pass the same cache to the notices of one language
 * (one project), and drop it when moving on to the next language, so memory holds one language.
 */
export interface NoticeCache {
  readonly project: Project;
  readonly lng: string;
  readonly units: Map<Unit, UnitRender>;
  /** Generated fact blocks: their Markdown → HTML (regions often share them). */
  readonly factsHtml: Map<string, string>;
  /** The Markdown of fact blocks that are the same in every region (LANGUAGE_ONLY_FACTS), by name. */
  readonly languageFacts: Map<string, { store: TemplateStore; md: string }>;
}

export function noticeCache(project: Project, lng: string): NoticeCache {
  return { project, lng, units: new Map(), factsHtml: new Map(), languageFacts: new Map() };
}

/** A notice before its blocks are joined into one text: for writers that take a file in pieces. */
export interface NoticeParts extends Omit<RenderedNotice, 'markdown' | 'bodyHtml'> {
  /** The Markdown's blocks: `markdown` is them joined by blank lines, with a final newline. */
  markdownBlocks: string[];
  /** The HTML's blocks: `bodyHtml` is them joined by newlines. */
  htmlBlocks: string[];
}

/** Renders one region's notice in one language, as Markdown and as sanitized HTML. */
export function renderNotice(project: Project, r: ResolvedRegion, l: Localizer, store: TemplateStore, cache?: NoticeCache): RenderedNotice {
  const { markdownBlocks, htmlBlocks, ...rest } = renderNoticeParts(project, r, l, store, cache);
  return { markdown: `${markdownBlocks.join('\n\n')}\n`, bodyHtml: htmlBlocks.join('\n'), ...rest };
}

/** `renderNotice` without joining the blocks. */
export function renderNoticeParts(project: Project, r: ResolvedRegion, l: Localizer, store: TemplateStore, cache?: NoticeCache): NoticeParts {
  const shared = cache && cache.project === project && cache.lng === l.lng ? cache : noticeCache(project, l.lng);
  const values = placeholderValues(project, r, l);
  const isEnglish = l.lng.split('-')[0] === 'en';
  const defs = project.master.definitions;
  let fallbackUnits = 0;
  let reviewUnits = 0;
  const unitRender = (u: Unit): UnitRender => {
    let hit = shared.units.get(u);
    if (!hit) {
      let text = u.text;
      let fallback = false;
      let review = false;
      if (!isEnglish) {
        const tr = translationFor(project.locales, l.lng, u, project.staleness);
        if (tr.state === 'current' || tr.state === 'needs-review') {
          text = tr.text;
          review = tr.state === 'needs-review';
        } else fallback = true;
      }
      hit = { text, fallback, review, html: undefined, placeholders: text.includes('{{'), md: stripRawHtml(text) };
      shared.units.set(u, hit);
    }
    return hit;
  };
  // every call counts, as each of the unit's renderings (Markdown and HTML) does
  const unitText = (u: Unit): UnitRender => {
    const t = unitRender(u);
    if (t.fallback) fallbackUnits++;
    else if (t.review) reviewUnits++;
    return t;
  };
  const inline = (t: UnitRender) => fillHtml((t.html ??= markdownToHtml(t.text, { inline: true, definitions: defs })), values);
  const mdText = (t: UnitRender) => (t.placeholders ? fillPlaceholders(t.md, values, escapeMarkdown) : t.md);

  const factsCache = new Map<Block, string>();
  const factsMd = (b: Block & { type: 'facts' }): string => {
    let md = factsCache.get(b);
    if (md === undefined) {
      if (LANGUAGE_ONLY_FACTS.has(b.show)) {
        const hit = shared.languageFacts.get(b.show);
        if (hit?.store === store) md = hit.md;
        else {
          md = store.render(`facts/${b.show}.md.hbs`, languageFactsContext(b.show, project.facts, l)).trim();
          shared.languageFacts.set(b.show, { store, md });
        }
      } else md = store.render(`facts/${b.show}.md.hbs`, factsContext(b.show, r, l)).trim();
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
        const md = factsMd(b);
        let html = shared.factsHtml.get(md);
        if (html === undefined) {
          html = blocksToHtml(md).replace(/<table>/g, '<div class="nk-table"><table>').replace(/<\/table>/g, '</table></div>');
          shared.factsHtml.set(md, html);
        }
        return `<div class="nk-facts nk-facts-${escapeHtml(b.show)}">\n${html}\n</div>`;
      }
      case 'conditional':
        return b.blocks.map((x) => blockHtml(x)).join('\n');
    }
    return '';
  }

  if (defs) mdOut.push(defs);
  return {
    markdownBlocks: mdOut,
    htmlBlocks: htmlOut,
    title: title || project.master.title,
    toc,
    fallbackUnits,
    reviewUnits,
  };
}

function stripMarkdown(s: string): string {
  return s.replace(/\\([\\`*_[\]<>|#])/g, '$1').replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
