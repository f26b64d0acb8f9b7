import type { FactRule } from '../types.js';
import { quote } from '../fact-format.js';

export const factsRemovedPurpose: FactRule = {
  id: 'facts-removed-purpose',
  severity: 'material',
  description: 'A purpose of processing was removed.',
  appliesTo(c) {
    if (c.area !== 'purpose' || c.kind !== 'removed') return undefined;
    return `Purpose ${quote(c.label)} (${c.id}) removed`;
  },
};
