import type { FactRule } from '../types.js';
import { codes, quote } from '../fact-format.js';

export const factsNewController: FactRule = {
  id: 'facts-new-controller',
  severity: 'material',
  description: 'A controller entity was added or changed its name or country, or a region has a different controller.',
  appliesTo(c) {
    if (c.area === 'entity') {
      if (c.kind === 'added') return `Controller entity ${quote(c.label)} (${codes((c.after as { country?: string }).country)}) added`;
      if (c.kind === 'changed' && c.field === 'name') return `Controller entity ${c.id} renamed from ${quote(String(c.before))} to ${quote(String(c.after))}`;
      if (c.kind === 'changed' && c.field === 'country') return `Controller entity ${quote(c.label)} moved from ${codes(c.before)} to ${codes(c.after)}`;
    }
    if (c.area === 'region' && c.kind === 'changed' && c.field === 'entity') return `Region ${quote(c.label)} has a new controller: ${String(c.after)} (was ${String(c.before)})`;
    return undefined;
  },
};
