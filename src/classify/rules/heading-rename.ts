import { practiceDeltas } from '../lexicon.js';
import type { Rule } from '../types.js';

export const headingRename: Rule = {
  id: 'heading-rename',
  severity: 'editorial',
  description: 'A heading was reworded without naming a different practice; the text under it is judged on its own.',
  appliesTo(c) {
    if (c.before === null || c.after === null || c.pair.new?.kind !== 'heading') return undefined;
    if (practiceDeltas(c.before, c.after).length) return undefined;
    return `heading renamed from "${c.before}" to "${c.after}"; it names no new or different data practice`;
  },
};
