import type { Rule } from '../types.js';
import { isWordToken } from '../../diff/tokenize.js';
import { distance } from 'fastest-levenshtein';

export const spellingFix: Rule = {
  id: 'spelling-fix',
  severity: 'editorial',
  description: 'A misspelt or mis-inflected word was corrected (one or two letters), nothing else.',
  appliesTo(c) {
    const parts = c.pair.parts;
    if (!parts || c.before === null || c.after === null) return undefined;
    const fixes: string[] = [];
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k]!;
      if (p.type === 'equal') continue;
      const q = parts[k + 1];
      if (p.type !== 'removed' || !q || q.type !== 'added') return undefined;
      const a = p.text.trim();
      const b = q.text.trim();
      if (!/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b) || !isWordToken(a)) return undefined;
      if (Math.min(a.length, b.length) < 5 || distance(a.toLowerCase(), b.toLowerCase()) > 2) return undefined;
      fixes.push(`"${a}" → "${b}"`);
      k++;
    }
    return fixes.length ? `spelling corrected: ${fixes.join(', ')}; no other word changed` : undefined;
  },
};
