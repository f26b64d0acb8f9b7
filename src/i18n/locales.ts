import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { jsoncLib } from '../util/lazy-modules.js';
import type { DiagnosticBag } from '../model/diagnostics.js';
import { readTextFile } from '../util/read-text.js';
import { LineIndex } from '../util/lines.js';
import { jsonDepthOffset, protoKeyOffset, hasReplacedPrototype, parsePlainJson, MAX_JSON_DEPTH } from '../util/json-guard.js';
import { isDiagnosticError } from '../model/diagnostics.js';

export type Resources = Record<string, unknown>;

export interface LocaleSet {
  /** Language tags that have a folder under locales/. */
  available: string[];
  /** Namespace → language → resources. */
  ui: Map<string, Resources>;
  privacy: Map<string, Resources>;
  files: Map<string, string>;
  texts: Map<string, string>;
}

const PLACEHOLDER_RE = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Loads `locales/<lng>/ui.json` and `privacy.json`, reporting syntax errors with line and column. */
export function loadLocales(root: string, dir: string, diags: DiagnosticBag): LocaleSet {
  const set: LocaleSet = { available: [], ui: new Map(), privacy: new Map(), files: new Map(), texts: new Map() };
  const base = join(root, dir);
  if (!existsSync(base)) {
    diags.add({ rule: 'file-missing', file: dir, message: `no ${dir}/ folder`, expected: `${dir}/en/ui.json at least`, hint: 'create the locales folder with one folder per language' });
    return set;
  }
  for (const lng of readdirSync(base).sort()) {
    if (!/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/.test(lng)) {
      if (!lng.startsWith('.')) diags.add({ rule: 'bad-locale-tag', file: `${dir}/${lng}`, message: `locale folder "${lng}" is not a BCP 47 language tag`, expected: 'a folder named like de, fr-CA, zh-CN', hint: 'rename the folder', severity: 'warning' });
      continue;
    }
    set.available.push(lng);
    for (const ns of ['ui', 'privacy'] as const) {
      const rel = `${dir}/${lng}/${ns}.json`;
      const data = readLocaleJson(join(base, lng, `${ns}.json`), rel, diags, { optional: ns === 'privacy', keep: (t) => set.texts.set(`${lng}/${ns}`, t), labels: ns === 'ui' });
      if (data) {
        (ns === 'ui' ? set.ui : set.privacy).set(lng, data);
        set.files.set(`${lng}/${ns}`, rel);
      }
    }
  }
  if (!set.ui.has('en')) diags.add({ rule: 'file-missing', file: `${dir}/en/ui.json`, message: `missing ${dir}/en/ui.json, the English labels every other language falls back to`, expected: 'the file to exist' });
  else checkPlaceholders(set, dir, diags);
  return set;
}

export interface ReadLocaleOptions {
  /** A missing file is no error (undefined comes back). */
  optional?: boolean;
  /** Every value must be a text or a group of texts (label files). */
  labels?: boolean;
  /** Receives the file's text once it is known to be valid JSON of a sane depth. */
  keep?: (text: string) => void;
  /** @internal false: always take the jsonc-parser path (the tests compare both paths). */
  fast?: boolean;
}

/**
 * Reads one locale JSON file (ui.json, privacy.json, notify.json): syntax errors, nesting too deep,
 * a `__proto__` key, a value that is not a text (with `labels`) are diagnostics with line and
 * column, and give undefined.
 */
export function readLocaleJson(path: string, rel: string, diags: DiagnosticBag, opts: ReadLocaleOptions = {}): Resources | undefined {
  const { optional = false, labels = false, keep, fast = true } = opts;
  let text: string | undefined;
  try {
    text = readTextFile(path, rel, { optional });
  } catch (e) {
    if (isDiagnosticError(e)) {
      for (const d of e.diagnostics) diags.add(d);
      return undefined;
    }
    throw e;
  }
  if (text === undefined) return undefined;
  const guard = (offset: number, message: string, expected: string, hint: string) => {
    const p = new LineIndex(text).position(offset);
    diags.add({ rule: 'locale-json-syntax', file: rel, line: p.line, column: p.column, message, expected, hint });
  };
  // Fast path: native JSON.parse where it gives what the jsonc-parser path below would (see
  // parsePlainJson); any other text (invalid, too deep, with `__proto__`) takes that path, so its
  // diagnostics stay the same
  const fastRead = fast ? parsePlainJson(text) : undefined;
  const plain = fastRead !== undefined;
  let data: unknown = fastRead?.value;
  if (plain) keep?.(text);
  else {
    const deep = jsonDepthOffset(text);
    if (deep >= 0) {
      guard(deep, 'the JSON is nested too deeply', `at most ${MAX_JSON_DEPTH} levels of nested objects`, 'locale files hold "key": "text" pairs, grouped a few levels deep at most');
      return undefined;
    }
    keep?.(text);
    const errors: ParseError[] = [];
    data = jsoncLib().parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false }) as unknown;
    if (errors.length) {
      const idx = new LineIndex(text);
      for (const err of errors.slice(0, 5)) {
        const p = idx.position(err.offset);
        diags.add({ rule: 'locale-json-syntax', file: rel, line: p.line, column: p.column, message: `invalid JSON: ${humanJsonError(jsoncLib().printParseErrorCode(err.error))}`, expected: 'a JSON object of "key": "text" pairs, comma-separated, no trailing comma', hint: 'fix the JSON at this position' });
      }
      return undefined;
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    diags.add({ rule: 'locale-json-syntax', file: rel, line: 1, column: 1, message: 'the locale file must hold a JSON object', expected: '{ "key": "text", … }' });
    return undefined;
  }
  // JSON.parse's objects all have Object.prototype: only jsonc-parser's can have another one
  const proto = !plain && hasReplacedPrototype(data) ? protoKeyOffset(text) : -1;
  if (proto >= 0) {
    guard(proto, 'a "__proto__" key', 'keys naming labels, such as "contents"', 'remove the key');
    return undefined;
  }
  if (labels) {
    // every value of ui.json is a label text or a group of them: a number, list or null prints as
    // nothing or as "[object Object]" on a page
    const bad = nonTextValue(data as Resources);
    if (bad) {
      const tree = jsoncLib().parseTree(text);
      const node = tree && jsoncLib().findNodeAtLocation(tree, bad.path);
      const p = new LineIndex(text).position(node?.parent?.offset ?? node?.offset ?? 0);
      diags.add({ rule: 'locale-json-syntax', file: rel, line: p.line, column: p.column, message: `"${bad.path.join('.')}" is ${bad.what}, not a text`, expected: 'a "key": "text" pair (or an object of such pairs)', hint: 'write the label as a string in double quotes' });
      return undefined;
    }
  }
  return data as Resources;
}

function nonTextValue(obj: Resources, path: string[] = []): { path: string[]; what: string } | undefined {
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = nonTextValue(v as Resources, [...path, k]);
      if (inner) return inner;
      continue;
    }
    return { path: [...path, k], what: v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v} (${JSON.stringify(v)})` };
  }
  return undefined;
}

function humanJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Flattens nested resources to dotted keys. */
export function flatten(obj: Resources, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Resources, key, out);
  }
  return out;
}

/** The placeholders of a label other than {{count}}, sorted and comma-separated. */
function placeholders(s: string): string {
  if (!s.includes('{{')) return '';
  return [...s.matchAll(PLACEHOLDER_RE)]
    .map((m) => m[1]!)
    .filter((p) => p !== 'count')
    .sort()
    .join(',');
}

/** A translated label must keep the English placeholders: a dropped {{date}} would print nothing. */
function checkPlaceholders(set: LocaleSet, dir: string, diags: DiagnosticBag): void {
  // the English placeholders of each key, worked out once for all languages
  const en = new Map<string, string>();
  for (const [key, text] of flatten(set.ui.get('en')!)) en.set(key, placeholders(text));
  for (const [lng, res] of set.ui) {
    if (lng === 'en') continue;
    for (const [key, value] of flatten(res)) {
      const want = en.get(key) ?? en.get(key.replace(/_(zero|one|two|few|many|other)$/, '_other'));
      if (want === undefined) continue;
      const got = placeholders(value);
      if (want !== got) {
        const at = locateKey(set, `${lng}/ui`, key);
        diags.add({ rule: 'placeholder-mismatch', file: `${dir}/${lng}/ui.json`, ...at, message: `"${key}" has placeholders {{${got || '—'}}} but the English text has {{${want || '—'}}}`, expected: `the same placeholders as locales/en/ui.json: ${want ? want.split(',').map((p) => `{{${p}}}`).join(' ') : 'none'}`, hint: 'keep placeholders exactly as in English; translate only the words around them' });
      }
    }
  }
}

/** Line and column of a dotted key inside a loaded locale file. */
export function locateKey(set: LocaleSet, file: string, dotted: string): { line?: number; column?: number } {
  const text = set.texts.get(file);
  if (!text) return {};
  const { tree, index } = parsedText(text);
  const node = tree && jsoncLib().findNodeAtLocation(tree, dotted.split('.'));
  if (!node) return {};
  const p = index.position(node.parent?.offset ?? node.offset);
  return { line: p.line, column: p.column };
}

/**
 * The parse tree and line index of a locale file's text, computed once per text: locateKey is
 * called for every unit of every language, and re-parsing a whole file per call made loading a
 * project quadratic (most of the time of every build went here).
 */
const parsedTexts = new Map<string, { tree: JsonNode | undefined; index: LineIndex }>();
function parsedText(text: string): { tree: JsonNode | undefined; index: LineIndex } {
  let hit = parsedTexts.get(text);
  if (!hit) {
    if (parsedTexts.size >= 64) parsedTexts.clear();
    hit = { tree: jsoncLib().parseTree(text), index: new LineIndex(text) };
    parsedTexts.set(text, hit);
  }
  return hit;
}
