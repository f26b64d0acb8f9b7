import { segmentText, wordsOf, type Segmented } from './tokenize.js';

/** What the diff needs to know about one text, computed once per diff. */
export interface TextInfo {
  seg: Segmented;
  /** Lower-cased words, in order. */
  words: string[];
  /** The set of those words. */
  set: Set<string>;
}

/**
 * Tokens and word sets of the texts seen in one diff, each text segmented once however many
 * candidate pairs it takes part in. Lives for one `diffDocuments` call, never across calls.
 */
export class TextCache {
  private readonly map = new Map<string, TextInfo>();
  private readonly pairMap = new Map<string, Set<string>>();
  constructor(readonly locale: string) {}

  get(text: string): TextInfo {
    let t = this.map.get(text);
    if (!t) {
      const seg = segmentText(text, this.locale);
      const words = wordsOf(seg);
      t = { seg, words, set: new Set(words) };
      this.map.set(text, t);
    }
    return t;
  }

  /** The set of adjacent word pairs (bigrams) of a text: evidence that word order survived. */
  pairs(text: string): Set<string> {
    let p = this.pairMap.get(text);
    if (!p) {
      const w = this.get(text).words;
      p = new Set<string>();
      for (let k = 1; k < w.length; k++) p.add(`${w[k - 1]!} ${w[k]!}`);
      this.pairMap.set(text, p);
    }
    return p;
  }
}
