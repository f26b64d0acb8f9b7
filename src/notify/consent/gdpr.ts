import type { ComposedJurisdiction } from '../../jurisdictions/index.js';
import type { FactChange, NoticeChange } from '../types.js';
import { CONSENT_BASES, type ConsentRule } from './types.js';

/**
 * EU/EEA member states (GDPR), the United Kingdom (UK GDPR) and Switzerland (revFADP).
 *
 * New consent is needed where new processing relies on consent and the consent given before does
 * not cover it: consent is given for "one or more specific purposes" (GDPR Art. 6(1)(a)), must be
 * informed and demonstrable (Art. 7(1), recital 42), and explicit for special categories
 * (Art. 9(2)(a)); a change of purpose otherwise goes through the compatibility test of Art. 6(4) and
 * the information duty of Art. 13(3). The UK GDPR has the same articles (Arts. 6(1)(a), 7, 13(3);
 * the DUAA adds deemed-compatible purposes, Art. 8A); the Swiss FADP asks for consent only where
 * consent is the justification (Arts. 6(6)-(7), 31(1)).
 *
 * So: a consent request when a purpose is added whose legal basis in the region is consent
 * (or explicit or separate consent), when an existing consent-based purpose starts to use more
 * data categories, or when a purpose moves to consent as its legal basis.
 */
const CITATION = {
  eu: 'GDPR Arts. 6(1)(a), 7(1), 9(2)(a) and 13(3) (Regulation (EU) 2016/679; change of purpose: Art. 6(4))',
  gb: 'UK GDPR Arts. 6(1)(a), 7(1), 9(2)(a) and 13(3) (compatibility: Art. 6(4), Art. 8A as inserted by the DUAA 2025)',
  ch: 'Swiss FADP Arts. 6(6)-(7) and 31(1) (consent only where it is the justification)',
} as const;

const group = (j: ComposedJurisdiction): keyof typeof CITATION | undefined => (j.ids.includes('eu') ? 'eu' : j.ids.includes('gb') ? 'gb' : j.ids.includes('ch') ? 'ch' : undefined);

export const gdpr: ConsentRule = {
  id: 'gdpr',
  covers: (j) => group(j) !== undefined,
  packId: (j) => group(j) ?? 'eu',
  decide(changes, j) {
    const needs = changes.filter((c): c is FactChange => {
      if (c.kind === 'purpose_added' || c.kind === 'purpose_changed') return CONSENT_BASES.has(c.legalBasis ?? '');
      if (c.kind === 'legal_basis_changed') return CONSENT_BASES.has(String(c.after ?? ''));
      return false;
    });
    if (!needs.length) return null;
    const what = needs.map((c) => (c.kind === 'purpose_added' ? `new purpose "${c.id}" relies on ${c.legalBasis}` : c.kind === 'purpose_changed' ? `consent-based purpose "${c.id}" uses more data (${(c.categories ?? []).join(', ')})` : `purpose "${c.id}" now relies on ${String(c.after)}`));
    return { type: 'consent', citation: CITATION[group(j) ?? 'eu'], reason: `${what.join('; ')}: the consent given before does not cover it`, changes: needs as NoticeChange[] };
  },
};
