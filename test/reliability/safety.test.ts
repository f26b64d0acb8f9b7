import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, REPO } from '../helpers/project.js';
import { treeState, treeDiff } from './helpers.js';
import { DiagnosticBag } from '../../src/model/diagnostics.js';
import { loadTemplates } from '../../src/render/templates.js';

/**
 * Template and data safety: Handlebars prototype access stays off, templates cannot read files or
 * the environment, and no id or path from any input can escape the output or project folder,
 * symbolic links planted in out/ included.
 */
const SECRET = 'nk-secret-6f1c0d2e';
let base: string;
let outside: string;
let n = 0;

beforeAll(() => {
  process.env.NOTICEKIT_TEST_SECRET = SECRET;
  // <base>/outside/ holds what no build may touch; projects live in <base>/work/<n>/
  base = mkdtempSync(join(tmpdir(), 'noticekit-safety-'));
  outside = join(base, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'target.txt'), 'outside the project\n');
  mkdirSync(join(outside, 'site'));
  writeFileSync(join(outside, 'site', '.noticekit-build.json'), '{"generator":"noticekit"}\n');
  writeFileSync(join(outside, 'site', 'keep.html'), 'keep me\n');
});
afterAll(() => {
  delete process.env.NOTICEKIT_TEST_SECRET;
  rmSync(base, { recursive: true, force: true });
});

function project(): string {
  const dir = join(base, 'work', String(n++));
  mkdirSync(dir, { recursive: true });
  for (const p of ['policy', 'locales', 'templates', 'noticekit.config.yaml']) cpSync(join(REPO, p), join(dir, p), { recursive: true });
  return dir;
}

function symlinksIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) found.push(p);
      else if (st.isDirectory()) walk(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

/** A user template that tries the known ways out of Handlebars' sandbox. */
const ESCAPES = [
  '{{constructor.constructor}}',
  '{{__proto__}}',
  '{{this.constructor.name}}',
  '{{@root.constructor.name}}',
  '{{lookup this "constructor"}}',
  '{{#with (lookup this "constructor")}}[{{name}}]{{/with}}',
  '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return process.env.NOTICEKIT_TEST_SECRET;"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}[{{this}}]{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
  '{{process.env.NOTICEKIT_TEST_SECRET}}',
  '{{@root.process.env.HOME}}',
  '{{#each this}}{{@key}}={{/each}}',
].join('\n');

describe('templates cannot get out of their data', () => {
  it('prototype access stays disabled: constructor, __proto__ and lookup tricks render nothing dangerous', async () => {
    const dir = project();
    writeFileSync(join(dir, 'templates/notice.md.hbs'), `${ESCAPES}\n\n{{body}}\n`);
    const errors: unknown[] = [];
    const origError = console.error;
    console.error = (...a: unknown[]) => void errors.push(a); // Handlebars logs each denied access
    let r: Awaited<ReturnType<typeof cli>>;
    try {
      r = await cli(dir, 'build', '-q', '--regions', 'de,us');
    } finally {
      console.error = origError;
    }
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(dir, 'out/de/de/index.md'), 'utf8');
    const head = md.slice(0, md.indexOf('# '));
    expect(md).not.toContain(SECRET);
    expect(md).not.toContain(process.env.HOME ?? '/root');
    expect(head).not.toMatch(/function|Function|Object|native code|\[object/);
    expect(head).not.toMatch(/\[[^\]\n]+\]/); // nothing came out of the {{#with}} blocks
    // the only keys visible are those of the data the template was given
    expect(head).toMatch(/body=/);
    expect(head).not.toMatch(/env=|process=|require=/);
  });

  it('only Handlebars\' own helpers exist: none reads files or the environment', () => {
    const dir = project();
    const diags = new DiagnosticBag();
    writeFileSync(join(dir, 'templates/notice.md.hbs'), '{{readFile "/etc/passwd"}}{{#with (require "fs")}}{{/with}}{{env "HOME"}}{{import "x"}}{{exec "id"}}{{body}}');
    loadTemplates(dir, diags);
    expect(diags.items.map((d) => d.message)).toEqual(['template calls unknown helper "readFile"', 'template calls unknown helper "require"', 'template calls unknown helper "env"', 'template calls unknown helper "import"', 'template calls unknown helper "exec"']);
    expect(diags.items[0]!.expected).toBe('one of the helpers: each, if, log, lookup, unless, with');
  });

  it('a partial name cannot reach a file outside templates/partials/', async () => {
    const dir = project();
    writeFileSync(join(dir, 'templates/notice.md.hbs'), `{{> ../../../outside/target.txt}}\n{{> ${join(outside, 'target.txt')}}}\n{{body}}\n`);
    const r = await cli(dir, 'build', '-q');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('outside the project');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('labels and facts with markup are escaped on the pages', async () => {
    const dir = project();
    const ui = join(dir, 'locales/de/ui.json');
    writeFileSync(ui, readFileSync(ui, 'utf8').replace('"contents": "Inhalt"', '"contents": "<script>alert(1)</script><img src=x onerror=alert(2)>"'));
    const facts = join(dir, 'policy/privacy.facts.yaml');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('    name: Lumora Europe B.V.\n', '    name: "<script>alert(3)</script> Lumora Europe B.V."\n'));
    const r = await cli(dir, 'build', '-q', '--regions', 'de');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'out/de/de/index.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/&lt;script&gt;alert\(3\)&lt;\/script&gt; Lumora Europe B\.V\./);
  });
});

describe('ids and paths cannot escape the project or the output folder', () => {
  it('region ids and locales that are paths are rejected by the schema, and nothing is written anywhere', async () => {
    for (const [field, value] of [['id', '../../outside'], ['id', '..'], ['id', '/tmp'], ['id', 'de/../../x'], ['id', 'con'], ['id', '"d\\0e"'], ['locales', '[../../outside]'], ['locales', '[de/../../x]']] as const) {
      const dir = project();
      const before = treeState(base, (rel) => rel.startsWith('work/'));
      const regions = join(dir, 'policy/regions.yaml');
      const t = readFileSync(regions, 'utf8');
      writeFileSync(regions, field === 'id' ? t.replace('  - id: de\n', `  - id: ${value}\n`) : t.replace('    locales: [de]\n', `    locales: ${value}\n`));
      const r = await cli(dir, 'build');
      expect(r.code, `${field} ${value}`).toBe(2);
      expect(r.stderr, `${field} ${value}`).toMatch(/error \[schema\] invalid value/);
      expect(existsSync(join(dir, 'out')), `${field} ${value}`).toBe(false);
      expect(treeDiff(before, treeState(base, (rel) => rel.startsWith('work/')))).toEqual([]);
    }
  });

  it('a symbolic link planted in out/ pointing outside is replaced with out/, never written through', async () => {
    const dir = project();
    expect((await cli(dir, 'build', '-q', '--regions', 'de,fr')).code).toBe(0);
    const before = treeState(outside);
    symlinkSync(join(outside, 'target.txt'), join(dir, 'out/evil.html'));
    symlinkSync(outside, join(dir, 'out/evil-dir'));
    // replace a page of the previous build by a link to a file outside
    rmSync(join(dir, 'out/de/de/index.html'));
    symlinkSync(join(outside, 'target.txt'), join(dir, 'out/de/de/index.html'));
    const facts = join(dir, 'policy/privacy.facts.yaml');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('  name: Lumora\n', '  name: Lumora Group\n'));
    const r = await cli(dir, 'build', '-q', '--regions', 'de,fr');
    expect(r.code, r.stderr).toBe(0);
    expect(treeDiff(before, treeState(outside)), 'nothing outside changed').toEqual([]);
    expect(symlinksIn(join(dir, 'out')), 'no link survives the build').toEqual([]);
    expect(readFileSync(join(dir, 'out/de/de/index.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('a page replaced by a link is not taken over by an incremental build: refused, and --force writes it anew', async () => {
    const dir = project();
    expect((await cli(dir, 'build', '-q', '--regions', 'de,fr')).code).toBe(0);
    const before = treeState(outside);
    rmSync(join(dir, 'out/de/de/index.html'));
    symlinkSync(join(outside, 'target.txt'), join(dir, 'out/de/de/index.html'));
    // a change that leaves the German page as it was: the build would take it over from out/
    const ui = join(dir, 'locales/fr/ui.json');
    writeFileSync(ui, readFileSync(ui, 'utf8').replace(/"contents": "[^"]*"/, '"contents": "Table des matières (test)"'));
    const r = await cli(dir, 'build', '-q', '--regions', 'de,fr');
    expect(treeDiff(before, treeState(outside)), 'nothing outside changed').toEqual([]);
    // the page's inputs did not change, so the build would take the file over: it refuses instead
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/de\/de\/index\.html in the previous output is not a regular file \(a symbolic link\?\); noticekit did not write it/);
    expect(r.stderr).toMatch(/hint: delete the output folder, or run `noticekit build --force`/);
    const forced = await cli(dir, 'build', '-q', '--regions', 'de,fr', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(symlinksIn(join(dir, 'out'))).toEqual([]);
    expect(treeDiff(before, treeState(outside))).toEqual([]);
  });

  it('out/ that is itself a link to a folder outside: the link is replaced, the folder untouched', async () => {
    const dir = project();
    const before = treeState(outside);
    symlinkSync(join(outside, 'site'), join(dir, 'out'));
    const r = await cli(dir, 'build', '-q', '--regions', 'de');
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'out')).isDirectory()).toBe(true);
    expect(lstatSync(join(dir, 'out')).isSymbolicLink()).toBe(false);
    expect(treeDiff(before, treeState(outside))).toEqual([]);
  });

  it('--out and `out:` outside the project write there only, and never into the project or a snapshot', async () => {
    const dir = project();
    const before = treeState(dir);
    for (const out of ['..', 'snapshots/privacy/1.0.0', 'locales/../policy', `${dir}/templates`]) {
      const r = await cli(dir, 'build', '--out', out);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/unsafe-out-dir/);
    }
    expect(treeDiff(before, treeState(dir))).toEqual([]);
  });
});
