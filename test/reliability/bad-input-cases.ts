import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { rng } from './helpers.js';

/**
 * The bad-input corpus: one YAML file per case under test/fixtures/bad-input/ (see its README.md).
 * A case patches a copy of the example project, runs the CLI, and states the exit code, a pattern
 * the message must match and the file[:line] it must name.
 */
export const CASES_DIR = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url));

export type Generated =
  | { kind: 'big-master'; mb: number }
  | { kind: 'binary'; bytes: number; seed?: number }
  | { kind: 'deep-list'; depth: number }
  | { kind: 'deep-quote'; depth: number }
  | { kind: 'deep-directives'; depth: number }
  | { kind: 'deep-json'; depth: number }
  | { kind: 'deep-yaml'; depth: number }
  | { kind: 'deep-template'; depth: number }
  | { kind: 'alias-bomb'; levels: number; key?: string };

export interface Patch {
  /** Project-relative path of the file to change (or create). */
  file?: string;
  /** Literal text to find (must occur) and what replaces its first occurrence (or every one, with `all`). */
  find?: string;
  replace?: string;
  all?: boolean;
  /** The whole new content of the file. */
  content?: string;
  append?: string;
  prepend?: string;
  /** Raw bytes, as hex (for non-UTF-8 and binary files). */
  hex?: string;
  /** Byte-level changes of the whole file: `bom`, `crlf`, `cr`, `utf16le`. */
  transform?: ('bom' | 'crlf' | 'cr' | 'utf16le')[];
  /** Big or pathological inputs made at test time (never stored in git). */
  generate?: Generated;
  delete?: boolean;
  mkdir?: boolean;
  /** Make `file` a symbolic link to this target (relative to the link, or absolute). */
  symlink?: string;
}

export interface BadCase {
  /** File name without .yaml. */
  id: string;
  description: string;
  /** Which input the case is about (for the coverage count). */
  input: string;
  args: string[];
  patch: Patch[];
  /** Expected exit code. */
  exit: number;
  /** Regular expression the message (stderr) must match. */
  message?: string;
  /**
   * The file and line the message must name: `file`, `file:LINE`, or `file:@` / `file:@+N` for the
   * line where the first patch of that file made its change (N lines further). `{dir}` stands for
   * the name of the project folder.
   */
  where?: string;
  /** For exit 0: the build's output must be byte-identical to the example's. */
  sameOutput?: boolean;
}

export function loadCases(): BadCase[] {
  const out: BadCase[] = [];
  for (const f of readdirSync(CASES_DIR).filter((x) => x.endsWith('.yaml')).sort()) {
    const raw = parse(readFileSync(join(CASES_DIR, f), 'utf8')) as Record<string, unknown>;
    out.push({
      id: f.replace(/\.yaml$/, ''),
      description: String(raw.description ?? ''),
      input: String(raw.input ?? ''),
      args: (raw.args as string[] | undefined) ?? ['build'],
      patch: (raw.patch as Patch[] | undefined) ?? [],
      exit: Number(raw.exit),
      ...(raw.message !== undefined ? { message: String(raw.message) } : {}),
      ...(raw.where !== undefined ? { where: String(raw.where) } : {}),
      ...(raw.same_output ? { sameOutput: true } : {}),
    });
  }
  return out;
}

/** Applies a case's patches to the project in `dir`; returns the line of the first change per file. */
export function applyPatches(dir: string, patches: Patch[]): Map<string, number> {
  const lines = new Map<string, number>();
  const mark = (file: string, line: number) => {
    if (!lines.has(file)) lines.set(file, line);
  };
  for (const p of patches) {
    const file = p.file;
    if (!file) throw new Error('a patch needs a file');
    const path = join(dir, file);
    if (p.delete) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (p.mkdir) {
      rmSync(path, { recursive: true, force: true });
      mkdirSync(path, { recursive: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    if (p.symlink !== undefined) {
      rmSync(path, { recursive: true, force: true });
      symlinkSync(p.symlink, path);
      continue;
    }
    if (p.generate) {
      writeFileSync(path, generate(p.generate));
      mark(file, 1);
      continue;
    }
    if (p.hex !== undefined) {
      writeFileSync(path, Buffer.from(p.hex.replace(/\s+/g, ''), 'hex'));
      mark(file, 1);
      continue;
    }
    const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
    let text = old;
    if (p.content !== undefined) {
      text = p.content;
      mark(file, 1);
    }
    if (p.find !== undefined) {
      const at = text.indexOf(p.find);
      if (at < 0) throw new Error(`patch of ${file}: ${JSON.stringify(p.find)} not found`);
      mark(file, text.slice(0, at).split('\n').length);
      text = p.all ? text.split(p.find).join(p.replace ?? '') : text.slice(0, at) + (p.replace ?? '') + text.slice(at + p.find.length);
    }
    if (p.append !== undefined) {
      mark(file, text.split('\n').length + (text.endsWith('\n') ? 0 : 1));
      text += p.append;
    }
    if (p.prepend !== undefined) {
      mark(file, 1);
      text = p.prepend + text;
    }
    let bytes: Buffer = Buffer.from(text, 'utf8');
    for (const t of p.transform ?? []) {
      if (t === 'crlf') bytes = Buffer.from(bytes.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8');
      else if (t === 'cr') bytes = Buffer.from(bytes.toString('utf8').replace(/\r?\n/g, '\r'), 'utf8');
      else if (t === 'bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      else if (t === 'utf16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
    }
    writeFileSync(path, bytes);
  }
  return lines;
}

/** Big and pathological inputs, made at test time. */
export function generate(g: Generated): Buffer {
  switch (g.kind) {
    case 'big-master': {
      const section = (i: number) => `## Section ${i} {#s${i}}\n\n${'We keep your data safe and use it only as this policy says. '.repeat(30)}\n\n`;
      const parts: string[] = ['# Privacy Policy {#top}\n\n'];
      let size = parts[0]!.length;
      for (let i = 0; size < g.mb * 1048576; i++) {
        const s = section(i);
        parts.push(s);
        size += s.length;
      }
      return Buffer.from(parts.join(''), 'utf8');
    }
    case 'binary': {
      const r = rng(g.seed ?? 1);
      const b = Buffer.alloc(g.bytes);
      for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256);
      b[7] = 0;
      return b;
    }
    case 'deep-list': {
      let s = '# Privacy Policy {#top}\n\n';
      for (let i = 0; i < g.depth; i++) s += `${'  '.repeat(i)}- level ${i}\n`;
      return Buffer.from(s);
    }
    case 'deep-quote':
      return Buffer.from(`# Privacy Policy {#top}\n\n${'>'.repeat(g.depth)} quoted\n`);
    case 'deep-directives': {
      let s = '# Privacy Policy {#top}\n\n';
      for (let i = 0; i < g.depth; i++) s += ':::only{regions="de"}\n';
      s += 'Deep.\n';
      for (let i = 0; i < g.depth; i++) s += ':::\n';
      return Buffer.from(s);
    }
    case 'deep-json':
      return Buffer.from(`{"ui":\n${'{"a":'.repeat(g.depth)}"x"${'}'.repeat(g.depth)}}\n`);
    case 'deep-yaml':
      return Buffer.from(`company:\n  name: ${'['.repeat(g.depth)}x${']'.repeat(g.depth)}\n`);
    case 'deep-template':
      return Buffer.from(`${'{{#if body}}'.repeat(g.depth)}{{body}}${'{{/if}}'.repeat(g.depth)}\n`);
    case 'alias-bomb': {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i <= g.levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      lines.push(`${g.key ?? 'regions'}: *a${g.levels}`);
      return Buffer.from(`${lines.join('\n')}\n`);
    }
  }
}
