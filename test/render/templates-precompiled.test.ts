import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemplates, PRECOMPILED_FILE } from '../../src/render/templates.js';
import { DiagnosticBag } from '../../src/model/diagnostics.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** A context that reaches every branch a template may test: texts with markup, lists, flags. */
function contexts(): Record<string, unknown>[] {
  const tricky = '<b>"A & B"</b> {{x}} \\| *y*';
  const rows = [{ label: tricky, description: 'd', role: 'r', contact: 'c', name: 'n', type: 't', href: '#', lng: 'de', current: true, default: 'x-default' }];
  const all = (v: unknown) => new Proxy({} as Record<string, unknown>, { get: (_, k) => (k === Symbol.toPrimitive || k === 'toString' || k === 'valueOf' || k === 'toJSON' ? undefined : k === 'rows' || k === 'regions' || k === 'languages' || k === 'toc' || k === 'alternates' || k === 'locales' || k === 'continents' ? rows : v), has: () => true });
  return [{}, { title: tricky, body: tricky, rows, h: { purpose: 'P', role: 'R' }, labels: { skip: tricky } }, all(tricky), all('')];
}

describe('precompiled templates', () => {
  it('npm run build precompiles the package templates, and loading them needs no compiler', () => {
    expect(existsSync(PRECOMPILED_FILE)).toBe(true);
    const diags = new DiagnosticBag();
    const store = loadTemplates(ROOT, diags);
    expect(diags.items).toEqual([]);
    expect(store.precompiled).toBe(true);
  });

  it('render every template exactly as the compiler does', () => {
    const pre = loadTemplates(ROOT, new DiagnosticBag());
    const compiled = loadTemplates(ROOT, new DiagnosticBag(), {}, { precompiled: false });
    expect(compiled.precompiled).toBe(false);
    let n = 0;
    for (const name of pre.sources.keys()) {
      if (name.startsWith('partials/')) continue;
      for (const ctx of contexts()) {
        let a: string | Error;
        let b: string | Error;
        try {
          a = pre.render(name, ctx);
        } catch (e) {
          a = e as Error;
        }
        try {
          b = compiled.render(name, ctx);
        } catch (e) {
          b = e as Error;
        }
        expect(a instanceof Error ? a.message : a, name).toBe(b instanceof Error ? b.message : b);
        n++;
      }
      expect(pre.renderPieces!(name, { title: 't' }, 'body', ['<p>a</p>', '<p>b</p>']), name).toEqual(compiled.renderPieces!(name, { title: 't' }, 'body', ['<p>a</p>', '<p>b</p>']));
    }
    expect(n).toBeGreaterThan(40);
  });

  it('a project with a template of its own compiles its templates as before, errors included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nk-tpl-'));
    try {
      cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
      writeFileSync(join(dir, 'templates/facts/sources.md.hbs'), '{{#each rows}}\n* {{label}}\n{{/each}}\n');
      const own = loadTemplates(dir, new DiagnosticBag());
      expect(own.precompiled).toBe(false);
      expect(own.render('facts/sources.md.hbs', { rows: [{ label: 'x' }] })).toBe('* x\n');
      writeFileSync(join(dir, 'templates/facts/sources.md.hbs'), '{{#each rows}}\n* {{label}}\n');
      const diags = new DiagnosticBag();
      loadTemplates(dir, diags);
      expect(diags.items.map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual(['template-syntax templates/facts/sources.md.hbs:1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
