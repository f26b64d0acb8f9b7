import type { NoticeChange } from '../types.js';
import type { ConsentRule } from './types.js';

/**
 * United States: Children's Online Privacy Protection Act and the COPPA Rule (16 C.F.R. Part 312).
 *
 * An operator must send parents a new direct notice and obtain new verifiable parental consent
 * for a material change in the collection, use or disclosure practices the parent consented to
 * (16 C.F.R. 312.4(b)-(c), 312.5(a)(1)). So: a parental consent request when the children's
 * settings of the facts change (who the service is directed to, the minimum age, family accounts)
 * or a change to the text is classified material by the `children` rule. Other FTC Act (s.5)
 * material changes need opt-in only for data already collected (Gateway Learning, 2004); that is a
 * business decision this rule does not make.
 */
export const CITATION = 'COPPA Rule, 16 C.F.R. 312.4(c) (direct notice to parents) and 312.5(a)(1) (new verifiable parental consent for material changes)';

export const coppa: ConsentRule = {
  id: 'coppa',
  covers: (j) => j.ids.includes('us'),
  packId: () => 'us',
  decide(changes) {
    const needs = changes.filter((c) => c.kind === 'children_changed' || ((c.kind === 'text_changed' || c.kind === 'text_added' || c.kind === 'text_removed') && c.rules.includes('children')));
    if (!needs.length) return null;
    return { type: 'parental_consent', citation: CITATION, reason: "children's data practices change: new direct notice and verifiable parental consent", changes: needs as NoticeChange[] };
  },
};
