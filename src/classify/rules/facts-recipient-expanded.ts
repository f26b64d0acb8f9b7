import type { FactRule } from '../types.js';
import { codes, ids, quote } from '../fact-format.js';

export const factsRecipientExpanded: FactRule = {
  id: 'facts-recipient-expanded',
  severity: 'material',
  description: 'A recipient receives more: new countries, data categories or purposes, a sale or sharing, a different type or name.',
  appliesTo(c) {
    if (c.area !== 'recipient' || c.kind !== 'changed') return undefined;
    const who = `Recipient ${quote(c.label)}`;
    switch (c.field) {
      case 'countries':
        return c.gained?.length ? `${who} now also in ${codes(c.gained)}` : undefined;
      case 'data_categories':
        return c.gained?.length ? `${who} now also receives ${ids(c.gained)}` : undefined;
      case 'purposes':
        return c.gained?.length ? `${who} now also receives data for ${ids(c.gained)}` : undefined;
      case 'sale':
        return c.after === true ? `${who}: the disclosure is now a sale of personal data` : undefined;
      case 'sharing':
        return c.after === true ? `${who}: the disclosure is now sharing for cross-context behavioural advertising` : undefined;
      case 'type':
        return `${who} changed type from ${String(c.before)} to ${String(c.after)}`;
      case 'name':
        return `Recipient ${c.id} renamed from ${quote(String(c.before ?? c.id))} to ${quote(String(c.after ?? c.id))}: check whether it is still the same company`;
      default:
        return undefined;
    }
  },
};
