import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLocaleJson, type ReadLocaleOptions } from '../../src/i18n/locales.js';
import { DiagnosticBag } from '../../src/model/diagnostics.js';
import { isPlainJson, jsonDepthOffset, MAX_JSON_DEPTH } from '../../src/util/json-guard.js';
import { applyPatches, loadCases } from '../reliability/bad-input-cases.js';

/**
 * readLocaleJson parses a valid locale file with JSON.parse and falls back to jsonc-parser (its
 * positions) for anything else: these tests hold the fast path to the jsonc-parser one
 * (`fast: false`) on generated texts, valid and broken, and on every locale file of the repository.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'noticekit-locale-json-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Outcome {
  data: unknown;
  diags: unknown[];
  kept: string[];
}

function read(path: string, rel: string, fast: boolean, opts: ReadLocaleOptions = {}): Outcome {
  const diags = new DiagnosticBag();
  const kept: string[] = [];
  const data = readLocaleJson(path, rel, diags, { ...opts, fast, keep: (t) => kept.push(t) });
  return { data: shape(data), diags: diags.items, kept };
}

/** The value with what toEqual does not see made visible: key order, prototypes, -0. */
function shape(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : v;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return ['array', ...v.map(shape)];
  return ['object', Object.getPrototypeOf(v) === Object.prototype, Object.keys(v).map((k) => [k, shape((v as Record<string, unknown>)[k])])];
}

/** Both paths on `text` written as a file (optionally with a BOM); the fast outcome, after checking they agree. */
function same(text: string, opts: ReadLocaleOptions & { bom?: boolean } = {}): Outcome {
  const path = join(TMP, 'ui.json');
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
  const fast = read(path, 'locales/xx/ui.json', true, opts);
  const slow = read(path, 'locales/xx/ui.json', false, opts);
  expect(fast).toEqual(slow);
  return fast;
}

// ---- generated texts ----

const ws = fc.constantFrom('', '', '', ' ', '\n', '\n  ', '\t', '\r\n');
const ESCAPES = ['\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\u00E9', '\\uD83D\\uDE00', '\\uD800', '\\udfff', '\\u0000', '\\u001f', '\\u005f', '\\u2028', '\\uFEFF'];
const RAW = ['é', '😀', '\u2028', '\u2029', '\u00a0', '\u007f', '{{name}}', '[', ']', '{', '}', ',', ':', '//', '/*', "'", '\uFEFF'];
/** One character of a string literal: raw, or escaped when JSON needs it (or at random). */
const char = fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.integer({ min: 0, max: 9 })).map(([c, r]) => {
  const code = c.codePointAt(0)!;
  if (c === '"' || c === '\\' || code < 0x20 || (r === 0 && code < 0x10000)) return `\\u${code.toString(16).padStart(4, '0')}`;
  return c;
});
const strBody = fc.array(fc.oneof({ weight: 6, arbitrary: char }, { weight: 2, arbitrary: fc.constantFrom(...ESCAPES) }, { weight: 2, arbitrary: fc.constantFrom(...RAW) }), { maxLength: 8 }).map((p) => p.join(''));
const str = strBody.map((s) => `"${s}"`);
const KEYS = ['a', 'b', 'contents', 'privacy_policy', '__proto__', '\\u005f_proto__', '__proto\\u005f_', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '0', '1', '10', '01', '-1', '4294967295', '', 'x.y', 'ключ', '😀', ' '];
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: strBody }).map((k) => `"${k}"`);
const NUMBERS = ['0', '-0', '1', '-1', '0.5', '-0.0', '1e400', '-1E+400', '1e-400', '5e-324', '1.5e3', '1E5', '2e-0', '-12.34e-5', '123456789012345678901234567890', '9007199254740993', '0.1000000000000000055511151231257827'];
const num = fc.oneof(fc.constantFrom(...NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)), fc.integer().map(String));
const lit = fc.constantFrom('true', 'false', 'null');

const list = <T>(items: fc.Arbitrary<T[]>, open: string, close: string, item: (x: T) => fc.Arbitrary<string>) =>
  items.chain((xs) => fc.tuple(...xs.map(item), ...xs.map(() => ws), ws).map((parts) => {
    const n = xs.length;
    const body = parts.slice(0, n).map((p, i) => `${parts[n + i]}${p}`).join(',');
    return `${open}${body}${parts[2 * n]}${close}`;
  }));

const { value } = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 5, arbitrary: str }, { weight: 1, arbitrary: num }, { weight: 1, arbitrary: lit }, { weight: 3, arbitrary: tie('object') }, { weight: 1, arbitrary: tie('array') }),
  object: list(fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }), '{', '}', ([k, v]) => ws.map((w) => `${k}${w}:${w}${v}`)),
  array: list(fc.array(tie('value'), { maxLength: 4 }), '[', ']', (v) => fc.constant(v)),
}));

/** An object with `inner` nested `depth` levels down (through objects or arrays), at a depth around MAX_JSON_DEPTH. */
const deep = fc.tuple(fc.integer({ min: MAX_JSON_DEPTH - 3, max: MAX_JSON_DEPTH + 3 }), fc.array(fc.boolean(), { minLength: MAX_JSON_DEPTH + 3, maxLength: MAX_JSON_DEPTH + 3 }), value, key).map(([depth, arrays, inner, k]) => {
  let s = inner;
  for (let i = depth - 1; i >= 1; i--) s = arrays[i] ? `[${s}]` : `{${i % 7 === 0 ? k : '"g"'}:${s}}`;
  return `{"top":"x",${k}:${s}}`;
});

const top = fc.oneof({ weight: 8, arbitrary: value.filter((v) => v.startsWith('{')) }, { weight: 2, arbitrary: value }, { weight: 2, arbitrary: deep });

/** Ways to break (or oddly keep) a valid text. */
const INSERTS = [',', ',', '//c\n', '/* c */', '"', "'", '}', ']', '{', '[', ':', 'x', '\\', '\uFEFF', '\v', '\f', '\u00a0', '\u2028', '\u0001', '\t', 'NaN', '-', '.5', '01', '+1', ' '];
type Edit = { kind: 'insert'; at: number; what: string } | { kind: 'delete'; at: number } | { kind: 'truncate'; at: number } | { kind: 'trailing-comma'; at: number } | { kind: 'replace'; what: string } | { kind: 'prefix'; what: string };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('trailing-comma' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), what: fc.constantFrom('', ' ', '\n', '\uFEFF', '\uFEFF{}', '{}', '[]', '"x"', '1', 'null', '{"a":"b"}\n{}', "{'a':'b'}", '{a:"b"}') }),
  fc.record({ kind: fc.constant('prefix' as const), what: fc.constantFrom('\uFEFF', '\uFEFF\uFEFF', ' ', '\n\n', '// c\n') }),
);
function applyEdit(text: string, e: Edit): string {
  const at = 'at' in e ? e.at % (text.length + 1) : 0;
  switch (e.kind) {
    case 'insert': return text.slice(0, at) + e.what + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + 1);
    case 'truncate': return text.slice(0, at);
    case 'trailing-comma': {
      const closers = [...text.matchAll(/[}\]]/g)].map((m) => m.index!);
      if (!closers.length) return text;
      const c = closers[at % closers.length]!;
      return `${text.slice(0, c)},${text.slice(c)}`;
    }
    case 'replace': return e.what;
    case 'prefix': return e.what + text;
  }
}

const sample = fc.record({ text: top, edits: fc.oneof({ weight: 3, arbitrary: fc.constant<Edit[]>([]) }, { weight: 2, arbitrary: fc.array(edit, { minLength: 1, maxLength: 2 }) }), labels: fc.boolean(), bom: fc.boolean() });

describe('readLocaleJson: the JSON.parse fast path', () => {
  it('gives the same data (key order included), diagnostics and kept text as jsonc-parser, on generated texts', () => {
    const seen = { fast: 0, valid: 0, invalid: 0, proto: 0, tooDeep: 0, data: 0 };
    fc.assert(
      fc.property(sample, ({ text: t, edits, labels, bom }) => {
        const text = edits.reduce(applyEdit, t);
        const out = same(text, { labels, bom });
        let parsed: unknown;
        try {
          parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
          seen.valid++;
          if (isPlainJson(parsed)) seen.fast++;
          else if (jsonDepthOffset(text) >= 0) seen.tooDeep++;
          else seen.proto++;
        } catch {
          seen.invalid++;
        }
        if (out.data !== undefined) seen.data++;
      }),
      { numRuns: 2000, seed: 20260417 },
    );
    // the generator reaches every branch, often
    if (process.env.NK_PRINT) console.log(seen);
    for (const [k, n] of Object.entries(seen)) expect(n, `${k}: ${JSON.stringify(seen)}`).toBeGreaterThan(50);
  });

  it('agrees on the cases the fast path must fall back or special-case', () => {
    // a duplicate key: the first place, the last value, both ways
    expect(same('{"a":"1","b":"2","a":"3"}').data).toEqual(['object', true, [['a', '3'], ['b', '2']]]);
    expect(same('{"b":"1","2":"x","a":{"c":"1"},"1":"y","a":{"d":"2"}}').data).toEqual(['object', true, [['1', 'y'], ['2', 'x'], ['b', '1'], ['a', ['object', true, [['d', '2']]]]]]);
    // `__proto__`: an object value is a diagnostic; jsonc-parser drops a text value (as before)
    expect(same('{\n  "a": { "__proto__": {} }\n}').diags).toMatchObject([{ line: 2, column: 10, message: 'a "__proto__" key' }]);
    expect(same('{ "\\u005f_proto__": null }').diags).toMatchObject([{ message: 'a "__proto__" key' }]);
    expect(same('{"__proto__": "x", "a": "b"}').data).toEqual(['object', true, [['a', 'b']]]);
    expect(same('[{"__proto__": {}}]').diags).toMatchObject([{ message: 'the locale file must hold a JSON object' }]);
    // depth: exactly MAX_JSON_DEPTH is fine, one more is not; a syntax error after a too-deep part reports the depth
    const levels = (n: number) => `{"a":${'['.repeat(n - 1)}1${']'.repeat(n - 1)}`; // n levels with the top object, unclosed
    expect(same(`${levels(MAX_JSON_DEPTH)}}`)).toMatchObject({ diags: [], kept: [expect.any(String)] });
    expect(same(`${levels(MAX_JSON_DEPTH + 1)}}`)).toMatchObject({ diags: [{ message: 'the JSON is nested too deeply', column: 5 + MAX_JSON_DEPTH }], kept: [] });
    expect(same(`${levels(MAX_JSON_DEPTH + 1)},}`).diags).toMatchObject([{ message: 'the JSON is nested too deeply' }]);
    expect(same(`${levels(MAX_JSON_DEPTH + 1)}, "__proto__": {}}`).diags).toMatchObject([{ message: 'the JSON is nested too deeply' }]);
    expect(same(`${levels(MAX_JSON_DEPTH)}, "__proto__": {}}`).diags).toMatchObject([{ message: 'a "__proto__" key', column: levels(MAX_JSON_DEPTH).length + 3 }]);
    // very deep input: JSON.parse copes, the walk stops at the limit, the diagnostic is the old one
    const huge = same(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(huge.diags).toMatchObject([{ rule: 'locale-json-syntax', line: 1, column: 5 + MAX_JSON_DEPTH, message: 'the JSON is nested too deeply' }]);
    expect(huge.kept).toEqual([]);
    // syntax errors, empty text, a BOM, a label that is not a text
    expect(same('{\n  "a": "b",\n}\n').diags).toMatchObject([{ line: 3, column: 1, message: 'invalid JSON: property name expected' }, { line: 3, column: 1, message: 'invalid JSON: value expected' }]);
    expect(same('').diags).toMatchObject([{ line: 1, column: 1, message: 'invalid JSON: value expected' }]);
    expect(same('{"a":"b"}', { bom: true }).data).toEqual(['object', true, [['a', 'b']]]);
    expect(same('\uFEFF{"a":"b"}', { bom: true }).data).toEqual(['object', true, [['a', 'b']]]); // TextDecoder drops one BOM, readTextFile the other
    expect(same('\uFEFF\uFEFF{"a":"b"}', { bom: true }).diags).toMatchObject([{ line: 1, column: 1, message: 'invalid JSON: invalid symbol' }]);
    expect(same('{\n  "a": { "b": -0 }\n}', { labels: true }).diags).toMatchObject([{ line: 2, column: 10, message: '"a.b" is a number (0), not a text' }]);
    expect(same('{"a": -0}').data).toEqual(['object', true, [['a', '-0']]]);
  });

  it('isPlainJson: depth as jsonDepthOffset counts it, own __proto__ keys at any depth', () => {
    const nest = (n: number, inner = '1') => `${'[{"k":'.repeat(n)}${inner}${'}]'.repeat(n)}`;
    for (const n of [0, 1, 31, 32, 33, 50]) {
      const text = nest(n, '[]');
      expect(isPlainJson(JSON.parse(text)), `depth ${2 * n + 1}`).toBe(jsonDepthOffset(text) < 0);
    }
    const arrays = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown;
    expect([isPlainJson(arrays(MAX_JSON_DEPTH)), isPlainJson(arrays(MAX_JSON_DEPTH + 1)), isPlainJson(arrays(3), 3), isPlainJson(arrays(3), 2)]).toEqual([true, false, true, false]);
    expect(isPlainJson(JSON.parse(nest(20, '{"__proto__": 1}')))).toBe(false);
    expect(isPlainJson(JSON.parse(nest(20, '{"constructor": {"prototype": {}}}')))).toBe(true);
    expect(isPlainJson(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe(false);
  });
});

describe('readLocaleJson: the repository\'s locale files', () => {
  const files = execFileSync('git', ['ls-files', 'locales/**/*.json', 'test/fixtures/**/*.json'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.json'));

  it('every locale file gives the same result both ways, with and without labels', () => {
    expect(files.filter((f) => f.startsWith('locales/')).length).toBeGreaterThan(40);
    for (const f of files) {
      for (const labels of [false, true]) {
        const fast = read(join(REPO, f), f, true, { labels });
        expect(fast, f).toEqual(read(join(REPO, f), f, false, { labels }));
        if (f.startsWith('locales/')) expect(fast.diags, f).toEqual([]);
      }
    }
  });

  it('the locale files of the bad-input corpus give the same result both ways', () => {
    const cases = loadCases().filter((c) => c.patch.some((p) => p.file?.startsWith('locales/')));
    expect(cases.length).toBeGreaterThan(15);
    let diagnosed = 0;
    for (const c of cases) {
      const dir = join(TMP, c.id);
      cpSync(join(REPO, 'locales'), join(dir, 'locales'), { recursive: true });
      const patches = c.patch.filter((p) => p.file?.startsWith('locales/'));
      applyPatches(dir, patches);
      for (const f of new Set(patches.map((p) => p.file!))) {
        const opts = { labels: !f.endsWith('privacy.json'), optional: !f.endsWith('ui.json') };
        const fast = read(join(dir, f), f, true, opts);
        expect(fast, `${c.id}: ${f}`).toEqual(read(join(dir, f), f, false, opts));
        if (fast.diags.length) diagnosed++;
      }
    }
    expect(diagnosed).toBeGreaterThan(8);
  });
});
