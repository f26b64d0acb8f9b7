import type { SectionInfo, Unit } from '../model/document.js';

/** One piece of a word-level diff inside an aligned pair of units. */
export interface WordPart {
  type: 'equal' | 'added' | 'removed';
  text: string;
}

/** Where a unit sits, beyond its section: for table cells, the table header and the whole row. */
export interface UnitContext {
  table?: { header: string[]; column: number; row: string[]; isHeader: boolean };
}

export type UnitChangeKind = 'equal' | 'changed' | 'added' | 'removed' | 'moved';

export interface SectionRef {
  id: string;
  /** Heading texts from the outermost section down to this one; empty before the first heading. */
  path: string[];
}

export interface UnitPair {
  kind: UnitChangeKind;
  old?: Unit;
  new?: Unit;
  /** Dice similarity of the two texts' word sets (1 for equal texts, 0 for added/removed). */
  similarity: number;
  /** Word-level diff, present when both sides exist and their texts differ. */
  parts?: WordPart[];
  /** Section on the new side when there is one, else on the old side. */
  section: SectionRef;
  oldSection?: SectionRef;
  oldContext?: UnitContext;
  newContext?: UnitContext;
}

export type SectionChangeKind = 'equal' | 'renamed' | 'moved' | 'added' | 'removed';

export interface SectionPair {
  kind: SectionChangeKind;
  old?: SectionInfo;
  new?: SectionInfo;
  /** Heading text differs (true also for a moved section whose heading changed). */
  renamed: boolean;
  /** Order relative to the other aligned sections changed. */
  moved: boolean;
  /** How the pair was aligned. */
  by: 'id' | 'heading' | 'content' | 'none';
  oldPath?: string[];
  newPath?: string[];
}

export interface DocumentDiff {
  locale: string;
  oldFile: string;
  newFile: string;
  sections: SectionPair[];
  units: UnitPair[];
}

export interface DiffOptions {
  /** BCP 47 locale used to split words (Intl.Segmenter); default `en`. */
  locale?: string;
}
