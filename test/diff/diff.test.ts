import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMaster } from '../../src/parse/markdown.js';
import { diffDocuments, parsePlainMarkdown, tokenize, words } from '../../src/diff/index.js';
import { classificationReport } from '../../src/classify/index.js';

const doc = (md: string) => parseMaster(md, 'x.md');

const BASE = `# Privacy Policy

Effective date: May 25, 2022

## What we collect {#collect}

We collect your email address and name when you sign up.

We collect usage data to keep the service running.

## Sharing {#sharing}

We do not sell your personal information to anyone.

We share data with service providers who host our service.

## Contact {#contact}

Write to privacy@example.com with questions.
`;

describe('diffDocuments', () => {
  it('reports nothing for a document against itself', () => {
    const d = diffDocuments(doc(BASE), doc(BASE));
    expect(d.units.every((u) => u.kind === 'equal')).toBe(true);
    expect(d.sections.every((s) => s.kind === 'equal')).toBe(true);
    const r = classificationReport(d);
    expect(r).toEqual({ schemaVersion: 1, severity: 'none', summary: { material: 0, minor: 0, editorial: 0 }, changes: [] });
  });

  it('shows a moved section as moved, not deleted and added', () => {
    const moved = BASE.replace(/## Sharing[\s\S]*?(?=## Contact)/, '').replace('## What we collect', `## Sharing {#sharing}\n\nWe do not sell your personal information to anyone.\n\nWe share data with service providers who host our service.\n\n## What we collect`);
    const d = diffDocuments(doc(BASE), doc(moved));
    expect(d.units.some((u) => u.kind === 'added' || u.kind === 'removed')).toBe(false);
    expect(d.units.filter((u) => u.kind === 'moved').length).toBeGreaterThan(0);
    expect(d.sections.some((s) => s.kind === 'moved')).toBe(true);
    const r = classificationReport(d);
    expect(r.severity).not.toBe('material');
  });

  it('aligns renamed sections and edited paragraphs without ids', () => {
    const a = parsePlainMarkdown('# P\n\n## Information we share\n\nWe share data with service providers who host our service for us.\n', 'a.md');
    const b = parsePlainMarkdown('# P\n\n## Information that we share\n\nWe share data with service providers who host our website service for us.\n', 'b.md');
    const d = diffDocuments(a, b);
    expect(d.sections.find((s) => s.renamed)?.kind).toBe('renamed');
    const changed = d.units.filter((u) => u.kind === 'changed');
    expect(changed.length).toBe(2);
    const para = changed.find((u) => u.new?.kind === 'paragraph')!;
    expect(para.parts?.filter((p) => p.type === 'added').map((p) => p.text.trim())).toEqual(['website']);
  });

  it('gives duplicate plain headings distinct ids', () => {
    const m = parsePlainMarkdown('## Cookies\n\ntext\n\n## Cookies\n\nmore\n', 'p.md');
    expect(m.sections.map((s) => s.id)).toEqual(['cookies', 'cookies-2']);
  });

  it('diffs a large generated pair (near-linear alignment)', () => {
    const parts: string[] = [];
    for (let i = 0; i < 1500; i++) {
      parts.push(`## Section ${i}\n\nParagraph ${i} says we collect item ${i} and keep it for ${i % 30} days for purpose ${i * 7}.\n\n- point ${i} alpha\n- point ${i} beta\n\n`);
    }
    const oldMd = parts.join('');
    const edited = parts.map((p, i) => (i % 97 === 0 ? p.replace('keep it', 'retain it') : p));
    edited.splice(10, 0, edited.splice(500, 1)[0]!);
    const d = diffDocuments(parsePlainMarkdown(oldMd, 'a.md'), parsePlainMarkdown(edited.join(''), 'b.md'));
    expect(d.units.filter((u) => u.kind === 'changed').length).toBeGreaterThan(10);
    expect(d.units.filter((u) => u.kind === 'moved').length).toBeGreaterThan(0);
  }, 60_000);

  it('property: diff(a, a) is all equal, and every unit appears once per side', () => {
    const para = fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,6}$/);
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 8 }), fc.array(para, { minLength: 1, maxLength: 8 }), (xs, ys) => {
        const a = doc(xs.join('\n\n'));
        const b = doc(ys.join('\n\n'));
        expect(diffDocuments(a, a).units.every((u) => u.kind === 'equal')).toBe(true);
        const d = diffDocuments(a, b);
        expect(d.units.filter((u) => u.old).length).toBe(a.units.length);
        expect(d.units.filter((u) => u.new).length).toBe(b.units.length);
        expect(d.units.filter((u) => u.new).map((u) => u.new)).toEqual(b.units);
      }),
      { numRuns: 100 },
    );
  });
});

describe('tokenize', () => {
  it('round-trips text', () => {
    expect(tokenize('We do not sell data.', 'en').join('')).toBe('We do not sell data.');
  });
  it('splits Thai and Chinese into words', () => {
    const th = words('เราเก็บข้อมูลส่วนบุคคลของคุณ', 'th');
    expect(th.length).toBeGreaterThan(2);
    expect(th.join('')).toBe('เราเก็บข้อมูลส่วนบุคคลของคุณ');
    const zh = words('我们收集您的个人信息', 'zh');
    expect(zh.length).toBeGreaterThan(2);
    expect(zh.join('')).toBe('我们收集您的个人信息');
  });
});
