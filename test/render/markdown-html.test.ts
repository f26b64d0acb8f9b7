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
      '{{company.name}}', '{{notice.days_ahead}}', '  ', '1. ', '*', '_', '[', ']', '<', '&', ':', '@', '\n', '#', '-', '|',
      'http://x.example', 'www.a.example', 'mailto:a', 'note: ', 'a:b', '- ', '+ ', '===', '---', '***', '!', '1) ', '10. ', '~~', ' = ',
      '**', '**bold**', ' **two words** ', '**"q"**', 'a**b**', '[link](https://x.example/p?q=1)', ' [a b](mailto:p@x.example).', '[t]({{contacts.privacy.url}})',
      '](', '(', ')', '[', '![i](https://x.example/i.png)', '\\[x](https://x.example)', '[x](https://x.example/a_b)', '[x]', '.', ',', '"',
      // escapes, as escapeMarkdown writes them into fact blocks, and near misses
      '\\_', '\\*', '\\[', '\\]', '\\<', '\\>', '\\&', '\\\\', '\\|', '\\#', '\\`', '\\', '\\a', '\\@', '\\:',
      // autolink literals and what can stand around them
      ' privacy@lumora.example', 'a.b-c@x-y.example', ' https://privacy.lumora.example/requests', ' https://a.example/', ' http://a.example/p-q/r.html', 'x@y', '@x.example', ' https://a.example/%41', ' https://a_b.example',
      // strong in other scripts and next to punctuation
      '**x.**', '，**承继方**可能', '**Lumora 集团公司**负责', '（', '）', '。', '😀', '**😀**', '***', '****',
      // snake_case names and bracketed lists, as facts changes quote them; e-mail addresses next to other scripts
      'data_categories', 'a__b', '_', '__x', 'x_', '[account, device]', '[a, b_c]', '[ ]', '[x]', '[^1]', '[]', ' [', '] ', '][',
      '通过privacy-cn@lumora.example与', '(a@b.example)', '（x@y.example）', 'a@b.example-', 'a@b.example_x', '/a@b.example', '+a@b.example', 'a@b.c1', 'a@b.example.x',
      // entities, whitespace the parser keeps or drops
      '&amp;', '&#35;', '&x', 'R&D', '\u00a0', '\u3000', '\t', ' \t', '>', 'a > b', '<b>', '`code`',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.boolean(), (parts, trim) => {
        const text = trim ? parts.join('').trim() : parts.join('');
        if (!text.trim()) return;
        for (const inline of [true, false]) {
          expect(markdownToHtml(text, { inline }).html).toBe(markdownToHtml(text, { inline, noFastPath: true }).html);
        }
      }),
      { numRuns: Number(process.env.NK_RUNS ?? 4000), seed: Number(process.env.NK_SEED ?? 42) },
    );
  });

  it('converts tight "- " lists of fact items on the fast path exactly as the parser does', () => {
    const item = fc.array(fc.constantFrom('Access', ' ', '**Access**: ', 'données', '\\_x', 'a, b', '.', 'privacy@x.example', ' https://x.example/p', '- ', '-', '* ', '1. ', '> ', '#', '  ', '**', '[l](https://x.example)', '中文'), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.constantFrom('- ', '-  ', '* ', '-'), fc.constantFrom('\n', '\n\n', '\n '), (items, marker, sep) => {
        const md = items.map((t) => marker + t).join(sep);
        if (!md.trim()) return;
        for (const inline of [true, false]) expect(markdownToHtml(md, { inline }).html).toBe(markdownToHtml(md, { inline, noFastPath: true }).html);
      }),
      { numRuns: Number(process.env.NK_RUNS ?? 1500), seed: Number(process.env.NK_SEED ?? 11) },
    );
  });

  it('answers the usual prose and fact cells without the parser', async () => {
    const { markdownParser } = await import('../../src/render/markdown-html.js');
    const parse = markdownParser.parse;
    let calls = 0;
    markdownParser.parse = ((...args: Parameters<typeof parse>) => {
      calls++;
      return parse.apply(markdownParser, args);
    }) as typeof parse;
    try {
      const texts = [
        'lm\\_session (Lumora, Session), lm\\_csrf (Lumora, Session)',
        'The controller is Lumora Ltd, 1 Main Street. You can contact us at privacy-au@lumora.example.',
        'privacy@lumora.example; https://privacy.lumora.example/requests',
        '**Your right to object.** You may object at any time.',
        '在合并、收购或资产出售中，**承继方**可能会接收相关信息。',
        'We tell you at least {{notice.days_ahead}} days in advance.',
        'Depending on the law of your country, you have these rights:',
        'A sentence that ends in a link: https://privacy.lumora.example/requests',
        '- **Access**: Ask for a copy.\n- **Correction**: Ask us to correct it.',
      ];
      texts.push(
        'id: personalization; data_categories: [account, device, usage]; sources: [from_you]',
        '您可以通过privacy-cn@lumora.example与我们联系。',
        'Lumora Technologies, Inc.(privacy@lumora.example), 싱가포르의',
      );
      for (const t of texts) markdownToHtml(t);
      for (const blank of ['', '  ', '\n\n']) markdownToHtml(blank);
      expect(calls).toBe(0);
      for (const blank of ['', '  ', '\n\n']) expect(markdownToHtml(blank).html).toBe(markdownToHtml(blank, { noFastPath: true }).html);
    } finally {
      markdownParser.parse = parse;
    }
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
