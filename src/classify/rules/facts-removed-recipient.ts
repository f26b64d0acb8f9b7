import type { FactRule } from '../types.js';
import { codes, quote } from '../fact-format.js';
import type { Facts } from '../../model/schema.js';

export const factsRemovedRecipient: FactRule = {
  id: 'facts-removed-recipient',
  severity: 'material',
  description: 'A recipient of personal data was removed.',
  appliesTo(c) {
    if (c.area !== 'recipient' || c.kind !== 'removed') return undefined;
    const r = c.before as Facts['recipients'][number];
    return `Recipient ${quote(c.label)} (${r.type}${r.countries?.length ? `, ${codes(r.countries)}` : ''}) removed`;
  },
};
