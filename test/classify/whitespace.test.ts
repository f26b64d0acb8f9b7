import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameButSpacing } from '../../src/classify/rules/whitespace-only.js';

describe('sameButSpacing', () => {
  const n = (s: string) => s.replace(/\s+/g, ' ').trim();
  const text = fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', 'ab', '.'), { maxLength: 12 }).map((x) => x.join(''));
  it('property: equals comparing the whitespace-collapsed, trimmed texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sameButSpacing(a, b)).toBe(n(a) === n(b));
        expect(sameButSpacing(a, a.replace(/ /g, '\n  '))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('plainText spacing', () => {
  it('property: collapses whitespace exactly like /\\s+/g → " "', async () => {
    const { plainText } = await import('../../src/classify/lexicon.js');
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\n', '\t', '\u00a0', ' \n', 'x y'), { maxLength: 12 }).map((x) => x.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(plainText(t)).toBe(t.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});
