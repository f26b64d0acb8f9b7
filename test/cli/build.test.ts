import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exampleProject, cleanup, cli, snapshotTree, edit } from '../helpers/project.js';
import { renderSite } from '../../src/build/build.js';
import { loadProject } from '../../src/parse/project.js';

/** Makes writing the unit-id lock (policy/<doc>.units.json) fail as on a full disk, while `on`. */
const failLockWrite = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/util/atomic.js', async (importOriginal) => {
  const atomic = await importOriginal<typeof import('../../src/util/atomic.js')>();
  return {
    ...atomic,
    writeFileAtomic: (path: string, data: string | Uint8Array) => {
      if (failLockWrite.on && path.endsWith('.units.json')) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}' (test)`), { code: 'ENOSPC' });
      atomic.writeFileAtomic(path, data);
    },
  };
});

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

describe('noticekit build writes each page in pieces', () => {
  // the build writes a page's body as the notice's blocks, never joined into one string, around the
  // template's text; with a template that does more with the body than insert it, the whole page
  // is rendered instead. Either way the bytes are those of rendering the page as one text.
  const templates: { name: string; page?: string; md?: string }[] = [
    { name: "noticekit's own templates" },
    { name: 'a page template escaping the body', page: '<main>{{body}}</main>\n' },
    { name: 'a page template using the body twice and testing it', page: '{{#if body}}<main>{{{body}}}</main>{{/if}}<div>{{{body}}}</div>{{#unless body}}none{{/unless}}\n' },
    { name: "a page template reading the body's length", page: '<p>{{body.length}}</p>{{{body}}}\n' },
    { name: 'a page template reaching the body through lookup and with', page: '{{lookup this "body"}}{{#with body}}{{this}}{{/with}}{{{body}}}' },
    { name: 'a page template going through the whole context', page: '{{#each @root}}{{this.length}} {{/each}}{{#with this}}{{{body}}}{{/with}}' },
    { name: 'a Markdown template without a final newline, the body twice', md: '{{body}}\n\n{{body}}' },
  ];
  for (const t of templates) {
    it(`the same bytes as rendering whole: ${t.name}`, async () => {
      const dir = exampleProject();
      try {
        if (t.page) writeFileSync(join(dir, 'templates/page.html.hbs'), t.page);
        if (t.md) writeFileSync(join(dir, 'templates/notice.md.hbs'), t.md);
        const r = await cli(dir, 'build', '-q', '--regions', 'de,ch,cn,us');
        expect(r.code, r.stderr).toBe(0);
        const whole = renderSite(loadProject(dir), { regions: ['de', 'ch', 'cn', 'us'] });
        let pages = 0;
        for (const [path, content] of whole.files) {
          if (!/index\.(html|md)$/.test(path) || path === 'index.html') continue;
          expect(readFileSync(join(dir, 'out', path), 'utf8'), path).toBe(content);
          pages++;
        }
        expect(pages).toBe(2 * whole.pages.length);
        expect(pages).toBeGreaterThanOrEqual(6);
      } finally {
        cleanup(dir);
      }
    });
  }
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
      expect(r.stderr).toMatch(/unknown region "atlantis" in --regions/);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      cleanup(dir);
    }
  });

  it('quotes unknown --regions and --locales values: no control character reaches the terminal', async () => {
    const dir = exampleProject();
    try {
      const regions = await cli(dir, 'build', '--regions', 'de,\u001b[2J\u001b[31matlantis,x\u0000y');
      expect(regions.code).toBe(2);
      expect(regions.stderr).toContain('unknown regions "\\u001b[2J\\u001b[31matlantis", "x\\u0000y" in --regions');
      const locales = await cli(dir, 'build', '--locales', 'de,\u0007fr\u009b2J\u007f');
      expect(locales.code).toBe(2);
      expect(locales.stderr).toContain('unknown locale "\\u0007fr\\u009b2J\\u007f" in --locales');
      for (const r of [regions, locales]) expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      cleanup(dir);
    }
  });

  it('a unit lock that cannot be written leaves the previous site: never a new site with an old lock', async () => {
    const dir = exampleProject();
    try {
      expect((await cli(dir, 'build', '-q')).code).toBe(0);
      const site = snapshotTree(join(dir, 'out'));
      const lock = readFileSync(join(dir, 'policy/privacy.units.json'), 'utf8');
      // a new paragraph is a new unit: the build assigns it an id and updates the lock
      edit(dir, 'policy/privacy.md', (t) => `${t}\nA paragraph added for this test, which needs a new unit id.\n`);
      failLockWrite.on = true;
      let r: Awaited<ReturnType<typeof cli>>;
      try {
        r = await cli(dir, 'build', '-q');
      } finally {
        failLockWrite.on = false;
      }
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).toMatch(/ENOSPC/);
      expect(snapshotTree(join(dir, 'out')), 'the previous site stays').toEqual(site);
      expect(readFileSync(join(dir, 'policy/privacy.units.json'), 'utf8')).toBe(lock);
      expect(readdirSync(dir).filter((e) => /^\.out\.(tmp|old)-/.test(e)), 'no half-written site is left').toEqual([]);
      // with the disk writable again, site and lock are both updated
      const ok = await cli(dir, 'build', '-q');
      expect(ok.code, ok.stderr).toBe(0);
      expect(readFileSync(join(dir, 'policy/privacy.units.json'), 'utf8')).not.toBe(lock);
      expect(readFileSync(join(dir, 'out/de/de/index.md'), 'utf8')).toContain('A paragraph added for this test');
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
