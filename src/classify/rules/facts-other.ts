import type { FactRule } from '../types.js';
import { formatValue, quote } from '../fact-format.js';

/** The fallback for facts changes no other rule claims (the user gains, or nothing of substance changed). */
export const factsOther: FactRule = {
  id: 'facts-other',
  severity: 'minor',
  description: 'Any other change of the facts: narrowing (less data, fewer recipients or countries), labels, examples, sources, locales.',
  appliesTo(c) {
    const what = `${c.area} ${quote(c.label)}`;
    if (c.kind === 'added') return `${what} added`;
    if (c.kind === 'removed') return `${what} removed`;
    const bits: string[] = [];
    if (c.gained?.length) bits.push(`adds ${c.gained.join(', ')}`);
    if (c.lost?.length) bits.push(`no longer ${c.lost.join(', ')}`);
    const change = bits.length ? bits.join('; ') : `${formatValue(c.before) ?? 'none'} → ${formatValue(c.after) ?? 'none'}`;
    return `${what}: ${c.field} changed (${change})`;
  },
};
