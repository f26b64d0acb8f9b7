import type { SectionInfo, Unit } from '../model/document.js';
import { plainObjects } from '../util/plain-object.js';
import type { Entry } from './text-cache.js';
import type { Segmented } from './tokenize.js';
import type { SectionPair, SectionRef, UnitPair, WordPart } from './types.js';

/*
 * The objects a diff keeps until it returns (its result, its caches), made by `plainObjects`
 * rather than object literals so that V8 does not pretenure them (see src/util/plain-object.ts).
 * Each is the same plain object, with the same keys in the same order, as the literal it replaces.
 */

/** `{ kind, old, new, similarity, section, oldSection }`, without the absent ones. */
export const unitPair = plainObjects<[kind: UnitPair['kind'], old: Unit | undefined, nu: Unit | undefined, similarity: number, section: SectionRef, oldSection: SectionRef | undefined], UnitPair>(
  function (kind, old, nu, similarity, section, oldSection) {
    this.kind = kind;
    if (old) this.old = old;
    if (nu) this.new = nu;
    this.similarity = similarity;
    this.section = section;
    if (oldSection) this.oldSection = oldSection;
  },
);

/** `{ kind, old, new, renamed, moved, by, oldPath, newPath }`, without the absent ones. */
export const sectionPair = plainObjects<
  [kind: SectionPair['kind'], old: SectionInfo | undefined, nu: SectionInfo | undefined, renamed: boolean, moved: boolean, by: SectionPair['by'], oldPath: string[] | undefined, newPath: string[] | undefined],
  SectionPair
>(function (kind, old, nu, renamed, moved, by, oldPath, newPath) {
  this.kind = kind;
  if (old) this.old = old;
  if (nu) this.new = nu;
  this.renamed = renamed;
  this.moved = moved;
  this.by = by;
  if (oldPath) this.oldPath = oldPath;
  if (newPath) this.newPath = newPath;
});

/** `{ id, path }` */
export const sectionRef = plainObjects<[id: string, path: string[]], SectionRef>(function (id, path) {
  this.id = id;
  this.path = path;
});

/** `{ type, text }` */
export const wordPart = plainObjects<[type: WordPart['type'], text: string], WordPart>(function (type, text) {
  this.type = type;
  this.text = text;
});

/** `{ tokens, wordLike }` */
export const segmented = plainObjects<[tokens: string[], wordLike: boolean[]], Segmented>(function (tokens, wordLike) {
  this.tokens = tokens;
  this.wordLike = wordLike;
});

/** `{ count, ids, seq }` (a text of the diff's TextCache) */
export const textEntry = plainObjects<[count: number, ids: number[], seq: number[]], Entry>(function (count, ids, seq) {
  this.count = count;
  this.ids = ids;
  this.seq = seq;
});
