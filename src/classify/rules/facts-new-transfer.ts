import type { FactRule } from '../types.js';
import { codes } from '../fact-format.js';
import type { Facts } from '../../model/schema.js';

export const factsNewTransfer: FactRule = {
  id: 'facts-new-transfer',
  severity: 'material',
  description: 'Personal data goes to a new destination country (a transfer added or redirected).',
  appliesTo(c) {
    if (c.area !== 'transfer') return undefined;
    if (c.kind === 'added') {
      const t = c.after as Facts['transfers'][number];
      return `Transfer ${c.id} added: data from ${codes(t.from)} to ${codes(t.to)} under ${t.safeguard}${t.recipients?.length ? ` (recipients ${t.recipients.join(', ')})` : ''}`;
    }
    if (c.kind === 'changed' && c.field === 'to') return `Transfer ${c.id} now goes to ${codes(c.after)} (was ${codes(c.before)})`;
    return undefined;
  },
};
