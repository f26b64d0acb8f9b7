import type { FactRule } from '../types.js';
import { quote } from '../fact-format.js';

export const factsNewDataCategory: FactRule = {
  id: 'facts-new-data-category',
  severity: 'material',
  description: 'A category of personal data was added to the facts: the policy now says more data is processed.',
  appliesTo(c) {
    if (c.area !== 'data-category' || c.kind !== 'added') return undefined;
    const a = c.after as { sensitive?: boolean; sensitive_in?: string[] };
    const sens = a.sensitive ? ', sensitive' : a.sensitive_in?.length ? `, sensitive in ${a.sensitive_in.map((j) => j.toUpperCase()).join(', ')}` : '';
    return `Data category ${quote(c.label)} (${c.id}${sens}) added`;
  },
};
