import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { DiagnosticBag } from '../../src/model/diagnostics.js';
import { complexKeyOffset, fastYamlData, parseYamlSource, slowPathReason, type YamlPath } from '../../src/parse/yaml-source.js';
import { readTextFile } from '../../src/util/read-text.js';
import { applyPatches, loadCases } from '../reliability/bad-input-cases.js';
import { REPO } from '../helpers/project.js';

/**
 * parseYamlSource reads plain documents with js-yaml and a schema made to resolve values as the
 * `yaml` package does, and leaves everything else to `yaml` (see fastYamlData). These tests hold
 * the fast reader to `yaml`'s `toJS()` on documents built from tricky pieces, and
 * parseYamlSource (data, diagnostics, positions) to its reading with `{ fast: false }`.
 */

/** Pieces the fast path takes (or declines on the way, in js-yaml), and pieces it declines by their text. */
const PLAIN = [
  'hello', 'hello world', 'x #not a comment', 'C#', 'https://x.example/#frag', 'a:b', 'a : b', 'a -b', 'trailing   ',
  '1', '-1', '+1', '012', '0', '-0', '+0', '00', '0o17', '0o8', '0O17', '-0o17', '0x1F', '0X1F', '0xg', '-0x1F', '0b1', '1_000', '1,000',
  '1.', '-1.', '.5', '-.5', '+.5', '1.50', '0.0', '-0.0', '1e3', '1E-3', '+1.5e+3', '.5e3', '1.e3', 'e3', '1e', '1.5.5',
  '.inf', '+.inf', '-.inf', '.Inf', '-.INF', '.iNf', 'inf', 'Infinity', '.nan', '.NaN', '.NAN', '+.nan', 'NaN', 'nan',
  '12345678901234567890', '0x1FFFFFFFFFFFFFFFFF', '1e400', '4.9e-325', '9007199254740993', '0o', '0x', '+', '.', '-.', '+-1',
  'null', 'Null', 'NULL', 'nUll', '~', 'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'yes', 'No', 'on', 'OFF', 'y', 'n',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '12:30', '1:20:30', 'é', '日本語', '😀', 'a\u00a0b', '\u00a0', 'a\u2028b', 'a\u0085b',
  'a - b', 'R&D', 'Terms & Conditions', 'a*b', 'wow!', 'a?', 'a|b', 'a>b', 'a,b', 'a]', 'a}', 'a[b]', 'x: y', '- a', '-a', '--a',
  ':', '%x', '@x', '`x', 'multi\n  line', 'multi\n\n  para', 'multi\nunindented', 'a #', 'a\u0000b', 'a\u0007b', '\ud800',
];
const RARE_PLAIN = ['v'.repeat(1100), 'w '.repeat(600) + ': x', '[' + 'f, '.repeat(400) + 'g: h]', '?', 'a ? b', '-', '!x', '! x', '!!str x', '&a x', '*a', '<<', '__proto__', 'a\tb', '"a"#c', 'a\r\nb'];
const DQ = [
  '"a"', '""', '"a\\nb"', '"\\x41"', '"\\u00e9"', '"\\U0001F600"', '"\\q"', '"\\/"', '"\\t\\ "', '"#x"', '"a # b"', '"1"', '"true"',
  '"null"', '"a\\\n  b"', '"multi\n  line"', '"multi\n\n  para"', '"\\"quoted\\""', '"\\U00110000"', '"a\\\n\n  b"', '"a\\\n  \n  b"', '"tab\tin"', '"\\0"', '"\\e\\N\\_\\L\\P"', '"\\x4"',
  '"trailing  \n  x"', '"a\\\\b"', '"unterminated', '"\\ud800"', '"\\uD83D\\uDE00"', '"a\nunindented"', '"--- x"', '"\n---\n"',
];
const SQ = ["'a'", "''", "'a''b'", "'#x'", "'multi\n  line'", "'a \\n'", "'1'", "'null'", "'it''s\n\n  ok'", "'unterminated", "'a\nunindented'", "' x '"];
const KEYS = [
  'name', 'a b', 'a-b', 'a_b', 'é', '日本', '"quoted"', "'single'", '"a: b"', '"a#b"', 'a#b', '1', '01', '-1', '1.0', '1.', '0x10', '0o10',
  'true', 'True', 'null', '~', 'NULL', '""', "''", '.inf', '.nan', '-0', '1e3', '12345678901234567890', 'constructor', 'toString',
  '"1"', '"multi\n  line"', 'multi\n  line', 'name', 'name', 'x', 'y', 'z', 'x', 'y', '0', 'a:b', '-', '- a', '"a" b', 'a "b"',
];
const RARE_KEYS = ['k'.repeat(1030), '"' + 'q: '.repeat(340) + '"', 'k'.repeat(990), '__proto__', '<<', '[a]', '{a: 1}', '? x', '!!str k', '&k k', 'k\t'];
const FLOW = [
  '[]', '{}', '[a, b]', '[1, "x", null, ~, true]', '{a: 1, b: [2, 3]}', '[a, , b]', '[a: b]', '{a, b}', '{a: }', '[a,]', '{a: 1,}',
  '{"a":1}', '{a:1}', '{"a":b}', '[ a , b ]', '{a: [b, {c: d}]}', '[\n  a,\n  b\n  ]', '[\na,\nb\n]', '{\n  a: 1,\n  b: 2\n}',
  '[a, [b, [c]]]', '{a: {b: {c: d}}}', '[0x10, 0o10, 1e3, .inf, -.inf, .nan, 1., +1, -0]', '{1: a, 2: b}', '{a: 1, a: 2}', '[a]]', '{a: 1', '[a b]',
  '[a\n  b]', '[-a, - b]', '[a: b, c: d]', '["a":b]', '{a: b: c}', '{a: 1 # c\n  }', '[a, # c\n  b]', '{"a": 1, "b"}', '[a: ]', '{: a}', '[: a]',
  '{a: null, ~: b}', '[{a: 1}, {b: 2}]', '{a: [1, 2], b: {c: 3}}', '[a, b]x', '{a: "b" c}', "{'a': 'b'}",
];
const RARE_FLOW = ['[a #c\n  , b]', '{? a: b}', '[{a: b}: c]', '{[a]: b}', '[!!str 1]', '[&a 1, *a]', '[a,#c\n b]'];
const BLOCK_HEADERS = ['|', '>', '|-', '|+', '>-', '>+', '| # c', '>  # c', '|x', '|-+', '| #c', '|  '];
const RARE_HEADERS = ['|2', '>1', '|2-', '|-2', '|+1', '|0', '|#c'];
const BLOCK_LINES = ['text', 'more text', '  indented', '    more indented', '', '', '# not a comment', 'a: b', '- x', '"q"', 'x  ', ' x'];
const RARE_BLOCK_LINES = [' ', '   ', 'tab\there', '\ttab first', '---', '...'];
const COMMENTS = ['# comment', '#', '#no space', '  # indented', '# key: value', '   #', '#- x', '# a: |'];

/** Mostly `common`, sometimes `rare`. */
function pick(common: string[], rare: string[], rareWeight = 1): fc.Arbitrary<string> {
  return fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...common) }, { weight: rareWeight, arbitrary: fc.constantFrom(...rare) });
}

const indentStep = fc.constantFrom(0, 1, 2, 2, 2, 2, 3, 4);

type Lines = string[];
/** Marks a line that keeps its own indentation (a comment less indented than its surroundings). */
const NOPAD = '\u0001';
const pad = (n: number) => ' '.repeat(n);

/** A scalar written after `key: ` or `- `; multi-line ones continue at indent `ind`. */
function inlineScalar(ind: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: pick(PLAIN, RARE_PLAIN) },
    { weight: 3, arbitrary: fc.constantFrom(...DQ) },
    { weight: 2, arbitrary: fc.constantFrom(...SQ) },
    { weight: 3, arbitrary: pick(FLOW, RARE_FLOW) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  ).map((s) => s.replace(/\n/g, `\n${pad(ind)}`));
}

function blockScalar(ind: number): fc.Arbitrary<{ head: string; body: Lines }> {
  return fc.record({
    head: pick(BLOCK_HEADERS, RARE_HEADERS),
    body: fc.array(fc.tuple(pick(BLOCK_LINES, RARE_BLOCK_LINES), fc.constantFrom(0, 0, 0, 1, -1)), { maxLength: 5 }),
    trailing: fc.constantFrom('', '', ' ', '  '),
  }).map(({ head, body, trailing }) => ({
    head,
    body: body.map(([l, d]) => (l === '' ? '' : pad(Math.max(0, ind + d)) + l + trailing)),
  }));
}

/** A node at indentation `ind`, as the text after an indicator (`head`) and following lines. */
const node = fc.letrec<{ node: { head: string; body: Lines }; map: Lines; seq: Lines }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: fc.constant(0).chain(() => inlineScalar(2).map((s) => ({ head: s, body: [] as Lines }))) },
    { weight: 2, arbitrary: tie('map').map((l) => ({ head: '', body: l })) },
    { weight: 2, arbitrary: tie('seq').map((l) => ({ head: '', body: l })) },
    { weight: 1, arbitrary: blockScalar(2) },
    // a scalar on the line after `key:` or `-`
    { weight: 1, arbitrary: inlineScalar(0).filter((s) => s !== '').map((s) => ({ head: '', body: s.split('\n') })) },
  ),
  map: fc.array(
    fc.tuple(pick(KEYS, RARE_KEYS), tie('node'), indentStep, fc.constantFrom('', '', '', '', '', ' ', '  # c', '#c', ' #c', ' # c: d', '  '), fc.option(fc.constantFrom(...COMMENTS), { freq: 5 }), fc.constantFrom(': ', ': ', ': ', ':', ' : ', ':  '), fc.option(fc.constantFrom('#x', ' #x', '  #x', '', '   # x'), { freq: 4 })),
    { minLength: 1, maxLength: 4 },
  ).map((entries) =>
    entries.flatMap(([k, v, step, trail, comment, sep, between]) => {
      const first = `${k}${v.head === '' && v.body.length ? ':' : sep}${v.head}${trail}`;
      const nested = v.body.map((l) => (l === '' || l.startsWith(NOPAD) ? l : pad(step) + l));
      return [...(comment ? [comment] : []), first, ...(v.body.length && between ? [NOPAD + between] : []), ...nested];
    }),
  ),
  seq: fc.array(fc.tuple(tie('node'), indentStep, fc.boolean(), fc.constantFrom('', '', ' ', ' # c')), { minLength: 1, maxLength: 4 }).map((items) =>
    items.flatMap(([v, step, compact, trail]) => {
      if (v.head === '' && v.body.length && compact && v.body[0] && !v.body[0].startsWith(' ')) {
        // compact nested collection: `- a: 1\n  b: 2`
        return [`- ${v.body[0]}`, ...v.body.slice(1).map((l) => (l === '' || l.startsWith(NOPAD) ? l : '  ' + l))];
      }
      return [`- ${v.head}${trail}`, ...v.body.map((l) => (l === '' || l.startsWith(NOPAD) ? l : pad(step) + l))];
    }),
  ),
}));

const MUTATION_CHARS = [' ', ' ', '  ', ':', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '\n', '\n ', '|', '>', '@', ': ', '- ', '\\', 'x', '\n- ', '\na: ', '\t', '?', '!', '&', '*', '%', '\r', '...', '---'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...MUTATION_CHARS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), s: fc.constant('') }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), s: fc.constantFrom(' ', '') }),
);

function mutate(text: string, ms: readonly { kind: 'insert' | 'delete' | 'indent'; at: number; s: string }[]): string {
  for (const m of ms) {
    if (m.kind === 'indent') {
      const lines = text.split('\n');
      const i = m.at % Math.max(1, lines.length);
      lines[i] = m.s === ' ' ? ' ' + lines[i] : lines[i]!.replace(/^ /, '');
      text = lines.join('\n');
    } else {
      const at = m.at % (text.length + 1);
      text = text.slice(0, at) + m.s + text.slice(at + (m.kind === 'delete' ? 1 : 0));
    }
  }
  return text;
}

/**
 * A document: nested block maps and lists of the pieces above (flow collections, block scalars,
 * comments, odd indentation), an optional start (`---`, directives, a byte order mark) and end
 * (`...`, a second document), sometimes CRLF, and in one case of four a few random edits.
 */
const yamlDocument = fc
  .record({
    root: fc.oneof({ weight: 4, arbitrary: node.map }, { weight: 2, arbitrary: node.seq }, { weight: 1, arbitrary: node.node.map((n) => [n.head, ...n.body]) }),
    start: pick(['', '', '', '', '', '---\n', '--- \n', '--- # c\n', '# head\n---\n', '# head\n', '\n', ' \n', '  # c\n'], ['%YAML 1.2\n---\n', '%YAML 1.1\n---\n', '\uFEFF', '--- ', '---#c\n', '--- |\n', '--- a\n', '---\n---\n', '...\n']),
    end: pick(['\n', '\n', '\n', '', '\n\n', '\n# end\n', '   \n', '\n  # end', '\n\n\n'], ['\n...\n', '\n---\n', '\n...', '\n...\n# c\n', '\n---\na: 1\n', '\n...\n---\n']),
    baseIndent: fc.constantFrom(0, 0, 0, 1, 2),
    crlf: fc.constantFrom(false, false, false, false, false, false, true),
    mutations: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
  })
  .map(({ root, start, end, baseIndent, crlf, mutations }) => {
    let text = start + root.map((l) => (l === '' || l.startsWith(NOPAD) ? l : pad(baseIndent) + l)).join('\n').replaceAll(NOPAD, '') + end;
    text = mutate(text, mutations);
    return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
  });

/** Where `a` and `b` differ: types, own keys and their order, numbers by Object.is (-0, NaN). */
function dataDiff(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different kinds of object`;
  const ka = Reflect.ownKeys(a as object).map(String);
  const kb = Reflect.ownKeys(b as object).map(String);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    if (k === 'length' && Array.isArray(a)) continue;
    const d = dataDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/** Up to `max` paths into `data` (and one that leads nowhere), for comparing `locate`. */
function pathsOf(data: unknown, max = 40): YamlPath[] {
  const out: YamlPath[] = [[], ['no such key', 3]];
  const walk = (v: unknown, p: YamlPath) => {
    if (out.length >= max || v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      const q = [...p, Array.isArray(v) ? Number(k) : k];
      out.push(q, [...q, 'missing']);
      walk(x, q);
    }
  };
  walk(data, []);
  return out.slice(0, max);
}

/** What parseYamlSource gives, with every position it can be asked for. */
function outcome(text: string, fast: boolean): { ok: boolean; data?: unknown; diags: unknown[]; positions?: unknown[] } {
  const diags = new DiagnosticBag();
  const src = parseYamlSource(text, 'policy/x.yaml', diags, { fast });
  if (!src) return { ok: false, diags: diags.items };
  const positions = pathsOf(src.data).flatMap((p) => [src.locate(p), src.locate(p, true)]);
  return { ok: true, data: src.data, diags: diags.items, positions };
}

/** Holds parseYamlSource with the fast reader to the `yaml` reading; returns whether the fast path was taken. */
function expectSameAsYaml(text: string): boolean {
  const fast = fastYamlData(text);
  if (fast) {
    // the fast path is only taken where `yaml` reads the text without error, to the same values
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(complexKeyOffset(doc)).toBeUndefined();
    expect(dataDiff(fast.data, doc.toJS({ maxAliasCount: 100 }))).toBeUndefined();
  }
  const a = outcome(text, true);
  const b = outcome(text, false);
  const tooDeep = (o: { diags: unknown[] }) => o.diags.some((d) => /nested too deeply/.test((d as { message: string }).message));
  if (tooDeep(b)) {
    // where `yaml` runs out of stack depends on the stack at the call: not the same twice
    expect(fast).toBeUndefined();
    expect(tooDeep(a) && !a.ok).toBe(true);
    return false;
  }
  expect(a.ok).toBe(b.ok);
  expect(dataDiff(a.data, b.data)).toBeUndefined();
  expect(a.diags).toEqual(b.diags);
  expect(a.positions).toEqual(b.positions);
  return fast !== undefined;
}

/** The YAML files in git (or, without git, below the folders that hold them). */
function yamlFilesOfRepo(): string[] {
  try {
    return execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    const out: string[] = ['noticekit.config.yaml'];
    const walk = (rel: string) => {
      for (const e of readdirSync(join(REPO, rel), { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${rel}/${e.name}`);
        else if (/\.ya?ml$/.test(e.name)) out.push(`${rel}/${e.name}`);
      }
    };
    for (const d of ['policy', 'snapshots', 'src/jurisdictions/data', 'test/fixtures']) walk(d);
    return out;
  }
}

describe('the fast YAML reader', () => {
  it('reads generated documents as the yaml package does, or leaves them to it', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(yamlDocument, (text) => {
        runs++;
        if (expectSameAsYaml(text)) taken++;
      }),
      { numRuns: 1500, seed: 20261130 },
    );
    // the grammar is meant to reach the fast path often, not only the ways around it
    expect(taken / runs).toBeGreaterThan(0.1);
  });

  it('resolves every scalar piece as the core schema of yaml does, as a value, a key and in a list', () => {
    let taken = 0;
    for (const p of [...PLAIN, ...RARE_PLAIN, ...DQ, ...SQ, ...KEYS, ...RARE_KEYS, ...FLOW, ...RARE_FLOW]) {
      for (const text of [`v: ${p}\n`, `${p}: v\n`, `- ${p}\n- x\n`, `[${p}]\n`, `{k: ${p}}\n`, `${p}\n`]) if (expectSameAsYaml(text)) taken++;
    }
    expect(taken).toBeGreaterThan(500);
  });

  // Each of these was read differently by the two libraries (or only `yaml` reports an error):
  // the fast reader must leave them to `yaml`.
  const DIFFERENT: [string, string][] = [
    ['a: "\\U00110000"\n', '\\U escape beyond Unicode: an error for yaml'],
    ['a: "a\\\n    \n  b"\n', 'escaped line break before a blank line: "a b" for yaml, "ab" for js-yaml'],
    ['a:\n#x\n b\nz: 1\n', 'comment less indented than the value after it: an error for yaml'],
    ['x:\n  a:\n  #x\n   b\n  z: 1\n', 'the same, nested'],
    ['- - a\n  - \n- b\n', 'empty list item: js-yaml takes the less indented item into the inner list'],
    ['#head\n  - \n - .inf', 'empty list item: an error for yaml'],
    ['  |-\n# end\n', 'block scalar document: yaml reads the comment as text'],
    ['0x10: >+\n     \n\n   # text\n', 'more indented blank line before block scalar text: an error for yaml'],
    ['  >1\n       indented\n   a: b\n', 'indentation indicator'],
    ['a: "x"#c\n', 'comment without a space before it: an error for yaml'],
    ['a: [b,#c\n  d]\n', 'the same in a flow collection'],
    [' {a: {b: ,{c: d}}}\n', 'mapping as a key in a flow mapping'],
    ['[a]: b\n', 'list as a key'],
    ['? a\n: b\n', 'explicit key'],
    ['a: &x 1\nb: *x\n', 'anchor and alias'],
    ['a: !!str 1\n', 'tag'],
    ['a: ! 1\n', 'non-specific tag'],
    ['%YAML 1.1\n---\na: yes\n', 'directive: YAML 1.1 booleans for yaml'],
    ['a: 1\n---\nb: 2\n', 'second document'],
    ['--- a: 1\n', 'block mapping on the --- line: an error for yaml'],
    ['a: 1\n...\n', 'document end marker'],
    ['<<: {a: 1}\nb: 2\n', 'merge key'],
    ['__proto__: {a: 1}\n', '__proto__ key'],
    ['null: a\n', 'null key: "" for yaml, "null" for js-yaml'],
    ['{~: a}\n', 'null key in a flow mapping'],
    ['a:\tb\n', 'tab'],
    [`${'k'.repeat(1030)}: v\n`, 'implicit key over 1024 characters: an error for yaml'],
    ['\uFEFF- a\n', 'byte order mark'],
    ['a: 1\r\nb: 2\r\n', 'CR'],
  ];
  it.each(DIFFERENT)('leaves %j to the yaml package (%s)', (text) => {
    expect(fastYamlData(text)).toBeUndefined();
    expectSameAsYaml(text);
  });

  it('takes the fast path for the data a project holds, and the locate positions match', () => {
    const files = yamlFilesOfRepo();
    expect(files.length).toBeGreaterThan(50);
    const declined: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(REPO, f), 'utf8');
      if (!expectSameAsYaml(text)) declined.push(`${f}: ${slowPathReason(text) ?? 'js-yaml declined'}`);
    }
    // the bad-input corpus describes its cases in YAML whose strings hold handlebars, markdown and
    // `*`, `{#`, `{{`, which the text checks cannot tell from YAML syntax; every other file is plain
    expect(declined.filter((d) => !d.startsWith('test/fixtures/bad-input/'))).toEqual([]);
  });

  it('gives the same data and diagnostics for the project files of the bad-input corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'noticekit-yaml-fast-'));
    try {
      let compared = 0;
      for (const c of loadCases()) {
        const yamlPatches = c.patch.filter((p) => /\.ya?ml$/.test(p.file ?? '') && !p.symlink && !p.mkdir && !p.delete);
        if (!yamlPatches.length) continue;
        rmSync(dir, { recursive: true, force: true });
        for (const p of yamlPatches) {
          const from = join(REPO, p.file!);
          mkdirSync(dirname(join(dir, p.file!)), { recursive: true });
          if (existsSync(from)) copyFileSync(from, join(dir, p.file!));
        }
        applyPatches(dir, yamlPatches);
        for (const file of new Set(yamlPatches.map((p) => p.file!))) {
          let text: string | undefined;
          try {
            text = readTextFile(join(dir, file), file);
          } catch {
            continue; // not text (binary, UTF-16): never reaches the YAML reader
          }
          if (text === undefined) continue;
          expectSameAsYaml(text);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
