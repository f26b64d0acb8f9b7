import { CATEGORY_LABEL, practiceDeltas, type PracticeCategory } from './lexicon.js';
import type { Rule } from './types.js';

/** Builds the material rule for one practice category: terms of that category gained or lost. */
export function practiceRule(id: string, category: PracticeCategory): Rule {
  const label = CATEGORY_LABEL[category];
  return {
    id,
    severity: 'material',
    description: `Adds or removes text about ${label}.`,
    appliesTo(c) {
      const deltas = practiceDeltas(c.before ?? '', c.after ?? '', category);
      if (!deltas.length) return undefined;
      const added = [...new Set(deltas.filter((d) => d.delta > 0).map((d) => `"${d.term}"`))];
      const removed = [...new Set(deltas.filter((d) => d.delta < 0).map((d) => `"${d.term}"`))];
      const what = c.kind === 'added' ? 'new text' : c.kind === 'removed' ? 'removed text' : 'the edit';
      const bits: string[] = [];
      if (added.length) bits.push(`adds ${added.slice(0, 5).join(', ')}`);
      if (removed.length) bits.push(`removes ${removed.slice(0, 5).join(', ')}`);
      return `${what} changes what the policy says about ${label}: ${bits.join('; ')}`;
    },
  };
}
