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
  const inline = opts.inline ?? false;
  const key = `${opts.noFastPath ? 'p' : ''}${inline ? 'i' : 'b'}\u0000${md}\u0000${opts.definitions ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const piece = (!opts.noFastPath && fastPath(md, inline, opts.definitions)) || parse(md, inline, opts.definitions);
  const size = key.length + piece.html.length;
  if (cacheChars + size > CACHE_CHARS) {
    cache.clear();
    cacheChars = 0;
  }
  cache.set(key, piece);
  cacheChars += size;
  return piece;
}

function parse(md: string, inline: boolean, definitions: string | undefined): HtmlPiece {
  const keys: string[] = [];
  const tokenized = tokenize(md, keys);
  const source = definitions && tokenized.includes(']') ? `${tokenized}\n\n${definitions}` : tokenized;
  const tree = parser.parse(source) as Root;
  let hast = toHast(tree, { allowDangerousHtml: false }) as HastRoot;
  hast = sanitize(hast, schema) as HastRoot;
  if (inline) {
    const first = hast.children.find((c) => c.type === 'element') as Element | undefined;
    if (first && first.tagName === 'p' && hast.children.filter((c) => c.type === 'element').length === 1) hast = { type: 'root', children: first.children };
  }
  return { html: toHtml(hast), keys };
}

/** Placeholders become tokens (`nkph0nkph`, letters and digits to the parser); their keys go to `keys`. */
function tokenize(md: string, keys: string[]): string {
  return md.replace(PLACEHOLDER_RE, (_, k: string) => {
    keys.push(k);
    return TOKEN(keys.length - 1);
  });
}

/*
 * The fast path. Most notice text is prose with a few simple constructs, and the generated fact
 * blocks are cells and list items of escaped values; the parser (micromark, then mdast, hast, the
 * sanitizer and the serializer) costs about 1 ms per 500 characters. So a paragraph, or a tight
 * "- " list, whose inline content uses only these is converted directly:
 *   - text, with `&`, `<` (escaped `\<`) and `>` as the serializer writes them;
 *   - backslash escapes of ASCII punctuation;
 *   - `**strong**` runs of exactly two asterisks, paired by CommonMark's flanking rules;
 *   - `[text](url)` links with plain text and an http(s)/mailto URL or a placeholder;
 *   - GFM autolink literals: http(s) URLs and e-mail addresses standing between spaces.
 * Anything else (or anything near the edges of these rules) returns undefined and goes to the
 * parser: the fast path only ever answers where it is sure. Property tests in
 * test/render/markdown-html.test.ts hold it to the parser's output byte for byte.
 */

/** Block syntax a line can start with: lists, headings, quotes, fences, thematic breaks, HTML. */
const BLOCK_START_RE = /^(\d+[.)](\s|$)|[-+*](\s|$)|[-=_*+ \t]+$|[#>|<`~])/;
/** Autolink-literal triggers left in text after the recognised autolinks are taken out. */
const LINKISH_RE = /:\/\/|www\.|[a-z]:[^\s]|@/i;
/** An entity or numeric character reference (the parser decodes it). */
const ENTITY_AT = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;
const ASCII_PUNCT_RE = /[!-/:-@[-`{-~]/;
/** The characters fastInline looks at (but for autolinks). */
const NEXT_SPECIAL = /[\\*[&!\]_`~<\n\r]/g;
const WHITESPACE_RE = /\s/;
const PUNCTUATION_RE = /\p{P}|\p{S}/u;
const LINK_AT = /\[([\p{L}\p{N}](?:[^*_`[\]<>&\\~@\n\r#]*[\p{L}\p{N}])?)\]\(((?:https?:\/\/|mailto:)(?:[A-Za-z0-9\-._~:/?#=+,;@]|%[0-9A-Fa-f]{2})+|nkph\d+nkph)\)(?=$|[\s.,;:!?)])/uy;
const DOMAIN = '[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\\.[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)*\\.[A-Za-z]{2,}';
const URL_AT = new RegExp(`https?://${DOMAIN}(?:/(?:[A-Za-z0-9\\-.~/]|%[0-9A-Fa-f]{2})*[A-Za-z0-9/])?(?=$|[ \\t]|[.,;:!?](?:$|[ \\t]))`, 'y');
/** An e-mail address as micromark's GFM autolink literal takes it: the domain ends where its characters do, with a letter (a final dot stays out). */
const EMAIL_AT = new RegExp(`[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*@${DOMAIN}(?![A-Za-z0-9_@-]|\\.[A-Za-z0-9_-])`, 'y');
/** Characters after which micromark does not start an e-mail autolink (its "atext", and `/`). */
const EMAIL_BLOCKED_AFTER = /[A-Za-z0-9+\-._/]/;

function fastPath(md: string, inline: boolean, definitions: string | undefined): HtmlPiece | undefined {
  // leading whitespace can make an indented code block; trailing spaces and tabs the parser drops
  if (/^[ \t\r\n]*$/.test(md)) return { html: '', keys: [] };
  if (WHITESPACE_RE.test(md[0]!)) return undefined;
  if (definitions && /\]\[|\]\s*$|\[[^\]]*\](?!\()/.test(md)) return undefined;
  const keys: string[] = [];
  const text = tokenize(md.replace(/[ \t\r\n]+$/, ''), keys);
  if (!text.includes('\n')) {
    const html = fastInline(text);
    if (html === undefined) return undefined;
    return { html: inline ? html : `<p>${html}</p>`, keys };
  }
  // a tight list of "- " items, one line each (as fact blocks make them): the same in both modes
  const items: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('- ')) return undefined;
    const html = fastInline(line.slice(2).replace(/[ \t]+$/, ''));
    if (html === undefined) return undefined;
    items.push(`<li>${html}</li>`);
  }
  return { html: `<ul>\n${items.join('\n')}\n</ul>`, keys };
}

/** CommonMark's classes of the character next to a delimiter run: 1 whitespace (or none), 2 punctuation, 0 other. */
function charClass(ch: string | undefined): 0 | 1 | 2 {
  if (ch === undefined || WHITESPACE_RE.test(ch)) return 1;
  return PUNCTUATION_RE.test(ch) ? 2 : 0;
}

function escapeText(s: string): string {
  return s.replace(/[&<]/g, (c) => (c === '&' ? '&#x26;' : '&#x3C;'));
}

/** One line of inline Markdown (placeholders tokenized, no surrounding whitespace) to HTML, or undefined. */
function fastInline(s: string): string | undefined {
  if (s === '' || WHITESPACE_RE.test(s[0]!) || BLOCK_START_RE.test(s) || s.endsWith('\\')) return undefined;
  const out: string[] = [];
  const runs: { at: number; open: boolean; close: boolean }[] = [];
  // without these, no word can start an autolink literal (and trying costs a regex per word)
  const mayLink = s.includes('@') || s.includes('://');
  /** Where the `]` of a bracketed text (not a link) stands. */
  let bracketClose = -1;
  // the text as the parser's text nodes hold it (escapes resolved): GFM finds e-mail autolinks there
  let plain = '';
  let from = 0;
  /** Puts `html` in place of s[at, end) and goes on after it; `text` tells if it is text (an escape). */
  const put = (at: number, end: number, html: string, text = false) => {
    if (at > from) {
      plain += s.slice(from, at);
      out.push(escapeText(s.slice(from, at)));
    }
    plain += text ? s.slice(at + 1, end) : '\u0000';
    out.push(html);
    from = end;
    return end;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    switch (c) {
      case '\\':
        // an escaped ASCII punctuation character is that character; any other backslash is text
        i = ASCII_PUNCT_RE.test(s[i + 1]!) ? put(i, i + 2, escapeText(s[i + 1]!), true) : i + 1;
        break;
      case '*': {
        // a run of exactly two, not next to an escape or a surrogate pair (the classes would differ)
        if (s[i + 1] !== '*' || s[i + 2] === '*' || s[i - 2] === '\\' || s[i + 2] === '\\' || /[\ud800-\udfff]/.test((s[i - 1] ?? '') + (s[i + 2] ?? ''))) return undefined;
        const before = charClass(s[i - 1]);
        const after = charClass(s[i + 2]);
        i = put(i, i + 2, '**');
        runs.push({ at: out.length - 1, open: after === 0 || (after === 2 && before !== 0), close: before === 0 || (before === 2 && after !== 0) });
        break;
      }
      case '[': {
        LINK_AT.lastIndex = i;
        const m = i === 0 || /[\s(]/.test(s[i - 1]!) ? LINK_AT.exec(s) : null;
        if (m) {
          if (LINKISH_RE.test(m[1]!)) return undefined;
          i = put(i, i + m[0].length, `<a href="${m[2]}">${m[1]}</a>`);
          break;
        }
        // a bracketed text that cannot be a link (nothing after it to make one, no definitions, no
        // autolinks around: they behave differently inside an open bracket) is text
        const close = s.indexOf(']', i + 1);
        if (mayLink || close < 0 || s.lastIndexOf('[', close - 1) !== i || s[close + 1] === '(' || s[close + 1] === '[' || s[i + 1] === '^' || /^[ xX]$/.test(s.slice(i + 1, close))) return undefined;
        bracketClose = close;
        i++;
        break;
      }
      case ']':
        if (i !== bracketClose) return undefined;
        i++;
        break;
      case '_': {
        // a run of underscores that can neither open nor close emphasis (inside a word) is text
        let end = i + 1;
        while (s[end] === '_') end++;
        if (s[i - 2] === '\\' || s[end] === '\\' || /[\ud800-\udfff]/.test((s[i - 1] ?? '') + (s[end] ?? ''))) return undefined;
        const before = charClass(s[i - 1]);
        const after = charClass(s[end]);
        const open = after === 0 || (after === 2 && before !== 0);
        const close = before === 0 || (before === 2 && after !== 0);
        if ((open && (before !== 0 || !close)) || (close && (after !== 0 || !open))) return undefined;
        i = end;
        break;
      }
      case '&':
        ENTITY_AT.lastIndex = i;
        if (ENTITY_AT.test(s)) return undefined;
        i++;
        break;
      case '!':
        if (s[i + 1] === '[') return undefined;
        i++;
        break;
      case '`':
      case '~':
      case '<':
      case '\n':
      case '\r':
        return undefined;
      default: {
        // an autolink literal: a URL standing after a space (or first), an e-mail address after
        // anything but the characters of one
        if (mayLink && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t') && c === 'h') {
          URL_AT.lastIndex = i;
          const url = URL_AT.exec(s);
          if (url) {
            i = put(i, i + url[0].length, `<a href="${url[0]}">${url[0]}</a>`);
            break;
          }
        }
        if (mayLink && (i === 0 || !EMAIL_BLOCKED_AFTER.test(s[i - 1]!))) {
          EMAIL_AT.lastIndex = i;
          const email = EMAIL_AT.exec(s);
          if (email) {
            i = put(i, i + email[0].length, `<a href="mailto:${email[0]}">${email[0]}</a>`);
            break;
          }
        }
        if (mayLink) i++;
        else {
          // nothing here until the next character that means something
          NEXT_SPECIAL.lastIndex = i + 1;
          i = NEXT_SPECIAL.exec(s)?.index ?? s.length;
        }
      }
    }
  }
  if (s.length > from) {
    plain += s.slice(from);
    out.push(escapeText(s.slice(from)));
  }
  if (LINKISH_RE.test(plain)) return undefined;
  // pair the runs as CommonMark does: a closer takes the nearest open opener
  const openers: number[] = [];
  for (const r of runs) {
    if (r.close && openers.length) {
      out[openers.pop()!] = '<strong>';
      out[r.at] = '</strong>';
    } else if (r.open) openers.push(r.at);
  }
  return out.join('');
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
