import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMaster } from '../../src/parse/markdown.js';
import { diffDocuments } from '../../src/diff/index.js';
import { patienceMatch, exactLeftovers } from '../../src/diff/align.js';
import { wordDiff, wordDiffTokens } from '../../src/diff/word-diff.js';
import { LEXICON, practiceDeltas, plainText, type PracticeCategory } from '../../src/classify/lexicon.js';

const doc = (md: string) => parseMaster(md, 'x.md');

describe('patience alignment', () => {
  it('property: matches only equal keys, in increasing order, each index at most once', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 60 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const o2n = new Int32Array(a.length).fill(-1);
        const n2o = new Int32Array(b.length).fill(-1);
        patienceMatch(a, b, o2n, n2o);
        let last = -1;
        for (let i = 0; i < a.length; i++) {
          const j = o2n[i]!;
          if (j < 0) continue;
          expect(a[i]).toBe(b[j]);
          expect(n2o[j]).toBe(i);
          expect(j).toBeGreaterThan(last);
          last = j;
        }
        exactLeftovers(a, b, o2n, n2o);
        for (let i = 0; i < a.length; i++) if (o2n[i]! >= 0) expect(a[i]).toBe(b[o2n[i]!]);
        // Every key left unmatched on one side is absent from the other side's unmatched units.
        const leftA = new Set(a.filter((_, i) => o2n[i] === -1));
        for (let j = 0; j < b.length; j++) if (n2o[j] === -1) expect(leftA.has(b[j]!)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('similarity alignment', () => {
  const para = (seed: number) => {
    const w = ['data', 'share', 'device', 'account', 'service', 'cookies', 'partners', 'process', 'legal', 'basis', 'rights', 'access', 'support'];
    let x = seed;
    return Array.from({ length: 30 }, () => w[(x = (x * 1103515245 + 12345) % 2147483648) % w.length]).join(' ');
  };

  it('does not pair two unrelated paragraphs written with the same words', () => {
    const d = diffDocuments(doc(`# P\n\n## A {#a}\n\nKeep one.\n\n${para(1)}.\n\n## B {#b}\n\nKeep two.\n`), doc(`# P\n\n## A {#a}\n\nKeep one.\n\n## B {#b}\n\nKeep two.\n\n${para(2)}.\n`));
    expect(d.units.filter((u) => u.kind === 'moved' || u.kind === 'changed')).toEqual([]);
    expect(d.units.filter((u) => u.kind === 'removed').length).toBe(1);
    expect(d.units.filter((u) => u.kind === 'added').length).toBe(1);
  });

  it('finds a paragraph moved to another section and edited there', () => {
    const p = 'We keep the records of your support requests for three years so that we can answer questions about them later.';
    const q = 'We keep the records of your support requests for five years so that we can answer questions about them later.';
    const d = diffDocuments(doc(`# P\n\n## A {#a}\n\nAlpha text here.\n\n${p}\n\n## B {#b}\n\nBeta text here.\n`), doc(`# P\n\n## A {#a}\n\nAlpha text here.\n\n## B {#b}\n\nBeta text here.\n\n${q}\n`));
    const moved = d.units.filter((u) => u.kind === 'moved');
    expect(moved.length).toBe(1);
    expect(moved[0]!.parts?.filter((x) => x.type !== 'equal').map((x) => x.text)).toEqual(['three', 'five']);
  });

  it('pairs an edited paragraph in the gap between unchanged neighbours', () => {
    const d = diffDocuments(
      doc('# P\n\nFirst paragraph stays.\n\nWe share your email address with our payment processor.\n\nLast paragraph stays.\n'),
      doc('# P\n\nFirst paragraph stays.\n\nWe share your email address and phone number with our payment processor.\n\nLast paragraph stays.\n'),
    );
    expect(d.units.map((u) => u.kind)).toEqual(['equal', 'equal', 'changed', 'equal']);
  });
});

describe('unit ids', () => {
  it('pairs by id first, then aligns the units the ids leave (an old side without ids)', () => {
    const md = '# P\n\nOne paragraph.\n\nTwo paragraph.\n\nThree paragraph.\n';
    const a = doc(md);
    const b = doc(md.replace('Two', 'Second'));
    b.units.forEach((u, k) => (u.id = `u${k}`));
    const d = diffDocuments(a, b);
    expect(d.units.map((u) => u.kind)).toEqual(['equal', 'equal', 'changed', 'equal']);
    const c = doc(md);
    c.units.forEach((u, k) => (u.id = `u${k}`));
    const moved = doc('# P\n\nThree paragraph.\n\nOne paragraph.\n\nTwo paragraph.\n');
    moved.units.forEach((u, k) => (u.id = ['u0', 'u3', 'u1', 'u2'][k]!));
    expect(diffDocuments(c, moved).units.filter((u) => u.kind !== 'equal').map((u) => u.new?.text)).toEqual(['Three paragraph.']);
  });
});

describe('word diff', () => {
  it('property: the parts rebuild both texts', () => {
    const text = fc.array(fc.constantFrom('we', 'share', 'data', ' ', ', ', '.', 'not', 'may', 'with'), { maxLength: 40 }).map((x) => x.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = wordDiff(a, b);
        expect(parts.filter((p) => p.type !== 'added').map((p) => p.text).join('')).toBe(a);
        expect(parts.filter((p) => p.type !== 'removed').map((p) => p.text).join('')).toBe(b);
        for (let k = 1; k < parts.length; k++) expect(parts[k]!.type).not.toBe(parts[k - 1]!.type);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a one-word edit of a long paragraph small', () => {
    const a = 'word '.repeat(5000);
    const b = `${'word '.repeat(2500)}other ${'word '.repeat(2500)}`;
    const parts = wordDiffTokens(a.split(/(?= )/), b.split(/(?= )/));
    expect(parts.filter((p) => p.type !== 'equal').map((p) => p.text.trim())).toEqual(['other']);
  });
});

describe('practice deltas on edit windows', () => {
  // Reference: count every term in the whole plain texts.
  const naive = (before: string, after: string) => {
    const a = plainText(before).toLowerCase();
    const b = plainText(after).toLowerCase();
    const out: string[] = [];
    for (const c of Object.keys(LEXICON) as PracticeCategory[]) {
      for (const src of LEXICON[c]) {
        const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`, 'giu');
        const d = [...b.matchAll(re)].length - [...a.matchAll(re)].length;
        if (d) out.push(`${c}:${d}`);
      }
    }
    return out.sort();
  };
  const vocab = ['we', 'share', 'your', 'data', 'with', 'third parties', 'for', '30 days', 'children', 'cookies', 'not', 'may', 'advertising', 'in', 'india', 'retain', 'the', 'right to', 'object', 'service providers', 'and', 'personal information', '**', '[link](https://x.example)'];
  const words = fc.array(fc.constantFrom(...vocab), { minLength: 80, maxLength: 140 });

  it('property: counting in the windows gives the same deltas as counting in the whole texts', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: 139 }), fc.array(fc.constantFrom(...vocab), { maxLength: 4 }), fc.nat(3), (ws, at, ins, del) => {
        const before = ws.join(' ');
        const edited = [...ws];
        edited.splice(Math.min(at, ws.length), del, ...ins);
        const after = edited.join(' ');
        const got = practiceDeltas(before, after).map((d) => `${d.category}:${d.delta}`).sort();
        expect(got).toEqual(naive(before, after));
      }),
      { numRuns: 200 },
    );
  });
});
