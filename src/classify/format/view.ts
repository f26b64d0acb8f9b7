import type { DocumentDiff, UnitPair, WordPart } from '../../diff/types.js';
import { changesOf, classifyChange } from '../classify.js';
import { withTextMemo } from '../lexicon.js';
import { maxSeverity, type Severity } from '../severity.js';
import type { ClassificationReport, ClassifiedChange } from '../types.js';
import type { Impact } from '../impact.js';

/** One side of a diff: a Markdown file, a git ref, a published version or the working tree. */
export interface VersionLabel {
  kind: 'file' | 'git' | 'version' | 'working';
  /** What the user named: a path, a ref, a version number, `working`. */
  ref: string;
  /** How reports name it: `v1.2.0`, `git main`, `working tree`, `old.md`. */
  label: string;
}

/** Everything a report format needs. */
export interface DiffView {
  from: VersionLabel;
  to: VersionLabel;
  diff: DocumentDiff;
  report: ClassificationReport & { impact?: Impact };
  /** The unit pair behind each of `report.changes` (same index); undefined for facts changes. */
  pairs: (UnitPair | undefined)[];
}

/** A view of a plain document diff (no facts, no regions). */
export function viewOfDocuments(diff: DocumentDiff, from: VersionLabel, to: VersionLabel): DiffView {
  return withTextMemo(() => {
    const list = changesOf(diff);
    const changes = list.map((c) => classifyChange(c));
    const summary = { material: 0, minor: 0, editorial: 0 };
    for (const c of changes) if (c.severity !== 'none') summary[c.severity]++;
    const severity: Severity = maxSeverity(...changes.map((c) => c.severity));
    return { from, to, diff, report: { schemaVersion: 1, severity, summary, changes }, pairs: list.map((c) => c.pair) };
  });
}

/** Word parts of a change: the diff of a changed pair, else the whole text added or removed. */
export function partsOf(c: ClassifiedChange, pair: UnitPair | undefined): WordPart[] {
  if (pair?.parts && (c.kind === 'changed' || c.kind === 'moved') && c.source !== 'scope') return pair.parts;
  if (c.kind === 'added') return [{ type: 'added', text: c.after ?? '' }];
  if (c.kind === 'removed') return [{ type: 'removed', text: c.before ?? '' }];
  if (c.before !== null && c.after !== null && c.before !== c.after) {
    return [
      { type: 'removed', text: c.before },
      { type: 'added', text: c.after },
    ];
  }
  return [{ type: 'equal', text: c.after ?? c.before ?? '' }];
}

/**
 * Shortens the unchanged stretches of a redline to `keep` characters on each side of a change,
 * so a one-word edit of a long paragraph reads as one line.
 */
export function trimParts(parts: readonly WordPart[], keep = 60): WordPart[] {
  if (parts.length === 1) return [...parts];
  return parts.map((p, k) => {
    if (p.type !== 'equal' || p.text.length <= keep * 2 + 5) return p;
    const first = k === 0;
    const last = k === parts.length - 1;
    if (first) return { type: 'equal', text: `…${p.text.slice(-keep)}` };
    if (last) return { type: 'equal', text: `${p.text.slice(0, keep)}…` };
    return { type: 'equal', text: `${p.text.slice(0, keep)} … ${p.text.slice(-keep)}` };
  });
}

/** Changes grouped by section, in the order the sections first occur. */
export function bySection(view: DiffView): { section: ClassifiedChange['section']; items: { change: ClassifiedChange; index: number }[] }[] {
  const groups = new Map<string, { section: ClassifiedChange['section']; items: { change: ClassifiedChange; index: number }[] }>();
  view.report.changes.forEach((change, index) => {
    let g = groups.get(change.section.id);
    if (!g) groups.set(change.section.id, (g = { section: change.section, items: [] }));
    g.items.push({ change, index });
  });
  return [...groups.values()];
}

export const sectionTitle = (s: ClassifiedChange['section']): string => (s.path.length ? s.path.join(' › ') : s.id === 'top' ? '(before the first heading)' : s.id);

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 material, 2 minor, 1 editorial` (only the non-zero ones; `no changes` when none). */
export function summaryText(s: { material: number; minor: number; editorial: number }): string {
  const bits = (['material', 'minor', 'editorial'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`);
  return bits.length ? bits.join(', ') : 'no changes';
}

/** A list of region ids, shortened: `de, fr, it and 12 more`; `every region` when all are reached. */
export function regionList(ids: readonly string[] | undefined, total: number | undefined, max = 8): string {
  if (!ids) return '';
  if (ids.length === 0) return 'no region';
  if (total !== undefined && ids.length === total && total > 1) return `every region (${total})`;
  return ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');
}
