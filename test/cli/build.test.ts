import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exampleProject, cleanup, cli, snapshotTree, edit } from '../helpers/project.js';

const regionsOf = (dir: string) =>
  (parse(readFileSync(join(dir, 'policy/regions.yaml'), 'utf8')) as { regions: { id: string; locales: string[] }[] }).regions;

describe('noticekit build on the bundled example', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    dir = exampleProject();
    result = await cli(dir, 'build');
  });
  afterAll(() => cleanup(dir));

  it('exits 0 and prints a summary with pages, fallbacks and time', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/noticekit build: \d+ pages \(26 regions, \d+ languages\) written to out\/ in \d+ ms/);
    expect(result.stdout).toMatch(/fallbacks: /);
  });

  it('writes a Markdown and an HTML page for every region × language pair, with the right lang', () => {
    for (const r of regionsOf(dir)) {
      for (const lng of r.locales) {
        const base = join(dir, 'out', r.id, lng.toLowerCase());
        expect(existsSync(join(base, 'index.md')), `${r.id}/${lng} md`).toBe(true);
        const html = readFileSync(join(base, 'index.html'), 'utf8');
        expect(html, `${r.id}/${lng}`).toContain(`<html lang="${lng}" dir="ltr">`);
        expect(html.match(/<h1[ >]/g)?.length, `${r.id}/${lng} has one h1`).toBe(1);
      }
    }
  });

  it('writes a region chooser linking every page, grouped by continent', () => {
    const index = readFileSync(join(dir, 'out/index.html'), 'utf8');
    for (const r of regionsOf(dir)) for (const lng of r.locales) expect(index).toContain(`href="${r.id}/${lng.toLowerCase()}/"`);
    expect(index).toContain('id="c-europe"');
    expect(index).toContain('Deutschland');
  });

  it('renders the German purposes table in German', () => {
    const md = readFileSync(join(dir, 'out/de/de/index.md'), 'utf8');
    expect(md).toMatch(/\| Zweck \| [^|]+ \| Rechtsgrundlage \| [^|]+ \|/);
    expect(md).toContain('Berechtigte Interessen'.slice(0, 10));
    expect(md).not.toContain('| Purpose |');
  });

  it('applies regional blocks: the California section only in the US, PIPL only in China', () => {
    const us = readFileSync(join(dir, 'out/us/en/index.md'), 'utf8');
    const gb = readFileSync(join(dir, 'out/gb/en/index.md'), 'utf8');
    expect(us).toMatch(/California/);
    expect(gb).not.toMatch(/California Consumer Privacy Act/);
    expect(gb).toMatch(/Information Commissioner/);
  });

  it('fills placeholders from the region: controller entity and authority', () => {
    const de = readFileSync(join(dir, 'out/de/de/index.html'), 'utf8');
    const fr = readFileSync(join(dir, 'out/fr/fr/index.html'), 'utf8');
    expect(de).not.toContain('{{');
    expect(fr).toContain('https://www.cnil.fr');
  });

  it('is deterministic: a second build gives byte-identical files', async () => {
    const first = snapshotTree(join(dir, 'out'));
    const again = await cli(dir, 'build', '-q');
    expect(again.code).toBe(0);
    expect(snapshotTree(join(dir, 'out'))).toEqual(first);
  });

  it('builds only the regions and languages asked for', async () => {
    const r = await cli(dir, 'build', '--out', 'part', '--regions', 'ch,de', '--locales', 'fr,de');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'part/ch/fr/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'part/de/de/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'part/ch/it/index.html'))).toBe(false);
    expect(existsSync(join(dir, 'part/us'))).toBe(false);
  });
});

interface BadCase {
  name: string;
  file: string;
  change: (text: string) => string;
  /** file:line[:column] the message must name */
  where: RegExp;
  message: RegExp;
}

const badCases: BadCase[] = [
  { name: 'broken YAML in the facts', file: 'policy/privacy.facts.yaml', change: (t) => t.replace(/^company:\n/m, 'company:\n  name: [unclosed\n'), where: /policy\/privacy\.facts\.yaml:\d+:\d+/, message: /YAML syntax error/ },
  { name: 'a purpose naming an undefined data category', file: 'policy/privacy.facts.yaml', change: (t) => t.replace(/data_categories: \[/, 'data_categories: [no_such_category, '), where: /policy\/privacy\.facts\.yaml:\d+:\d+/, message: /unknown data category "no_such_category"/ },
  { name: 'a region naming an unknown jurisdiction', file: 'policy/regions.yaml', change: (t) => t.replace(/jurisdictions: \[de\]/, 'jurisdictions: [xx]'), where: /policy\/regions\.yaml:\d+:\d+/, message: /unknown jurisdiction "xx"/ },
  { name: 'a region naming an unknown locale', file: 'policy/regions.yaml', change: (t) => t.replace(/locales: \[de\]/, 'locales: [sw]'), where: /policy\/regions\.yaml:\d+:\d+/, message: /locale "sw"/ },
  { name: 'a region naming an unknown entity', file: 'policy/regions.yaml', change: (t) => t.replace(/entity: (\w+)/, 'entity: nobody_ltd'), where: /policy\/regions\.yaml:\d+:\d+/, message: /unknown controller entity "nobody_ltd"/ },
  { name: 'a schema violation', file: 'policy/privacy.facts.yaml', change: (t) => t.replace(/period: P\w+/, 'period: three years'), where: /policy\/privacy\.facts\.yaml:\d+:\d+/, message: /invalid value "three years"/ },
  { name: 'a broken directive in the master', file: 'policy/privacy.md', change: (t) => t.replace(/::facts\{show="purposes"\}/, '::facts{show="purpose"}'), where: /policy\/privacy\.md:\d+:\d+/, message: /unknown generated block/ },
  { name: 'an unterminated regional block', file: 'policy/privacy.md', change: (t) => `${t}\n:::only{regions="de"}\nNever closed.\n`, where: /policy\/privacy\.md:\d+:\d+/, message: /never closed/ },
  { name: 'an unknown placeholder', file: 'policy/privacy.md', change: (t) => t.replace(/\{\{controller\.name\}\}/, '{{controller.nmae}}'), where: /policy\/privacy\.md:\d+:\d+/, message: /unknown placeholder \{\{controller\.nmae\}\}/ },
  { name: 'an invalid locale JSON', file: 'locales/de/ui.json', change: (t) => t.replace(/",\n/, '"\n'), where: /locales\/de\/ui\.json:\d+:\d+/, message: /invalid JSON/ },
  { name: 'a translation that drops a placeholder', file: 'locales/de/ui.json', change: (t) => t.replace(/\{\{date\}\}/, 'Datum'), where: /locales\/de\/ui\.json:\d+:\d+/, message: /placeholders/ },
  { name: 'a template with a syntax error', file: 'templates/page.html.hbs', change: (t) => t.replace('{{/each}}', '{{/eech}}'), where: /templates\/page\.html\.hbs:\d+:\d+/, message: /template syntax error/ },
  { name: 'a template referencing an unknown partial', file: 'templates/page.html.hbs', change: (t) => t.replace('{{> style}}', '{{> styles}}'), where: /templates\/page\.html\.hbs:\d+:\d+/, message: /unknown partial \{\{> styles\}\}/ },
];

describe('noticekit build with bad input', () => {
  for (const c of badCases) {
    it(`${c.name}: exit 2, file:line:column, expected and hint, out/ untouched`, async () => {
      const dir = exampleProject();
      try {
        mkdirSync(join(dir, 'out'));
        writeFileSync(join(dir, 'out/.noticekit-build.json'), '{}\n');
        writeFileSync(join(dir, 'out/previous.html'), 'previous build\n');
        const before = snapshotTree(join(dir, 'out'));
        edit(dir, c.file, (t) => {
          const changed = c.change(t);
          expect(changed, 'the fixture edit applies').not.toBe(t);
          return changed;
        });
        const r = await cli(dir, 'build');
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(c.where);
        expect(r.stderr).toMatch(c.message);
        expect(r.stderr).toMatch(/expected: /);
        expect(r.stderr).toMatch(/nothing was written/);
        expect(r.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
        expect(snapshotTree(join(dir, 'out'))).toEqual(before);
      } finally {
        cleanup(dir);
      }
    });
  }

  it('refuses --out pointing at the project itself or a source folder', async () => {
    const dir = exampleProject();
    try {
      for (const out of ['.', 'policy', 'locales/de']) {
        const r = await cli(dir, 'build', '--out', out);
        expect(r.code, out).toBe(2);
        expect(r.stderr).toMatch(/refusing to write the site/);
      }
      expect(existsSync(join(dir, 'policy/privacy.md'))).toBe(true);
    } finally {
      cleanup(dir);
    }
  });

  it('refuses to replace a non-empty folder it did not make', async () => {
    const dir = exampleProject();
    try {
      mkdirSync(join(dir, 'mine'));
      writeFileSync(join(dir, 'mine/keep.txt'), 'mine');
      const r = await cli(dir, 'build', '--out', 'mine');
      expect(r.code).toBe(2);
      expect(readFileSync(join(dir, 'mine/keep.txt'), 'utf8')).toBe('mine');
    } finally {
      cleanup(dir);
    }
  });

  it('names unknown regions in --regions and exits 2', async () => {
    const dir = exampleProject();
    try {
      const r = await cli(dir, 'build', '--regions', 'de,atlantis');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unknown region atlantis/);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      cleanup(dir);
    }
  });

  it('rejects a master that is not UTF-8', async () => {
    const dir = exampleProject();
    try {
      writeFileSync(join(dir, 'policy/privacy.md'), Buffer.from([0x23, 0x20, 0x54, 0x0a, 0xff, 0xfe, 0x41]));
      const r = await cli(dir, 'build');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/policy\/privacy\.md:2:1: error \[not-utf8\]/);
    } finally {
      cleanup(dir);
    }
  });
});
