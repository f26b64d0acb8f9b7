// Build stages for bench/stage.js: each does its setup and returns the timed function.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { createBenchProject } from './project.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const K200 = 200 * 1024;

async function project420() {
  const dir = mkdtempSync(join(tmpdir(), 'noticekit-bench-420-'));
  await createBenchProject(dir, K200);
  return dir;
}

export const stages = {
  /** The full build of 420 pages: every page rendered and written (no previous output taken over). */
  async 'build-420'() {
    const { buildSite } = await import('../dist/build/build.js');
    const dir = await project420();
    return () => {
      const r = buildSite({ root: dir, force: true, updateUnitLock: false });
      if (r.pages.length !== 420) throw new Error(`expected 420 pages, got ${r.pages.length}`);
    };
  },
  /** A rebuild with nothing changed: must write no file. */
  async 'rebuild-420'() {
    const { buildSite } = await import('../dist/build/build.js');
    const dir = await project420();
    buildSite({ root: dir, updateUnitLock: false });
    return () => {
      const r = buildSite({ root: dir, updateUnitLock: false });
      if (r.written !== 0) throw new Error(`a rebuild with nothing changed wrote ${r.written} files`);
    };
  },
  /**
   * The floor: the same 420 pages rendered with Handlebars from pre-resolved strings (the page body
   * of each page, already HTML) plus writing them atomically (a temporary folder, then a rename).
   */
  async 'build-420-floor'() {
    const { buildSite } = await import('../dist/build/build.js');
    const dir = await project420();
    buildSite({ root: dir, updateUnitLock: false });
    const m = JSON.parse(readFileSync(join(dir, 'out/.noticekit-build.json'), 'utf8'));
    const pages = Object.keys(m.pages).map((d) => {
      const html = readFileSync(join(dir, 'out', d, 'index.html'), 'utf8');
      const body = html.slice(html.indexOf('<main'), html.indexOf('</main>') + 7);
      return { dir: d, body, md: readFileSync(join(dir, 'out', d, 'index.md'), 'utf8') };
    });
    const hb = Handlebars.create();
    hb.registerPartial('style', readFileSync(join(ROOT, 'templates/partials/style.hbs'), 'utf8'));
    const page = hb.compile(readFileSync(join(ROOT, 'templates/page.html.hbs'), 'utf8'));
    const noticeMd = hb.compile(readFileSync(join(ROOT, 'templates/notice.md.hbs'), 'utf8'), { noEscape: true });
    let n = 0;
    return () => {
      const tmp = join(dir, `floor-tmp-${n}`);
      const out = join(dir, `floor-out-${n++}`);
      for (const p of pages) {
        mkdirSync(join(tmp, p.dir), { recursive: true });
        writeFileSync(join(tmp, p.dir, 'index.html'), page({ lang: 'en', dir: 'ltr', title: 'Privacy Policy', regionName: p.dir, body: p.body, toc: [], languages: [], alternates: [], labels: {} }));
        writeFileSync(join(tmp, p.dir, 'index.md'), noticeMd({ body: p.md, effectiveDateText: '' }));
      }
      renameSync(tmp, out);
      if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    };
  },
};
