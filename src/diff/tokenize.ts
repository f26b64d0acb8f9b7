/**
 * Locale-aware word tokens (Intl.Segmenter), so Thai, Chinese and Japanese split into words.
 *
 * Intl.Segmenter costs about a microsecond per segment, which dominates a large diff. Pure-ASCII
 * text (most English policy text) takes a fast path that applies the same Unicode word-break
 * rules (UAX #29, as ICU implements them) to the ASCII characters; a property test pins it to
 * Intl.Segmenter's output. Any other text goes through Intl.Segmenter.
 */

import { segmented } from './plain.js';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'word' });
    }
    segmenters.set(locale, s);
  }
  return s;
}

/** Tokens of a text and which of them are words. */
export interface Segmented {
  tokens: string[];
  wordLike: boolean[];
}

// ASCII character classes of UAX #29: letter, numeric, ExtendNumLet (_), MidLetter (:),
// MidNumLet (. '), MidNum (, ;), WSegSpace (space), CR.
const L = 1;
const N = 2;
const E = 3;
const ML = 4;
const MNL = 5;
const MN = 6;
const WS = 7;
const CR = 8;
const LF = 9;
const CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CLASS[c] = L;
for (let c = 97; c <= 122; c++) CLASS[c] = L;
for (let c = 48; c <= 57; c++) CLASS[c] = N;
CLASS[95] = E;
CLASS[58] = ML;
CLASS[46] = MNL;
CLASS[39] = MNL;
CLASS[44] = MN;
CLASS[59] = MN;
CLASS[32] = WS;
CLASS[13] = CR;
CLASS[10] = LF;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The ASCII token of `text` that starts at `i`: returns its end, negated when the token is not a
 * word (an end is never 0). `text` must be ASCII.
 */
export function asciiToken(text: string, i: number): number {
  const n = text.length;
  const c = CLASS[text.charCodeAt(i)]!;
  let j = i + 1;
  if (c === L || c === N || c === E) {
    while (j < n) {
      const d = CLASS[text.charCodeAt(j)]!;
      if (d === L || d === N || d === E) {
        j++;
        continue;
      }
      const prev = CLASS[text.charCodeAt(j - 1)]!;
      const next = j + 1 < n ? CLASS[text.charCodeAt(j + 1)]! : 0;
      if ((d === ML || d === MNL) && prev === L && next === L) j += 2;
      else if ((d === MN || d === MNL) && prev === N && next === N) j += 2;
      else break;
    }
    // ICU marks every joined run as a word; a lone `_` is not one.
    return c !== E || j - i > 1 ? j : -j;
  }
  if (c === WS) while (j < n && text.charCodeAt(j) === 32) j++;
  else if (c === CR && j < n && text.charCodeAt(j) === 10) j++;
  return -j;
}

/*
 * Token lists are gathered in these scratch arrays and copied out with `slice` rather than grown
 * from an array literal: a diff keeps them until it returns, which would get the literal's arrays
 * allocated in the old generation (see plain.ts).
 */
const scratchTokens: string[] = [];
const scratchWordLike: boolean[] = [];

/** The first n scratch tokens, copied. (The scratch is not cleared: it keeps its capacity, and at most the tokens of one earlier text.) */
function copyScratch(n: number): Segmented {
  return segmented(scratchTokens.slice(0, n), scratchWordLike.slice(0, n));
}

function segmentAscii(text: string): Segmented {
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const r = asciiToken(text, i);
    const j = r < 0 ? -r : r;
    scratchTokens[n] = text.slice(i, j);
    scratchWordLike[n++] = r > 0;
    i = j;
  }
  return copyScratch(n);
}

/** True when a text is all ASCII (it then takes the fast path of `segmentText`). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Splits text into tokens (words, and the whitespace and punctuation between them), marking the words. */
export function segmentText(text: string, locale = 'en'): Segmented {
  if (!NON_ASCII.test(text)) return segmentAscii(text);
  let n = 0;
  for (const s of segmenter(locale).segment(text)) {
    scratchTokens[n] = s.segment;
    scratchWordLike[n++] = s.isWordLike === true;
  }
  return copyScratch(n);
}

/** The same, always through Intl.Segmenter (the reference the fast path is tested against). */
export function segmentTextIntl(text: string, locale = 'en'): Segmented {
  const tokens: string[] = [];
  const wordLike: boolean[] = [];
  for (const s of segmenter(locale).segment(text)) {
    tokens.push(s.segment);
    wordLike.push(s.isWordLike === true);
  }
  return { tokens, wordLike };
}

/**
 * Splits text into tokens: words, and the whitespace and punctuation between them. Joining the
 * tokens gives the text back unchanged, so a word diff over them can be rendered as a redline.
 */
export function tokenize(text: string, locale = 'en'): string[] {
  return segmentText(text, locale).tokens;
}

/** The word-like tokens of a segmented text, lower-cased. */
export function wordsOf(seg: Segmented): string[] {
  const out: string[] = [];
  for (let k = 0; k < seg.tokens.length; k++) if (seg.wordLike[k]) out.push(seg.tokens[k]!.toLowerCase());
  return out;
}

/** Only the word-like tokens, lower-cased. */
export function words(text: string, locale = 'en'): string[] {
  if (!NON_ASCII.test(text)) return wordsOf(segmentAscii(text));
  const out: string[] = [];
  for (const s of segmenter(locale).segment(text.toLowerCase())) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** True for a token that holds a letter or a digit. */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
