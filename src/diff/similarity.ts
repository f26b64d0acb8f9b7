import { words } from './tokenize.js';
import { diceSorted, type TextCache } from './text-cache.js';

/** The set of lower-cased words of a text. */
export function wordSet(text: string, locale = 'en'): Set<string> {
  return new Set(words(text, locale));
}

/** Dice coefficient of two word sets: 1 for the same words, 0 for none in common. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Dice similarity of two texts' word sets. */
export function textSimilarity(a: string, b: string, locale = 'en'): number {
  return dice(wordSet(a, locale), wordSet(b, locale));
}

/** Texts of at least this many words must also share word order (bigrams) to count as similar. */
export const ORDER_CHECK_WORDS = 6;
/** Bigram Dice needed on top of word-set Dice for such texts. */
export const SIMILAR_ORDER = 0.3;

/**
 * Similarity used to pair units: Dice of the word sets, or 0 when two longer texts share words but
 * not their order (two unrelated paragraphs written with the same vocabulary).
 */
export function pairSimilarity(a: string, b: string, cache: TextCache): number {
  const ia = cache.get(a);
  const ib = cache.get(b);
  const s = cache.wordDice(ia, ib);
  if (s === 0 || ia.count < ORDER_CHECK_WORDS || ib.count < ORDER_CHECK_WORDS) return s;
  return diceSorted(cache.pairs(a), cache.pairs(b)) >= SIMILAR_ORDER ? s : 0;
}
