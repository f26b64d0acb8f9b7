import { segmentText, type Segmented } from './tokenize.js';

/** What the diff needs to know about one text, computed once per diff. */
export interface TextInfo {
  seg: Segmented;
  /** Number of words (with repeats). */
  count: number;
  /** Ids of its distinct lower-cased words, sorted. */
  ids: Int32Array;
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Bigram keys pack two word ids: `first * PAIR_BASE + second` stays exact for ids below 2^26. */
const PAIR_BASE = 2 ** 26;

/**
 * Tokens and word sets of the texts seen in one diff, each text segmented once however many
 * candidate pairs it takes part in. Words are numbered, so word sets and word-pair sets are
 * sorted number arrays: comparing two texts is a merge, with no hashing and little garbage.
 * Lives for one `diffDocuments` call, never across calls.
 */
export class TextCache {
  private readonly map = new Map<string, TextInfo>();
  private readonly pairMap = new Map<string, Float64Array>();
  private readonly wordIds = new Map<string, number>();
  private readonly seqs = new Map<string, Int32Array>();
  constructor(readonly locale: string) {}

  private wordSeq(text: string, seg: Segmented): Int32Array {
    const lower = NON_ASCII.test(text) ? undefined : text.toLowerCase();
    const seq: number[] = [];
    let at = 0;
    for (let k = 0; k < seg.tokens.length; k++) {
      const t = seg.tokens[k]!;
      if (seg.wordLike[k]) {
        const w = lower ? lower.slice(at, at + t.length) : t.toLowerCase();
        let id = this.wordIds.get(w);
        if (id === undefined) this.wordIds.set(w, (id = this.wordIds.size));
        seq.push(id);
      }
      at += t.length;
    }
    return Int32Array.from(seq);
  }

  get(text: string): TextInfo {
    let t = this.map.get(text);
    if (!t) {
      const seg = segmentText(text, this.locale);
      const seq = this.wordSeq(text, seg);
      this.seqs.set(text, seq);
      t = { seg, count: seq.length, ids: uniqueSorted(seq.slice()) };
      this.map.set(text, t);
    }
    return t;
  }

  /** The distinct adjacent word pairs (bigrams) of a text, as sorted keys: evidence that word order survived. */
  pairs(text: string): Float64Array {
    let p = this.pairMap.get(text);
    if (!p) {
      this.get(text);
      const seq = this.seqs.get(text)!;
      const keys = new Float64Array(Math.max(0, seq.length - 1));
      for (let k = 1; k < seq.length; k++) keys[k - 1] = seq[k - 1]! * PAIR_BASE + seq[k]!;
      p = uniqueSorted(keys);
      this.pairMap.set(text, p);
    }
    return p;
  }
}

/** Sorts in place and drops repeats (returns a view of the unique prefix). */
function uniqueSorted<T extends Int32Array | Float64Array>(xs: T): T {
  xs.sort();
  let n = 0;
  for (let k = 0; k < xs.length; k++) if (k === 0 || xs[k] !== xs[n - 1]) xs[n++] = xs[k]!;
  return xs.subarray(0, n) as T;
}

/** Dice coefficient of two sorted sets of numbers: 1 for the same members, 0 for none in common. */
export function diceSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}
