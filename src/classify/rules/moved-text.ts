import type { Rule } from '../types.js';

export const movedText: Rule = {
  id: 'moved-text',
  severity: 'minor',
  description: 'Text was moved to another place or section without changing what it says (reorganisation).',
  appliesTo(c) {
    if (c.kind !== 'moved' || c.pair.old?.hash !== c.pair.new?.hash) return undefined;
    const from = c.pair.oldSection?.path.join(' > ') || '(start)';
    const to = c.section.path.join(' > ') || '(start)';
    return from === to ? 'text moved within its section, unchanged' : `text moved unchanged from "${from}" to "${to}"`;
  },
};
