import type { SectionRef, UnitPair } from '../diff/types.js';
import { plainObjects } from '../util/plain-object.js';
import type { PairDeltas, PracticeCategory, TermDelta, TextTerms } from './lexicon.js';
import type { Severity } from './severity.js';
import type { Change, ChangeKind, ClassifiedChange } from './types.js';

/*
 * The objects a classification keeps until it returns (its result, its memo of term counts),
 * made by `plainObjects` rather than object literals so that V8 does not pretenure them (see
 * src/util/plain-object.ts). Each is the same plain object, with the same keys in the same order,
 * as the literal it replaces.
 */

/** `{ kind, pair, before, after, section }` */
export const change = plainObjects<[kind: ChangeKind, pair: UnitPair, before: string | null, after: string | null, section: SectionRef], Change>(
  function (kind, pair, before, after, section) {
    this.kind = kind;
    this.pair = pair;
    this.before = before;
    this.after = after;
    this.section = section;
  },
);

/** `{ kind, severity, rule, reason, section, before, after }` */
export const classified = plainObjects<
  [kind: ChangeKind, severity: Severity, rule: string, reason: string, section: SectionRef, before: string | null, after: string | null],
  ClassifiedChange
>(function (kind, severity, rule, reason, section, before, after) {
  this.kind = kind;
  this.severity = severity;
  this.rule = rule;
  this.reason = reason;
  this.section = section;
  this.before = before;
  this.after = after;
});

/** `{ text, terms, from, pos }` */
export const textTerms = plainObjects<[text: string, terms: number[], from: number[], pos: number[]], TextTerms>(function (text, terms, from, pos) {
  this.text = text;
  this.terms = terms;
  this.from = from;
  this.pos = pos;
});

/** Deltas by category, none computed yet (every category a field from the start). */
const byCategory = plainObjects<[], PairDeltas['byCategory']>(function () {
  this['data-collected'] = undefined;
  this.recipients = undefined;
  this.purposes = undefined;
  this.tracking = undefined;
  this.transfers = undefined;
  this.retention = undefined;
  this.rights = undefined;
  this.children = undefined;
});

/** `{ a, b, byCategory }`, no category computed yet. */
export const pairDeltasOf = plainObjects<[a: TextTerms, b: TextTerms], PairDeltas>(function (a, b) {
  this.a = a;
  this.b = b;
  this.byCategory = byCategory();
});

/** `{ category, term, delta }` */
export const termDelta = plainObjects<[category: PracticeCategory, term: string, delta: number], TermDelta>(function (category, term, delta) {
  this.category = category;
  this.term = term;
  this.delta = delta;
});
