import { parseDocument, LineCounter, isNode, isAlias, isCollection, isScalar, visit, type Document } from 'yaml';
import { DiagnosticBag } from '../model/diagnostics.js';

export type YamlPath = (string | number)[];

/** A parsed YAML file that can say where any value inside it stands. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line and column of the value at `path` (or of the nearest enclosing value). */
  locate(path: YamlPath, key?: boolean): { line: number; column: number };
}

/** Parses YAML, adding a diagnostic with line and column for every syntax error. */
export function parseYamlSource(text: string, file: string, diags: DiagnosticBag): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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

/**
 * Offset of the first key in a YAML document that is not plain text, a number or a boolean: a
 * mapping or list (`? [a, b]`), an alias of one, or a tagged value such as `!!binary`.
 */
export function complexKeyOffset(doc: Document): number | undefined {
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
