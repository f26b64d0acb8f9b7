import type { FactRule } from '../types.js';
import { codes, quote } from '../fact-format.js';

export const factsRightRemoved: FactRule = {
  id: 'facts-right-removed',
  severity: 'material',
  description: 'A right was removed or now applies in fewer jurisdictions, or requests take longer to answer.',
  appliesTo(c) {
    if (c.area === 'right' && c.kind === 'removed') return `Right ${quote(c.label)} (${c.id}) removed`;
    if (c.area === 'right' && c.kind === 'changed' && c.field === 'jurisdictions' && c.lost?.length) {
      return `Right ${quote(c.label)} narrowed: no longer in ${codes(c.lost)}${c.gained?.length ? ` (now in ${codes(c.gained)})` : ''}`;
    }
    if (c.area === 'rights-requests' && c.field === 'response_days' && Number(c.after) > Number(c.before)) {
      return `Rights requests are answered within ${String(c.after)} days (was ${String(c.before)})`;
    }
    return undefined;
  },
};
