import type { FactRule } from '../types.js';
import { quote } from '../fact-format.js';

const CONTACT_FIELDS = new Set(['address', 'email', 'phone', 'url', 'website', 'registration']);

export const factsContactDetails: FactRule = {
  id: 'facts-contact-details',
  severity: 'minor',
  description: 'Contact details changed (address, e-mail, phone, web address of a contact, entity or the rights-request channel).',
  appliesTo(c) {
    const contactish = c.area === 'contact' || ((c.area === 'entity' || c.area === 'rights-requests' || c.area === 'company') && c.kind === 'changed' && CONTACT_FIELDS.has(c.field ?? ''));
    if (!contactish) return undefined;
    if (c.kind === 'added') return `Contact ${quote(c.label)} added`;
    if (c.kind === 'removed') return `Contact ${quote(c.label)} removed`;
    return `Contact details of ${quote(c.label)} changed: ${c.field} ${quote(String(c.before ?? 'none'))} → ${quote(String(c.after ?? 'none'))}`;
  },
};
