import type { Rule } from '../types.js';
import { canonicalText } from './markdown-formatting.js';

const DATE_LINE = /\b(effective|last (?:updated|modified|revised|changed)|updated|revised|version|date)\b/i;
const MONTH = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/gi;
const mask = (s: string): string => canonicalText(s).replace(MONTH, '#').replace(/\d+/g, '#').replace(/[#\s,./-]+/g, '#');

export const effectiveDate: Rule = {
  id: 'effective-date',
  severity: 'editorial',
  description: 'Only the effective or last-updated date of the document changed.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    if (!DATE_LINE.test(c.after) || c.before.length > 200 || c.after.length > 200) return undefined;
    return mask(c.before) === mask(c.after) ? `only the date changed ("${canonicalText(c.before)}" → "${canonicalText(c.after)}")` : undefined;
  },
};
