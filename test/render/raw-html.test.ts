import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { hasRawHtml, stripRawHtml } from '../../src/render/raw-html.js';
import { markdownToHtml } from '../../src/render/markdown-html.js';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}
const parser = unified().use(remarkParse).use(remarkGfm);
const tree = (md: string) => parser.parse(md) as Node;
const kinds = (n: Node): string[] => [n.type, ...(n.children ?? []).flatMap(kinds)];
const mdText = (n: Node): string => n.value ?? (n.children ?? []).map(mdText).join('');
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'" };
/** The text of the HTML page's rendering of a unit: tags removed, entities decoded. */
const pageText = (md: string) => markdownToHtml(md, { inline: true, noFastPath: true }).html.replace(/<[^>]*>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&(lt|gt|amp|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);
/** Without white space: block and inline renderings break lines differently. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('raw HTML in the Markdown notices', () => {
  it('is left out as the HTML page leaves it out: no raw HTML node remains, and the text is the page text', () => {
    const piece = fc.constantFrom('<', '>', '/', 'b', 'div', 'script', ' ', '!', '?', '--', '`', '``', '\\', 'a@b.example', 'https:', '//x.example', '\nw ', 'x', '=', '"', 'onload', '*');
    // a unit is the inline source of a paragraph: no line of it starts a block of its own
    const unit = fc.array(piece, { maxLength: 30 }).map((p) => `w ${p.join('')}`);
    fc.assert(
      fc.property(unit, (md) => {
        const safe = stripRawHtml(md);
        expect(kinds(tree(safe))).not.toContain('html');
        expect(squeeze(mdText(tree(safe)))).toBe(squeeze(pageText(md)));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  it('keeps code spans, autolinks, escapes and a plain "<"', () => {
    expect(stripRawHtml('We use <b>bold</b> words.<!-- a note -->')).toBe('We use bold words.');
    expect(stripRawHtml('<script>alert(1)</script>')).toBe('');
    expect(stripRawHtml('Write `<b>` or ``a ` <i> b``.')).toBe('Write `<b>` or ``a ` <i> b``.');
    expect(stripRawHtml('Mail <privacy@lumora.example> or see <https://lumora.example/privacy>.')).toBe('Mail <privacy@lumora.example> or see <https://lumora.example/privacy>.');
    expect(stripRawHtml('A literal \\<b> and 3 < 4 > 2.')).toBe('A literal \\<b> and 3 < 4 > 2.');
    expect(hasRawHtml('3 < 4 and `<b>`')).toBe(false);
    expect(hasRawHtml('a <br> b')).toBe(true);
  });
});
