import type { Unit } from '../model/document.js';
import type { UnitLockFile } from '../parse/units.js';
import { classifyChange } from '../classify/classify.js';
import type { ClassifiedChange } from '../classify/types.js';
import { wordDiff } from '../diff/word-diff.js';
import { textSimilarity } from '../diff/similarity.js';

/**
 * How the English of a unit changed since a translation was made from it, classified by the diff
 * engine's rules: `material` makes the translation stale (it is not shown; the marked English is),
 * anything less keeps it in use, marked for review. Unknown earlier text (the lock no longer has it)
 * counts as material: nobody can tell what the translation says.
 */
export interface UnitChange {
  severity: ClassifiedChange['severity'];
  rule: string;
  reason: string;
  before: string | undefined;
}

export type Staleness = (unit: Unit, sourceHash: string) => UnitChange;

export function makeStaleness(lock: UnitLockFile): Staleness {
  const cache = new Map<string, UnitChange>();
  return (unit, sourceHash) => {
    const key = `${unit.id}:${sourceHash}`;
    let hit = cache.get(key);
    if (hit) return hit;
    const before = lock.units[unit.id]?.previous?.[sourceHash];
    if (before === undefined) {
      hit = { severity: 'material', rule: 'unknown-source', reason: 'the English text this translation was made from is not known any more', before };
    } else {
      const section = { id: unit.section, path: [] };
      const c = classifyChange({
        kind: 'changed',
        before,
        after: unit.text,
        section,
        pair: { kind: 'changed', old: { ...unit, text: before, hash: sourceHash }, new: unit, similarity: textSimilarity(before, unit.text), parts: wordDiff(before, unit.text), section },
      });
      hit = { severity: c.severity, rule: c.rule, reason: c.reason, before };
    }
    cache.set(key, hit);
    return hit;
  };
}
