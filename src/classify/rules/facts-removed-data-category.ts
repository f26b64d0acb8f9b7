import type { FactRule } from '../types.js';
import { quote } from '../fact-format.js';

export const factsRemovedDataCategory: FactRule = {
  id: 'facts-removed-data-category',
  severity: 'material',
  description: 'A category of personal data was removed from the facts: the list of data processed changed.',
  appliesTo(c) {
    if (c.area !== 'data-category' || c.kind !== 'removed') return undefined;
    return `Data category ${quote(c.label)} (${c.id}) removed`;
  },
};
