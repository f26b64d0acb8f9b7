import type { FactRule } from '../types.js';

/** Generated blocks that state data practices (the rest name contacts or measures). */
const PRACTICE_BLOCKS = new Set(['data-categories', 'sources', 'purposes', 'recipients', 'transfers', 'retention', 'rights', 'cookies', 'children', 'storage']);

export const factsBlock: FactRule = {
  id: 'facts-block',
  severity: 'material',
  description: 'A generated block that states data practices (`::facts{show=…}`: purposes, recipients, transfers, rights…) was added to or removed from some regional notices.',
  appliesTo(c) {
    if (c.area !== 'block' || !PRACTICE_BLOCKS.has(c.id)) return undefined;
    return `the generated ${c.id} block (${c.path}) is ${c.kind === 'added' ? 'now shown' : 'no longer shown'} in these regions' notices`;
  },
};
