import type { FactRule } from '../types.js';
import { codes, quote } from '../fact-format.js';

export const factsRegion: FactRule = {
  id: 'facts-region',
  severity: 'material',
  description: 'A region was added or removed, or the jurisdictions whose law applies to it changed.',
  appliesTo(c) {
    if (c.area !== 'region') return undefined;
    if (c.kind === 'added') return `Region ${quote(c.label)} (${c.id}) added: a new notice is published`;
    if (c.kind === 'removed') return `Region ${quote(c.label)} (${c.id}) removed: its notice is no longer published`;
    if (c.field === 'jurisdictions') return `Region ${quote(c.label)} now follows ${codes(c.after)} (was ${codes(c.before)})`;
    return undefined;
  },
};
