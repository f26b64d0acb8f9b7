import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseMaster } from '../../src/parse/markdown.js';
import { assignUnitIds } from '../../src/parse/units.js';

/** A master of sections with paragraphs of distinct sentences. */
function master(sections: string[][]): string {
  return sections.map((paras, i) => `## Section ${i} {#s${i}}\n\n${paras.join('\n\n')}\n`).join('\n');
}

const word = fc.constantFrom('data', 'privacy', 'share', 'keep', 'rights', 'cookies', 'partners', 'delete', 'access', 'security', 'transfer', 'children', 'consent', 'purpose', 'contact', 'retain');
const sentence = fc.array(word, { minLength: 8, maxLength: 14 }).map((w) => `${w.join(' ')}.`);
const doc = fc.array(fc.uniqueArray(sentence, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 5 });

function ids(src: string, lock?: string) {
  const m = parseMaster(src, 'm.md');
  const l = assignUnitIds(m, lock, 'm.units.json');
  return { m, l, byText: new Map(m.units.map((u) => [u.text, u.id])) };
}

describe('stable unit ids', () => {
  it('keeps every id when sections are shuffled', () => {
    fc.assert(
      fc.property(doc, fc.integer(), (sections, seed) => {
        const a = ids(master(sections));
        const shuffled = [...sections].sort((x, y) => ((x.join().length * 31 + seed) % 7) - ((y.join().length * 31 + seed) % 7));
        const b = ids(master(shuffled), a.l.serialize());
        for (const [text, id] of a.byText) if (!text.startsWith('Section')) expect(b.byText.get(text)).toBe(id);
      }),
      { numRuns: 60, seed: 1 },
    );
  });

  it('keeps ids of untouched and lightly edited units when units are inserted, deleted and edited; new units get new ids', () => {
    fc.assert(
      fc.property(doc, sentence, (sections, extra) => {
        const a = ids(master(sections));
        const first = sections[0]!;
        const edited = sections.map((s) => [...s]);
        // light edit: one word changed in the first paragraph
        edited[0]![0] = first[0]!.replace(/^(\w+)/, 'information');
        // insert a new paragraph, delete the last paragraph of the last section if it has more than one
        edited[1]!.push(`${extra} extra words here`);
        const last = edited[edited.length - 1]!;
        const deleted = last.length > 1 ? last.pop() : undefined;
        const b = ids(master(edited), a.l.serialize());
        const oldIds = new Set(a.m.units.map((u) => u.id));
        for (const [text, id] of a.byText) {
          if (text === first[0] || text === deleted || text.startsWith('Section')) continue;
          if (b.byText.has(text)) expect(b.byText.get(text)).toBe(id);
        }
        if (edited[0]![0] !== first[0]) expect(b.byText.get(edited[0]![0]!)).toBe(a.byText.get(first[0]!));
        const newId = b.byText.get(`${extra} extra words here`)!;
        if (!a.byText.has(`${extra} extra words here`)) expect(oldIds.has(newId)).toBe(false);
      }),
      { numRuns: 60, seed: 2 },
    );
  });

  it('never reuses the id of a deleted unit', () => {
    const a = ids('## A {#a}\n\nFirst paragraph about data.\n\nSecond paragraph about cookies.\n');
    const deletedId = a.byText.get('Second paragraph about cookies.')!;
    const b = ids('## A {#a}\n\nFirst paragraph about data.\n', a.l.serialize());
    const c = ids('## A {#a}\n\nFirst paragraph about data.\n\nA totally different text on children.\n', b.l.serialize());
    expect(c.byText.get('A totally different text on children.')).not.toBe(deletedId);
    expect(c.l.data.next).toBeGreaterThan(a.l.data.next);
  });
});
