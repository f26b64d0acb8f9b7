import { mentionsPractice } from '../lexicon.js';
import type { Rule } from '../types.js';
import { canonicalText } from './markdown-formatting.js';

const CONTACT_ONLY = /^(?:[\w.+-]+@[\w.-]+|https?:\/\/\S+|\+?[\d ()-]*|)$/;

const LIST_TABLE = /processor|vendor|recipient|provider|partner|third|cookie|tracker|purpose|categor|location|countr|retention|affiliate|subsidiar|service|name/i;

export const tableRow: Rule = {
  id: 'table-row',
  severity: 'material',
  description: 'A row was added to or removed from a table that lists data practices (subprocessors, recipients, cookies, purposes, locations).',
  appliesTo(c) {
    if (c.kind !== 'added' && c.kind !== 'removed') return undefined;
    const t = (c.kind === 'added' ? c.pair.newContext : c.pair.oldContext)?.table;
    if (!t || t.isHeader) return undefined;
    const header = t.header.join(' | ');
    // A row of contact details (e-mail, URL, phone) is not a data practice: contact-details handles it.
    if (t.row.every((cell) => CONTACT_ONLY.test(canonicalText(cell)))) return undefined;
    if (!LIST_TABLE.test(header) && !mentionsPractice(`${header} ${t.row.join(' ')}`)) return undefined;
    return `${c.kind === 'added' ? 'adds' : 'removes'} a row of the table "${header}": ${t.row.join(' | ')}`;
  },
};
