import type { WordPart } from '../../diff/types.js';
import type { Severity } from '../severity.js';
import { bySection, partsOf, plural, regionList, sectionTitle, summaryText, trimParts, type DiffView } from './view.js';

const ESC = '\u001b[';
const style = (on: boolean, code: string, text: string): string => (on && text ? `${ESC}${code}m${text}${ESC}0m` : text);

const SEVERITY_STYLE: Record<Severity, string> = { material: '1;31', minor: '33', editorial: '2', none: '2' };

/** A redline in one line of text: `[-removed-]{+added+}` (or red strike-through / green underline on a terminal). */
export function redlineText(parts: readonly WordPart[], colour: boolean): string {
  return parts
    .map((p) => {
      const t = p.text.replace(/\s*\n\s*/g, ' ');
      if (p.type === 'equal') return t;
      if (colour) return style(true, p.type === 'added' ? '32;4' : '31;9', t);
      return p.type === 'added' ? `{+${t}+}` : `[-${t}-]`;
    })
    .join('');
}

const cap = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** `--format text`: a readable list of changes per section, then the impact; colour only on a terminal. */
export function formatText(view: DiffView, opts: { colour?: boolean } = {}): string {
  const colour = opts.colour ?? false;
  const { report } = view;
  const out: string[] = [];
  const head = `noticekit diff: ${view.from.label} → ${view.to.label}`;
  out.push(style(colour, '1', head));
  const sev = report.severity === 'none' ? 'no changes' : `${report.severity.toUpperCase()} (${summaryText(report.summary)})`;
  out.push(`Severity: ${style(colour, SEVERITY_STYLE[report.severity], sev)}`);
  const total = report.impact?.regions.length;
  for (const g of bySection(view)) {
    out.push('', style(colour, '1', `§ ${sectionTitle(g.section)}`) + style(colour, '2', ` (#${g.section.id})`));
    for (const { change: c, index } of g.items) {
      const tag = style(colour, SEVERITY_STYLE[c.severity], c.severity.toUpperCase().padEnd(9));
      out.push(`  ${tag} ${style(colour, '36', c.rule)}: ${c.reason}`);
      const indent = '            ';
      if (c.source === 'facts') {
        out.push(`${indent}${c.fact?.path ?? ''}${c.before !== null ? `: ${cap(c.before, 200)}` : ''}${c.before !== null && c.after !== null ? ' →' : ':'}${c.after !== null ? ` ${cap(c.after, 200)}` : ''}`);
      } else {
        if (c.kind === 'moved') {
          const from = c.oldSection && c.oldSection.id !== c.section.id ? `from § ${sectionTitle(c.oldSection)}` : 'within the section';
          out.push(`${indent}${style(colour, '35', `↳ moved ${from}`)}`);
        }
        const parts = trimParts(partsOf(c, view.pairs[index]), 60).map((p) => (p.type === 'equal' ? p : { ...p, text: cap(p.text, 400) }));
        out.push(`${indent}${redlineText(parts, colour)}`);
      }
      if (c.regions) out.push(`${indent}${style(colour, '2', `regions: ${regionList(c.regions, total)}`)}`);
    }
  }
  const impact = report.impact;
  if (impact) {
    out.push('', style(colour, '1', 'Regions'));
    const w = Math.max(...impact.regions.map((r) => r.id.length), 2);
    for (const r of impact.regions) {
      const stale = r.locales.filter((l) => l.staleTranslations > 0).map((l) => `${l.locale} ${l.staleTranslations}`);
      const sevText = style(colour, SEVERITY_STYLE[r.severity], r.severity.padEnd(9));
      out.push(`  ${r.id.padEnd(w)}  ${sevText} ${plural(r.changes, 'change').padEnd(11)} ${r.locales.map((l) => l.locale).join(', ')}${stale.length ? `  (stale translations: ${stale.join(', ')})` : ''}`);
    }
    if (impact.translations.length) {
      out.push('', style(colour, '1', 'Stale translations (made from text that changed)'));
      for (const t of impact.translations) out.push(`  ${t.locale.padEnd(6)} ${plural(t.stale.length, 'unit')}: ${cap(t.stale.map((s) => s.unit).join(', '), 200)}`);
    }
  }
  if (!report.changes.length) out.push('', 'No changes.');
  return `${out.join('\n')}\n`;
}
