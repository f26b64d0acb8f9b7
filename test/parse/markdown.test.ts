import { describe, it, expect } from 'vitest';
import { parseMaster, splitChunks } from '../../src/parse/markdown.js';
import { DiagnosticError } from '../../src/model/diagnostics.js';

const doc = `---
title: Privacy Policy
effective: 2026-03-01
---

# Privacy Policy {#top}

We are {{controller.name}}.

## Who we are {#who-we-are covers="controller_identity controller_contact"}

- first item
- second **item**

| Name | Value |
|---|:-:|
| a \\| b | c |

::facts{show="purposes"}

:::only{jurisdictions="eu gb"}
### Your right to object {#object}

You may object.
:::

:::except{regions="cn"}
Outside China.
:::
`;

function diagnosticsOf(src: string) {
  try {
    parseMaster(src, 'policy/privacy.md');
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics;
    throw e;
  }
  return [];
}

describe('parseMaster', () => {
  it('reads front matter, section ids and their attributes', () => {
    const m = parseMaster(doc, 'policy/privacy.md');
    expect(m.frontMatter).toEqual({ title: 'Privacy Policy', effective: '2026-03-01' });
    expect(m.sections.map((s) => s.id)).toEqual(['top', 'who-we-are', 'object']);
    expect(m.sections[1]!.heading).toBe('Who we are');
    expect(m.sections[1]!.attrs.covers).toBe('controller_identity controller_contact');
  });

  it('makes a translation unit of every heading, paragraph, list item and table cell', () => {
    const m = parseMaster(doc, 'policy/privacy.md');
    expect(m.units.map((u) => [u.kind, u.text])).toEqual([
      ['heading', 'Privacy Policy'],
      ['paragraph', 'We are {{controller.name}}.'],
      ['heading', 'Who we are'],
      ['paragraph', 'first item'],
      ['paragraph', 'second **item**'],
      ['cell', 'Name'],
      ['cell', 'Value'],
      ['cell', 'a \\| b'],
      ['cell', 'c'],
      ['heading', 'Your right to object'],
      ['paragraph', 'You may object.'],
      ['paragraph', 'Outside China.'],
    ]);
    expect(m.units.find((u) => u.text === 'You may object.')!.section).toBe('object');
    expect(m.units[1]!.position).toEqual({ line: 8, column: 1 });
  });

  it('turns :::only / :::except and ::facts into blocks', () => {
    const m = parseMaster(doc, 'policy/privacy.md');
    const types = m.blocks.map((b) => b.type);
    expect(types).toContain('facts');
    const cond = m.blocks.filter((b) => b.type === 'conditional');
    expect(cond.map((c) => c.type === 'conditional' && [c.mode, c.jurisdictions, c.regions])).toEqual([
      ['only', ['eu', 'gb'], []],
      ['except', [], ['cn']],
    ]);
  });

  it('gives positions in the whole file even though it parses section by section', () => {
    const m = parseMaster(doc, 'policy/privacy.md');
    expect(m.sections.map((s) => s.position.line)).toEqual([6, 10, 22]);
    expect(splitChunks(doc).length).toBeGreaterThan(1);
  });

  it('does not split inside code fences or regional blocks', () => {
    const src = '# A {#a}\n\n```\n## not a heading\n```\n\n:::only{regions="de"}\n## B {#b}\ntext\n:::\n\n## C {#c}\n';
    const chunks = splitChunks(src);
    expect(chunks.map((c) => c.lineOffset)).toEqual([0, 11]);
    expect(parseMaster(src, 'x.md').sections.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('reports an unknown directive with line and column and the expected names', () => {
    const d = diagnosticsOf('# T {#t}\n\n::fact{show="purposes"}\n');
    expect(d[0]).toMatchObject({ rule: 'unknown-directive', line: 3, column: 1 });
    expect(d[0]!.expected).toContain('::facts');
  });

  it('reports an unknown generated block', () => {
    const d = diagnosticsOf('# T {#t}\n\n::facts{show="purpose"}\n');
    expect(d[0]).toMatchObject({ rule: 'unknown-facts-block', line: 3 });
  });

  it('reports an unterminated regional block', () => {
    const d = diagnosticsOf('# T {#t}\n\n:::only{regions="de"}\nGerman text\n');
    expect(d[0]).toMatchObject({ rule: 'unterminated-block', line: 3 });
  });

  it('reports duplicate section ids and names the first one', () => {
    const d = diagnosticsOf('# T {#t}\n\n## A {#same}\n\n## B {#same}\n');
    expect(d[0]).toMatchObject({ rule: 'duplicate-section-id', line: 5 });
    expect(d[0]!.message).toContain('line 3');
  });

  it('reports broken front matter at its line in the file', () => {
    const d = diagnosticsOf('---\ntitle: [unclosed\n---\n# T\n');
    expect(d[0]).toMatchObject({ rule: 'front-matter-syntax' });
    expect(d[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
