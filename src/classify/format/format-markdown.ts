import type { WordPart } from '../../diff/types.js';
import { severityRank } from '../severity.js';
import { bySection, partsOf, plural, regionList, sectionTitle, summaryText, trimParts, type DiffView } from './view.js';

/** GitHub's limit on the body of a pull-request comment, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Escapes text for inline Markdown that may hold HTML tags of ours: no HTML, no accidental formatting. */
export function mdInline(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/[\\`*_[\]|#~!{}()+-]/g, (c) => `\\${c}`)
    .replace(/\s*\n\s*/g, ' ');
}

/** Escapes text for HTML (a `<summary>`). */
function html(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function redline(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.type === 'equal' ? mdInline(p.text) : p.type === 'added' ? `<ins>${mdInline(p.text)}</ins>` : `<del>${mdInline(p.text)}</del>`)).join('');
}

const cap = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * `--format markdown`: a pull-request comment. A summary table (and the regions a change
 * reaches), then a `<details>` block per section with each change's rule, reason and redline,
 * sections with material changes first. The whole comment stays under GitHub's 65,536-character
 * limit: sections that do not fit are left out with a note saying so.
 */
export function formatMarkdown(view: DiffView, opts: { limit?: number } = {}): string {
  const limit = opts.limit ?? GITHUB_COMMENT_LIMIT;
  const { report } = view;
  const head: string[] = [
    `## noticekit diff: ${mdInline(view.from.label)} → ${mdInline(view.to.label)}`,
    '',
    report.severity === 'none' ? 'No changes.' : `**Severity: ${report.severity}** (${summaryText(report.summary)})`,
    '',
    '| severity | changes |',
    '|---|---:|',
    ...(['material', 'minor', 'editorial'] as const).map((s) => `| ${s} | ${report.summary[s]} |`),
  ];
  const impact = report.impact;
  if (impact) {
    const reached = impact.regions.filter((r) => r.changes > 0 || r.locales.some((l) => l.staleTranslations > 0));
    head.push('', `**Regions:** ${reached.length} of ${impact.regions.length} regional notices change.`, '');
    if (reached.length) {
      head.push('| region | severity | changes | stale translations |', '|---|---|---:|---|');
      for (const r of reached) {
        const stale = r.locales.filter((l) => l.staleTranslations > 0).map((l) => `${mdInline(l.locale)} ${l.staleTranslations}`).join(', ') || '—';
        head.push(`| ${mdInline(r.id)} (${mdInline(r.name)}) | ${r.severity} | ${r.changes} | ${stale} |`);
      }
    }
  }
  const groups = bySection(view)
    .map((g, order) => ({ ...g, order, top: Math.max(...g.items.map((i) => severityRank(i.change.severity))) }))
    .sort((a, b) => b.top - a.top || a.order - b.order);
  const total = impact?.regions.length;
  const blocks = groups.map((g) => {
    const counts = { material: 0, minor: 0, editorial: 0 };
    for (const { change } of g.items) if (change.severity !== 'none') counts[change.severity]++;
    const lines = ['', '<details>', `<summary>${html(sectionTitle(g.section))}: ${plural(g.items.length, 'change')} (${summaryText(counts)})</summary>`, ''];
    for (const { change: c, index } of g.items) {
      const regions = c.regions ? ` _(regions: ${mdInline(regionList(c.regions, total))})_` : '';
      lines.push(`- **${c.severity}** \`${c.rule}\`: ${mdInline(cap(c.reason, 600))}${regions}`);
      if (c.source === 'facts') {
        lines.push(`  - \`${c.fact?.path ?? ''}\`: ${c.before !== null ? `<del>${mdInline(cap(c.before, 600))}</del>` : ''}${c.before !== null && c.after !== null ? ' → ' : ''}${c.after !== null ? `<ins>${mdInline(cap(c.after, 600))}</ins>` : ''}`);
      } else {
        if (c.kind === 'moved') lines.push(`  - moved ${c.oldSection && c.oldSection.id !== c.section.id ? `from ${mdInline(sectionTitle(c.oldSection))}` : 'within the section'}`);
        const parts = trimParts(partsOf(c, view.pairs[index]), 80).map((p) => (p.type === 'equal' ? p : { ...p, text: cap(p.text, 1500) }));
        lines.push('', `  > ${redline(parts)}`, '');
      }
    }
    lines.push('', '</details>');
    return { text: lines.join('\n'), changes: g.items.length };
  });

  const out = [head.join('\n')];
  let length = out[0]!.length;
  const reserve = 600;
  const rest: typeof blocks = [];
  for (const b of blocks) {
    // A section that does not fit is left out; smaller ones after it may still fit.
    if (length + b.text.length + 1 > limit - reserve) {
      rest.push(b);
      continue;
    }
    out.push(b.text);
    length += b.text.length + 1;
  }
  if (rest.length) {
    const n = rest.reduce((s, b) => s + b.changes, 0);
    out.push(`\n> **Truncated:** ${plural(rest.length, 'more section')} (${plural(n, 'change')}) not shown: a GitHub comment holds at most ${limit.toLocaleString('en')} characters. Run \`noticekit diff --format html\` for the full redline, or \`--format json\` for every change.`);
  }
  return `${out.join('\n')}\n`;
}
