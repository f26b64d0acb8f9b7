import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, RootContent, Heading, Table, List, Blockquote } from 'mdast';
import { yamlLib } from '../util/lazy-modules.js';
import type {
  Block,
  MasterDocument,
  SectionInfo,
  SourcePosition,
  Unit,
  UnitKind,
} from '../model/document.js';
import { walkUnits } from '../model/document.js';
import { DiagnosticBag, DiagnosticError, type Diagnostic } from '../model/diagnostics.js';
import { sha256, unitHash } from '../util/hash.js';
import { yamlValueError, complexKeyOffset, fastYamlData } from './yaml-source.js';

/** The names of generated blocks a `::facts{show=…}` directive may ask for. */
export const FACTS_BLOCKS = [
  'controller', 'data-categories', 'sources', 'purposes', 'recipients', 'transfers', 'cookies',
  'rights', 'retention', 'children', 'security', 'contacts', 'storage',
] as const;

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const HEADING_ATTRS_RE = /\s*\{#([^\s}]*)((?:\s+[a-zA-Z_][\w-]*="[^"]*")*)\s*\}\s*$/;

/**
 * The master is read for its blocks: a unit's text is its inline Markdown source, sliced from the
 * file, never the parsed inline tree. So the parser keeps the block constructs of CommonMark, GFM
 * (tables, footnote definitions, task list items) and directives, and leaves inline Markdown
 * (emphasis, links, code spans, autolinks, escapes) unparsed, which takes more than half the time
 * off parsing. Inline constructs cannot change block structure, so the blocks and the source
 * spans come out the same; a property test holds this to the full parser (`fastPaths: false`).
 */
function blocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmTaskListItem(), {
    disable: { null: ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd'] },
  });
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown());
}

let processor: ReturnType<typeof makeProcessor> | undefined;
let fullProcessor: ReturnType<typeof makeFullProcessor> | undefined;
function makeProcessor() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(blocksOnly).use(remarkDirective);
}
/** The whole of remark-parse with GFM, inline Markdown included: the reference the fast paths are held to. */
function makeFullProcessor() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
}

interface Chunk {
  text: string;
  /** 0-based line number of the chunk's first line in the whole file. */
  lineOffset: number;
}

/**
 * Splits the source before each level-1 or level-2 ATX heading that sits outside code fences and
 * container directives. Each chunk parses independently, which keeps remark-parse linear on very
 * large masters (it is super-linear on one big input) and lets parsing stream section by section.
 */
export function splitChunks(source: string): Chunk[] {
  const lines = source.split('\n');
  const chunks: Chunk[] = [];
  const scan = new LineScanner(lines[0] === '---');
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (scan.next(line, i === 0) === 'opaque') continue;
    if (scan.depth === 0 && i > start && /^ {0,3}#{1,2}(?:[ \t]|$)/.test(line)) {
      chunks.push({ text: lines.slice(start, i).join('\n'), lineOffset: start });
      start = i;
    }
  }
  chunks.push({ text: lines.slice(start).join('\n'), lineOffset: start });
  return chunks;
}

/**
 * Follows the lines of a Markdown text in order: front matter, fenced code, and how many `:::`
 * blocks are open. `next` says whether a line is opaque (front matter, or a fence or its content,
 * where nothing starts a block) or Markdown; `depth` is the number of `:::` blocks open after it.
 */
class LineScanner {
  depth = 0;
  private fence: string | null = null;
  constructor(private inFrontMatter: boolean) {}

  next(line: string, first: boolean): 'opaque' | 'markdown' {
    if (this.inFrontMatter) {
      if (!first && (line === '---' || line === '...')) this.inFrontMatter = false;
      return 'opaque';
    }
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (this.fence) {
      if (fenceMatch && fenceMatch[1]![0] === this.fence[0] && fenceMatch[1]!.length >= this.fence.length && /^ {0,3}[`~]+\s*$/.test(line)) this.fence = null;
      return 'opaque';
    }
    if (fenceMatch) {
      this.fence = fenceMatch[1]!;
      return 'opaque';
    }
    if (/^ {0,3}:{3,}[a-zA-Z]/.test(line)) this.depth++;
    else if (/^ {0,3}:{3,}\s*$/.test(line) && this.depth > 0) this.depth--;
    return 'markdown';
  }
}

/** A run of lines for remark-parse, or a paragraph or heading read straight from the source. */
type Piece = Chunk | { paragraph: string; line: number } | { heading: string; depth: number; line: number };

/** A line that, wherever it stands, may start or interrupt a block other than a paragraph. */
const NOT_PLAIN_START = /^[ \t]*(?:[#>\-+*=_`~<|:[]|\d{1,9}[.)])/;
/** An ATX heading whose text neither starts nor ends with `#` (no closing sequence to strip). */
const PLAIN_HEADING = /^(#{1,6})[ \t]+([^ \t#](?:.*[^ \t#])?)[ \t]*$/;
const BLANK = /^[ \t]*$/;

/**
 * Splits a chunk further, taking the commonest blocks of a policy out of remark-parse: a paragraph
 * whose lines start at column 1 after a blank line, none of which could start another block (no
 * list or quote marker, fence, heading, table pipe, directive, HTML, setext underline), and an ATX
 * heading line after a blank line. Outside fences, `:::` blocks and HTML blocks, after a blank
 * line, such text closes every open block, so it is a paragraph (or heading) whatever came before,
 * and the text after it parses the same on its own. Its unit text is what remark-parse would give:
 * inline Markdown is kept as source either way. Everything else stays together for remark-parse.
 */
export function splitPieces(chunk: Chunk): Piece[] {
  const lines = chunk.text.split('\n');
  if (chunk.text.includes('\r') || lines.some((l) => /^[ \t]*</.test(l))) return [chunk];
  const out: Piece[] = [];
  const scan = new LineScanner(chunk.lineOffset === 0 && lines[0] === '---');
  let start = 0;
  const flush = (upTo: number): void => {
    if (upTo > start && lines.slice(start, upTo).some((l) => !BLANK.test(l))) out.push({ text: lines.slice(start, upTo).join('\n'), lineOffset: chunk.lineOffset + start });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (scan.next(line, i === 0) === 'opaque') continue;
    if (scan.depth > 0 || (i > 0 && !BLANK.test(lines[i - 1]!)) || BLANK.test(line) || line[0] === ' ' || line[0] === '\t') continue;
    const h = PLAIN_HEADING.exec(line);
    // the line after must be blank, or a `---` there would open front matter in the next piece
    if (h && (i + 1 === lines.length || BLANK.test(lines[i + 1]!))) {
      flush(i);
      out.push({ heading: h[2]!, depth: h[1]!.length, line: chunk.lineOffset + i + 1 });
      start = i + 1;
      continue;
    }
    let end = i;
    while (end < lines.length && !BLANK.test(lines[end]!) && !NOT_PLAIN_START.test(lines[end]!)) end++;
    if (end === i || (end < lines.length && !BLANK.test(lines[end]!))) continue;
    flush(i);
    const text = lines.slice(i, end).map((l, k) => (k === 0 ? l : l.replace(/^[ \t]+/, '')));
    text[text.length - 1] = text[text.length - 1]!.replace(/[ \t]+$/, '');
    out.push({ paragraph: text.join('\n'), line: chunk.lineOffset + i + 1 });
    start = end;
    i = end - 1;
  }
  flush(lines.length);
  return out;
}

interface Ctx {
  file: string;
  chunk: Chunk;
  diags: DiagnosticBag;
  section: string;
  sections: SectionInfo[];
  seenIds: Map<string, SourcePosition>;
  quoteDepth: number;
  /** The `:::` blocks open around the node being converted, outermost first. */
  open: { name: string; line: number; column: number; fence: number }[];
}

/**
 * The deepest nesting of lists, block quotes and `:::` blocks that noticekit reads. remark-parse
 * takes time polynomial in the nesting depth (a 160 KB list nested 400 levels deep takes seconds,
 * 3000 levels never finish) and deep trees overflow the stack; no notice needs more than a few levels.
 */
export const MAX_NESTING = 32;

const THEMATIC_BREAK_RE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Finds the first line whose containers (indentation, list markers, `>` quote markers, open `:::`
 * blocks) nest deeper than MAX_NESTING, before remark-parse sees the text. Indentation counts one
 * level per two columns, so the estimate errs on the deep side only for unusual layouts.
 */
export function nestingProblem(source: string, file: string): Diagnostic | undefined {
  const lines = source.split('\n');
  const scan = new LineScanner(lines[0] === '---');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (scan.next(line, i === 0) === 'opaque') continue;
    const blocks = scan.depth;
    if (THEMATIC_BREAK_RE.test(line)) continue;
    let ws = 0;
    let markers = 0;
    let k = 0;
    for (;;) {
      const c = line[k];
      const next = line[k + 1];
      if (c === ' ' || c === '\t') {
        // indentation before the first marker nests; the spaces after a marker do not
        if (markers === 0) ws += c === '\t' ? 4 : 1;
      } else if (c === '>') markers++;
      else if ((c === '-' || c === '*' || c === '+') && (next === undefined || next === ' ' || next === '\t')) markers++;
      else {
        const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(k, k + 11));
        if (!m) break;
        markers++;
        k += m[0].length;
        continue;
      }
      k++;
    }
    const depth = blocks + markers + Math.floor(ws / 2);
    if (depth > MAX_NESTING) {
      return {
        severity: 'error',
        rule: 'nesting-too-deep',
        file,
        line: i + 1,
        column: 1,
        message: `lists, quotes and ::: blocks are nested about ${depth} levels deep here`,
        expected: `at most ${MAX_NESTING} levels of nesting (lists in lists, quotes in quotes, blocks in blocks, indentation)`,
        hint: 'flatten the structure; a privacy notice rarely needs more than three levels',
      };
    }
  }
  return undefined;
}

export interface ParseOptions {
  /**
   * Take plain paragraphs and ATX headings straight from the source, and parse the rest for its
   * blocks only (default true). `false` runs the whole of remark-parse over every chunk instead:
   * the result is the same, and a property test holds the fast paths to it.
   */
  fastPaths?: boolean;
}

/** Parses the English master text into blocks and translation units. */
export function parseMaster(source: string, file: string, opts: ParseOptions = {}): MasterDocument {
  const parser = opts.fastPaths === false ? (fullProcessor ??= makeFullProcessor()) : (processor ??= makeProcessor());
  const tooDeep = nestingProblem(source, file);
  if (tooDeep) throw new DiagnosticError([tooDeep]);
  const diags = new DiagnosticBag();
  const sections: SectionInfo[] = [];
  const seenIds = new Map<string, SourcePosition>();
  const blocks: Block[] = [];
  let frontMatter: Record<string, unknown> = {};
  const definitions: string[] = [];
  let section = 'top';

  for (const whole of splitChunks(source)) {
    for (const piece of opts.fastPaths === false ? [whole] : splitPieces(whole)) {
      const chunk = 'text' in piece ? piece : whole;
      const ctx: Ctx = { file, chunk, diags, section, sections, seenIds, quoteDepth: 0, open: [] };
      if ('paragraph' in piece) blocks.push({ type: 'paragraph', unit: makeUnit(ctx, 'paragraph', piece.paragraph, { line: piece.line, column: 1 }) });
      else if ('heading' in piece) blocks.push(headingBlock(piece.depth, piece.heading, { line: piece.line, column: 1 }, ctx));
      else {
        const tree = parser.parse(piece.text) as Root;
        for (const node of tree.children) {
          if (node.type === 'yaml') {
            frontMatter = parseFrontMatter(node.value, file, pos(ctx, node), diags);
            continue;
          }
          if (node.type === 'definition') {
            definitions.push(slice(ctx, node));
            continue;
          }
          const b = convert(node, ctx);
          if (b) blocks.push(...b);
        }
      }
      section = ctx.section;
    }
  }
  diags.throwIfErrors();
  const units = [...walkUnits(blocks)];
  const firstH1 = sections.find((s) => s.depth === 1);
  const title = typeof frontMatter.title === 'string' ? frontMatter.title : firstH1?.heading ?? 'Privacy Policy';
  return { file, frontMatter, title, blocks, sections, units, definitions: definitions.join('\n'), sourceHash: sha256(source) };
}

function parseFrontMatter(value: string, file: string, at: SourcePosition, diags: DiagnosticBag): Record<string, unknown> {
  // js-yaml reads it as `yaml` would, in a fraction of the time; `yaml` reads it when that reader declines
  const fast = fastYamlData(value);
  if (fast) return frontMatterObject(fast.data, file, at, diags);
  const { parseDocument, LineCounter } = yamlLib();
  const lc = new LineCounter();
  const doc = parseDocument(value, { lineCounter: lc, prettyErrors: false });
  for (const err of doc.errors) {
    const p = lc.linePos(err.pos[0]);
    diags.add({ rule: 'front-matter-syntax', file, line: at.line + p.line, column: p.col, message: `front matter is not valid YAML: ${err.message.split('\n')[0]}`, expected: 'YAML key: value lines between the --- markers', hint: 'fix the YAML syntax at this position' });
  }
  if (doc.errors.length) return {};
  const complexKey = complexKeyOffset(doc);
  if (complexKey !== undefined) {
    diags.add({ rule: 'front-matter-syntax', file, line: at.line + lc.linePos(complexKey).line, column: lc.linePos(complexKey).col, message: 'front matter is not valid YAML: a mapping, list or tagged value is used as a key', expected: 'YAML key: value lines between the --- markers' });
    return {};
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    diags.add({ ...yamlValueError(e, file, at.line), rule: 'front-matter-syntax' });
    return {};
  }
  return frontMatterObject(data, file, at, diags);
}

function frontMatterObject(data: unknown, file: string, at: SourcePosition, diags: DiagnosticBag): Record<string, unknown> {
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diags.add({ rule: 'front-matter-syntax', file, line: at.line + 1, column: 1, message: 'front matter must be a YAML mapping', expected: 'key: value pairs such as `title: Privacy Policy`' });
    return {};
  }
  return data as Record<string, unknown>;
}

function pos(ctx: Ctx, node: { position?: { start: { line: number; column: number } } }): SourcePosition {
  const p = node.position?.start ?? { line: 1, column: 1 };
  return { line: p.line + ctx.chunk.lineOffset, column: p.column };
}

function slice(ctx: Ctx, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  const s = node.position?.start.offset ?? 0;
  const e = node.position?.end.offset ?? s;
  return ctx.chunk.text.slice(s, e);
}

/** The inline source of a run of children, with blockquote markers and indentation of continuation lines removed. */
function inlineSource(ctx: Ctx, children: RootContent[] | { position?: { start: { offset?: number }; end: { offset?: number } } }[]): string {
  if (children.length === 0) return '';
  const first = children[0]!;
  const last = children[children.length - 1]!;
  const s = first.position?.start.offset ?? 0;
  const e = last.position?.end.offset ?? s;
  const raw = ctx.chunk.text.slice(s, e);
  if (!raw.includes('\n')) return raw;
  const quote = ctx.quoteDepth;
  return raw
    .split('\n')
    .map((l, i) => {
      if (i === 0) return l;
      let rest = l.replace(/^[ \t]*/, '');
      for (let q = 0; q < quote && rest.startsWith('>'); q++) rest = rest.slice(1).replace(/^[ \t]?/, '').replace(/^[ \t]*/, '');
      return rest;
    })
    .join('\n');
}

function makeUnit(ctx: Ctx, kind: UnitKind, text: string, at: SourcePosition): Unit {
  return { id: '', hash: unitHash(text), kind, text, section: ctx.section, position: at };
}

function convert(node: RootContent, ctx: Ctx): Block[] | undefined {
  switch (node.type) {
    case 'heading':
      return [heading(node, ctx)];
    case 'paragraph':
      return [{ type: 'paragraph', unit: makeUnit(ctx, 'paragraph', inlineSource(ctx, node.children), pos(ctx, node)) }];
    case 'list':
      return [list(node, ctx)];
    case 'table':
      return [table(node, ctx)];
    case 'blockquote':
      return [blockquote(node, ctx)];
    case 'code':
      return [{ type: 'code', lang: node.lang ?? '', value: node.value }];
    case 'thematicBreak':
      return [{ type: 'thematicBreak' }];
    case 'html': {
      // Raw HTML is never rendered as markup: keep it as text so it shows, escaped, and can be translated.
      return [{ type: 'paragraph', unit: makeUnit(ctx, 'paragraph', slice(ctx, node), pos(ctx, node)) }];
    }
    case 'containerDirective':
      return [container(node, ctx)];
    case 'leafDirective':
      return [leaf(node, ctx)];
    case 'definition':
      return undefined;
    default:
      return undefined;
  }
}

function heading(node: Heading, ctx: Ctx): Block {
  return headingBlock(node.depth, inlineSource(ctx, node.children), pos(ctx, node), ctx);
}

function headingBlock(depth: number, source: string, at: SourcePosition, ctx: Ctx): Block {
  let text = source;
  let id = '';
  const attrs: Record<string, string> = {};
  const m = HEADING_ATTRS_RE.exec(text);
  if (m) {
    text = text.slice(0, m.index);
    id = m[1]!;
    for (const a of m[2]!.matchAll(/([a-zA-Z_][\w-]*)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    if (!ID_RE.test(id)) {
      ctx.diags.add({ rule: 'bad-section-id', file: ctx.file, line: at.line, column: at.column, message: `section id "${id}" is not valid`, expected: 'lower-case letters, digits and hyphens, starting with a letter or digit, e.g. {#cookies}', hint: 'rename the id in the heading' });
    }
  } else {
    id = slugify(text) || `section-${at.line}`;
  }
  const prev = ctx.seenIds.get(id);
  if (prev) {
    ctx.diags.add({ rule: 'duplicate-section-id', file: ctx.file, line: at.line, column: at.column, message: `section id "${id}" is already used by the heading at line ${prev.line}`, expected: 'a unique id for every heading', hint: `give this heading its own id, e.g. {#${id}-2}` });
  } else ctx.seenIds.set(id, at);
  ctx.section = id;
  ctx.sections.push({ id, depth, heading: text, attrs, position: at });
  return { type: 'heading', depth, id, attrs, unit: makeUnit(ctx, 'heading', text, at) };
}

function list(node: List, ctx: Ctx): Block {
  const items: Block[][] = [];
  for (const item of node.children) {
    const blocks: Block[] = [];
    for (const child of item.children) {
      const b = convert(child as RootContent, ctx);
      if (b) blocks.push(...b);
    }
    items.push(blocks);
  }
  return { type: 'list', ordered: node.ordered ?? false, start: node.start ?? 1, items };
}

function table(node: Table, ctx: Ctx): Block {
  const rows = node.children.map((row) =>
    row.children.map((cell) => makeUnit(ctx, 'cell', inlineSource(ctx, cell.children as RootContent[]).trim(), pos(ctx, cell))),
  );
  return { type: 'table', align: (node.align ?? []).map((a) => a ?? null), header: rows[0] ?? [], rows: rows.slice(1) };
}

function blockquote(node: Blockquote, ctx: Ctx): Block {
  ctx.quoteDepth++;
  const blocks: Block[] = [];
  for (const child of node.children) {
    const b = convert(child as RootContent, ctx);
    if (b) blocks.push(...b);
  }
  ctx.quoteDepth--;
  return { type: 'blockquote', blocks };
}

type DirectiveNode = Extract<RootContent, { type: 'containerDirective' | 'leafDirective' }>;

function attrsOf(node: DirectiveNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attributes ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

function container(node: DirectiveNode, ctx: Ctx): Block {
  const at = pos(ctx, node);
  const attrs = attrsOf(node);
  const raw = slice(ctx, node);
  const lastLine = raw.slice(raw.lastIndexOf('\n') + 1);
  const fence = /^\s*(:*)/.exec(raw)![1]!.length;
  const outer = ctx.open[ctx.open.length - 1];
  if ((!/^\s*:{3,}\s*$/.test(lastLine) || !raw.includes('\n')) && outer && outer.fence <= fence) {
    // a ::: line closes the outermost open block first: when a block opens inside another of the
    // same fence, the block the author forgot to close is usually the outer one
    ctx.diags.add({ rule: 'unterminated-block', file: ctx.file, line: outer.line, column: outer.column, message: `the :::${outer.name} block opened here is still open where the :::${node.name} block at line ${at.line} starts, so that block is never closed`, expected: 'a line with ::: alone to close each block before the next one opens', hint: 'add ::: on its own line where this block ends; to put a block inside another on purpose, give the outer one more colons (::::only{…} … ::::)' });
  } else if (!/^\s*:{3,}\s*$/.test(lastLine) || !raw.includes('\n')) {
    ctx.diags.add({ rule: 'unterminated-block', file: ctx.file, line: at.line, column: at.column, message: `the :::${node.name} block opened here is never closed`, expected: 'a line with ::: alone to close the block', hint: 'add ::: on its own line where the regional block ends; to put a block inside another, give the outer one more colons (::::only{…} … ::::)' });
  }
  if (node.name !== 'only' && node.name !== 'except') {
    ctx.diags.add({ rule: 'unknown-directive', file: ctx.file, line: at.line, column: at.column, message: `unknown block directive :::${node.name}`, expected: ':::only{regions="…" jurisdictions="…"} or :::except{…}', hint: 'use :::only or :::except, or remove the directive' });
  }
  const regions = splitList(attrs.regions);
  const jurisdictions = splitList(attrs.jurisdictions);
  for (const k of Object.keys(attrs)) {
    if (k !== 'regions' && k !== 'jurisdictions') {
      ctx.diags.add({ rule: 'unknown-attribute', file: ctx.file, line: at.line, column: at.column, message: `unknown attribute "${k}" on :::${node.name}`, expected: 'regions="…" and/or jurisdictions="…"' });
    }
  }
  if (regions.length === 0 && jurisdictions.length === 0) {
    ctx.diags.add({ rule: 'empty-condition', file: ctx.file, line: at.line, column: at.column, message: `:::${node.name} names no region or jurisdiction`, expected: 'regions="de fr" or jurisdictions="eu gb"', hint: 'add the attribute in braces after the name: :::only{jurisdictions="eu"}' });
  }
  const blocks: Block[] = [];
  ctx.open.push({ name: node.name, line: at.line, column: at.column, fence });
  for (const child of node.children) {
    if (child.type === 'paragraph' && (child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) continue;
    const b = convert(child as RootContent, ctx);
    if (b) blocks.push(...b);
  }
  ctx.open.pop();
  return { type: 'conditional', mode: node.name === 'except' ? 'except' : 'only', regions, jurisdictions, blocks, position: at };
}

function leaf(node: DirectiveNode, ctx: Ctx): Block {
  const at = pos(ctx, node);
  const attrs = attrsOf(node);
  if (node.name !== 'facts') {
    ctx.diags.add({ rule: 'unknown-directive', file: ctx.file, line: at.line, column: at.column, message: `unknown directive ::${node.name}`, expected: `::facts{show="…"} with one of: ${FACTS_BLOCKS.join(', ')}`, hint: 'use ::facts or remove the line' });
  }
  const show = attrs.show ?? '';
  if (node.name === 'facts' && !(FACTS_BLOCKS as readonly string[]).includes(show)) {
    ctx.diags.add({ rule: 'unknown-facts-block', file: ctx.file, line: at.line, column: at.column, message: show ? `unknown generated block ::facts{show="${show}"}` : '::facts needs a show="…" attribute', expected: `show= one of: ${FACTS_BLOCKS.join(', ')}` });
  }
  return { type: 'facts', show, attrs, position: at };
}

function splitList(v: string | undefined): string[] {
  return v ? v.split(/[\s,]+/).filter(Boolean) : [];
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
