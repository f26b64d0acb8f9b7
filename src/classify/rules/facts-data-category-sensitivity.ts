import type { FactRule } from '../types.js';
import { codes, quote } from '../fact-format.js';

export const factsDataCategorySensitivity: FactRule = {
  id: 'facts-data-category-sensitivity',
  severity: 'material',
  description: 'Whether a data category counts as sensitive (everywhere or in some jurisdictions) changed.',
  appliesTo(c) {
    if (c.area !== 'data-category' || c.kind !== 'changed' || (c.field !== 'sensitive' && c.field !== 'sensitive_in')) return undefined;
    if (c.field === 'sensitive') return `Data category ${quote(c.label)} is ${c.after ? 'now' : 'no longer'} treated as sensitive`;
    const bits: string[] = [];
    if (c.gained?.length) bits.push(`now sensitive in ${codes(c.gained)}`);
    if (c.lost?.length) bits.push(`no longer sensitive in ${codes(c.lost)}`);
    return `Data category ${quote(c.label)}: ${bits.join('; ')}`;
  },
};
