import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentText, segmentTextIntl, tokenize, words } from '../../src/diff/tokenize.js';

describe('fast ASCII tokenizer', () => {
  const alphabet = fc.constantFrom(...'aZq09_:.\',; \t\n\r-/@{}()[]*#"?!'.split(''), 'ab', 'x1', '  ', '\r\n', "don't", 'e.g.', '3.5', '1,000');
  const text = fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join(''));

  it('matches Intl.Segmenter on ASCII text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('en', 'de', 'fr', 'sv', 'fi', 'th', 'zh', 'ja'), (t, locale) => {
        expect(segmentText(t, locale)).toEqual(segmentTextIntl(t, locale));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches Intl.Segmenter on realistic policy text', () => {
    const t = `We don't sell data. See [our help](https://a.example/en/help?x=1) or write to privacy@example.com; e.g. 3.5 GB, 1,000 users, v1.2, 10:30, a:b _x_ **bold** {{controller.name}}\r\n\tok  done.`;
    expect(segmentText(t)).toEqual(segmentTextIntl(t));
    expect(tokenize(t).join('')).toBe(t);
    expect(words('We DON\'T sell')).toEqual(['we', "don't", 'sell']);
  });
});
