import type { DocumentDiff } from '../diff/types.js';
import { withTextMemo } from './lexicon.js';
import { change as newChange, classified } from './plain.js';
import { RULES } from './rules/index.js';
import { maxSeverity, type Severity } from './severity.js';
import type { Change, ClassificationReport, ClassifiedChange, Rule } from './types.js';

/** The changes of a diff: every unit pair that is not equal. */
export function changesOf(diff: DocumentDiff): Change[] {
  const out: Change[] = [];
  for (const p of diff.units) {
    if (p.kind === 'equal') continue;
    out.push(newChange(p.kind, p, p.old?.text ?? null, p.new?.text ?? null, p.section));
  }
  return out;
}

/** Classifies one change: the first rule that applies, in RULES order, decides. */
export function classifyChange(change: Change, rules: readonly Rule[] = RULES): ClassifiedChange {
  for (const r of rules) {
    const reason = r.appliesTo(change);
    if (reason !== undefined) return result(change, r.severity, r.id, reason);
  }
  return result(change, 'minor', 'reworded', 'reworded');
}

function result(change: Change, severity: ClassifiedChange['severity'], rule: string, reason: string): ClassifiedChange {
  const out = classified(change.kind, severity, rule, reason, change.section, change.before, change.after);
  const from = change.pair.oldSection;
  if (change.kind === 'moved' && from) out.oldSection = from;
  return out;
}

/** Classifies every change of a diff. */
export function classify(diff: DocumentDiff, rules: readonly Rule[] = RULES): ClassifiedChange[] {
  return withTextMemo(() => changesOf(diff).map((c) => classifyChange(c, rules)));
}

/** The report (JSON contract): overall severity, counts, and every classified change. */
export function classificationReport(diff: DocumentDiff, rules: readonly Rule[] = RULES): ClassificationReport {
  const changes = classify(diff, rules);
  const summary = { material: 0, minor: 0, editorial: 0 };
  for (const c of changes) if (c.severity !== 'none') summary[c.severity]++;
  const severity: Severity = maxSeverity(...changes.map((c) => c.severity));
  return { schemaVersion: 1, severity, summary, changes };
}
