import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  editWindows,
  LEXICON,
  literalPrefix,
  mentionsPractice,
  modalityDeltas,
  NEGATION_MODALITY,
  plainText,
  practiceDeltas,
  withTextMemo,
  type PracticeCategory,
} from '../../src/classify/lexicon.js';

// The reference: every term's pattern run over the whole (windowed) text, after the literal-prefix
// test, as the lexicon counted before it had a word-start index.
const pattern = (src: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`, 'giu');
function count(text: string, src: string): number {
  const prefix = literalPrefix(src);
  if (prefix && !text.includes(prefix)) return 0;
  return [...text.matchAll(pattern(src))].length;
}
function practiceReference(before: string, after: string, category?: PracticeCategory) {
  const [a, b] = editWindows(plainText(before).toLowerCase(), plainText(after).toLowerCase());
  const out: { category: PracticeCategory; term: string; delta: number }[] = [];
  for (const c of category ? [category] : (Object.keys(LEXICON) as PracticeCategory[])) {
    for (const src of LEXICON[c]) {
      const d = count(b, src) - count(a, src);
      if (d !== 0) out.push({ category: c, term: (d > 0 ? b : a).match(pattern(src))?.[0] ?? src, delta: d });
    }
  }
  return out;
}
function modalityReference(before: string, after: string): string[] {
  const [a, b] = editWindows(plainText(before).toLowerCase().replace(/n't\b/g, ' not'), plainText(after).toLowerCase().replace(/n't\b/g, ' not'));
  const out: string[] = [];
  for (const w of NEGATION_MODALITY) {
    if (w.includes("'")) continue;
    const d = count(b, w) - count(a, w);
    if (d > 0) out.push(`+${w}`);
    else if (d < 0) out.push(`-${w}`);
  }
  return out;
}

// Policy words, pieces of terms, and characters that test the word-start index: letters and digits
// glued to a term, non-ASCII letters, upper case, ſ and the Kelvin sign (which `iu` patterns match
// as s and k), apostrophes, Markdown.
const pieces = [
  'we', 'share', 'shared', 'your', 'personal data', 'with', 'third parties', 'third-party', 'for', '30 days', '13', 'under 16',
  'children', "children's", 'cookies', 'not', "don't", 'may', 'never', 'advertising', 'ads', 'ai', 'india', 'u.s.', 'usa', 'eea',
  'retain', 'deletion', 'right to', 'object', 'opt-out', 'service providers', 'sub-processors', 'processors', 'e-mail', 'ip address',
  'machine learning', 'location data', 'geolocation', 'collect', 'collection', 'recollect', 'sharer', 'Share', 'SELL', 'ſhare', 'ſell',
  'Kookies', 'éshare', 'shareé', 'x-share', '_share', '2share', 'share2', 'timeshare', 'İndia', 'ﬁles', '**share**', '[sold](https://x.example)',
  '\u00a0', '  ', '\n', ',', '.', ';', 'the', 'and', 'of',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).chain((ws) => fc.constantFrom(ws.join(' '), ws.join('')));

describe('practice and modality deltas (word-start index)', () => {
  it('property: the same deltas, terms and order as running every term over the texts', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (before, after, memo) => {
        const run = () => {
          const all = practiceDeltas(before, after);
          const each = (Object.keys(LEXICON) as PracticeCategory[]).map((c) => practiceDeltas(before, after, c));
          return { all, each, again: practiceDeltas(before, after), modality: modalityDeltas(before, after) };
        };
        const got = memo ? withTextMemo(run) : run();
        expect(got.all).toEqual(practiceReference(before, after));
        expect(got.again).toEqual(got.all);
        (Object.keys(LEXICON) as PracticeCategory[]).forEach((c, k) => expect(got.each[k]).toEqual(practiceReference(before, after, c)));
        expect(got.modality).toEqual(modalityReference(before, after));
      }),
      { numRuns: 400 },
    );
  });

  it('property: edited long texts (edit windows) agree with the reference', () => {
    const long = fc.array(fc.constantFrom(...pieces), { minLength: 80, maxLength: 160 });
    fc.assert(
      fc.property(long, fc.nat(159), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), fc.nat(3), (ws, at, ins, del) => {
        const before = ws.join(' ');
        const edited = [...ws];
        edited.splice(Math.min(at, ws.length), del, ...ins);
        const after = edited.join(' ');
        expect(withTextMemo(() => practiceDeltas(before, after))).toEqual(practiceReference(before, after));
        expect(modalityDeltas(before, after)).toEqual(modalityReference(before, after));
      }),
      { numRuns: 200 },
    );
  });

  it('a memo run hands out copies: changing a result does not change the next answer', () => {
    withTextMemo(() => {
      const first = practiceDeltas('We keep logs.', 'We share logs with partners.', 'recipients');
      first.length = 0;
      expect(practiceDeltas('We keep logs.', 'We share logs with partners.', 'recipients').length).toBeGreaterThan(0);
    });
  });

  it('mentionsPractice: the same answer in and out of a memo run', () => {
    for (const t of ['We share data.', 'Nothing here.', 'We use ſhare.', 'Cookies!', 'KIDS under 13']) {
      const outside = (Object.keys(LEXICON) as PracticeCategory[]).map((c) => mentionsPractice(t, c));
      const inside = withTextMemo(() => (Object.keys(LEXICON) as PracticeCategory[]).map((c) => [mentionsPractice(t, c), mentionsPractice(t, c)]));
      expect(inside.map(([x, y]) => (expect(y).toBe(x), x))).toEqual(outside);
      expect(mentionsPractice(t)).toBe(outside.some(Boolean));
    }
  });
});
