import type { Document, LineCounter } from 'yaml';
import { yamlLib } from '../util/lazy-modules.js';
import { load as loadJsYaml, FAILSAFE_SCHEMA, Type } from 'js-yaml';
import { DiagnosticBag } from '../model/diagnostics.js';

export type YamlPath = (string | number)[];

/** A parsed YAML file that can say where any value inside it stands. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line and column of the value at `path` (or of the nearest enclosing value). */
  locate(path: YamlPath, key?: boolean): { line: number; column: number };
}

export interface ParseYamlOptions {
  /** Try the fast reader first (the default); `false` reads with the `yaml` package only. */
  fast?: boolean;
}

/**
 * Parses YAML, adding a diagnostic with line and column for every syntax error.
 *
 * The `yaml` package gives every value its source position, which diagnostics need, but takes
 * about 50 ms (warm) to 180 ms (fresh process) for a 27 KB facts file. So the text is first read
 * by js-yaml with a schema that resolves values as `yaml` does ({@link fastYamlData}); `yaml`
 * reads it only when that reader declines (errors and unusual constructs: the diagnostics are
 * the `yaml` ones, as before) or when `locate` is asked for a position.
 */
export function parseYamlSource(text: string, file: string, diags: DiagnosticBag, options: ParseYamlOptions = {}): YamlSource | undefined {
  if (options.fast !== false) {
    const fast = fastYamlData(text);
    if (fast) {
      let positions: { doc: Document; lineCounter: LineCounter } | undefined;
      return {
        file,
        data: fast.data,
        locate: (path, key) => {
          positions ??= parseWithPositions(text);
          return locate(positions.doc, positions.lineCounter, path, key);
        },
      };
    }
  }
  return parseWithDiagnostics(text, file, diags);
}

function parseWithPositions(text: string): { doc: Document; lineCounter: LineCounter } {
  const { parseDocument, LineCounter } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}

/** The reading by the `yaml` package: data, positions, and a diagnostic for every error. */
function parseWithDiagnostics(text: string, file: string, diags: DiagnosticBag): YamlSource | undefined {
  const { visit } = yamlLib();
  const { doc, lineCounter } = parseWithPositions(text);
  for (const err of [...doc.errors]) {
    const p = lineCounter.linePos(err.pos[0]);
    const first = err.message.split('\n')[0] ?? err.message;
    const tooDeep = /call stack/i.test(first);
    diags.add({
      rule: 'yaml-syntax',
      file,
      line: p.line,
      column: p.col,
      message: tooDeep ? 'YAML syntax error: the YAML is nested too deeply to read' : `YAML syntax error: ${first.replace(/ at line \d+, column \d+.*$/, '')}`,
      expected: err.code === 'DUPLICATE_KEY' ? 'each key once in a mapping' : 'valid YAML (consistent indentation, quoted strings containing ": " or "#")',
      hint: err.code === 'DUPLICATE_KEY' ? 'remove or rename the repeated key' : 'fix the YAML at this position; an editor with the JSON Schema from `noticekit schema` shows such errors as you type',
    });
  }
  if (doc.errors.length) return undefined;
  // a mapping or list used as a key (`? [a, b]: x`, `{a: 1}: x`) has no JSON form: yaml would turn
  // it into a string and print a runtime warning; say where it is instead
  const complexKey = complexKeyOffset(doc);
  if (complexKey !== undefined) {
    const p = lineCounter.linePos(complexKey);
    diags.add({ rule: 'yaml-syntax', file, line: p.line, column: p.col, message: 'YAML syntax error: a mapping, list or tagged value is used as a key', expected: 'plain keys such as `name:`', hint: 'write the key as text; `?` starts a complex key in YAML, and `!!` tags a value' });
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // `yaml` refuses documents whose aliases expand exponentially ("billion laughs") and may
    // overflow the stack on extreme nesting: both are bad input, not internal errors.
    let at = 0;
    visit(doc, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    diags.add(yamlValueError(e, file, lineCounter.linePos(at).line));
    return undefined;
  }
  return { file, data, locate: (path, key) => locate(doc, lineCounter, path, key) };
}

// ---------------------------------------------------------------------------------------------
// The fast reader

/**
 * The core schema as the `yaml` package (2.x, its default `core` schema, YAML 1.2) resolves plain
 * scalars: the same tests, in the same order, and the same constructions (node_modules/yaml/dist/
 * schema/core/ and common/null.js). js-yaml's own CORE_SCHEMA differs (`0b1`, `1_000`, `+.5e3`
 * handling, big numbers), so it is not used. Strings, lists and mappings come from FAILSAFE_SCHEMA.
 */
const CORE_AS_YAML = FAILSAFE_SCHEMA.extend({
  // js-yaml keeps one implicit type per tag, so each tag tests all of `yaml`'s forms for it; the
  // forms of a tag are disjoint, as are the tags, so the order within `yaml`'s list is kept
  implicit: [
    new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s), construct: () => null }),
    new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s), construct: (s: string) => s[0] === 't' || s[0] === 'T' }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
      // yaml: intOct parseInt(s.substring(2), 8), int parseInt(s, 10), intHex parseInt(s.substring(2), 16)
      construct: (s: string) => (s[1] === 'o' ? parseInt(s.substring(2), 8) : s[1] === 'x' ? parseInt(s.substring(2), 16) : parseInt(s, 10)),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(s),
      // yaml: floatNaN as below, floatExp and float parseFloat(s)
      construct: (s: string) => {
        if (/^[-+]?\.[iI]|^\.[nN]/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        return parseFloat(s);
      },
    }),
  ],
});

/**
 * Text the fast reader leaves to the `yaml` package, because the two libraries read it
 * differently or only `yaml` reports it as an error (each was found by comparing them; see
 * test/parse/yaml-fast.test.ts). The patterns may match harmless text too: that costs time only.
 */
const SLOW_PATH_TEXT: [RegExp, string][] = [
  // tags (`!!str`, `!x`, `! `), anchors (`&a`) and aliases (`*a`) at the start of a node
  [/(?:^|[\s[\]{},:])(?:!|[&*][^\s[\]{},])/, 'tag, anchor or alias'],
  // explicit keys (`? key`)
  [/(?:^|[\s[\]{},:])\?(?:[\s[\]{},]|$)/, 'explicit key'],
  // a list or mapping used as a key (`[a, b]: x`, `{a: 1}: x`, `{[a, b]}`)
  [/[\]}]\s*:|[{,]\s*[[{]/, 'flow collection as a key'],
  // `yaml` wants a space before a comment (`"a"#b` is an error there, a comment for js-yaml)
  [/["'[\]{},:]#/, 'comment without a space before it'],
  // tabs: `yaml` and js-yaml differ on tabs in indentation and separation
  [/\t/, 'tab'],
  // CR line breaks and byte order marks (readTextFile removes both, so this is not the common case)
  [/[\r\uFEFF]/, 'CR or byte order mark'],
  // block scalars with an indentation indicator (`|2`): the libraries differ on their edge cases
  [/[|>][-+]?[0-9]/, 'indentation indicator'],
  // merge keys, and a key that would set an object's prototype
  [/<<|__proto__/, 'merge key or __proto__'],
  // an empty list item (`-` and the end of the line): js-yaml takes less indented items after it
  // into the same list
  [/(?:^|[ ])-[ ]*(?:#.*)?$/m, 'empty list item'],
  // an escaped line break in a double-quoted scalar (`"a\` at the end of a line): the libraries
  // differ when blank lines follow it
  [/\\\n/, 'escaped line break'],
  // a comment line less indented than the value after it (`a:\n#c\n  b\nz: 1`): an error for
  // `yaml` when the value is a plain scalar
  [/:[ ]*(?:#.*)?\n(?:[ ]*(?:#.*)?\n)*?([ ]*)#.*\n(?:[ ]*(?:#.*)?\n)*\1[ ]+[^ \n]/, 'comment before a more indented value'],
  // `\U` escapes beyond U+10FFFF are errors for `yaml`, garbage for js-yaml
  [/\\U/, '\\U escape'],
  // `yaml` limits implicit keys to 1024 characters; js-yaml does not
  [/^[^\n]{1000,}:/m, 'long line'],
];

/** Why `text` goes to the `yaml` package rather than the fast reader, or undefined when it need not. */
export function slowPathReason(text: string): string | undefined {
  for (const [re, why] of SLOW_PATH_TEXT) if (re.test(text)) return why;
  // directives (`%YAML 1.1` switches `yaml` to YAML 1.1 booleans and numbers) and document
  // markers, but for a `---` line before the only document
  const start = /^(?:[ ]*(?:#.*)?\n)*---(?:[ ]+(?:#.*)?)?(?:\n|$)/.exec(text)?.[0].length ?? 0;
  const body = start ? text.slice(start) : text;
  if (/^(?:%|---|\.\.\.)/m.test(body)) return 'directive or document marker';
  // a block scalar as the whole document: `yaml` reads lines at column 0 after it as its text
  if (/^(?:[ ]*(?:#.*)?\n)*[ ]*[|>]/.test(body)) return 'block scalar document';
  // lines of spaces only at the start of a block scalar set its indentation for js-yaml, while
  // `yaml` refuses them when they are more indented than the first line of text
  if (/^ +$/m.test(text) && /[|>]/.test(text)) return 'block scalar and a line of spaces';
  return undefined;
}

/**
 * The data of a YAML document as `yaml`'s `parseDocument(text, { uniqueKeys: true }).toJS()` gives
 * it, read by js-yaml, which is several times faster (above all in a fresh process). Undefined when
 * the text is not certainly read the same way by both: when js-yaml finds an error (duplicate
 * keys, several documents, bad indentation, ...), or the text holds a construct listed in
 * SLOW_PATH_TEXT, or a key is null (js-yaml names it "null", `yaml` "").
 */
export function fastYamlData(text: string): { data: unknown } | undefined {
  if (slowPathReason(text) !== undefined) return undefined;
  let data: unknown;
  try {
    // js-yaml only warns of what `yaml` treats as errors (under-indented lines of quoted scalars)
    data = loadJsYaml(text, { schema: CORE_AS_YAML, json: false, onWarning: (w) => { throw w; } });
  } catch {
    return undefined;
  }
  if (data === undefined) data = null; // an empty document
  if (hasNullKey(data)) return undefined;
  return { data };
}

function hasNullKey(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (const x of v) if (hasNullKey(x)) return true;
    return false;
  }
  for (const k in v) {
    if (k === 'null' || hasNullKey((v as Record<string, unknown>)[k])) return true;
  }
  return false;
}

/**
 * Offset of the first key in a YAML document that is not plain text, a number or a boolean: a
 * mapping or list (`? [a, b]`), an alias of one, or a tagged value such as `!!binary`.
 */
export function complexKeyOffset(doc: Document): number | undefined {
  const { visit, isAlias, isCollection, isScalar } = yamlLib();
  let at: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (isCollection(key) || (isScalar(key) && key.value !== null && typeof key.value === 'object')) {
        at = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return at;
}

/** The diagnostic for a YAML document that parses but cannot be turned into values. */
export function yamlValueError(e: unknown, file: string, line = 1): { rule: string; file: string; line: number; column: number; message: string; expected: string; hint: string } {
  const msg = e instanceof Error ? e.message : String(e);
  const bomb = /excessive alias/i.test(msg);
  const unresolved = /^Unresolved alias[^:]*:\s*(.*)$/i.exec(msg.split('\n')[0] ?? '');
  const base = { rule: 'yaml-syntax', file, line, column: 1 };
  if (bomb) return { ...base, message: 'YAML aliases (*name) expand to too many values', expected: 'plain values; aliases used a few times at most', hint: 'write the values out instead of repeating aliases of aliases' };
  if (unresolved) return { ...base, message: `YAML syntax error: the alias *${unresolved[1]} refers to no anchor`, expected: `an anchor &${unresolved[1]} set before the alias`, hint: 'define the anchor first, or write the value out' };
  return { ...base, message: `the YAML cannot be read: ${/call stack/i.test(msg) ? 'it is nested too deeply' : msg.split('\n')[0]}`, expected: 'valid YAML of reasonable depth', hint: 'simplify the structure of this file' };
}

function locate(doc: Document, lc: LineCounter, path: YamlPath, key = false): { line: number; column: number } {
  const { isNode } = yamlLib();
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    if (key && n === path.length && n > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      const pair = findPair(parent, sub[sub.length - 1]!);
      if (pair) {
        const p = lc.linePos(pair);
        return { line: p.line, column: p.col };
      }
    }
    const node = n === 0 ? doc.contents : doc.getIn(sub, true);
    if (isNode(node) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return { line: 1, column: 1 };
}

function findPair(parent: unknown, k: string | number): number | undefined {
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined)?.items;
  if (!items) return undefined;
  for (const it of items) if (it?.key && it.key.value === k && it.key.range) return it.key.range[0];
  return undefined;
}
