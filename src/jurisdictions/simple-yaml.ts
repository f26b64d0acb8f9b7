/**
 * A fast reader for the plain YAML subset the jurisdiction data files use: block mappings with
 * plain keys, block sequences, one-line flow collections, plain / "double" / 'single' quoted
 * one-line scalars, comments. The `yaml` package needs 50-250 ms (cold) for all 32 packs; this
 * needs a few ms.
 *
 * It never reports errors: anything outside the subset, or anything invalid, returns undefined and
 * the caller parses the file with `yaml` instead (which also produces the error positions). It
 * returns the same value as `yaml`'s `parse()` (core schema) for every document it accepts; the
 * tests check this for every data file.
 */

class Unsupported extends Error {}
const no = (): never => {
  throw new Unsupported();
};

interface Line { indent: number; text: string }

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function parseSimpleYaml(source: string): Json | undefined {
  try {
    const lines = splitLines(source);
    if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
    const [value, next] = parseBlock(lines, 0, 0);
    if (next !== lines.length) return undefined;
    return value;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Lines that are neither blank nor whole-line comments (other comments are handled in `inline`). */
function splitLines(source: string): Line[] {
  const out: Line[] = [];
  const raw = (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).split('\n');
  for (let line of raw) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.includes('\t') || line.includes('\r')) no();
    const text = line.trim();
    if (text === '' || text[0] === '#') continue;
    if (/^(---|\.\.\.)(\s|$)/.test(text) || text[0] === '%') no();
    out.push({ indent: line.length - line.trimStart().length, text });
  }
  return out;
}

function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function parseBlock(lines: Line[], i: number, indent: number): [Json, number] {
  return isSeqItem(lines[i]!.text) ? parseSeq(lines, i, indent) : parseMap(lines, i, indent);
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: +(.*))?$/;

function parseMap(lines: Line[], i: number, indent: number): [Json, number] {
  const obj: { [k: string]: Json } = {};
  while (i < lines.length && lines[i]!.indent === indent) {
    const m = KEY.exec(lines[i]!.text);
    if (!m) no();
    const key = m![1]!;
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(obj, key) || typeof scalar(key) !== 'string') no();
    const rest = m![2];
    i++;
    let value: Json;
    if (rest === undefined || rest === '' || rest[0] === '#') {
      const next = lines[i];
      if (next && next.indent > indent) [value, i] = parseBlock(lines, i, next.indent);
      else if (next && next.indent === indent && isSeqItem(next.text)) [value, i] = parseSeq(lines, i, indent);
      else value = null;
    } else {
      value = inline(rest);
    }
    if (i < lines.length && lines[i]!.indent > indent) no();
    obj[key] = value;
  }
  return [obj, i];
}

function parseSeq(lines: Line[], i: number, indent: number): [Json, number] {
  const arr: Json[] = [];
  while (i < lines.length && lines[i]!.indent === indent && isSeqItem(lines[i]!.text)) {
    const rest = lines[i]!.text.slice(1).trimStart();
    i++;
    if (rest === '' || rest[0] === '#') {
      const next = lines[i];
      if (next && next.indent > indent) {
        let value: Json;
        [value, i] = parseBlock(lines, i, next.indent);
        arr.push(value);
      } else arr.push(null);
    } else {
      arr.push(inline(rest));
    }
    if (i < lines.length && lines[i]!.indent > indent) no();
  }
  return [arr, i];
}

/** A value on the rest of a line (not blank, not a comment): flow collection, quoted or plain scalar. */
function inline(s: string): Json {
  const c = s[0]!;
  if (c === '{' || c === '[' || c === '"' || c === "'") {
    const p = new Flow(s);
    const v = p.value();
    const end = p.pos;
    p.ws();
    if (p.pos !== s.length && !(s[p.pos] === '#' && p.pos > end)) no();
    return v;
  }
  if ('-?:,[]{}#&*!|>%@`\'"'.includes(c) && !(c === '-' && s[1] !== undefined && s[1] !== ' ')) no();
  const hash = s.indexOf(' #');
  const text = hash < 0 ? s : s.slice(0, hash).trimEnd();
  if (text.includes(': ') || text.endsWith(':')) no();
  return scalar(text);
}

/** Core-schema resolution of a plain scalar. */
function scalar(s: string): Json {
  if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (/^[-+]?[0-9]+$/.test(s)) {
    const n = Number(s);
    if (!Number.isSafeInteger(n) || Object.is(n, -0)) no();
    return n;
  }
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(s) || /^0[xo]/.test(s)) no();
  return s;
}

const ESC: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t' };

class Flow {
  pos = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.s[this.pos] === ' ') this.pos++;
  }

  /** Whitespace between flow tokens; a comment there would continue the collection on the next line. */
  gap(): void {
    const start = this.pos;
    this.ws();
    if (this.s[this.pos] === '#' && this.pos > start) no();
  }

  value(): Json {
    this.gap();
    const c = this.s[this.pos];
    if (c === '{') return this.map();
    if (c === '[') return this.seq();
    if (c === '"') return this.double();
    if (c === "'") return this.single();
    return this.plain();
  }

  map(): Json {
    const obj: { [k: string]: Json } = {};
    this.pos++;
    this.gap();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return obj;
    }
    for (;;) {
      this.gap();
      const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*): /.exec(this.s.slice(this.pos, this.pos + 200));
      if (!m) no();
      const key = m![1]!;
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(obj, key) || typeof scalar(key) !== 'string') no();
      this.pos += m![0].length;
      obj[key] = this.value();
      this.gap();
      const c = this.s[this.pos++];
      if (c === '}') return obj;
      if (c !== ',') no();
    }
  }

  seq(): Json {
    const arr: Json[] = [];
    this.pos++;
    this.gap();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.value());
      this.gap();
      const c = this.s[this.pos++];
      if (c === ']') return arr;
      if (c !== ',') no();
    }
  }

  double(): string {
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const j = this.s.indexOf('"', i);
      const k = this.s.indexOf('\\', i);
      if (j < 0) no();
      if (k >= 0 && k < j) {
        out += this.s.slice(i, k);
        const e = this.s[k + 1]!;
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.s.slice(k + 2, k + 6))) {
          out += String.fromCharCode(parseInt(this.s.slice(k + 2, k + 6), 16));
          i = k + 6;
        } else if (ESC[e] !== undefined) {
          out += ESC[e];
          i = k + 2;
        } else no();
      } else {
        out += this.s.slice(i, j);
        this.pos = j + 1;
        return out;
      }
    }
  }

  single(): string {
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const j = this.s.indexOf("'", i);
      if (j < 0) no();
      out += this.s.slice(i, j);
      if (this.s[j + 1] === "'") {
        out += "'";
        i = j + 2;
      } else {
        this.pos = j + 1;
        return out;
      }
    }
  }

  /** A plain scalar inside a flow collection ends at `,` `]` `}` (or `: `, which is refused). */
  plain(): Json {
    const m = /^[^,[\]{}]*/.exec(this.s.slice(this.pos))!;
    const text = m[0].trimEnd();
    if (text === '' || '-?:#&*!|>%@`\'"'.includes(text[0]!) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) no();
    this.pos += m[0].length;
    return scalar(text);
  }
}
