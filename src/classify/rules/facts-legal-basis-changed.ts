import type { FactRule } from '../types.js';
import { quote } from '../fact-format.js';

export const factsLegalBasisChanged: FactRule = {
  id: 'facts-legal-basis-changed',
  severity: 'material',
  description: 'The legal basis of a purpose changed for a jurisdiction (or for the default).',
  appliesTo(c) {
    if (c.area !== 'purpose' || c.kind !== 'changed' || !c.field?.startsWith('legal_basis.')) return undefined;
    const j = c.field.slice('legal_basis.'.length);
    const where = j === 'default' ? 'the default (jurisdictions without their own entry)' : j.toUpperCase();
    const from = c.before === null ? 'no entry of its own' : String(c.before);
    const to = c.after === null ? 'no entry of its own (the default applies)' : String(c.after);
    return `Legal basis of purpose ${quote(c.label)} for ${where} changed from ${from} to ${to}`;
  },
};
