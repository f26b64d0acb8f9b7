import type { ProjectDiff } from '../classify/project-diff.js';
import type { Unit } from '../model/document.js';
import type { TextChange } from './types.js';

/**
 * The material changes to the master text that reach a region, from the project diff (which
 * knows, after `:::only`/`:::except` resolution, which regional notices each change reaches),
 * grouped by section: one sentence per section. Text that is now shown in a region that did not
 * show it before counts as added there, and the other way round.
 */
export function regionTextChanges(pd: ProjectDiff, regionId: string): TextChange[] {
  const groups = new Map<string, TextChange>();
  pd.report.changes.forEach((c, i) => {
    if (c.source === 'facts' || c.severity !== 'material' || !c.regions?.includes(regionId)) return;
    const pair = pd.pairs[i];
    if (!pair) return;
    const kind = c.kind;
    const unit: { old?: Unit; new?: Unit } = {};
    if (kind !== 'added' && pair.old) unit.old = pair.old;
    if (kind !== 'removed' && pair.new) unit.new = pair.new;
    let g = groups.get(c.section.id);
    if (!g) {
      g = { kind: 'text_added', severity: 'material', rules: [], reasons: [], section: c.section, units: [] };
      groups.set(c.section.id, g);
    }
    if (!g.rules.includes(c.rule)) g.rules.push(c.rule);
    g.reasons.push(c.reason);
    g.units.push(unit);
  });
  return [...groups.values()].map((g) => {
    const anyOld = g.units.some((u) => u.old);
    const anyNew = g.units.some((u) => u.new);
    return { ...g, kind: anyOld && anyNew ? 'text_changed' : anyNew ? 'text_added' : 'text_removed' };
  });
}
