import type { SectionInfo, Unit } from '../model/document.js';
import type { Entry } from './text-cache.js';
import type { Segmented } from './tokenize.js';
import type { SectionPair, SectionRef, UnitPair, WordPart } from './types.js';

/*
 * The objects a diff keeps until it returns (its result, its caches), made without object literals.
 *
 * V8 tracks where each literal allocates; when most objects from one literal are still alive at a
 * minor collection, as these are until the call returns, the literal is switched to allocating in
 * the old generation. Call after call, the old generation then fills with these objects once they
 * are garbage, which brings frequent full collections and slower minor ones: measured on a 2 MB
 * pair, about a third of the diff's time. Objects made by calling a constructor, and arrays copied
 * with `slice`, are not tracked that way, and die young.
 *
 * Each constructor's prototype is Object.prototype, so what it makes is a plain object, with the
 * same own properties in the same order as the literal it replaces.
 */

type Fields = Record<string, unknown>;

function UnitPairObject(this: Fields, kind: UnitPair['kind'], old: Unit | undefined, nu: Unit | undefined, similarity: number, section: SectionRef, oldSection: SectionRef | undefined): void {
  this.kind = kind;
  if (old) this.old = old;
  if (nu) this.new = nu;
  this.similarity = similarity;
  this.section = section;
  if (oldSection) this.oldSection = oldSection;
}

function SectionPairObject(
  this: Fields,
  kind: SectionPair['kind'],
  old: SectionInfo | undefined,
  nu: SectionInfo | undefined,
  renamed: boolean,
  moved: boolean,
  by: SectionPair['by'],
  oldPath: string[] | undefined,
  newPath: string[] | undefined,
): void {
  this.kind = kind;
  if (old) this.old = old;
  if (nu) this.new = nu;
  this.renamed = renamed;
  this.moved = moved;
  this.by = by;
  if (oldPath) this.oldPath = oldPath;
  if (newPath) this.newPath = newPath;
}

function SectionRefObject(this: Fields, id: string, path: string[]): void {
  this.id = id;
  this.path = path;
}

function WordPartObject(this: Fields, type: WordPart['type'], text: string): void {
  this.type = type;
  this.text = text;
}

function EntryObject(this: Fields, count: number, ids: number[], seq: number[]): void {
  this.count = count;
  this.ids = ids;
  this.seq = seq;
}

function SegmentedObject(this: Fields, tokens: string[], wordLike: boolean[]): void {
  this.tokens = tokens;
  this.wordLike = wordLike;
}

for (const f of [UnitPairObject, SectionPairObject, SectionRefObject, WordPartObject, EntryObject, SegmentedObject]) f.prototype = Object.prototype;

type New<F extends (...args: never[]) => void, T> = new (...args: Parameters<F>) => T;
const UnitPairC = UnitPairObject as unknown as New<typeof UnitPairObject, UnitPair>;
const SectionPairC = SectionPairObject as unknown as New<typeof SectionPairObject, SectionPair>;
const SectionRefC = SectionRefObject as unknown as New<typeof SectionRefObject, SectionRef>;
const WordPartC = WordPartObject as unknown as New<typeof WordPartObject, WordPart>;
const EntryC = EntryObject as unknown as New<typeof EntryObject, Entry>;
const SegmentedC = SegmentedObject as unknown as New<typeof SegmentedObject, Segmented>;

/** `{ kind, old, new, similarity, section, oldSection }`, without the absent ones. */
export function unitPair(kind: UnitPair['kind'], old: Unit | undefined, nu: Unit | undefined, similarity: number, section: SectionRef, oldSection: SectionRef | undefined): UnitPair {
  return new UnitPairC(kind, old, nu, similarity, section, oldSection);
}

/** `{ kind, old, new, renamed, moved, by, oldPath, newPath }`, without the absent ones. */
export function sectionPair(
  kind: SectionPair['kind'],
  old: SectionInfo | undefined,
  nu: SectionInfo | undefined,
  renamed: boolean,
  moved: boolean,
  by: SectionPair['by'],
  oldPath: string[] | undefined,
  newPath: string[] | undefined,
): SectionPair {
  return new SectionPairC(kind, old, nu, renamed, moved, by, oldPath, newPath);
}

/** `{ id, path }` */
export function sectionRef(id: string, path: string[]): SectionRef {
  return new SectionRefC(id, path);
}

/** `{ type, text }` */
export function wordPart(type: WordPart['type'], text: string): WordPart {
  return new WordPartC(type, text);
}

/** `{ tokens, wordLike }` */
export function segmented(tokens: string[], wordLike: boolean[]): Segmented {
  return new SegmentedC(tokens, wordLike);
}

/** `{ count, ids, seq }` (a text of the diff's TextCache) */
export function textEntry(count: number, ids: number[], seq: number[]): Entry {
  return new EntryC(count, ids, seq);
}
