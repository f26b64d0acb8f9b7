import { textEntry } from './plain.js';
import { asciiToken, isAscii, segmentText, type Segmented } from './tokenize.js';

/** What the diff needs to know about one text to compare it, computed once per diff. */
export interface TextInfo {
  /** Number of words (with repeats). */
  count: number;
  /** Ids of its distinct lower-cased words, in order of first occurrence. */
  ids: number[];
}

export interface Entry extends TextInfo {
  /** Word ids in text order. */
  seq: number[];
  /** Bigram keys (`pairs`), once asked for. */
  pairs?: Float64Array;
}

/** Bigram keys pack two word ids: `first * PAIR_BASE + second` stays exact for ids below 2^26. */
const PAIR_BASE = 2 ** 26;

/**
 * Word sets and tokens of the texts seen in one diff, each text read once however many candidate
 * pairs it takes part in. Words are numbered, so a word set is a list of small numbers (compared
 * by marking one set in an array indexed by word) and a word-pair set is a sorted number array
 * (compared by a merge): no hashing and little garbage. Most texts are only compared, so their
 * words are numbered straight from the text (ASCII texts: no token strings are made); tokens are
 * made for the pairs that get a word diff. Lives for one `diffDocuments` call, never across calls.
 */
export class TextCache {
  private readonly map = new Map<string, Entry>();
  private readonly segs = new Map<string, Segmented>();
  private readonly words = new WordIds();
  /** Scratch of `wordDice` and of building `ids`: a word is marked when its stamp is the current one. */
  private stamp = new Int32Array(256);
  private gen = 0;
  /**
   * Lists are gathered here and copied out with `slice` rather than grown from an array literal:
   * the cache keeps them until the diff returns, which would get the literal's arrays allocated in
   * the old generation (see plain.ts).
   */
  private readonly scratch: number[] = [];
  constructor(readonly locale: string) {}

  get(text: string): TextInfo {
    let t = this.map.get(text);
    if (!t) {
      const seq = isAscii(text) ? this.asciiSeq(text) : this.segmentedSeq(text);
      t = textEntry(seq.length, this.distinct(seq), seq);
      this.map.set(text, t);
    }
    return t;
  }

  /** Dice coefficient of two texts' word sets: 1 for the same words, 0 for none in common. */
  wordDice(a: TextInfo, b: TextInfo): number {
    if (a.ids.length === 0 && b.ids.length === 0) return 1;
    const gen = this.next();
    const { stamp } = this;
    for (let k = 0; k < a.ids.length; k++) stamp[a.ids[k]!] = gen;
    let common = 0;
    for (let k = 0; k < b.ids.length; k++) if (stamp[b.ids[k]!] === gen) common++;
    return (2 * common) / (a.ids.length + b.ids.length);
  }

  /** Tokens of a text, for a word diff (segmented once). */
  segmented(text: string): Segmented {
    let seg = this.segs.get(text);
    if (!seg) this.segs.set(text, (seg = segmentText(text, this.locale)));
    return seg;
  }

  /** The distinct adjacent word pairs (bigrams) of a text, as sorted keys: evidence that word order survived. */
  pairs(text: string): Float64Array {
    this.get(text);
    const t = this.map.get(text)!;
    if (!t.pairs) {
      const seq = t.seq;
      const keys = new Float64Array(Math.max(0, seq.length - 1));
      for (let k = 1; k < seq.length; k++) keys[k - 1] = seq[k - 1]! * PAIR_BASE + seq[k]!;
      t.pairs = uniqueSorted(keys);
    }
    return t.pairs;
  }

  /** A new stamp, the scratch grown to cover every word numbered so far. */
  private next(): number {
    if (this.stamp.length < this.words.size) {
      const stamp = new Int32Array(Math.max(this.words.size, this.stamp.length * 2));
      stamp.set(this.stamp);
      this.stamp = stamp;
    }
    return ++this.gen;
  }

  private distinct(seq: readonly number[]): number[] {
    const gen = this.next();
    const { stamp, scratch } = this;
    let n = 0;
    for (let k = 0; k < seq.length; k++) {
      const id = seq[k]!;
      if (stamp[id] !== gen) {
        stamp[id] = gen;
        scratch[n++] = id;
      }
    }
    return scratch.slice(0, n);
  }

  /** Word ids of an ASCII text: its words (as `segmentText` splits them), lower-cased, numbered in place. */
  private asciiSeq(text: string): number[] {
    const lower = text.toLowerCase();
    const { scratch } = this;
    let n = 0;
    for (let i = 0; i < lower.length; ) {
      const r = asciiToken(lower, i);
      if (r > 0) {
        scratch[n++] = this.words.idOfRange(lower, i, r);
        i = r;
      } else i = -r;
    }
    return scratch.slice(0, n);
  }

  /** Word ids of any other text, through its tokens. */
  private segmentedSeq(text: string): number[] {
    const seg = this.segmented(text);
    const { scratch } = this;
    let n = 0;
    for (let k = 0; k < seg.tokens.length; k++) if (seg.wordLike[k]) scratch[n++] = this.words.idOf(seg.tokens[k]!.toLowerCase());
    return scratch.slice(0, n);
  }
}

/**
 * Numbers words in order of first appearance. An open-addressing table keyed by the word's
 * characters, so a word read from a text (`idOfRange`) is looked up where it stands: no string is
 * made for a word already numbered.
 */
class WordIds {
  private slots = new Int32Array(256);
  private codes = new Int32Array(128);
  private readonly words: string[] = [];

  get size(): number {
    return this.words.length;
  }

  /** The id of `text.slice(start, end)`. */
  idOfRange(text: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === 0) return this.add(text.slice(start, end), h, s);
      if (this.codes[v - 1] === h && sameChars(this.words[v - 1]!, text, start, end)) return v - 1;
    }
  }

  /** The id of a word. */
  idOf(word: string): number {
    return this.idOfRange(word, 0, word.length);
  }

  private add(word: string, h: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id === this.codes.length) {
      const codes = new Int32Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.codes[id] = h;
    this.slots[slot] = id + 1;
    // Keep the table at most half full.
    if (this.words.length * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const mask = slots.length - 1;
      for (let i = 0; i < this.words.length; i++) {
        let s = this.codes[i]! & mask;
        while (slots[s] !== 0) s = (s + 1) & mask;
        slots[s] = i + 1;
      }
      this.slots = slots;
    }
    return id;
  }
}

function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
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
