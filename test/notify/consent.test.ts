import { describe, it, expect } from 'vitest';
import { loadJurisdictions } from '../../src/jurisdictions/index.js';
import { consentFor } from '../../src/notify/consent/index.js';
import type { FactChange, NoticeChange, TextChange } from '../../src/notify/types.js';

const registry = loadJurisdictions();
const fact = (c: Partial<FactChange> & Pick<FactChange, 'kind' | 'id'>): FactChange => ({ severity: 'material', ...c });
const text = (rules: string[]): TextChange => ({ kind: 'text_changed', severity: 'material', rules, reasons: [], section: { id: 'children', path: ['Children'] }, units: [] });

const newConsentPurpose = fact({ kind: 'purpose_added', id: 'personalization', legalBasis: 'consent' });
const newContractPurpose = fact({ kind: 'purpose_added', id: 'warranty', legalBasis: 'contract' });
const toConsent = fact({ kind: 'legal_basis_changed', id: 'marketing', before: 'legitimate_interests', after: 'consent' });
const moreData = fact({ kind: 'purpose_changed', id: 'marketing', categories: ['location'], legalBasis: 'explicit_consent' });
const newProcessor = fact({ kind: 'recipient_added', id: 'analytics', recipientType: 'processor' });
const newAuthority = fact({ kind: 'recipient_added', id: 'police', recipientType: 'authority' });
const newTransfer = fact({ kind: 'transfer_added', id: 'sg', countries: ['sg'], safeguard: 'standard_contract' });
const children = fact({ kind: 'children_changed', id: 'children' });
const longer = fact({ kind: 'retention_longer', id: 'support', before: { period: 'P2Y' }, after: { period: 'P3Y' } });

/** Table: jurisdictions of a region, the changes that reach it, the rule and type expected (or null), the changes that need consent. */
const CASES: [string, string[], NoticeChange[], string | null, string | null, string[]][] = [
  ['GDPR: new purpose relying on consent', ['de'], [newConsentPurpose, newProcessor, longer], 'gdpr', 'consent', ['purpose_added']],
  ['GDPR: purpose moves to consent', ['fr'], [toConsent], 'gdpr', 'consent', ['legal_basis_changed']],
  ['GDPR: consent-based purpose uses more data', ['it'], [moreData], 'gdpr', 'consent', ['purpose_changed']],
  ['GDPR: a new contract purpose or recipient needs no consent', ['nl'], [newContractPurpose, newProcessor, newTransfer], null, null, []],
  ['UK GDPR', ['gb'], [newConsentPurpose], 'gdpr', 'consent', ['purpose_added']],
  ['Swiss FADP', ['ch'], [newConsentPurpose], 'gdpr', 'consent', ['purpose_added']],
  ['PIPL: new purpose (any basis)', ['cn'], [newContractPurpose], 'pipl', 'consent', ['purpose_added']],
  ['PIPL: new recipient and transfer need separate consent', ['cn'], [newProcessor, newTransfer, longer], 'pipl', 'separate_consent', ['recipient_added', 'transfer_added']],
  ['PIPL: disclosure to authorities needs none', ['cn'], [newAuthority], null, null, []],
  ['PIPA: new purpose, recipient, transfer', ['kr'], [newContractPurpose, newProcessor, newTransfer], 'pipa', 'separate_consent', ['purpose_added', 'recipient_added', 'transfer_added']],
  ['COPPA: children’s settings', ['us', 'us-ca'], [children, newConsentPurpose], 'coppa', 'parental_consent', ['children_changed']],
  ['COPPA: children text rule', ['us'], [text(['children'])], 'coppa', 'parental_consent', ['text_changed']],
  ['COPPA: other changes need none', ['us'], [newConsentPurpose, newProcessor], null, null, []],
  ['no rule for Australia', ['au'], [newConsentPurpose, newProcessor, children], null, null, []],
  ['no rule for Canada/Québec', ['ca', 'ca-qc'], [newConsentPurpose], null, null, []],
];

describe('consent rules (src/notify/consent/*.ts)', () => {
  for (const [name, ids, changes, rule, type, kinds] of CASES) {
    it(name, () => {
      const d = consentFor(changes, registry.compose(ids), registry);
      if (rule === null) {
        expect(d).toBeNull();
        return;
      }
      expect(d?.rule).toBe(rule);
      expect(d?.type).toBe(type);
      expect(d?.changes.map((c) => c.kind)).toEqual(kinds);
      expect(d?.citation).toBeTruthy();
      expect(d?.packRule, 'quotes the pack’s notice_changes.reconsent').toBeTruthy();
    });
  }
});
