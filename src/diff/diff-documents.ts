import type { MasterDocument, SectionInfo, Unit } from '../model/document.js';
import { alignSectionsByContent, alignSectionsByIdAndHeading, exactLeftovers, patienceMatch, similarityMatch } from './align.js';
import { cellContexts, sectionPaths, sectionRefs } from './context.js';
import { longestIncreasing } from './lis.js';
import { diceSorted, TextCache } from './text-cache.js';
import type { DiffOptions, DocumentDiff, SectionPair, UnitPair } from './types.js';
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
  // Equal kind and hash, as small integers (one map per kind: no key strings are built).
  const intern: Record<Unit['kind'], Map<string, number>> = { paragraph: new Map(), heading: new Map(), cell: new Map() };
  let keys = 0;
  const keysOf = (list: readonly Unit[]): Int32Array => {
    const out = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const u = list[k]!;
      const m = intern[u.kind];
      let v = m.get(u.hash);
      if (v === undefined) m.set(u.hash, (v = keys++));
      out[k] = v;
    }
    return out;
  };
  const a = keysOf(oldUnits);
  const b = keysOf(newUnits);
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
  const matchedNew: number[] = [];
  const matchedOld: number[] = [];
  for (let j = 0; j < newUnits.length; j++) {
    if (newToOld[j]! >= 0) {
      matchedNew.push(j);
      matchedOld.push(newToOld[j]!);
    }
  }
  const inOrder = new Uint8Array(newUnits.length);
  for (const k of longestIncreasing(matchedOld)) inOrder[matchedNew[k]!] = 1;

  const units: UnitPair[] = [];
  const oldCells: number[] = [];
  const newCells: number[] = [];
  const emitted = new Uint8Array(oldUnits.length);
  let oldCursor = 0;
  const flushRemoved = (upTo: number): void => {
    for (; oldCursor < upTo; oldCursor++) {
      if (oldToNew[oldCursor] === -1 && !emitted[oldCursor]) {
        emitted[oldCursor] = 1;
        const u = oldUnits[oldCursor]!;
        const ref = oldRef(u.section);
        units.push({ kind: 'removed', old: u, similarity: 0, section: ref, oldSection: ref });
        if (u.kind === 'cell') oldCells.push(oldCursor);
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
      units.push({ kind: 'added', new: nu, similarity: 0, section });
      if (nu.kind === 'cell') newCells.push(j);
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
    const p: UnitPair = { kind, old: ou, new: nu, similarity: 1, section, oldSection: oldRef(ou.section) };
    if (!same) {
      const io = cache.get(ou.text);
      const inw = cache.get(nu.text);
      p.similarity = diceSorted(io.ids, inw.ids);
      p.parts = wordDiffTokens(io.seg.tokens, inw.seg.tokens);
    }
    if (kind !== 'equal') {
      if (ou.kind === 'cell') oldCells.push(i);
      if (nu.kind === 'cell') newCells.push(j);
    }
    units.push(p);
  }
  flushRemoved(oldUnits.length);

  // Table context, only for the cells of pairs that are not equal.
  if (oldCells.length || newCells.length) {
    const oldCtx = cellContexts(oldDoc, [...new Set(oldCells)].sort((x, y) => x - y));
    const newCtx = cellContexts(newDoc, newCells);
    for (const p of units) {
      if (p.kind === 'equal') continue;
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
  const inOrder = new Set(Array.from(longestIncreasing(seqOld), (k) => seqNew[k]!));
  const norm = (h: string): string => h.replace(/\s+/g, ' ').trim();
  const out: SectionPair[] = [];
  let cursor = 0;
  const flush = (upTo: number): void => {
    for (; cursor < upTo; cursor++) {
      const s = oldSecs[cursor]!;
      const n = map.get(s.id);
      if (n === undefined || !newIndex.has(n)) out.push({ kind: 'removed', old: s, renamed: false, moved: false, by: 'none', oldPath: oldPaths.get(s.id) ?? [] });
    }
  };
  for (const s of newSecs) {
    const o = newToOld.get(s.id);
    if (!o) {
      out.push({ kind: 'added', new: s, renamed: false, moved: false, by: 'none', newPath: newPaths.get(s.id) ?? [] });
      continue;
    }
    const moved = !inOrder.has(s.id);
    if (!moved) flush(oldIndex.get(o.id)!);
    const renamed = norm(o.heading) !== norm(s.heading);
    out.push({
      kind: moved ? 'moved' : renamed ? 'renamed' : 'equal',
      old: o,
      new: s,
      renamed,
      moved,
      by: by.get(o.id) ?? 'id',
      oldPath: oldPaths.get(o.id) ?? [],
      newPath: newPaths.get(s.id) ?? [],
    });
  }
  flush(oldSecs.length);
  return out;
}
