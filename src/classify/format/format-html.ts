import type { UnitPair, WordPart } from '../../diff/types.js';
import type { ClassifiedChange } from '../types.js';
import { partsOf, plural, sectionTitle, summaryText, type DiffView } from './view.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function redline(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.type === 'equal' ? escapeHtml(p.text) : p.type === 'added' ? `<ins>${escapeHtml(p.text)}</ins>` : `<del>${escapeHtml(p.text)}</del>`)).join('');
}

const CSS = `
:root { color-scheme: light; --ins: #dafbe1; --ins-fg: #116329; --del: #ffebe9; --del-fg: #82071e; --moved: #ddf4ff; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
header.top { padding: 1rem 1.5rem; border-bottom: 1px solid var(--line); }
header.top h1 { margin: 0 0 .25rem; font-size: 1.35rem; }
.layout { display: grid; grid-template-columns: minmax(14rem, 22rem) 1fr; gap: 0; }
nav.sidebar { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; padding: 1rem 1.25rem; border-right: 1px solid var(--line); font-size: .9rem; background: #f6f8fa; }
nav.sidebar h2 { font-size: 1rem; margin: .5rem 0; }
nav.sidebar ol { padding-left: 1.2rem; margin: 0 0 1rem; }
nav.sidebar li { margin-bottom: .5rem; }
nav.sidebar .where { display: block; color: #59636e; font-size: .8rem; }
main { padding: 1rem 2rem 4rem; max-width: 60rem; }
ins { background: var(--ins); color: var(--ins-fg); text-decoration: underline; }
del { background: var(--del); color: var(--del-fg); text-decoration: line-through; }
.block-added { border-left: 4px solid var(--ins-fg); padding-left: .75rem; }
.block-removed { border-left: 4px solid var(--del-fg); padding-left: .75rem; }
.moved { border-left: 4px solid #0969da; background: var(--moved); padding: .25rem .75rem; margin: .75rem 0; }
.moved-note, .scope-note { font-size: .8rem; color: #0550ae; margin: 0; }
.scope-note { color: #7d4e00; }
.cell { display: inline-block; border: 1px solid var(--line); padding: .1rem .5rem; margin: 0 .25rem .25rem 0; }
.changed { outline: 1px dashed transparent; }
:target { outline: 3px solid #bf8700; outline-offset: 3px; }
.sev { font-weight: 600; }
.sev-material { color: #cf222e; } .sev-minor { color: #9a6700; } .sev-editorial { color: #59636e; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
section.facts, section.impact { margin-top: 2.5rem; }
@media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } nav.sidebar { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--line); } }
`;

/**
 * `--format html`: a standalone redline page. The whole new text in order with inline
 * <ins>/<del>, added and removed blocks marked, moved blocks boxed with where they came from;
 * a sidebar listing the material changes, each linking to its place; the facts changes and the
 * region impact below. Every text is HTML-escaped; no scripts, no external requests.
 */
export function formatHtml(view: DiffView): string {
  const { report, diff } = view;
  const ids = new Map<UnitPair, number[]>();
  view.pairs.forEach((p, k) => {
    if (!p) return;
    const list = ids.get(p) ?? [];
    list.push(k);
    ids.set(p, list);
  });
  const depth = new Map<string, number>();
  for (const s of diff.sections) {
    if (s.old) depth.set(`o:${s.old.id}`, s.old.depth);
    if (s.new) depth.set(`n:${s.new.id}`, s.new.depth);
  }
  const change = (k: number): ClassifiedChange => report.changes[k]!;

  // The document, unit by unit.
  const body: string[] = [];
  let inCells = false;
  const closeCells = (): void => {
    if (inCells) body.push('</div>');
    inCells = false;
  };
  for (const p of diff.units) {
    const unit = p.new ?? p.old!;
    const mine = ids.get(p) ?? [];
    const textChange = mine.find((k) => change(k).source !== 'scope');
    const anchorId = mine[0];
    const idAttr = anchorId !== undefined ? ` id="change-${anchorId}"` : '';
    const extraAnchors = mine.slice(1).map((k) => `<span id="change-${k}"></span>`).join('');
    const content = textChange !== undefined ? redline(partsOf(change(textChange), p)) : escapeHtml(unit.text);
    const cls = p.kind === 'added' ? 'block-added' : p.kind === 'removed' ? 'block-removed' : p.kind === 'changed' ? 'changed' : '';
    const notes = mine
      .filter((k) => change(k).source === 'scope')
      .map((k) => `<p class="scope-note">${escapeHtml(change(k).reason)}</p>`)
      .join('');
    let html: string;
    if (unit.kind === 'heading') {
      closeCells();
      const d = depth.get(p.new ? `n:${unit.section}` : `o:${unit.section}`) ?? 2;
      const h = Math.min(6, d + 1);
      html = `<h${h}${idAttr}${cls ? ` class="${cls}"` : ''}>${extraAnchors}${content}</h${h}>`;
    } else if (unit.kind === 'cell') {
      if (!inCells) body.push('<div class="table">');
      inCells = true;
      html = `<span${idAttr} class="cell${cls ? ` ${cls}` : ''}">${extraAnchors}${content}</span>`;
    } else {
      closeCells();
      html = `<p${idAttr}${cls ? ` class="${cls}"` : ''}>${extraAnchors}${content}</p>`;
    }
    if (p.kind === 'moved') {
      const c = textChange !== undefined ? change(textChange) : undefined;
      const from = c?.oldSection && c.oldSection.id !== c.section.id ? `from “${sectionTitle(c.oldSection)}”` : 'within this section';
      const wrapId = html.includes(' id="') ? '' : idAttr;
      html = `<div class="moved"${wrapId}><p class="moved-note">Moved ${escapeHtml(from)}</p>${html}</div>`;
      if (unit.kind === 'cell') html = `</div>${html}<div class="table">`;
    }
    body.push(notes ? `${notes}${html}` : html);
  }
  closeCells();

  // Sidebar: material changes, then counts.
  const material = report.changes.map((c, k) => ({ c, k })).filter(({ c }) => c.severity === 'material');
  const side = [
    `<h2>Material changes (${material.length})</h2>`,
    material.length
      ? `<ol>${material.map(({ c, k }) => `<li><a href="#change-${k}"><span class="where">${escapeHtml(sectionTitle(c.section))}</span>${escapeHtml(c.reason.length > 160 ? `${c.reason.slice(0, 160)}…` : c.reason)}</a></li>`).join('')}</ol>`
      : '<p>No material changes.</p>',
    '<h2>All changes</h2>',
    `<p>${escapeHtml(summaryText(report.summary))}</p>`,
  ];

  // Facts changes.
  const facts = report.changes.map((c, k) => ({ c, k })).filter(({ c }) => c.source === 'facts');
  const factsHtml = facts.length
    ? `<section class="facts"><h2>Facts changes</h2><table><thead><tr><th>Severity</th><th>Change</th><th>Before</th><th>After</th></tr></thead><tbody>${facts
        .map(({ c, k }) => `<tr id="change-${k}"><td class="sev sev-${c.severity}">${c.severity}</td><td>${escapeHtml(c.reason)}<br><code>${escapeHtml(c.fact?.path ?? '')}</code> · <code>${escapeHtml(c.rule)}</code></td><td>${c.before !== null ? `<del>${escapeHtml(c.before)}</del>` : ''}</td><td>${c.after !== null ? `<ins>${escapeHtml(c.after)}</ins>` : ''}</td></tr>`)
        .join('')}</tbody></table></section>`
    : '';

  // Impact.
  const impact = report.impact;
  const impactHtml = impact
    ? `<section class="impact"><h2>Regions and languages</h2><table><thead><tr><th>Region</th><th>Severity</th><th>Changes</th><th>Languages (stale translations)</th></tr></thead><tbody>${impact.regions
        .map((r) => `<tr><td>${escapeHtml(r.id)} (${escapeHtml(r.name)})</td><td class="sev sev-${r.severity}">${r.severity}</td><td>${r.changes}</td><td>${r.locales.map((l) => `${escapeHtml(l.locale)}${l.staleTranslations ? ` (${l.staleTranslations})` : ''}`).join(', ')}</td></tr>`)
        .join('')}</tbody></table>${
        impact.translations.length
          ? `<h3>Stale translations</h3><ul>${impact.translations.map((t) => `<li>${escapeHtml(t.locale)}: ${escapeHtml(plural(t.stale.length, 'unit'))} (${escapeHtml(t.stale.map((s) => s.unit).join(', '))})</li>`).join('')}</ul>`
          : ''
      }</section>`
    : '';

  const title = `Redline: ${view.from.label} → ${view.to.label}`;
  const sev = report.severity === 'none' ? 'No changes' : `Severity: ${report.severity} (${summaryText(report.summary)})`;
  const reach = impact ? `<p>${escapeHtml(`${impact.regions.filter((r) => r.changes > 0).length} of ${impact.regions.length} regional notices change.`)}</p>` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><h1>${escapeHtml(title)}</h1><p class="sev sev-${report.severity}">${escapeHtml(sev)}</p>${reach}</header>`,
    '<div class="layout">',
    `<nav class="sidebar" aria-label="Material changes">${side.join('')}</nav>`,
    `<main><article class="document">${body.join('\n')}</article>${factsHtml}${impactHtml}</main>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
