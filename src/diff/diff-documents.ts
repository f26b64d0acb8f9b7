import type { MasterDocument, SectionInfo } from '../model/document.js';
import { alignSectionsByContent, alignSectionsByIdAndHeading, exactLeftovers, patienceMatch, similarityMatch } from './align.js';
import { cellContexts, sectionPaths, sectionRefs } from './context.js';
import { longestIncreasing, matchedPairs } from './lis.js';
import { TextCache } from './text-cache.js';
import { sectionPair, unitPair } from './plain.js';
import type { DiffOptions, DocumentDiff, SectionPair, UnitPair } from './types.js';
import { UnitKeys } from './unit-keys.js';
import { wordDiffTokens } from './word-diff.js';

/**
 * Aligns two versions of a document and diffs them: sections by id then heading similarity,
 * units by hash (patience), then by similarity inside the gaps between anchors and within aligned
 * sections, then across sections (a move). Word-level diffs are computed only inside aligned unit
 * pairs. Every text is segmented at most once per call (TextCache).
 */
export function diffDocuments(oldDoc: MasterDocument, newDoc: MasterDocument, opts: DiffOptions = {}): DocumentDiff {
  const locale = opts.locale ?? 'en';
  const cache = new TextCache(locale);
  const oldUnits = oldDoc.units;
  const newUnits = newDoc.units;
  const oldToNew = new Int32Array(oldUnits.length).fill(-1);
  const newToOld = new Int32Array(newUnits.length).fill(-1);

  // Units with ids (from a unit lock) pair by id first.
  const newById = new Map<string, number>();
  for (let j = 0; j < newUnits.length; j++) {
    const id = newUnits[j]!.id;
    if (id) newById.set(id, j);
  }
  if (newById.size) {
    for (let i = 0; i < oldUnits.length; i++) {
      const id = oldUnits[i]!.id;
      const j = id ? newById.get(id) : undefined;
      if (j !== undefined && newToOld[j] === -1) {
        oldToNew[i] = j;
        newToOld[j] = i;
      }
    }
  }
  // Equal kind and hash, as small integers.
  const unitKeys = new UnitKeys(oldUnits.length + newUnits.length);
  const a = unitKeys.keysOf(oldUnits);
  const b = unitKeys.keysOf(newUnits);
  if (!newById.size) patienceMatch(a, b, oldToNew, newToOld);
  else {
    // Units the ids did not pair (new units, or an old side without ids): patience among those.
    const restOld: number[] = [];
    const restNew: number[] = [];
    for (let i = 0; i < a.length; i++) if (oldToNew[i] === -1) restOld.push(i);
    for (let j = 0; j < b.length; j++) if (newToOld[j] === -1) restNew.push(j);
    if (restOld.length && restNew.length) {
      const o2n = new Int32Array(restOld.length).fill(-1);
      const n2o = new Int32Array(restNew.length).fill(-1);
      patienceMatch(Int32Array.from(restOld, (i) => a[i]!), Int32Array.from(restNew, (j) => b[j]!), o2n, n2o);
      o2n.forEach((k, x) => {
        if (k >= 0) {
          oldToNew[restOld[x]!] = restNew[k]!;
          newToOld[restNew[k]!] = restOld[x]!;
        }
      });
    }
  }
  exactLeftovers(a, b, oldToNew, newToOld);

  const { map: secMap, by: secBy } = alignSectionsByIdAndHeading(oldDoc.sections, newDoc.sections, locale);
  secMap.set('top', 'top');
  similarityMatch(oldUnits, newUnits, oldToNew, newToOld, secMap, cache);
  const by = secBy as Map<string, 'id' | 'heading' | 'content'>;
  alignSectionsByContent(oldUnits, newUnits, oldToNew, secMap, by);

  const oldPaths = sectionPaths(oldDoc);
  const newPaths = sectionPaths(newDoc);
  const oldRef = sectionRefs(oldPaths);
  const newRef = sectionRefs(newPaths);

  // Pairs out of order (not in the longest increasing run) are moves.
  const matched = matchedPairs(newToOld);
  const inOrder = new Uint8Array(newUnits.length);
  const run = longestIncreasing(matched.olds);
  for (let r = 0; r < run.length; r++) inOrder[matched.news[run[r]!]!] = 1;

  const units: UnitPair[] = [];
  const oldCells: number[] = [];
  const newCells: number[] = [];
  // The pairs holding one of those cells: the only ones that get a table context.
  const cellPairs: UnitPair[] = [];
  const emitted = new Uint8Array(oldUnits.length);
  let oldCursor = 0;
  const flushRemoved = (upTo: number): void => {
    for (; oldCursor < upTo; oldCursor++) {
      if (oldToNew[oldCursor] === -1 && !emitted[oldCursor]) {
        emitted[oldCursor] = 1;
        const u = oldUnits[oldCursor]!;
        const ref = oldRef(u.section);
        const p = unitPair('removed', u, undefined, 0, ref, ref);
        units.push(p);
        if (u.kind === 'cell') {
          oldCells.push(oldCursor);
          cellPairs.push(p);
        }
      }
    }
  };
  let lastOldSection: string | undefined;
  let lastMapped: string | undefined;
  for (let j = 0; j < newUnits.length; j++) {
    const nu = newUnits[j]!;
    const i = newToOld[j]!;
    const section = newRef(nu.section);
    if (i < 0) {
      const p = unitPair('added', undefined, nu, 0, section, undefined);
      units.push(p);
      if (nu.kind === 'cell') {
        newCells.push(j);
        cellPairs.push(p);
      }
      continue;
    }
    const ou = oldUnits[i]!;
    if (ou.section !== lastOldSection) {
      lastOldSection = ou.section;
      lastMapped = secMap.get(ou.section);
    }
    const sectionKept = lastMapped === nu.section;
    const ordered = inOrder[j] === 1;
    if (ordered) flushRemoved(i);
    const same = a[i] === b[j];
    const kind = !ordered || !sectionKept ? 'moved' : same ? 'equal' : 'changed';
    const p = unitPair(kind, ou, nu, 1, section, oldRef(ou.section));
    if (!same) {
      p.similarity = cache.wordDice(cache.get(ou.text), cache.get(nu.text));
      p.parts = wordDiffTokens(cache.segmented(ou.text).tokens, cache.segmented(nu.text).tokens);
    }
    if (kind !== 'equal' && (ou.kind === 'cell' || nu.kind === 'cell')) {
      if (ou.kind === 'cell') oldCells.push(i);
      if (nu.kind === 'cell') newCells.push(j);
      cellPairs.push(p);
    }
    units.push(p);
  }
  flushRemoved(oldUnits.length);

  // Table context, only for the cells of pairs that are not equal.
  if (oldCells.length || newCells.length) {
    const oldCtx = cellContexts(oldDoc, [...new Set(oldCells)].sort((x, y) => x - y));
    const newCtx = cellContexts(newDoc, newCells);
    for (let k = 0; k < cellPairs.length; k++) {
      const p = cellPairs[k]!;
      const oc = p.old && oldCtx.get(p.old);
      if (oc) p.oldContext = oc;
      const nc = p.new && newCtx.get(p.new);
      if (nc) p.newContext = nc;
    }
  }

  return {
    locale,
    oldFile: oldDoc.file,
    newFile: newDoc.file,
    sections: pairSections(oldDoc.sections, newDoc.sections, secMap, by, oldPaths, newPaths),
    units,
  };
}

function pairSections(
  oldSecs: readonly SectionInfo[],
  newSecs: readonly SectionInfo[],
  map: ReadonlyMap<string, string>,
  by: ReadonlyMap<string, 'id' | 'heading' | 'content'>,
  oldPaths: Map<string, string[]>,
  newPaths: Map<string, string[]>,
): SectionPair[] {
  const newIndex = new Map(newSecs.map((s, k) => [s.id, k]));
  const oldIndex = new Map(oldSecs.map((s, k) => [s.id, k]));
  const newToOld = new Map<string, SectionInfo>();
  for (const s of oldSecs) {
    const n = map.get(s.id);
    if (n !== undefined && newIndex.has(n)) newToOld.set(n, s);
  }
  const seqNew: string[] = [];
  const seqOld: number[] = [];
  for (const s of newSecs) {
    const o = newToOld.get(s.id);
    if (o) {
      seqNew.push(s.id);
      seqOld.push(oldIndex.get(o.id)!);
    }
  }
  const inOrder = new Set<string>();
  const run = longestIncreasing(seqOld);
  for (let r = 0; r < run.length; r++) inOrder.add(seqNew[run[r]!]!);
  // Headings compared with spacing normalised (only built when the two differ at all).
  const norm = (h: string): string => h.replace(/\s+/g, ' ').trim();
  const out: SectionPair[] = [];
  let cursor = 0;
  const flush = (upTo: number): void => {
    for (; cursor < upTo; cursor++) {
      const s = oldSecs[cursor]!;
      const n = map.get(s.id);
      if (n === undefined || !newIndex.has(n)) out.push(sectionPair('removed', s, undefined, false, false, 'none', oldPaths.get(s.id) ?? [], undefined));
    }
  };
  for (const s of newSecs) {
    const o = newToOld.get(s.id);
    if (!o) {
      out.push(sectionPair('added', undefined, s, false, false, 'none', undefined, newPaths.get(s.id) ?? []));
      continue;
    }
    const moved = !inOrder.has(s.id);
    if (!moved) flush(oldIndex.get(o.id)!);
    const renamed = o.heading !== s.heading && norm(o.heading) !== norm(s.heading);
    out.push(sectionPair(moved ? 'moved' : renamed ? 'renamed' : 'equal', o, s, renamed, moved, by.get(o.id) ?? 'id', oldPaths.get(o.id) ?? [], newPaths.get(s.id) ?? []));
  }
  flush(oldSecs.length);
  return out;
}
