import type { SectionRef, UnitPair } from '../diff/types.js';
import type { PairDeltas, PracticeCategory, TermDelta, TextTerms } from './lexicon.js';
import type { Severity } from './severity.js';
import type { Change, ChangeKind, ClassifiedChange } from './types.js';

/*
 * The objects a classification keeps until it returns (its result, its memo of term counts),
 * made by constructors rather than object literals, so that V8 does not switch the literals to
 * allocating in the old generation: see src/diff/plain.ts. Each constructor's prototype is
 * Object.prototype, so what it makes is a plain object with the same own properties, in the same
 * order, as the literal it replaces.
 */

type Fields = Record<string, unknown>;

function ChangeObject(this: Fields, kind: ChangeKind, pair: UnitPair, before: string | null, after: string | null, section: SectionRef): void {
  this.kind = kind;
  this.pair = pair;
  this.before = before;
  this.after = after;
  this.section = section;
}

function ClassifiedObject(this: Fields, kind: ChangeKind, severity: Severity, rule: string, reason: string, section: SectionRef, before: string | null, after: string | null): void {
  this.kind = kind;
  this.severity = severity;
  this.rule = rule;
  this.reason = reason;
  this.section = section;
  this.before = before;
  this.after = after;
}

function TextTermsObject(this: Fields, text: string, terms: number[], from: number[], pos: number[]): void {
  this.text = text;
  this.terms = terms;
  this.from = from;
  this.pos = pos;
}

/** Deltas by category, once computed (every category a field from the start). */
function ByCategoryObject(this: Fields): void {
  this['data-collected'] = undefined;
  this.recipients = undefined;
  this.purposes = undefined;
  this.tracking = undefined;
  this.transfers = undefined;
  this.retention = undefined;
  this.rights = undefined;
  this.children = undefined;
}

function PairDeltasObject(this: Fields, a: TextTerms, b: TextTerms): void {
  this.a = a;
  this.b = b;
  this.byCategory = new ByCategoryC();
}

function TermDeltaObject(this: Fields, category: PracticeCategory, term: string, delta: number): void {
  this.category = category;
  this.term = term;
  this.delta = delta;
}

for (const f of [ChangeObject, ClassifiedObject, TextTermsObject, ByCategoryObject, PairDeltasObject, TermDeltaObject]) f.prototype = Object.prototype;

type New<F extends (...args: never[]) => void, T> = new (...args: Parameters<F>) => T;
const ChangeC = ChangeObject as unknown as New<typeof ChangeObject, Change>;
const ClassifiedC = ClassifiedObject as unknown as New<typeof ClassifiedObject, ClassifiedChange>;
const TextTermsC = TextTermsObject as unknown as New<typeof TextTermsObject, TextTerms>;
const ByCategoryC = ByCategoryObject as unknown as New<typeof ByCategoryObject, PairDeltas['byCategory']>;
const PairDeltasC = PairDeltasObject as unknown as New<typeof PairDeltasObject, PairDeltas>;
const TermDeltaC = TermDeltaObject as unknown as New<typeof TermDeltaObject, TermDelta>;

/** `{ kind, pair, before, after, section }` */
export function change(kind: ChangeKind, pair: UnitPair, before: string | null, after: string | null, section: SectionRef): Change {
  return new ChangeC(kind, pair, before, after, section);
}

/** `{ kind, severity, rule, reason, section, before, after }` */
export function classified(kind: ChangeKind, severity: Severity, rule: string, reason: string, section: SectionRef, before: string | null, after: string | null): ClassifiedChange {
  return new ClassifiedC(kind, severity, rule, reason, section, before, after);
}

/** `{ text, terms, from, pos }` */
export function textTerms(text: string, terms: number[], from: number[], pos: number[]): TextTerms {
  return new TextTermsC(text, terms, from, pos);
}

/** `{ a, b, byCategory }`, no category computed yet. */
export function pairDeltasOf(a: TextTerms, b: TextTerms): PairDeltas {
  return new PairDeltasC(a, b);
}

/** `{ category, term, delta }` */
export function termDelta(category: PracticeCategory, term: string, delta: number): TermDelta {
  return new TermDeltaC(category, term, delta);
}
