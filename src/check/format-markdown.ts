/** `noticekit check --format markdown`: a per-region compliance table for a pull-request comment. */
import type { CheckReport, Finding } from './types.js';

/** Escapes text for a Markdown table cell or list item (no HTML, no accidental formatting). */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\n+/g, ' ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function html(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function findingItem(f: Finding): string {
  const law = f.cite || f.pack ? ` (${[f.pack ? `pack ${md(f.pack)}` : '', f.cite ? md(f.cite) : ''].filter(Boolean).join(': ')})` : '';
  const low = f.lowConfidence ? ' *(low confidence: verify locally)*' : '';
  const what = f.element ? `\`${f.element}\` [${f.rule}]` : `[${f.rule}]`;
  return `- **${f.severity}** ${what}${law}${low}: ${md(f.message)}. Fix: ${md(f.fix)}.`;
}

export function formatMarkdown(report: CheckReport): string {
  const s = report.summary;
  const out: string[] = [
    '## noticekit check',
    '',
    `${plural(s.regions, 'region')} checked: ${s.passed} pass, ${s.failed} fail (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}).`,
    '',
    '| region | errors | notes | status |',
    '|---|---:|---:|---|',
    ...report.regions.map((r) => `| ${md(r.region)} (${md(r.name)}) | ${r.errors} | ${r.notes} | ${r.status} |`),
  ];
  for (const r of report.regions.filter((x) => x.status === 'fail')) {
    out.push(
      '',
      '<details>',
      `<summary>${html(r.region)} (${html(r.name)}): ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}, ${plural(r.notes, 'note')}</summary>`,
      '',
      ...r.findings.map(findingItem),
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}
