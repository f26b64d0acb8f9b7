import type { SectionRef, UnitPair } from '../diff/types.js';
import type { FactArea, FactChange } from '../diff/facts-diff.js';
import type { Severity } from './severity.js';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** One change to classify: an aligned unit pair that is not equal. */
export interface Change {
  kind: ChangeKind;
  pair: UnitPair;
  /** Inline Markdown before / after (null when added / removed). */
  before: string | null;
  after: string | null;
  section: SectionRef;
}

/** A classification rule: data and one function. The file name is the rule id. */
export interface Rule {
  id: string;
  severity: Exclude<Severity, 'none'>;
  description: string;
  /** A reason a lawyer can check when the rule applies to the change; undefined otherwise. */
  appliesTo(change: Change): string | undefined;
}

export interface ClassifiedChange {
  kind: ChangeKind;
  severity: Severity;
  rule: string;
  reason: string;
  section: SectionRef;
  before: string | null;
  after: string | null;
  /** What changed: the master text (default), the structured facts, or where text applies (a `:::only`/`:::except` scope). */
  source?: 'text' | 'facts' | 'scope';
  /** For facts changes: where in the facts (or regions) file. */
  fact?: { area: FactArea; id: string; field?: string; path: string };
  /** For moved text: the section it was in before. */
  oldSection?: SectionRef;
  /** Ids of the regions whose notice the change reaches, when known (a project diff). */
  regions?: string[];
}

/** A rule for a change of the structured facts: data and one function, one file per rule. */
export interface FactRule {
  id: string;
  severity: Exclude<Severity, 'none'>;
  description: string;
  appliesTo(change: FactChange): string | undefined;
}

/** The JSON contract of a classification report. */
export interface ClassificationReport {
  schemaVersion: 1;
  severity: Severity;
  summary: { material: number; minor: number; editorial: number };
  changes: ClassifiedChange[];
}
