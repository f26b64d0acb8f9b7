import type Handlebars from 'handlebars';
import HandlebarsRuntimeModule from 'handlebars/runtime.js';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticBag, isDiagnosticError } from '../model/diagnostics.js';
import { readTextFile } from '../util/read-text.js';

/** The templates shipped with noticekit; a project overrides any of them by a file of the same name. */
export const PACKAGE_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export type Template = (context: unknown) => string;

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/** Handlebars without its compiler (its types ship as the full package's). */
const HandlebarsRuntime = HandlebarsRuntimeModule as unknown as typeof Handlebars;

export interface TemplateStore {
  /** Renders `name` (a path under templates/, e.g. `notice.md.hbs`). */
  render(name: string, context: unknown): string;
  /**
   * The same text as `render(name, context)`, as pieces to be written one after the other: the
   * long text `context[key]` (a page's body), or the pieces `value` it is made of, stays in pieces
   * instead of being copied into one long string. One piece, the whole text, when the template does
   * more with that value than insert it.
   */
  renderPieces?(name: string, context: Record<string, unknown>, key: string, value?: readonly string[]): string[];
  has(name: string): boolean;
  /** Where each template came from (project or package), for build manifests. */
  origin(name: string): string;
  /** Content hash inputs: name → source text. */
  sources: Map<string, string>;
  /** The templates came precompiled with the package (Handlebars' compiler was not needed). */
  precompiled?: boolean;
}

function listTemplates(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...listTemplates(join(dir, e.name), `${prefix}${e.name}/`));
    else if (e.name.endsWith('.hbs')) out.push(`${prefix}${e.name}`);
  }
  return out;
}

interface HbsAstNode {
  type: string;
  name?: { type: string; original?: string; value?: string };
  loc?: { start: { line: number; column: number } };
  [k: string]: unknown;
}

function* walk(node: unknown): Generator<HbsAstNode> {
  if (!node || typeof node !== 'object') return;
  const n = node as HbsAstNode;
  if (typeof n.type === 'string') yield n;
  for (const v of Object.values(n)) {
    if (Array.isArray(v)) for (const c of v) yield* walk(c);
    else if (v && typeof v === 'object' && 'type' in (v as object)) yield* walk(v);
  }
}

/**
 * Loads and compiles every template once. Markdown templates (`*.md.hbs`) are compiled without
 * HTML escaping (their values are escaped for Markdown by the code that builds the context, and all
 * Markdown passes the sanitizer on its way to HTML); HTML templates escape by default.
 * Prototype access stays disabled (Handlebars' default), and no helper reads files or the environment.
 */
export function loadTemplates(projectRoot: string, diags: DiagnosticBag, helpers: Record<string, Handlebars.HelperDelegate> = {}, opts: { precompiled?: boolean } = {}): TemplateStore {
  const dirs = [join(projectRoot, 'templates'), PACKAGE_TEMPLATES];
  const files = new Map<string, { path: string; rel: string }>();
  for (const dir of [...dirs].reverse()) {
    for (const name of listTemplates(dir)) {
      const path = join(dir, name);
      const rel = dir === PACKAGE_TEMPLATES && !path.startsWith(projectRoot) ? `(noticekit)/templates/${name}` : relative(projectRoot, path);
      files.set(name, { path, rel });
    }
  }
  const sources = new Map<string, string>();
  for (const [name, f] of files) {
    try {
      sources.set(name, readTextFile(f.path, f.rel)!);
    } catch (e) {
      if (!isDiagnosticError(e)) throw e;
      for (const d of e.diagnostics) diags.add(d);
    }
  }
  // noticekit's own templates come precompiled with the package (their syntax trees too): when the
  // project uses exactly those, neither Handlebars' compiler nor its parser is loaded or run
  const pre = opts.precompiled === false ? undefined : precompiledSet(sources);
  const hb = (pre ? HandlebarsRuntime : handlebarsCompiler()).create() as typeof Handlebars;
  for (const [k, v] of Object.entries(helpers)) hb.registerHelper(k, v);
  // partials: every template under partials/ by its base name
  const partialNames = new Set<string>();
  for (const name of sources.keys()) if (name.startsWith('partials/')) partialNames.add(name.slice(9).replace(/\.(md|html)?\.?hbs$/, '').replace(/\.$/, ''));
  const compiled = new Map<string, Template>();
  const asts = new Map<string, unknown>();
  for (const [name, src] of sources) {
    const rel = files.get(name)!.rel;
    if (!name.includes('/') && src.trim() === '') {
      diags.add({ rule: 'empty-file', file: rel, line: 1, column: 1, message: `template ${name} is empty: every page would be blank`, expected: 'the Handlebars template of the page', hint: `delete ${rel} to use noticekit's own, or write the template` });
      continue;
    }
    const deep = blockNesting(src);
    if (deep) {
      diags.add({ rule: 'template-syntax', file: rel, line: deep.line, column: deep.column, message: `template blocks are nested more than ${MAX_TEMPLATE_NESTING} levels deep`, expected: `{{#if}}, {{#each}} and other blocks nested ${MAX_TEMPLATE_NESTING} levels at most`, hint: 'split the template into partials' });
      continue;
    }
    if (pre) {
      asts.set(name, pre.get(name)!.ast);
      continue;
    }
    try {
      asts.set(name, hb.parse(src));
    } catch (e) {
      const err = e as Error & { lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number } } };
      const line = err.lineNumber ?? err.hash?.loc?.first_line ?? Number(/line (\d+)/.exec(err.message)?.[1] ?? 1);
      const column = (err.column ?? err.hash?.loc?.first_column ?? 0) + 1;
      const detail = err.message.split('\n').filter((l) => l.trim() && !/^-*\^$/.test(l.trim())).slice(-1)[0] ?? err.message;
      const open = /got 'EOF'/.test(err.message) ? unclosedBlock(src) : undefined;
      if (open) {
        // Handlebars reports the end of the file; the author needs the block that was left open
        diags.add({ rule: 'template-syntax', file: rel, line: open.line, column: open.column, message: `template syntax error: the {{#${open.name}}} block opened here is never closed`, expected: `{{/${open.name}}} where the block ends`, hint: 'close the block, or remove it' });
        continue;
      }
      diags.add({ rule: 'template-syntax', file: rel, line, column, message: `template syntax error: ${detail.replace(/^Parse error on line \d+:\s*/, '')}`, expected: 'balanced Handlebars tags such as {{#if x}}…{{/if}} and {{name}}', hint: 'fix the tag at this position' });
    }
  }
  // helpers a template may call: Handlebars' own (if, each, with, lookup, …) and those given here;
  // a call of any other (`{{readFile "x"}}`) would fail at render time with "Missing helper"
  const knownHelpers = new Set(Object.keys(hb.helpers));
  for (const [name, ast] of asts) {
    const rel = files.get(name)!.rel;
    for (const n of walk(ast)) {
      const path = n.path as { type?: string; original?: string; parts?: string[]; data?: boolean; depth?: number } | undefined;
      if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && path?.type === 'PathExpression') {
        const call = n.type === 'SubExpression' || ((n.params as unknown[] | undefined)?.length ?? 0) > 0 || n.hash !== undefined;
        const helper = path.parts?.[0];
        if (call && !path.data && path.depth === 0 && path.parts?.length === 1 && helper && !/^(this|\.)/.test(path.original ?? '') && !knownHelpers.has(helper)) {
          diags.add({ rule: 'unknown-helper', file: rel, line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1, message: `template calls unknown helper "${helper}"`, expected: `one of the helpers: ${[...knownHelpers].filter((h) => !/Missing$/.test(h)).sort().join(', ')}`, hint: 'templates can only format the data they are given; use a value of the context, or one of these helpers' });
        }
      }
      if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
        const pname = n.name.original ?? '';
        if (!partialNames.has(pname)) {
          diags.add({ rule: 'unknown-partial', file: rel, line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1, message: `template uses unknown partial {{> ${pname}}}`, expected: `a partial in templates/partials/: ${[...partialNames].sort().join(', ') || '(none)'}`, hint: `create templates/partials/${pname}.hbs or fix the name` });
        }
      }
    }
  }
  if (diags.hasErrors) return emptyStore(sources);
  for (const [name, src] of sources) {
    if (name.startsWith('partials/')) hb.registerPartial(name.slice(9).replace(/\.(md\.|html\.)?hbs$/, ''), pre ? hb.template(specOf(pre.get(name)!.spec)) : src);
  }
  const compile = (name: string): Template => {
    let t = compiled.get(name);
    if (!t) {
      const src = sources.get(name);
      if (src === undefined) throw new Error(`template ${name} not found`);
      const fn = pre ? hb.template(specOf(pre.get(name)!.spec)) : hb.compile(src, compileOptions(name));
      t = (ctx) => fn(ctx, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      compiled.set(name, t);
    }
    return t;
  };
  const inserting = new Map<string, boolean>();
  /** The template and every partial use the value of `key` only by inserting it, or testing it with if/unless. */
  const onlyInserts = (name: string, key: string): boolean => {
    let ok = inserting.get(`${name}\0${key}`);
    if (ok === undefined) {
      ok = insertsOnly(asts.get(name), key) && [...asts].every(([n, ast]) => !n.startsWith('partials/') || insertsOnly(ast, key));
      inserting.set(`${name}\0${key}`, ok);
    }
    return ok;
  };
  return {
    render: (name, ctx) => compile(name)(ctx),
    renderPieces: (name, ctx, key, value) => {
      const text = value ?? (typeof ctx[key] === 'string' ? [ctx[key] as string] : undefined);
      const whole = () => [compile(name)(value ? { ...ctx, [key]: value.join('') } : ctx)];
      if (!text || text.every((p) => p === '') || !onlyInserts(name, key)) return whole();
      // the value where it goes, marked: a mark escaped on the way (`{{body}}` in an HTML template)
      // or anything else unexpected renders the whole text instead
      const parts = compile(name)({ ...ctx, [key]: PIECE_MARK }).split(PIECE_MARK);
      if (parts.length < 2 || parts.some((p) => p.includes(PIECE_NONCE))) return whole();
      const pieces: string[] = [];
      parts.forEach((p, i) => {
        if (i > 0) for (const t of text) pieces.push(t);
        if (p) pieces.push(p);
      });
      return pieces;
    },
    has: (name) => sources.has(name),
    origin: (name) => files.get(name)?.rel ?? '',
    sources,
    precompiled: pre !== undefined,
  };
}

/** The options every template is compiled with: Markdown templates do not escape HTML. */
export function compileOptions(name: string): CompileOptions {
  return { noEscape: name.endsWith('.md.hbs'), strict: false };
}

/** Handlebars with its compiler, loaded on first need (the runtime alone serves precompiled templates). */
function handlebarsCompiler(): typeof Handlebars {
  return createRequire(import.meta.url)('handlebars') as typeof Handlebars;
}

/** One template as `npm run build` precompiles it (scripts/precompile-templates.mjs). */
export interface PrecompiledTemplate {
  /** Handlebars' syntax tree of the source (plain data). */
  ast: unknown;
  /** `Handlebars.precompile(source, compileOptions(name))`: a template spec as JavaScript source. */
  spec: string;
}

/** Where `npm run build` writes the precompiled package templates. */
export const PRECOMPILED_FILE = new URL('../../dist/templates.precompiled.json', import.meta.url);

/** The key of a template in the precompiled set: its name (which sets its options) and its source. */
export function precompiledKey(name: string, source: string): string {
  return createHash('sha256').update(name).update('\0').update(source).digest('hex');
}

/** Precompiles one template: its syntax tree and its spec. */
export function precompileTemplate(name: string, source: string): PrecompiledTemplate {
  const hb = handlebarsCompiler();
  return { ast: JSON.parse(JSON.stringify(hb.parse(source))) as unknown, spec: hb.precompile(source, compileOptions(name)) as unknown as string };
}

let precompiled: Map<string, PrecompiledTemplate> | null | undefined;

/**
 * The precompiled templates for these sources, when every one of them is in the precompiled set
 * (the package's templates, unchanged); otherwise undefined and they are compiled as they load.
 */
function precompiledSet(sources: Map<string, string>): Map<string, PrecompiledTemplate> | undefined {
  if (precompiled === undefined) {
    try {
      const file = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as { handlebars: string; templates: Record<string, PrecompiledTemplate> };
      precompiled = file.handlebars === HandlebarsRuntime.VERSION ? new Map(Object.entries(file.templates)) : null;
    } catch {
      precompiled = null; // running from the sources (tests), or not built
    }
  }
  if (!precompiled) return undefined;
  const out = new Map<string, PrecompiledTemplate>();
  for (const [name, src] of sources) {
    const hit = precompiled.get(precompiledKey(name, src));
    if (!hit) return undefined;
    out.set(name, hit);
  }
  return out;
}

/** A precompiled spec as the object Handlebars' runtime takes. */
function specOf(spec: string): Parameters<typeof Handlebars.template>[0] {
  return new Function(`return ${spec};`)() as Parameters<typeof Handlebars.template>[0];
}

/** Handlebars' parser takes seconds on blocks nested a few hundred deep and overflows the stack beyond. */
export const MAX_TEMPLATE_NESTING = 64;

/** The position of the first block opened deeper than MAX_TEMPLATE_NESTING, found without parsing. */
function blockNesting(src: string): { line: number; column: number } | undefined {
  let depth = 0;
  const re = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*([#/]|\^(?!\s*~?\}\}))/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (!m[1]) continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > MAX_TEMPLATE_NESTING) {
      const before = src.slice(0, m.index);
      return { line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
    }
  }
  return undefined;
}

/** The innermost block still open at the end of a template, if any. */
function unclosedBlock(src: string): { name: string; line: number; column: number } | undefined {
  const stack: { name: string; index: number }[] = [];
  const re = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*(?:[#^]\s*[*>]?\s*([\w.-]+)|\/\s*([\w.-]+))/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[1]) stack.push({ name: m[1], index: m.index });
    else if (m[2]) stack.pop();
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  const before = src.slice(0, top.index);
  return { name: top.name, line: before.split('\n').length, column: top.index - before.lastIndexOf('\n') };
}

function emptyStore(sources: Map<string, string>): TemplateStore {
  return { render: () => '', renderPieces: () => [''], has: () => false, origin: () => '', sources };
}

const PIECE_NONCE = `nkpiece${randomBytes(12).toString('hex')}`;
/** Stands for the long value while rendering in pieces: never in a template's output otherwise, and changed by HTML escaping. */
const PIECE_MARK = `<${PIECE_NONCE}>`;

/**
 * True when a template uses `key` only as `{{key}}`/`{{{key}}}` (with nothing else in the tag) or
 * as the condition of `{{#if key}}`/`{{#unless key}}`: then its output is the same text around each
 * insertion whatever the (non-empty) value. Any other use (a helper's argument, `key.length`,
 * `lookup`, a block's context, iterating the whole context) says no.
 */
function insertsOnly(ast: unknown, key: string): boolean {
  const wholeContext = (n: unknown) => {
    const p = n as { type?: string; parts?: string[]; data?: boolean };
    return p?.type === 'PathExpression' && (p.parts?.length === 0 || (p.data === true && p.parts?.length === 1 && p.parts[0] === 'root'));
  };
  const isKey = (n: unknown) => {
    const p = n as { type?: string; parts?: string[]; data?: boolean };
    return p?.type === 'PathExpression' && !p.data && p.parts?.length === 1 && p.parts[0] === key;
  };
  const allowed = new Set<unknown>();
  for (const n of walk(ast)) {
    const params = (n.params as unknown[] | undefined) ?? [];
    const hash = n.hash as { pairs?: unknown[] } | undefined;
    if (n.type === 'MustacheStatement' && isKey(n.path) && params.length === 0 && !hash?.pairs?.length) allowed.add(n.path);
    const helper = (n.path as { original?: string } | undefined)?.original;
    if (n.type === 'BlockStatement' && (helper === 'if' || helper === 'unless') && params.length === 1 && isKey(params[0]) && !hash?.pairs?.length) allowed.add(params[0]);
    // a block or helper given the whole context (`{{#each this}}`, `{{#with @root}}`) could reach the value any way
    if ((n.type === 'BlockStatement' || n.type === 'SubExpression' || n.type === 'MustacheStatement') && params.some(wholeContext)) return false;
  }
  for (const n of walk(ast)) {
    if (n.type === 'PathExpression' && ((n.parts as string[] | undefined) ?? []).includes(key) && !allowed.has(n)) return false;
    if (n.type === 'StringLiteral' && (n as { value?: unknown }).value === key) return false;
  }
  return true;
}
