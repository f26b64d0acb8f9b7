import type { FactChange, NoticeChange } from '../types.js';
import type { ConsentRule } from './types.js';

/**
 * Republic of Korea: Personal Information Protection Act (PIPA).
 *
 * The items the data subject consented to are the purpose, the items of data, the retention period
 * and, for provision to third parties, the recipient (Arts. 15(2), 17(2)); when one of them changes,
 * consent is obtained again and each matter separately (Art. 22(1)). Use beyond the purpose or
 * provision to a new third party needs consent (Art. 18(2)(1)); so does a new overseas transfer
 * (Art. 28-8(1)(1)). So: a consent request for a new purpose, a new recipient (public authorities
 * and successors left out, as for PIPL) or a new transfer destination.
 */
export const CITATION = 'PIPA Arts. 15(2), 17(2) and 18(2) (consent items: purpose, data, retention, recipients), 22(1) (separate consent per matter) and 28-8(1) (overseas transfer)';

const NO_CONSENT_RECIPIENTS = new Set(['authority', 'successor']);

export const pipa: ConsentRule = {
  id: 'pipa',
  covers: (j) => j.ids.includes('kr'),
  packId: () => 'kr',
  decide(changes) {
    const needs = changes.filter((c): c is FactChange => {
      if (c.kind === 'purpose_added' || c.kind === 'transfer_added') return true;
      if (c.kind === 'recipient_added') return !NO_CONSENT_RECIPIENTS.has(c.recipientType ?? '');
      return false;
    });
    if (!needs.length) return null;
    const why = needs.map((c) => (c.kind === 'purpose_added' ? `new purpose "${c.id}" (Arts. 15(2), 18(2))` : c.kind === 'recipient_added' ? `new recipient "${c.id}" (Art. 17(2))` : `new overseas destination ${c.id.toUpperCase()} (Art. 28-8)`));
    return { type: 'separate_consent', citation: CITATION, reason: why.join('; '), changes: needs as NoticeChange[] };
  },
};
