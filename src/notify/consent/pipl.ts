import type { FactChange, NoticeChange } from '../types.js';
import { CONSENT_BASES, type ConsentRule } from './types.js';

/**
 * Mainland China: Personal Information Protection Law (PIPL).
 *
 * - Art. 14(2): when the purpose or method of processing or the categories of personal information
 *   change, consent is obtained again; so a new purpose asks for consent, and so does an existing
 *   consent-based purpose that starts to use more categories.
 * - Art. 23: providing personal information to another handler needs the individual's separate
 *   consent, after telling them the recipient's name, contact, purpose, method and categories; a new
 *   recipient asks for separate consent (public authorities, Art. 13(1)(3), and a successor in a
 *   merger, Art. 22, which needs notice only, are left out).
 * - Art. 39: providing personal information outside the mainland needs separate consent; a new
 *   destination of the region's cross-border transfers asks for separate consent.
 *
 * Counsel should confirm recipients that are entrusted processors (Art. 21): the rule asks for
 * separate consent for them too, the cautious reading the project's brief asks for.
 */
export const CITATION = 'PIPL Arts. 14(2) (re-consent on a change of purpose or categories), 23 (separate consent to provision to another handler) and 39 (separate consent to cross-border provision)';

const NO_CONSENT_RECIPIENTS = new Set(['authority', 'successor']);

export const pipl: ConsentRule = {
  id: 'pipl',
  covers: (j) => j.ids.includes('cn'),
  packId: () => 'cn',
  decide(changes, _j) {
    const needs = changes.filter((c): c is FactChange => {
      if (c.kind === 'purpose_added' || c.kind === 'transfer_added') return true;
      if (c.kind === 'purpose_changed') return CONSENT_BASES.has(c.legalBasis ?? '');
      if (c.kind === 'recipient_added') return !NO_CONSENT_RECIPIENTS.has(c.recipientType ?? '');
      return false;
    });
    if (!needs.length) return null;
    const separate = needs.some((c) => c.kind === 'recipient_added' || c.kind === 'transfer_added');
    const why = needs.map((c) => (c.kind === 'purpose_added' ? `new purpose "${c.id}" (Art. 14(2))` : c.kind === 'purpose_changed' ? `purpose "${c.id}" uses more categories (Art. 14(2))` : c.kind === 'recipient_added' ? `new recipient "${c.id}" (Art. 23)` : `new cross-border destination ${c.id.toUpperCase()} (Art. 39)`));
    return { type: separate ? 'separate_consent' : 'consent', citation: CITATION, reason: why.join('; '), changes: needs as NoticeChange[] };
  },
};
