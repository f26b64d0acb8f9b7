import type { Rule } from '../types.js';

export const reworded: Rule = {
  id: 'reworded',
  severity: 'minor',
  description: 'Wording changed without adding or removing any data practice, negation or modal word.',
  appliesTo(c) {
    if (c.kind === 'added') return 'text added that names no data practice, recipient, purpose, location, retention, right or tracking technology';
    if (c.kind === 'removed') return 'text removed that named no data practice, recipient, purpose, location, retention, right or tracking technology';
    return 'reworded; no data practice, recipient, purpose, location, retention period, right or tracking technology was added or removed';
  },
};
