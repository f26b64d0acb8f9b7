import type { SectionInfo, Unit } from '../model/document.js';
import { longestIncreasing, matchedPairs } from './lis.js';
import { dice, ORDER_CHECK_WORDS, pairSimilarity, wordSet } from './similarity.js';
import type { TextCache } from './text-cache.js';

/** Similarity needed to pair two units of aligned sections, and of unrelated sections (a move). */
export const SIMILAR_IN_SECTION = 0.5;
export const SIMILAR_ACROSS = 0.7;
/** Similarity needed to pair two section headings with different ids. */
export const SIMILAR_HEADING = 0.5;

/**
 * Patience alignment of two key sequences (small integers, equal keys for equal units): anchors on
 * keys unique in both ranges (kept in order by a longest increasing subsequence), recursion into
 * the gaps, common prefix and suffix trimmed first. Writes matches into `oldToNew`/`newToOld`.
 * Counting uses arrays indexed by key with a generation stamp, so no map is built per gap.
 */
export function patienceMatch(a: ArrayLike<number>, b: ArrayLike<number>, oldToNew: Int32Array, newToOld: Int32Array): void {
  let keys = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! >= keys) keys = a[i]! + 1;
  for (let j = 0; j < b.length; j++) if (b[j]! >= keys) keys = b[j]! + 1;
  const countA = new Int32Array(keys);
  const countB = new Int32Array(keys);
  const posA = new Int32Array(keys);
  const stamp = new Int32Array(keys);
  let gen = 0;
  const stack: number[] = [0, a.length, 0, b.length];
  // Anchor candidates of the current range (a range is never longer than the documents).
  const candNew = new Int32Array(b.length);
  const candOld = new Int32Array(b.length);
  while (stack.length) {
    let nHi = stack.pop()!;
    let nLo = stack.pop()!;
    let oHi = stack.pop()!;
    let oLo = stack.pop()!;
    while (oLo < oHi && nLo < nHi && a[oLo] === b[nLo]) link(oLo++, nLo++);
    while (oLo < oHi && nLo < nHi && a[oHi - 1] === b[nHi - 1]) link(--oHi, --nHi);
    if (oLo >= oHi || nLo >= nHi) continue;
    gen++;
    for (let i = oLo; i < oHi; i++) {
      const h = a[i]!;
      if (stamp[h] !== gen) {
        stamp[h] = gen;
        countA[h] = 0;
        countB[h] = 0;
      }
      countA[h]!++;
      posA[h] = i;
    }
    for (let j = nLo; j < nHi; j++) {
      const h = b[j]!;
      if (stamp[h] === gen) countB[h]!++;
    }
    let cands = 0;
    for (let j = nLo; j < nHi; j++) {
      const h = b[j]!;
      if (stamp[h] === gen && countA[h] === 1 && countB[h] === 1) {
        candNew[cands] = j;
        candOld[cands++] = posA[h]!;
      }
    }
    if (cands === 0) continue;
    const keep = longestIncreasing(candOld.subarray(0, cands));
    let po = oLo;
    let pn = nLo;
    for (let r = 0; r < keep.length; r++) {
      const k = keep[r]!;
      const o = candOld[k]!;
      const n = candNew[k]!;
      link(o, n);
      if (o > po && n > pn) stack.push(po, o, pn, n);
      po = o + 1;
      pn = n + 1;
    }
    if (oHi > po && nHi > pn) stack.push(po, oHi, pn, nHi);
  }
  function link(o: number, n: number): void {
    oldToNew[o] = n;
    newToOld[n] = o;
  }
}

/** Pairs still-unmatched units with the same key anywhere in the documents (first come, first served). */
export function exactLeftovers(a: ArrayLike<number>, b: ArrayLike<number>, oldToNew: Int32Array, newToOld: Int32Array): void {
  const queues = new Map<number, number[]>();
  for (let i = 0; i < a.length; i++) {
    if (oldToNew[i] !== -1) continue;
    const q = queues.get(a[i]!);
    if (q) q.push(i);
    else queues.set(a[i]!, [i]);
  }
  if (queues.size === 0) return;
  const heads = new Map<number, number>();
  for (let j = 0; j < b.length; j++) {
    if (newToOld[j] !== -1) continue;
    const q = queues.get(b[j]!);
    if (!q) continue;
    const at = heads.get(b[j]!) ?? 0;
    const o = q[at];
    if (o !== undefined) {
      heads.set(b[j]!, at + 1);
      oldToNew[o] = j;
      newToOld[j] = o;
    }
  }
}

/** Largest number of candidate pairs compared one by one inside a gap between anchors. */
const GAP_PAIRS = 400;
/** Index keys shared by more unmatched units than this are too common to suggest a candidate. */
const MIN_MAX_DF = 50;

/**
 * Pairs unmatched units by similarity (`pairSimilarity`): within aligned sections at
 * SIMILAR_IN_SECTION, across sections at SIMILAR_ACROSS (a move).
 *
 * First inside each gap between two consecutive in-order matches (the patience anchors): an
 * edited paragraph sits where the original was, so the gap holds both sides and a small
 * all-pairs comparison finds it. What is left is matched across the whole document through an
 * inverted index of word pairs (words for short texts), ranked by shared keys, so the cost stays
 * near-linear in the number of unmatched units.
 */
export function similarityMatch(
  oldUnits: readonly Unit[],
  newUnits: readonly Unit[],
  oldToNew: Int32Array,
  newToOld: Int32Array,
  sectionMap: ReadonlyMap<string, string>,
  cache: TextCache,
): void {
  const need = (o: Unit, n: Unit): number => (sectionMap.get(o.section) === n.section ? SIMILAR_IN_SECTION : SIMILAR_ACROSS);
  const link = (i: number, j: number): void => {
    oldToNew[i] = j;
    newToOld[j] = i;
  };

  // 1. Gaps between anchors (an in-order chain of the matches so far).
  const { news: mNew, olds: mOld } = matchedPairs(newToOld);
  const chain = longestIncreasing(mOld);
  let prevO = -1;
  let prevN = -1;
  const gapOld: number[] = [];
  const gapNew: number[] = [];
  const cands: { i: number; j: number; score: number }[] = [];
  for (let c = 0; c <= chain.length; c++) {
    const k = chain[c];
    const o = k === undefined ? oldUnits.length : mOld[k]!;
    const n = k === undefined ? newUnits.length : mNew[k]!;
    const oFrom = prevO + 1;
    const nFrom = prevN + 1;
    prevO = o;
    prevN = n;
    // Most anchors are adjacent: skip a gap empty on one side without touching the lists (clearing
    // an array costs a runtime call).
    if (o <= oFrom || n <= nFrom) continue;
    gapOld.length = 0;
    gapNew.length = 0;
    for (let i = oFrom; i < o; i++) if (oldToNew[i] === -1) gapOld.push(i);
    for (let j = nFrom; j < n; j++) if (newToOld[j] === -1) gapNew.push(j);
    if (!gapOld.length || !gapNew.length || gapOld.length * gapNew.length > GAP_PAIRS) continue;
    cands.length = 0;
    for (const j of gapNew) {
      const nu = newUnits[j]!;
      for (const i of gapOld) {
        const ou = oldUnits[i]!;
        if (ou.kind !== nu.kind) continue;
        const s = pairSimilarity(ou.text, nu.text, cache);
        const th = need(ou, nu);
        if (s >= th) cands.push({ i, j, score: s + (th === SIMILAR_IN_SECTION ? 0.25 : 0) });
      }
    }
    cands.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
    for (const { i, j } of cands) if (oldToNew[i] === -1 && newToOld[j] === -1) link(i, j);
  }

  // 2. Whatever is left, across the document, through an inverted index.
  const keysOf = (text: string): ArrayLike<number> => {
    const info = cache.get(text);
    return info.count >= ORDER_CHECK_WORDS ? cache.pairs(text) : info.ids;
  };
  const index = new Map<number, number[]>();
  let indexed = 0;
  for (let i = 0; i < oldUnits.length; i++) {
    if (oldToNew[i] !== -1) continue;
    indexed++;
    const keys = keysOf(oldUnits[i]!.text);
    for (let k = 0; k < keys.length; k++) {
      const w = keys[k]!;
      const l = index.get(w);
      if (l) l.push(i);
      else index.set(w, [i]);
    }
  }
  if (indexed === 0) return;
  const maxDf = Math.max(MIN_MAX_DF, Math.ceil(Math.sqrt(indexed)));
  const shared = new Map<number, number>();
  for (let j = 0; j < newUnits.length; j++) {
    if (newToOld[j] !== -1) continue;
    const nu = newUnits[j]!;
    shared.clear();
    const keys = keysOf(nu.text);
    for (let k = 0; k < keys.length; k++) {
      const l = index.get(keys[k]!);
      if (!l || l.length > maxDf) continue;
      for (const i of l) if (oldToNew[i] === -1) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    if (shared.size === 0) continue;
    const ranked = [...shared.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 12);
    let best = -1;
    let bestScore = 0;
    for (const [i] of ranked) {
      const ou = oldUnits[i]!;
      if (ou.kind !== nu.kind) continue;
      const th = need(ou, nu);
      const s = pairSimilarity(ou.text, nu.text, cache);
      if (s < th) continue;
      const score = s + (th === SIMILAR_IN_SECTION ? 0.25 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best >= 0) link(best, j);
  }
}

/** Normalised heading for comparison. */
function headingKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** First pass over sections: same id, then similar heading text among the rest. */
export function alignSectionsByIdAndHeading(
  oldSecs: readonly SectionInfo[],
  newSecs: readonly SectionInfo[],
  locale: string,
): { map: Map<string, string>; by: Map<string, 'id' | 'heading'> } {
  const map = new Map<string, string>();
  const by = new Map<string, 'id' | 'heading'>();
  const newIds = new Set(newSecs.map((s) => s.id));
  for (const s of oldSecs) {
    if (newIds.has(s.id)) {
      map.set(s.id, s.id);
      by.set(s.id, 'id');
    }
  }
  const usedNew = new Set(map.values());
  const restNew = newSecs.filter((s) => !usedNew.has(s.id));
  if (restNew.length === 0) return { map, by };
  const restOld = oldSecs.filter((s) => !map.has(s.id));
  if (restOld.length * restNew.length > 250_000) return { map, by };
  const newSets = restNew.map((s) => wordSet(s.heading, locale));
  for (const s of restOld) {
    const set = wordSet(s.heading, locale);
    let best = -1;
    let bestScore = SIMILAR_HEADING - 1e-9;
    restNew.forEach((n, k) => {
      if (usedNew.has(n.id)) return;
      const sc = headingKey(n.heading) === headingKey(s.heading) ? 1 : dice(set, newSets[k]!);
      if (sc > bestScore) {
        bestScore = sc;
        best = k;
      }
    });
    if (best >= 0) {
      const n = restNew[best]!;
      map.set(s.id, n.id);
      by.set(s.id, 'heading');
      usedNew.add(n.id);
    }
  }
  return { map, by };
}

/** Second pass: an unaligned old section whose units mostly went to one unaligned new section is that section. */
export function alignSectionsByContent(
  oldUnits: readonly Unit[],
  newUnits: readonly Unit[],
  oldToNew: Int32Array,
  map: Map<string, string>,
  by: Map<string, 'id' | 'heading' | 'content'>,
): void {
  const usedNew = new Set(map.values());
  const votes = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (let i = 0; i < oldUnits.length; i++) {
    const os = oldUnits[i]!.section;
    if (map.has(os)) continue;
    totals.set(os, (totals.get(os) ?? 0) + 1);
    const j = oldToNew[i]!;
    if (j < 0) continue;
    const ns = newUnits[j]!.section;
    if (usedNew.has(ns)) continue;
    let v = votes.get(os);
    if (!v) votes.set(os, (v = new Map()));
    v.set(ns, (v.get(ns) ?? 0) + 1);
  }
  for (const [os, v] of votes) {
    const best = [...v.entries()].sort((x, y) => y[1] - x[1])[0];
    if (!best || usedNew.has(best[0])) continue;
    if (best[1] * 2 >= (totals.get(os) ?? 1)) {
      map.set(os, best[0]);
      by.set(os, 'content');
      usedNew.add(best[0]);
    }
  }
}
