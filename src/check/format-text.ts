/** `noticekit check --format text`: grouped by region, errors first, counts at the end. */
import type { CheckReport, Finding } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function findingLines(f: Finding): string[] {
  const head = `  ${f.severity.padEnd(7)} ${f.element ?? '-'} [${f.rule}]${f.lowConfidence ? ' (low confidence: verify locally)' : ''}`;
  const lines = [head, `          ${f.message}`];
  if (f.cite || f.pack) lines.push(`          law: ${f.cite || '-'}${f.pack ? ` (pack ${f.pack})` : ''}`);
  lines.push(`          fix: ${f.fix}`);
  return lines;
}

export function formatText(report: CheckReport): string {
  const out: string[] = [];
  for (const r of report.regions) {
    const counts = [plural(r.errors, 'error'), plural(r.warnings, 'warning'), plural(r.notes, 'note')].join(', ');
    out.push(`${r.region} ${r.name} [${r.jurisdictions.join(', ')}]: ${r.status} (${counts})`);
    for (const f of r.findings) out.push(...findingLines(f));
    out.push('');
  }
  const s = report.summary;
  out.push(
    `noticekit check: ${plural(s.regions, 'region')} checked, ${s.passed} pass, ${s.failed} fail; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}`,
  );
  return `${out.join('\n')}\n`;
}
