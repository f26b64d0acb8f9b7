import { mentionsPractice, modalityDeltas } from '../lexicon.js';
import type { Rule } from '../types.js';

export const negationModality: Rule = {
  id: 'negation-modality',
  severity: 'material',
  description: 'A negation or modal word (not, never, may, will, only, unless…) changed in a sentence about a data practice.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    const d = modalityDeltas(c.before, c.after);
    if (!d.length || !(mentionsPractice(c.before) || mentionsPractice(c.after))) return undefined;
    return `the commitment changes: ${d.map((x) => (x[0] === '+' ? `adds "${x.slice(1)}"` : `removes "${x.slice(1)}"`)).join(', ')} in a sentence about a data practice ("${c.before.slice(0, 80)}" → "${c.after.slice(0, 80)}")`;
  },
};
