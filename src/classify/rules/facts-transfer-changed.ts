import type { FactRule } from '../types.js';
import { codes, ids } from '../fact-format.js';

export const factsTransferChanged: FactRule = {
  id: 'facts-transfer-changed',
  severity: 'material',
  description: 'A transfer changed its safeguard, covers more jurisdictions, or goes to more recipients.',
  appliesTo(c) {
    if (c.area !== 'transfer' || c.kind !== 'changed') return undefined;
    if (c.field === 'safeguard') return `Transfer ${c.id}: safeguard changed from ${String(c.before)} to ${String(c.after)}`;
    if (c.field === 'from' && c.gained?.length) return `Transfer ${c.id} now also covers data from ${codes(c.gained)}`;
    if (c.field === 'recipients' && c.gained?.length) return `Transfer ${c.id} now also goes to recipients ${ids(c.gained)}`;
    return undefined;
  },
};
