export { diffDocuments } from './diff-documents.js';
export { parsePlainMarkdown } from './parse-plain.js';
export { tokenize, words } from './tokenize.js';
export { textSimilarity, dice, wordSet } from './similarity.js';
export { wordDiff } from './word-diff.js';
export type * from './types.js';
export { diffFacts, diffRegions, durationDays, type FactArea, type FactChange, type FactScope, type FactsDiffOptions } from './facts-diff.js';
