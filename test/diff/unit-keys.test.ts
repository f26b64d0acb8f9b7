import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Unit } from '../../src/model/document.js';
import { UnitKeys } from '../../src/diff/unit-keys.js';

const unit = (kind: string, hash: string): Unit => ({ id: '', hash, kind: kind as Unit['kind'], text: '', section: 'top', position: { line: 1, column: 1 } });

describe('unit keys', () => {
  // Hashes of every form: unitHash's 16 hex digits (some sharing halves), near misses (upper case,
  // 15 or 17 characters, a non-hex letter), and hand-made ones.
  const hex = fc.constantFrom('0123456789abcdef', '0123456789abcdee', '0123456789abcdef'.slice(0, 8) + 'ffffffff', 'ffffffff01234567', '0000000000000000');
  const hash = fc.oneof(
    hex,
    fc.stringMatching(/^[0-9a-f]{16}$/),
    fc.constantFrom('0123456789ABCDEF', '0123456789abcde', '0123456789abcdef0', '0123456789abcdeg', 'h1', '', 'é0123456789abcde', '16'),
    fc.string({ maxLength: 18 }),
  );
  const kind = fc.constantFrom('paragraph', 'heading', 'cell', 'other');

  it('property: two units get the same key exactly when kind and hash are equal', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(kind, hash), { maxLength: 40 }), fc.array(fc.tuple(kind, hash), { maxLength: 40 }), (xs, ys) => {
        const a = xs.map(([k, h]) => unit(k, h));
        const b = ys.map(([k, h]) => unit(k, h));
        const keys = new UnitKeys(a.length + b.length);
        const ka = keys.keysOf(a);
        const kb = keys.keysOf(b);
        const all = [...a, ...b];
        const k = [...ka, ...kb];
        for (let i = 0; i < all.length; i++) {
          for (let j = 0; j < all.length; j++) {
            expect(k[i] === k[j]).toBe(all[i]!.kind === all[j]!.kind && all[i]!.hash === all[j]!.hash);
          }
        }
        // Numbered in order of first appearance, from 0.
        let next = 0;
        for (const x of k) if (x === next) next++;
        expect(Math.max(-1, ...k)).toBe(next - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses more units than its capacity', () => {
    const keys = new UnitKeys(1);
    expect(() => keys.keysOf([unit('paragraph', 'a'), unit('paragraph', 'b')])).toThrow(RangeError);
  });
});
