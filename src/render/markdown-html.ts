import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toHast } from 'mdast-util-to-hast';
import { sanitize, defaultSchema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root, Paragraph } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { PLACEHOLDER_RE } from '../resolve/placeholders.js';

const parser = unified().use(remarkParse).use(remarkGfm);

/** GitHub's sanitizer schema without the `user-content-` id clobbering (ids are not allowed at all). */
const schema = { ...defaultSchema, clobberPrefix: 'nk-', protocols: { href: ['http', 'https', 'mailto', 'tel'] } };

const TOKEN = (i: number) => `nkph${i}nkph`;
const TOKEN_RE = /nkph(\d+)nkph/g;

export interface HtmlPiece {
  html: string;
  /** Placeholder keys in token order. */
  keys: string[];
}

const cache = new Map<string, HtmlPiece>();

/**
 * Converts Markdown to sanitized HTML. Raw HTML in the text is dropped, `javascript:` links lose
 * their href, event handlers and ids are removed. Placeholders become tokens that `fillHtml`
 * replaces with escaped values, so one conversion serves every region.
 */
export function markdownToHtml(md: string, opts: { inline?: boolean; definitions?: string } = {}): HtmlPiece {
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
  if (cache.size > 200_000) cache.clear();
  cache.set(key, piece);
  return piece;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
