import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toHast } from 'mdast-util-to-hast';
import { sanitize, defaultSchema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root, Paragraph } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { PLACEHOLDER_RE } from '../resolve/placeholders.js';

/** The Markdown parser of notice text (CommonMark and GFM), shared by everything that renders or inspects it. */
export const markdownParser = unified().use(remarkParse).use(remarkGfm);
const parser = markdownParser;

/** GitHub's sanitizer schema without the `user-content-` id clobbering (ids are not allowed at all). */
const schema = { ...defaultSchema, clobberPrefix: 'nk-', protocols: { href: ['http', 'https', 'mailto', 'tel'] } };

const TOKEN = (i: number) => `nkph${i}nkph`;
const TOKEN_RE = /nkph(\d+)nkph/g;

export interface HtmlPiece {
  html: string;
  /** Placeholder keys in token order. */
  keys: string[];
}

/** Conversions through the parser, by input: bounded by the text it holds (then it starts over). */
const cache = new Map<string, HtmlPiece>();
const CACHE_CHARS = 8_000_000;
let cacheChars = 0;

/**
 * Converts Markdown to sanitized HTML. Raw HTML in the text is dropped, `javascript:` links lose
 * their href, event handlers and ids are removed. Placeholders become tokens that `fillHtml`
 * replaces with escaped values, so one conversion serves every region.
 */
export function markdownToHtml(md: string, opts: { inline?: boolean; definitions?: string; noFastPath?: boolean } = {}): HtmlPiece {
  if (!opts.noFastPath) {
    if (isPlain(md)) return plain(md, opts.inline ?? false);
    const simple = simpleInline(md, opts.inline ?? false, opts.definitions);
    if (simple) return simple;
  }
  const key = `${opts.inline ? 'i' : 'b'}\u0000${md}\u0000${opts.definitions ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const keys: string[] = [];
  const tokenized = md.replace(PLACEHOLDER_RE, (_, k: string) => {
    keys.push(k);
    return TOKEN(keys.length - 1);
  });
  const source = opts.definitions && tokenized.includes(']') ? `${tokenized}\n\n${opts.definitions}` : tokenized;
  const tree = parser.parse(source) as Root;
  let hast = toHast(tree, { allowDangerousHtml: false }) as HastRoot;
  hast = sanitize(hast, schema) as HastRoot;
  if (opts.inline) {
    const first = hast.children.find((c) => c.type === 'element') as Element | undefined;
    if (first && first.tagName === 'p' && hast.children.filter((c) => c.type === 'element').length === 1) hast = { type: 'root', children: first.children };
  }
  const piece = { html: toHtml(hast), keys };
  const size = key.length + piece.html.length;
  if (cacheChars + size > CACHE_CHARS) {
    cache.clear();
    cacheChars = 0;
  }
  cache.set(key, piece);
  cacheChars += size;
  return piece;
}

/**
 * Text with none of these characters has no inline Markdown syntax at all (no emphasis, code,
 * links, HTML, entities, escapes, strikethrough or line breaks), and without `://`, `www.` or `@`
 * no autolink either, so CommonMark renders it as the same text. Most legal prose takes this
 * path and skips the parser; a property test holds it to the parser's output.
 */
const PLAIN_RE = /^[^*_`[\]<>&\\~@\n\r#]*$/;
const LINKISH_RE = /:\/\/|www\.|[a-z]:[^\s]/i;
/** Block syntax a single line can start with: lists, headings, thematic breaks. */
const BLOCK_START_RE = /^(\d+[.)](\s|$)|[-+](\s|$)|[-=_*+]{3,}\s*$|[-=]+\s*$)/;

function isPlain(md: string): boolean {
  return PLAIN_RE.test(md) && !LINKISH_RE.test(md) && !BLOCK_START_RE.test(md.trim());
}

function plain(md: string, inline: boolean): HtmlPiece {
  const keys: string[] = [];
  const text = md.trim().replace(PLACEHOLDER_RE, (_, k: string) => {
    keys.push(k);
    return TOKEN(keys.length - 1);
  });
  // no < > & in the text: HTML needs no escaping (hast-util-to-html leaves quotes in text alone)
  const html = text;
  return { html: inline ? html : `<p>${html}</p>`, keys };
}

const STRONG_RE = /(?<=^|\s)\*\*([\p{L}\p{N}](?:[^*_`[\]<>&\\~@\n\r#]*[\p{L}\p{N}])?)\*\*(?=$|[\s.,;:!?)])/gu;
const LINK_RE = /(?<=^|[\s(])\[([\p{L}\p{N}](?:[^*_`[\]<>&\\~@\n\r#]*[\p{L}\p{N}])?)\]\(((?:https?:\/\/|mailto:)[A-Za-z0-9\-._~:/?#=%+,;@]+|nkph\d+nkph)\)(?=$|[\s.,;:!?)])/gu;

/**
 * The next most common prose: plain text with `**strong**` spans and `[text](https://…)` links in
 * their simplest, unambiguous forms. Anything else returns undefined and goes to the parser; a
 * property test holds this path to the parser's output.
 */
function simpleInline(md: string, inline: boolean, definitions: string | undefined): HtmlPiece | undefined {
  if (definitions && /\]\[|\]\s*$|\[[^\]]*\](?!\()/.test(md)) return undefined;
  const keys: string[] = [];
  const text = md.trim().replace(PLACEHOLDER_RE, (_, k: string) => {
    keys.push(k);
    return TOKEN(keys.length - 1);
  });
  if (BLOCK_START_RE.test(text)) return undefined;
  let html = '';
  let last = 0;
  const pieces: { start: number; end: number; html: string }[] = [];
  for (const m of text.matchAll(STRONG_RE)) pieces.push({ start: m.index!, end: m.index! + m[0].length, html: `<strong>${m[1]}</strong>` });
  for (const m of text.matchAll(LINK_RE)) pieces.push({ start: m.index!, end: m.index! + m[0].length, html: `<a href="${m[2]}">${m[1]}</a>` });
  if (pieces.length === 0) return undefined;
  pieces.sort((a, b) => a.start - b.start);
  const spans: string[] = [];
  for (const p of pieces) {
    if (p.start < last) return undefined;
    spans.push(text.slice(last, p.start));
    html += text.slice(last, p.start) + p.html;
    last = p.end;
  }
  spans.push(text.slice(last));
  html += text.slice(last);
  const inner = pieces.map((p) => p.html.replace(/<[^>]*>/g, ''));
  if (![...spans, ...inner].every((t) => PLAIN_RE.test(t) && !LINKISH_RE.test(t))) return undefined;
  return { html: inline ? html : `<p>${html}</p>`, keys };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const TABLE_DELIM_RE = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && s[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (c === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

/**
 * Block Markdown to HTML where blocks that are GFM tables (every line starts with `|`) are
 * converted cell by cell: generated fact tables differ per region and language, but their cells
 * repeat, so each cell is converted once. Other blocks go through the full parser.
 */
export function blocksToHtml(md: string): string {
  const out: string[] = [];
  for (const block of md.split(/\n{2,}/)) {
    const lines = block.split('\n');
    if (lines.length >= 2 && lines.every((l) => l.startsWith('|')) && TABLE_DELIM_RE.test(lines[1]!)) {
      const align = splitRow(lines[1]!).map((d) => (d.startsWith(':') && d.endsWith(':') ? 'center' : d.endsWith(':') ? 'right' : d.startsWith(':') ? 'left' : ''));
      const head = splitRow(lines[0]!);
      if (head.length === align.length) {
        const cell = (tag: string, text: string, i: number) => `<${tag}${align[i] ? ` align="${align[i]}"` : ''}>${markdownToHtml(text, { inline: true }).html}</${tag}>`;
        const rows = lines.slice(2).map((l) => {
          const cells = splitRow(l).slice(0, head.length);
          while (cells.length < head.length) cells.push('');
          return `<tr>\n${cells.map((c, i) => cell('td', c, i)).join('\n')}\n</tr>`;
        });
        out.push(`<table>\n<thead>\n<tr>\n${head.map((c, i) => cell('th', c, i)).join('\n')}\n</tr>\n</thead>${rows.length ? `\n<tbody>\n${rows.join('\n')}\n</tbody>` : ''}\n</table>`);
        continue;
      }
    }
    const html = markdownToHtml(block).html;
    if (html) out.push(html);
  }
  return out.join('\n');
}

/** Fills placeholder tokens with HTML-escaped values. */
export function fillHtml(piece: HtmlPiece, values: Record<string, string>): string {
  if (piece.keys.length === 0) return piece.html;
  return piece.html.replace(TOKEN_RE, (_, i: string) => escapeHtml(values[piece.keys[Number(i)]!] ?? ''));
}

/** Escapes text for use inside Markdown (inline, and in table cells). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
