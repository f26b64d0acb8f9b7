import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { markdownToHtml, fillHtml, blocksToHtml } from '../../src/render/markdown-html.js';

describe('markdownToHtml', () => {
  it('renders inline Markdown: emphasis, links, autolinks', () => {
    expect(markdownToHtml('We **never** sell [your data](https://example.com/x).', { inline: true }).html).toBe(
      'We <strong>never</strong> sell <a href="https://example.com/x">your data</a>.',
    );
    expect(markdownToHtml('Write to privacy@lumora.example.', { inline: true }).html).toContain('href="mailto:privacy@lumora.example"');
  });

  it('never lets markup through: scripts, handlers and javascript: links are removed', () => {
    const evil = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    ];
    for (const e of evil) {
      const html = markdownToHtml(`Text ${e} more`).html;
      expect(html, e).not.toMatch(/<script|onerror|javascript:|<iframe|data:text/i);
    }
  });

  it('escapes placeholder values when filling them in', () => {
    const piece = markdownToHtml('Contact {{controller.name}} at [our page]({{contacts.privacy.url}}).', { inline: true });
    const html = fillHtml(piece, { 'controller.name': '<b>Evil & Co</b>', 'contacts.privacy.url': 'https://x.example/?a=1&b="2"' });
    expect(html).toBe('Contact &lt;b&gt;Evil &amp; Co&lt;/b&gt; at <a href="https://x.example/?a=1&amp;b=&quot;2&quot;">our page</a>.');
  });

  it('takes the fast path only where the parser would give the same HTML', () => {
    const alphabet = fc.constantFrom(
      ...'abc XYZ éüß 中文ไทย,.;?()\'"/{}0123456789$%'.split(''),
      '{{company.name}}', '  ', '1. ', '*', '_', '[', ']', '<', '&', ':', '@', '\n', '#', '-', '|',
      'http://x.example', 'www.a.example', 'mailto:a', 'note: ', 'a:b', '- ', '+ ', '===', '---', '***', '!', '1) ', '10. ', '~~', ' = ',
      '**', '**bold**', ' **two words** ', '**"q"**', 'a**b**', '[link](https://x.example/p?q=1)', ' [a b](mailto:p@x.example).', '[t]({{contacts.privacy.url}})',
      '](', '(', ')', '[', '![i](https://x.example/i.png)', '\\[x](https://x.example)', '[x](https://x.example/a_b)', '[x]', '.', ',', '"',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('').trim();
        if (!text) return;
        for (const inline of [true, false]) {
          expect(markdownToHtml(text, { inline }).html).toBe(markdownToHtml(text, { inline, noFastPath: true }).html);
        }
      }),
      { numRuns: 1500, seed: 42 },
    );
  });
});

describe('blocksToHtml', () => {
  it('converts generated tables cell by cell exactly as the full parser does', () => {
    const cellText = fc.array(fc.constantFrom('Data', ' ', 'über', '**bold**', 'a \\| b', '[l](https://x.example)', '3 years', 'é', ','), { minLength: 1, maxLength: 6 }).map((p) => p.join('').trim() || 'x');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { minLength: 0, maxLength: 4 }), fc.constantFrom('---', ':--', '--:', ':-:'), (cols, rows, delim) => {
        const head = Array.from({ length: cols }, (_, i) => `H${i}`);
        const md = [`| ${head.join(' | ')} |`, `|${head.map(() => delim).join('|')}|`, ...rows.map((r) => `| ${r.slice(0, cols).join(' | ')} |`)].join('\n');
        expect(blocksToHtml(`Intro text.\n\n${md}\n\nAfter.`)).toBe(markdownToHtml(`Intro text.\n\n${md}\n\nAfter.`, { noFastPath: true }).html);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
