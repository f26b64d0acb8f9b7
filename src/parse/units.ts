import type { ParseError } from 'jsonc-parser';
import { jsoncLib } from '../util/lazy-modules.js';
import { DiagnosticError } from '../model/diagnostics.js';
import type { MasterDocument, Unit } from '../model/document.js';
import { LineIndex } from '../util/lines.js';
import { jsonDepthOffset, protoKeyOffset, hasReplacedPrototype, parsePlainJson } from '../util/json-guard.js';

/** `policy/<doc>.units.json`: the stable id of every translatable unit of the master. */
export interface UnitLockFile {
  version: 1;
  /** The next id number; ids are never reused, even for deleted units. */
  next: number;
  units: Record<string, LockedUnit>;
}

export interface LockedUnit {
  hash: string;
  section: string;
  text: string;
  /**
   * Earlier English texts of the unit, by hash, kept while a translation still refers to them:
   * what the translation was made from, so a change can be classified and shown to translators.
   */
  previous?: Record<string, string>;
}

export interface UnitLock {
  file: string;
  data: UnitLockFile;
  /** True when ids were added or units removed since the lock was read. */
  changed: boolean;
  added: number;
  removed: number;
  serialize(): string;
}

const SIMILAR_IN_SECTION = 0.5;
const SIMILAR_ACROSS = 0.7;

let segmenter: Intl.Segmenter | undefined;
function words(text: string, cache?: Map<string, Set<string>>): Set<string> {
  const hit = cache?.get(text);
  if (hit) return hit;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  const out = new Set<string>();
  for (const s of segmenter.segment(text.toLowerCase())) if (s.isWordLike) out.add(s.segment);
  cache?.set(text, out);
  return out;
}

/**
 * Dice coefficient of the two texts' word sets: 1 for the same words, 0 for none in common.
 * `cache` keeps each text's word set: id alignment compares every new unit with every old one.
 */
export function similarity(a: string, b: string, cache?: Map<string, Set<string>>): number {
  const wa = words(a, cache);
  const wb = words(b, cache);
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/** Unit ids as noticekit writes them (`u0001`); anything else in a lock was not written by noticekit. */
const UNIT_ID_RE = /^u\d{1,12}$/;

export function parseUnitLock(text: string | undefined, file: string): UnitLockFile {
  if (text === undefined || text.trim() === '') return { version: 1, next: 1, units: {} };
  const fail = (offset: number, why: string): never => {
    const p = new LineIndex(text).position(Math.max(0, offset));
    throw new DiagnosticError([{ severity: 'error', rule: 'units-lock-syntax', file, line: p.line, column: p.column, message: `${file} is not a valid unit-id lock: ${why}`, expected: 'the JSON written by noticekit ({"version":1,"next":N,"units":{"u0001":{"hash":"…","section":"…","text":"…"}}})', hint: `restore it from version control (git checkout -- ${file}); deleting it gives every unit a new id and marks translations for review` }]);
  };
  // JSON.parse where it reads the file as jsonc-parser would (parsePlainJson); otherwise
  // jsonc-parser, which says where the problem is
  let data = parsePlainJson(text)?.value as UnitLockFile | undefined;
  if (data === undefined) {
    const deep = jsonDepthOffset(text);
    if (deep >= 0) fail(deep, 'it is nested too deeply');
    const errors: ParseError[] = [];
    data = jsoncLib().parse(text, errors, { disallowComments: true, allowTrailingComma: false }) as UnitLockFile;
    if (errors.length) fail(errors[0]!.offset, 'invalid JSON');
    const proto = hasReplacedPrototype(data) ? protoKeyOffset(text) : -1;
    if (proto >= 0) fail(proto, 'a "__proto__" key');
  }
  const at = (key: string) => Math.max(0, text.indexOf(`"${key}"`));
  if (!isObject(data)) fail(0, 'not a JSON object');
  if (!isObject(data.units)) fail(at('units'), '"units" is not an object');
  if (!Number.isSafeInteger(data.next) || data.next < 1) fail(at('next'), '"next" is not a positive whole number');
  let highest = 0;
  for (const [id, u] of Object.entries(data.units)) {
    if (!UNIT_ID_RE.test(id)) fail(at(id), `unit id ${JSON.stringify(id)} is not of the form u0001`);
    const lu = u as unknown as Record<string, unknown>;
    if (!isObject(lu) || typeof lu.hash !== 'string' || typeof lu.section !== 'string' || typeof lu.text !== 'string') fail(at(id), `unit ${id} needs "hash", "section" and "text" strings`);
    if (lu.previous !== undefined && (!isObject(lu.previous) || Object.values(lu.previous).some((v) => typeof v !== 'string'))) fail(at(id), `"previous" of unit ${id} is not an object of texts`);
    highest = Math.max(highest, Number(id.slice(1)));
  }
  // ids are never reused: a hand-edited "next" at or below an existing id must not hand it out again
  if (data.next <= highest) data.next = highest + 1;
  if (!Number.isSafeInteger(data.next)) fail(at('next'), '"next" is too large');
  return data;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Gives every unit of the master a stable id: the id of the old unit with the same text (same
 * section first), else of the most similar old unit in the same section, else of a very similar
 * one in another section (a move), else a new id that was never used before.
 */
export function assignUnitIds(master: MasterDocument, lockText: string | undefined, file: string, referenced: (id: string, hash: string) => boolean = () => false): UnitLock {
  const old = parseUnitLock(lockText, file);
  const free = new Map(Object.entries(old.units));
  const byHash = new Map<string, string[]>();
  for (const [id, u] of free) {
    const list = byHash.get(u.hash) ?? [];
    list.push(id);
    byHash.set(u.hash, list);
  }
  const take = (id: string) => {
    free.delete(id);
  };
  const pending: Unit[] = [];
  // 1. exact text, preferring the same section
  for (const u of master.units) {
    const candidates = (byHash.get(u.hash) ?? []).filter((id) => free.has(id));
    const pick = candidates.find((id) => old.units[id]!.section === u.section) ?? candidates[0];
    if (pick) {
      u.id = pick;
      take(pick);
    } else pending.push(u);
  }
  // 2. similar text in the same section, then 3. across sections
  const wordSets = new Map<string, Set<string>>();
  for (const [threshold, sameSection] of [[SIMILAR_IN_SECTION, true], [SIMILAR_ACROSS, false]] as const) {
    for (const u of pending) {
      if (u.id) continue;
      let best: string | undefined;
      let bestScore: number = threshold;
      for (const [id, o] of free) {
        if (sameSection && o.section !== u.section) continue;
        const s = similarity(u.text, o.text, wordSets);
        if (s >= bestScore) {
          bestScore = s;
          best = id;
        }
      }
      if (best) {
        u.id = best;
        take(best);
      }
    }
  }
  let next = old.next;
  let added = 0;
  for (const u of master.units) {
    if (!u.id) {
      u.id = `u${String(next++).padStart(4, '0')}`;
      added++;
    }
  }
  const units: UnitLockFile['units'] = {};
  let changed = added > 0 || free.size > 0;
  for (const u of master.units) {
    const prev = old.units[u.id];
    if (!prev || prev.hash !== u.hash || prev.section !== u.section) changed = true;
    const previous: Record<string, string> = {};
    for (const [h, t] of Object.entries({ ...(prev?.previous ?? {}), ...(prev && prev.hash !== u.hash ? { [prev.hash]: prev.text } : {}) })) {
      if (h !== u.hash && referenced(u.id, h)) previous[h] = t;
    }
    if (Object.keys(previous).length !== Object.keys(prev?.previous ?? {}).length) changed = true;
    units[u.id] = { hash: u.hash, section: u.section, text: u.text, ...(Object.keys(previous).length ? { previous: Object.fromEntries(Object.entries(previous).sort()) } : {}) };
  }
  const data: UnitLockFile = { version: 1, next, units };
  return {
    file,
    data,
    changed,
    added,
    removed: free.size,
    serialize: () => `${JSON.stringify(data, null, 2)}\n`,
  };
}
