import { markdownParser } from './markdown-html.js';

/**
 * Raw HTML in a unit's Markdown (`<b>`, `<script>`, `<!-- -->`) is not part of a notice: the HTML
 * pages drop it (markdownToHtml), and `noticekit check` warns about it. The Markdown notices
 * (`index.md`, snapshot notices) drop the same pieces, so that whoever renders them next gets the
 * text the page shows and no markup. The parser the pages are rendered with finds the raw HTML, so
 * code spans, autolinks and a `<` in plain text stay as they are. Where taking the HTML out joins text into something
 * that reads as HTML (`<<b>x>` → `<x>`), that `<` is backslash-escaped: the page shows it as text.
 */
export function stripRawHtml(md: string): string {
  if (!md.includes('<')) return md;
  let text = md;
  for (let round = 0; round < 16; round++) {
    const found: { start: number; end: number; lt: number }[] = [];
    collect(markdownParser.parse(text) as Node, found);
    if (!found.length) return text;
    found.sort((a, b) => b.start - a.start);
    for (const h of found) text = round === 0 ? text.slice(0, h.start) + text.slice(h.end) : `${text.slice(0, h.lt)}\\${text.slice(h.lt)}`;
  }
  return text.replace(/</g, '\\<');
}

/** Whether a unit's Markdown holds raw HTML (which the notices leave out). */
export function hasRawHtml(md: string): boolean {
  if (!md.includes('<')) return false;
  const found: { start: number; end: number; lt: number }[] = [];
  collect(markdownParser.parse(md) as Node, found);
  return found.length > 0;
}

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Where each raw HTML node is, and the `<` that opens it. */
function collect(node: Node, out: { start: number; end: number; lt: number }[]): void {
  if (node.type === 'html') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) out.push({ start, end, lt: start + Math.max(0, (node.value ?? '').indexOf('<')) });
    return;
  }
  for (const c of node.children ?? []) collect(c, out);
}
