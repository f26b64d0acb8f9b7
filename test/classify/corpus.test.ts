import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { diffDocuments, parsePlainMarkdown, textSimilarity } from '../../src/diff/index.js';
import { classificationReport } from '../../src/classify/index.js';

const root = new URL('../../../shared/corpus/policy-changes/', import.meta.url);
interface Pair { id: string; label: 'major' | 'minor' | 'editorial'; sections?: string[] }
const labels = parse(readFileSync(fileURLToPath(new URL('labels.yaml', root)), 'utf8')) as { pairs: Pair[] };

function report(id: string) {
  const read = (f: string) => parsePlainMarkdown(readFileSync(fileURLToPath(new URL(`${id}/${f}`, root)), 'utf8'), f);
  return classificationReport(diffDocuments(read('old.md'), read('new.md')));
}

describe('labelled corpus (github/site-policy)', () => {
  const majors = labels.pairs.filter((p) => p.label === 'major');
  const editorials = labels.pairs.filter((p) => p.label === 'editorial');

  it('has pairs of each label', () => {
    expect(majors.length).toBeGreaterThan(0);
    expect(editorials.length).toBeGreaterThan(0);
  });

  for (const p of majors) {
    it(`major ${p.id} is material`, () => {
      const r = report(p.id);
      expect(r.schemaVersion).toBe(1);
      expect(r.severity).toBe('material');
      const material = r.changes.filter((c) => c.severity === 'material');
      expect(material.length).toBe(r.summary.material);
      for (const c of material) expect(c.reason.length).toBeGreaterThan(10);
      // Where a labelled section names a heading present in the documents, a material change lies under it.
      const headings = new Set(material.flatMap((c) => c.section.path));
      const allHeadings = new Set(r.changes.flatMap((c) => c.section.path));
      // (At least one of the checkable labelled sections: the labels name sections loosely.)
      const checkable = (p.sections ?? [])
        .map((s) => s.split('>').pop()!.replace(/\(.*?\)/g, '').trim())
        .filter((last) => [...allHeadings].some((h) => textSimilarity(h, last) >= 0.8));
      if (checkable.length) {
        const hit = checkable.filter((last) => [...headings].some((h) => textSimilarity(h, last) >= 0.5));
        expect(hit.length, `${p.id}: material change under one of ${checkable.join('; ')}`).toBeGreaterThan(0);
      }
    });
  }

  for (const p of editorials) {
    it(`editorial ${p.id} is not material`, () => {
      const r = report(p.id);
      expect(r.summary.material).toBe(0);
      expect(r.severity).not.toBe('material');
    });
  }
});
