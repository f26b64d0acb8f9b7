import type { FactRule } from '../types.js';
import { codes, ids, quote } from '../fact-format.js';
import type { Facts } from '../../model/schema.js';

export const factsNewRecipient: FactRule = {
  id: 'facts-new-recipient',
  severity: 'material',
  description: 'A recipient of personal data was added.',
  appliesTo(c) {
    if (c.area !== 'recipient' || c.kind !== 'added') return undefined;
    const r = c.after as Facts['recipients'][number];
    const where = r.countries?.length ? `, ${codes(r.countries)}` : '';
    const what = r.data_categories?.length ? `; receives ${ids(r.data_categories)}` : '';
    const why = r.purposes?.length ? ` for ${ids(r.purposes)}` : '';
    const sale = r.sale ? '; the disclosure is a sale' : r.sharing ? '; the disclosure is sharing for cross-context advertising' : '';
    return `Recipient ${quote(c.label)} (${r.type}${where}) added${what}${why}${sale}`;
  },
};
