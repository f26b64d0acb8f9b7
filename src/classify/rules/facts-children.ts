import type { FactRule } from '../types.js';

export const factsChildren: FactRule = {
  id: 'facts-children',
  severity: 'material',
  description: "What the policy says about children changed: directed to children, or a lower minimum age.",
  appliesTo(c) {
    if (c.area !== 'children' || c.kind !== 'changed') return undefined;
    if (c.field === 'directed_to_children') return `The service is ${c.after ? 'now' : 'no longer'} directed to children`;
    if (c.field === 'minimum_age' && Number(c.after) < Number(c.before)) return `Minimum age lowered from ${String(c.before)} to ${String(c.after)}`;
    if (c.field === 'family_accounts' && c.after === true) return 'Family accounts (children’s accounts managed by a parent) added';
    return undefined;
  },
};
