import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteContext, SiteExtra, SitePage } from './extras.js';
import type { Localizer } from '../i18n/localizer.js';
import { renderPage } from '../render/page.js';
import type { RenderedNotice } from '../render/notice.js';
import type { Unit } from '../model/document.js';
import { localizer } from '../i18n/localizer.js';
import { translationFor } from '../i18n/translations.js';
import { placeholderValues } from '../resolve/values.js';
import { escapeHtml, fillHtml, markdownToHtml } from '../render/markdown-html.js';
import { effectivePeriods, publishedVersions, type PublishedVersion } from '../publish/history.js';
import { SNAPSHOT_CHANGES, SNAPSHOT_NOTICES_DIR, type SnapshotChange, type SnapshotChanges } from '../publish/manifest.js';

/**
 * The archive of published versions, per region and language:
 *   <region>/<lng>/versions/index.html            every version with the period it was in effect
 *   <region>/<lng>/versions/<version>/index.html  the notice as published (from the snapshot), with a note
 *   <region>/<lng>/versions/<version>/index.md    the published Markdown, byte for byte
 *   <region>/<lng>/changes/<version>/index.html   what changed in that version for the region
 * Read from `snapshots/<doc>/` (immutable, so the output is deterministic); nothing without a snapshot.
 */
export const archive: SiteExtra = (ctx) => {
  const all = publishedVersions(ctx.project.root, ctx.project.config.document);
  if (!all.length) return;
  const periods = new Map(effectivePeriods(all).map((p) => [p.version, p]));
  const changes = new Map<string, SnapshotChanges | undefined>(all.map((v) => [v.version, readChanges(v)]));
  for (const page of ctx.pages) {
    const id = page.region.region.id;
    const mine = all.filter((v) => v.manifest.regions[id]);
    if (!mine.length) continue;
    const l = page.localizer;
    const period = (v: string) => {
      const p = periods.get(v)!;
      return p.to ? l.t('ui.archive.period', { from: l.date(p.from), to: l.date(p.to) }) : l.t('ui.archive.period_open', { from: l.date(p.from) });
    };
    // 1. the list of versions
    const rows = [...mine].reverse().map((v) => {
      const m = v.manifest;
      const own = m.regions[id]!.locales.includes(page.locale);
      const href = own ? `${v.version}/` : `../../${m.regions[id]!.locales[0]!.toLowerCase()}/versions/${v.version}/`;
      return `<tr id="v-${escapeHtml(v.version)}">
<th scope="row"><a href="${escapeHtml(href)}">${text(l, 'ui.archive.read', { version: v.version })}</a></th>
<td>${period(v.version)}</td>
<td>${escapeHtml(l.date(m.published))}</td>
<td><a href="../changes/${escapeHtml(v.version)}/">${text(l, 'ui.what_changed')}</a>${m.previous ? ` <span class="nk-severity nk-severity-${m.regions[id]!.severity}">(${text(l, `ui.archive.severity.${m.regions[id]!.severity}`)})</span>` : ''}</td>
</tr>`;
    });
    const listBody = `<h1 id="versions">${text(l, 'ui.previous_versions')}</h1>
<p>${text(l, 'ui.archive.intro')}</p>
<p><a href="../">${text(l, 'ui.archive.current_notice')}</a></p>
<div class="nk-table"><table>
<thead><tr><th scope="col">${text(l, 'ui.archive.version')}</th><th scope="col">${text(l, 'ui.archive.in_effect')}</th><th scope="col">${text(l, 'ui.archive.published')}</th><th scope="col">${text(l, 'ui.what_changed')}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
    ctx.files.set(`${page.dir}versions/index.html`, archivePage(ctx, page, { depth: 1, title: l.t('ui.previous_versions'), body: listBody, toc: [] }));

    for (const v of mine) {
      const m = v.manifest;
      // 2. the notice as published, when it was published in this language
      if (m.regions[id]!.locales.includes(page.locale)) {
        const from = join(v.dir, SNAPSHOT_NOTICES_DIR, page.dir);
        if (existsSync(join(from, 'index.html'))) {
          const note = `<div class="nk-archived" role="note"><p>${text(l, 'ui.archive.archived_note', { version: v.version, period: period(v.version) })} <a href="../../">${text(l, 'ui.archive.current_notice')}</a> · <a href="../">${text(l, 'ui.previous_versions')}</a></p></div>`;
          ctx.files.set(`${page.dir}versions/${v.version}/index.html`, archivedCopy(readFileSync(join(from, 'index.html'), 'utf8'), note));
        }
        if (existsSync(join(from, 'index.md'))) ctx.files.set(`${page.dir}versions/${v.version}/index.md`, readFileSync(join(from, 'index.md'), 'utf8'));
      }
      // 3. what changed
      const body = changesBody(ctx, page, v, changes.get(v.version));
      ctx.files.set(
        `${page.dir}changes/${v.version}/index.html`,
        archivePage(ctx, page, {
          depth: 2,
          title: l.t('ui.archive.changes_title', { version: v.version }),
          body: body.html,
          toc: body.toc,
          effective: m.effective,
          version: v.version,
        }),
      );
    }
  }
};

function readChanges(v: PublishedVersion): SnapshotChanges | undefined {
  const p = join(v.dir, SNAPSHOT_CHANGES);
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as SnapshotChanges;
  } catch {
    return undefined;
  }
}

/** A label as HTML; marked `lang="en"` when the page's language has no such label and English shows. */
function text(l: Localizer, key: string, opts?: Record<string, string>): string {
  const s = escapeHtml(l.t(key, opts));
  return l.lng.split('-')[0] === 'en' || l.hasOwn(key) ? s : `<span lang="en" dir="ltr">${s}</span>`;
}

function changesBody(ctx: SiteContext, page: SitePage, v: PublishedVersion, changes: SnapshotChanges | undefined): { html: string; toc: { id: string; html: string }[] } {
  const l = page.localizer;
  const region = page.region.region.id;
  const m = v.manifest;
  const reg = m.regions[region]!;
  const head = `<h1 id="changes">${text(l, 'ui.archive.changes_title', { version: v.version })}</h1>`;
  const back = `<p><a href="../../versions/">${text(l, 'ui.previous_versions')}</a> · <a href="../../">${text(l, 'ui.archive.current_notice')}</a></p>`;
  const only = (p: string) => ({ html: `${head}\n<p>${p}</p>\n${back}`, toc: [] });
  if (!m.previous || !changes) return only(text(l, 'ui.archive.changes_first', { version: v.version }));
  const rc = changes.regions[region];
  if (!rc || rc.added) return only(text(l, 'ui.archive.changes_new_region', { version: v.version }));
  const intro = `<p>${text(l, 'ui.archive.changes_intro', { previous: m.previous, version: v.version, published: l.date(m.published), effective: l.date(m.effective) })}</p>
<p class="nk-severity nk-severity-${reg.severity}"><strong>${text(l, 'ui.archive.overall', { severity: l.t(`ui.archive.severity.${reg.severity}`) })}</strong></p>`;
  if (!rc.changes.length) return { html: `${head}\n${intro}\n<p>${text(l, 'ui.archive.changes_none', { version: v.version })}</p>\n${back}`, toc: [] };
  const markEnglish = l.lng.split('-')[0] !== 'en'; // quotes and reasons are English: say so on other pages
  // the quoted text is the English master's: placeholders get this region's English values
  const values = placeholderValues(ctx.project, page.region, localizer(ctx.project.locales, 'en'));
  const quote = (md: string) => `<blockquote${markEnglish ? ' lang="en" dir="ltr"' : ''}>${fillHtml(markdownToHtml(md, { definitions: ctx.project.master.definitions }), values)}</blockquote>`;
  const heading = sectionHeading(ctx, page);
  const bySection = new Map<string, SnapshotChange[]>();
  for (const k of rc.changes) {
    const c = changes.changes[k]!;
    bySection.set(c.section.id, [...(bySection.get(c.section.id) ?? []), c]);
  }
  const toc: { id: string; html: string }[] = [];
  const parts: string[] = [];
  for (const [id, list] of bySection) {
    const anchor = `change-${toc.length + 1}`;
    const h = heading(id, list[0]!.section.path);
    toc.push({ id: anchor, html: h });
    parts.push(`<h2 id="${anchor}">${h}</h2>`);
    for (const c of list) {
      parts.push(`<div class="nk-change nk-change-${c.severity}">`, `<p><strong>${text(l, `ui.archive.kind.${c.kind}`)}</strong> · <span class="nk-severity nk-severity-${c.severity}">${text(l, `ui.archive.severity.${c.severity}`)}</span></p>`);
      // why it counts as it does: the classification's reason, a sentence a lawyer can check (English)
      parts.push(`<p class="nk-change-reason"${markEnglish ? ' lang="en" dir="ltr"' : ''}>${escapeHtml(c.reason)}</p>`);
      if (c.before !== null) parts.push(`<p class="nk-change-label">${text(l, 'ui.archive.before')}</p>`, quote(c.before));
      if (c.after !== null) parts.push(`<p class="nk-change-label">${text(l, 'ui.archive.after')}</p>`, quote(c.after));
      parts.push('</div>');
    }
  }
  const note = markEnglish ? `\n<p class="nk-meta">${text(l, 'ui.archive.english_note')}</p>` : '';
  return { html: `${head}\n${intro}${note}\n${parts.join('\n')}\n${back}`, toc };
}

/** A section's heading in the page's language (today's translation of it), else its English path. */
function sectionHeading(ctx: SiteContext, page: SitePage): (id: string, path: string[]) => string {
  const l = page.localizer;
  const units = new Map<string, Unit>();
  for (const u of ctx.project.master.units) if (u.kind === 'heading' && !units.has(u.section)) units.set(u.section, u);
  const values = placeholderValues(ctx.project, page.region, l);
  const inEnglish = l.lng.split('-')[0] === 'en';
  const localMarkdown = (u: Unit): string | undefined => {
    if (inEnglish) return u.text;
    const tr = translationFor(ctx.project.locales, l.lng, u, ctx.project.staleness);
    return tr.state === 'current' || tr.state === 'needs-review' ? tr.text : undefined;
  };
  return (id, path) => {
    const u = units.get(id);
    const md = u && localMarkdown(u);
    if (md !== undefined) return fillHtml(markdownToHtml(md, { inline: true }), values);
    const en = escapeHtml(path.slice(1).join(' › ') || path.join(' › ') || id);
    return inEnglish ? en : `<span lang="en" dir="ltr">${en}</span>`;
  };
}

/**
 * A page of the archive in the site's layout: `renderPage` with the archive's body as the notice,
 * links made relative to the page's deeper folder (`rootHref`). No canonical or hreflang links:
 * those describe the current notice.
 */
function archivePage(ctx: SiteContext, page: SitePage, o: { depth: number; title: string; body: string; toc: { id: string; html: string }[]; effective?: string; version?: string }): string {
  const notice: RenderedNotice = { markdown: '', bodyHtml: o.body, title: o.title, toc: o.toc, fallbackUnits: 0, reviewUnits: 0 };
  return renderPage(ctx.project, page.region, page.localizer, notice, ctx.store, {
    baseUrl: undefined,
    effective: o.effective ?? '',
    ...(o.version ? { version: o.version } : {}),
    rootHref: '../'.repeat(o.depth + 2),
  });
}

const RELATIVE = /\b(href|src)="(?![a-z][a-z0-9+.-]*:|#|\/)([^"]*)"/gi;

/**
 * The published HTML of a notice, moved two folders deeper (`<region>/<lng>/versions/<version>/`):
 * every relative link is rebased so it still reaches what it did, the canonical and hreflang links
 * (they name the current notice) are dropped, and a note says which version this is. The notice
 * itself is as published.
 */
export function archivedCopy(html: string, note: string): string {
  return html
    .replace(/^<link rel="(?:canonical|alternate)" (?:href|hreflang)=[^>]*>\n/gm, '')
    .replace(RELATIVE, (_, attr: string, url: string) => `${attr}="../../${url}"`)
    .replace(/(<main\b[^>]*>\n?)/, `$1${note}\n`);
}
