import type { Rule } from '../types.js';

export const whitespaceOnly: Rule = {
  id: 'whitespace-only',
  severity: 'editorial',
  description: 'Only spacing or line breaks changed.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    const n = (s: string): string => s.replace(/\s+/g, ' ').trim();
    return n(c.before) === n(c.after) ? 'only whitespace or line breaks differ; the words are identical' : undefined;
  },
};
