import type { SectionRef, UnitPair } from '../diff/types.js';
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
}

/** The JSON contract of a classification report. */
export interface ClassificationReport {
  schemaVersion: 1;
  severity: Severity;
  summary: { material: number; minor: number; editorial: number };
  changes: ClassifiedChange[];
}
