import type { Rule } from '../types.js';

const space = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/**
 * True when the two texts are equal once every run of whitespace is one space and the ends are
 * trimmed (`s.replace(/\s+/g, ' ').trim()`), compared in one pass without building the strings.
 */
export function sameButSpacing(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let endA = a.length;
  let endB = b.length;
  while (endA > 0 && space(a.charCodeAt(endA - 1))) endA--;
  while (endB > 0 && space(b.charCodeAt(endB - 1))) endB--;
  while (i < endA && space(a.charCodeAt(i))) i++;
  while (j < endB && space(b.charCodeAt(j))) j++;
  while (i < endA && j < endB) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const sx = space(x);
    if (sx !== space(y)) return false;
    if (sx) {
      while (i < endA && space(a.charCodeAt(i))) i++;
      while (j < endB && space(b.charCodeAt(j))) j++;
      continue;
    }
    if (x !== y) return false;
    i++;
    j++;
  }
  return i >= endA && j >= endB;
}

export const whitespaceOnly: Rule = {
  id: 'whitespace-only',
  severity: 'editorial',
  description: 'Only spacing or line breaks changed.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    return sameButSpacing(c.before, c.after) ? 'only whitespace or line breaks differ; the words are identical' : undefined;
  },
};
