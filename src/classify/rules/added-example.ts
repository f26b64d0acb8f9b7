import type { Rule } from '../types.js';

const EXAMPLE = /\b(for example|for instance|such as|e\.g\.|including|like)\b/i;

export const addedExample: Rule = {
  id: 'added-example',
  severity: 'minor',
  description: 'Examples were added or removed without changing the practice.',
  appliesTo(c) {
    const parts = c.pair.parts;
    if (!parts) return undefined;
    const changed = parts.filter((p) => p.type !== 'equal').map((p) => p.text).join(' ');
    return EXAMPLE.test(changed) ? 'examples added or removed; the practice they illustrate is unchanged' : undefined;
  },
};
