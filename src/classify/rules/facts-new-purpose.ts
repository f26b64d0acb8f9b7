import type { FactRule } from '../types.js';
import { ids, quote, retentionText } from '../fact-format.js';
import type { Purpose } from '../../model/schema.js';

export const factsNewPurpose: FactRule = {
  id: 'facts-new-purpose',
  severity: 'material',
  description: 'A purpose of processing was added.',
  appliesTo(c) {
    if (c.area !== 'purpose' || c.kind !== 'added') return undefined;
    const p = c.after as Purpose;
    const basis = Object.entries(p.legal_basis ?? {}).map(([j, b]) => `${j} ${b}`).join(', ');
    return `Purpose ${quote(c.label)} (${c.id}) added: uses ${ids(p.data_categories)}; legal basis ${basis || 'none stated'}; kept ${retentionText(p.retention)}`;
  },
};
