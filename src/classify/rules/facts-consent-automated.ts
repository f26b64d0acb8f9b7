import type { FactRule } from '../types.js';
import { quote } from '../fact-format.js';

export const factsConsentAutomated: FactRule = {
  id: 'facts-consent-automated',
  severity: 'material',
  description: 'A purpose no longer asks for consent, or now involves automated decision-making.',
  appliesTo(c) {
    if (c.area !== 'purpose' || c.kind !== 'changed') return undefined;
    if (c.field === 'consent_required' && c.before === true && c.after !== true) return `Purpose ${quote(c.label)} no longer requires consent`;
    if (c.field === 'automated_decisions' && c.after === true && c.before !== true) return `Purpose ${quote(c.label)} now involves automated decision-making`;
    return undefined;
  },
};
