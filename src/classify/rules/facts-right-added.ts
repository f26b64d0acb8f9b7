import type { FactRule } from '../types.js';
import { codes, quote } from '../fact-format.js';

export const factsRightAdded: FactRule = {
  id: 'facts-right-added',
  severity: 'minor',
  description: 'A right was added or now applies in more jurisdictions (the user gains).',
  appliesTo(c) {
    if (c.area !== 'right') return undefined;
    if (c.kind === 'added') return `Right ${quote(c.label)} (${c.id}) added for ${codes((c.after as { jurisdictions?: string[] }).jurisdictions)}`;
    if (c.kind === 'changed' && c.field === 'jurisdictions' && c.gained?.length && !c.lost?.length) return `Right ${quote(c.label)} extended to ${codes(c.gained)}`;
    return undefined;
  },
};
