import { canonicalText } from './markdown-formatting.js';
import type { Rule } from '../types.js';

const letters = (s: string): string => canonicalText(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export const punctuationCapitalisation: Rule = {
  id: 'punctuation-capitalisation',
  severity: 'editorial',
  description: 'Only punctuation or capitalisation changed.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    return letters(c.before) === letters(c.after) ? 'the same words in the same order; only punctuation or capitalisation differs' : undefined;
  },
};
