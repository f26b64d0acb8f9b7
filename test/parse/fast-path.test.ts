import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMaster } from '../../src/parse/markdown.js';

/**
 * parseMaster takes plain paragraphs and headings straight from the source; these tests hold that
 * fast path to what remark-parse gives for the same text (`fastPaths: false`), on documents built
 * from the lines that could fool it: list and quote markers, setext underlines, fences, tables,
 * directives, HTML, indentation, trailing spaces, front matter.
 */
const LINES = [
  '', '', '', '   ', 'We collect your name.', 'and your **email** address.  ', 'Plain words [a link](https://x.example) here.', '  indented continuation',
  '    four spaces in', '\ta tab first', '## A heading {#h-a}', '### Sub heading', '# Title', '## Closed ##', '#NoSpace', '###### Six', '####### Seven',
  '- a list item', '* star item', '+ plus item', '1. first', '2) second', '10. tenth', '> a quote', '>> nested', '---', '***', '___', '===', '- - -',
  '```', '```js', '~~~', 'code line', '| Name | Country |', '|---|---|', '| Vendor | US |', 'a | b', ':::only{regions="de"}', ':::except{jurisdictions="eu"}', ':::', '::facts{show="purposes"}',
  '<div>', '</div>', '<!-- note -->', '[ref]: https://x.example', '[^1]: A footnote.', 'Text with a trailing backslash \\', '2026 was a year.', '  - indented item',
  'ends with hash #', 'Some text {{controller.name}}.', '=== not a heading?', 'Setext under', '-', '=',
  '| `a|b` | c |', '| a \\| b | c |', 'A footnote call[^1] and [ref].', '<span>inline</span> text', 'Text &amp; entity &#35; here', '~~struck~~ text',
  '- [ ] a task', '- [x] done', 'Visit www.example.com or https://x.example/a_b_.', '## Code `#` in a heading', '**Bold start** of a line', '_emphasis_ start',
  '* * *', '`code` first', 'Trailing hard break  ', 'Escaped \\*star\\*', '![image](https://x.example/i.png) first', ':not a directive', 'a <b>tag',
];

const doc = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 40 }).chain((lines) =>
  fc.boolean().map((fm) => `${fm ? '---\ntitle: T\n---\n' : ''}${lines.join('\n')}\n`),
);

function outcome(src: string, fastPaths: boolean): unknown {
  try {
    return parseMaster(src, 'x.md', { fastPaths });
  } catch (e) {
    return { error: (e as { diagnostics?: unknown }).diagnostics ?? String(e) };
  }
}

describe('the parser fast path for plain paragraphs and headings', () => {
  it('gives the same document as remark-parse, line and column included', () => {
    fc.assert(
      fc.property(doc, (src) => {
        expect(outcome(src, true)).toEqual(outcome(src, false));
      }),
      { numRuns: 600, seed: 20261129 },
    );
  });

  it('is taken for plain paragraphs and headings, and the positions name the source lines', () => {
    const src = '# Privacy {#top}\n\nWe collect\n  your name.  \n\n## Sharing {#sharing}\n\n- a list\n\nWe never sell it.\n';
    const fast = parseMaster(src, 'x.md');
    expect(fast).toEqual(parseMaster(src, 'x.md', { fastPaths: false }));
    expect(fast.units.map((u) => [u.kind, u.text, u.position.line])).toEqual([
      ['heading', 'Privacy', 1],
      ['paragraph', 'We collect\nyour name.', 3],
      ['heading', 'Sharing', 6],
      ['paragraph', 'a list', 8],
      ['paragraph', 'We never sell it.', 10],
    ]);
  });
});
