import { canonicalText } from './markdown-formatting.js';
import type { Rule } from '../types.js';

const letters = (s: string): string => canonicalText(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const NON_ASCII = /[^\x00-\x7f]/;
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * `letters(a) === letters(b)`. For ASCII texts (the letters and digits are then [A-Za-z0-9], and
 * lower-casing touches only A-Z) the two are compared in one pass without building the strings.
 */
function sameLetters(a: string, b: string): boolean {
  const x = canonicalText(a);
  const y = canonicalText(b);
  if (NON_ASCII.test(x) || NON_ASCII.test(y)) return letters(a) === letters(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < x.length && !isAlnum(x.charCodeAt(i))) i++;
    while (j < y.length && !isAlnum(y.charCodeAt(j))) j++;
    if (i === x.length || j === y.length) return i === x.length && j === y.length;
    if (lower(x.charCodeAt(i)) !== lower(y.charCodeAt(j))) return false;
    i++;
    j++;
  }
}

export const punctuationCapitalisation: Rule = {
  id: 'punctuation-capitalisation',
  severity: 'editorial',
  description: 'Only punctuation or capitalisation changed.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    return sameLetters(c.before, c.after) ? 'the same words in the same order; only punctuation or capitalisation differs' : undefined;
  },
};
