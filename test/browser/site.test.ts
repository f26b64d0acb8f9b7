/**
 * The generated site in a real browser: Debian's Chromium at /usr/bin/chromium, driven by
 * playwright-core (which never downloads a browser). The built folders are served from a
 * node:http server on 127.0.0.1; every request elsewhere is blocked and counted as a failure.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO, exampleProject, cleanup, cli } from '../helpers/project.js';
import { rtlProject, xssProject } from '../site/fixtures.js';
import { listFiles } from '../site/site-files.js';
import { serveStatic, type StaticServer } from '../../src/site/static-server.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = join(REPO, 'docs/screenshots');

interface Site {
  dir: string;
  out: string;
  server: StaticServer;
  pages: string[];
}

let browser: Browser;
const sites: Record<'example' | 'rtl' | 'xss', Site> = {} as never;

async function buildAndServe(dir: string): Promise<Site> {
  const r = await cli(dir, 'build', '-q');
  if (r.code !== 0) throw new Error(`build failed in ${dir}:\n${r.stderr}`);
  const out = join(dir, 'out');
  const server = await serveStatic(out);
  return { dir, out, server, pages: listFiles(out).filter((f) => f.endsWith('.html')) };
}

/** The URL of a file of the output: folders for index pages, as a reader would open them. */
const url = (site: Site, file: string) => `${site.server.url}${file.replace(/(^|\/)index\.html$/, '$1')}`;

interface Visit {
  page: Page;
  problems: string[];
  dialogs: string[];
}

/**
 * A tab that records console errors and warnings, page errors, failed, blocked or external
 * requests and dialogs. Navigating one tab is much faster than opening a tab per page.
 */
async function tab(context: BrowserContext, site: Site): Promise<Visit & { go(file: string, path?: string): Promise<Visit> }> {
  const page = await context.newPage();
  const v: Visit = { page, problems: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') v.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => v.problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => v.problems.push(`failed request: ${r.url()} (${r.failure()?.errorText ?? ''})`));
  page.on('response', (r) => {
    if (r.status() >= 400) v.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    v.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(site.server.url) || u.startsWith('data:')) return route.continue();
    v.problems.push(`external request: ${u}`);
    return route.abort('blockedbyclient');
  });
  return {
    ...v,
    go: async (file: string, path = url(site, file)) => {
      v.problems.length = 0;
      v.dialogs.length = 0;
      const res = await page.goto(path, { waitUntil: 'load' });
      if (!res || res.status() !== 200) v.problems.push(`HTTP ${res?.status()} for ${path}`);
      return v;
    },
  };
}

/** Opens one page in a new tab. */
async function visit(context: BrowserContext, site: Site, file: string, path?: string): Promise<Visit> {
  const t = await tab(context, site);
  return t.go(file, path);
}

async function withContext<T>(options: BrowserContextOptions, fn: (c: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

/** axe-core's serious and critical violations on the open page. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

/** Archive and change pages of a page folder, when the build has them (the publish command makes the versions they show). */
const archivePagesOf = (site: Site, dir: string) => site.pages.filter((p) => p.startsWith(`${dir}versions/`) || p.startsWith(`${dir}changes/`));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. The browser tests need it: run \`apt-get install -y chromium\` (they never download a browser).`);
  }
  const example = exampleProject();
  // published versions of the example, if the repository has any: their archive pages are tested too
  if (existsSync(join(REPO, 'snapshots'))) cpSync(join(REPO, 'snapshots'), join(example, 'snapshots'), { recursive: true });
  sites.example = await buildAndServe(example);
  sites.rtl = await buildAndServe(rtlProject());
  sites.xss = await buildAndServe(xssProject());
  // launch() gives the browser a new temporary user-data-dir of its own, removed on close
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) {
    await s.server.close();
    cleanup(s.dir);
  }
});

describe('the site in Chromium', { timeout: 180_000 }, () => {
  it('loads every page of every type with no console errors and no failed or external requests', async () => {
    await withContext({ viewport: { width: 1280, height: 900 } }, async (context) => {
      for (const name of ['example', 'rtl'] as const) {
        const site = sites[name];
        expect(site.pages).toContain('index.html');
        const t = await tab(context, site);
        for (const file of site.pages) {
          const v = await t.go(file);
          expect(v.problems, `${name}: ${file}`).toEqual([]);
        }
        await t.page.close();
      }
    });
  }, 300_000);

  it('axe-core finds no serious or critical violation on the notice, the chooser, and the archive and change pages', async () => {
    const targets: [Site, string][] = [
      [sites.example, 'index.html'],
      [sites.example, 'us/en/index.html'],
      [sites.example, 'de/de/index.html'],
      [sites.example, 'cn/zh-cn/index.html'],
      [sites.example, 'th/th/index.html'],
      [sites.rtl, 'il/he/index.html'],
      [sites.rtl, 'index.html'],
    ];
    for (const dir of ['us/en/', 'de/de/', 'cn/zh-cn/', 'th/th/']) for (const p of archivePagesOf(sites.example, dir)) targets.push([sites.example, p]);
    for (const p of archivePagesOf(sites.rtl, 'il/he/')) targets.push([sites.rtl, p]);
    // axe is injected as a script, which the pages' CSP forbids: these contexts bypass it
    for (const width of [1280, 360]) {
      await withContext({ viewport: { width, height: 800 }, bypassCSP: true }, async (context) => {
        const tabs = new Map<Site, Awaited<ReturnType<typeof tab>>>();
        for (const [site, file] of targets) {
          if (!tabs.has(site)) tabs.set(site, await tab(context, site));
          const v = await tabs.get(site)!.go(file);
          expect(await axe(v.page), `${file} at ${width} px`).toEqual([]);
        }
      });
    }
  }, 300_000);

  it('has no horizontal scroll at 360 px on any notice or the chooser', async () => {
    await withContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, async (context) => {
      for (const site of [sites.example, sites.rtl]) {
        const t = await tab(context, site);
        for (const file of site.pages) {
          const v = await t.go(file);
          const width = await v.page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `${file} is ${width} px wide`).toBeLessThanOrEqual(360);
        }
      }
    });
  }, 300_000);

  it('the language switcher navigates to the same notice in the other language, left to right and right to left', async () => {
    await withContext({}, async (context) => {
      const { page } = await visit(context, sites.example, 'ch/de/index.html');
      await page.locator('nav.nk-languages a[lang="fr"]').click();
      await page.waitForURL(/\/ch\/fr\/$/);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.locator('nav.nk-languages [aria-current="page"]').textContent()).toBe('Français');
      const rtl = await visit(context, sites.rtl, 'il/he/index.html');
      expect(await rtl.page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
      await rtl.page.locator('nav.nk-languages a[lang="en"]').click();
      await rtl.page.waitForURL(/\/il\/en\/$/);
      expect(await rtl.page.evaluate(() => [document.documentElement.lang, getComputedStyle(document.body).direction])).toEqual(['en', 'ltr']);
    });
  });

  it('reads without JavaScript: the notice shows, the region switcher opens and navigates, the chooser links work', async () => {
    await withContext({ javaScriptEnabled: false }, async (context) => {
      const { page, problems } = await visit(context, sites.example, 'fr/fr/index.html');
      expect(problems).toEqual([]);
      expect((await page.locator('main').innerText()).length).toBeGreaterThan(5000);
      await page.locator('details.nk-regions summary').click();
      await page.locator('details.nk-regions a[lang="de"]', { hasText: 'Deutschland' }).click();
      await page.waitForURL(/\/de\/de\/$/);
      const chooser = await visit(context, sites.example, 'index.html');
      await chooser.page.locator('a[href="th/th/"]').click();
      await chooser.page.waitForURL(/\/th\/th\/$/);
      expect(await chooser.page.getAttribute('html', 'lang')).toBe('th');
    });
  });

  it('the chooser redirects by navigator.languages only when asked to (?redirect=1)', async () => {
    const cases: [string, RegExp][] = [
      ['de-CH', /\/ch\/de\/$/],
      ['fr-CA', /\/ca\/fr-ca\/$/],
      ['de', /\/de\/de\/$/],
      ['ko-KR', /\/kr\/ko\/$/],
      ['en-GB', /\/gb\/en\/$/],
      ['zh-CN', /\/cn\/zh-cn\/$/],
    ];
    for (const [locale, where] of cases) {
      await withContext({ locale }, async (context) => {
        const start = `${sites.example.server.url}?redirect=1`;
        const { page, problems } = await visit(context, sites.example, 'index.html', start);
        await page.waitForURL(where);
        expect(await page.evaluate(() => document.documentElement.lang)).toBeTruthy();
        // leaving the chooser while it loads aborts its own request; nothing else may fail
        expect(problems.filter((p) => p !== `failed request: ${start} (net::ERR_ABORTED)`), locale).toEqual([]);
      });
    }
    // no match, or not asked: the chooser stays
    for (const [locale, query] of [['pt-BR', '?redirect=1'], ['de-CH', '']] as const) {
      await withContext({ locale }, async (context) => {
        const { page } = await visit(context, sites.example, 'index.html', `${sites.example.server.url}${query}`);
        await page.waitForTimeout(300);
        expect(new URL(page.url()).pathname, `${locale} ${query}`).toBe('/');
      });
    }
  });

  it('never runs script from policy text, translations, labels or facts, even with the CSP switched off', async () => {
    for (const bypassCSP of [false, true]) {
      await withContext({ bypassCSP }, async (context) => {
        const t = await tab(context, sites.xss);
        for (const file of sites.xss.pages) {
          const v = await t.go(file);
          // open what can be opened, move over everything: handlers that survived would fire now
          await v.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = !d.open)));
          await v.page.mouse.move(10, 10);
          await v.page.mouse.move(300, 600, { steps: 5 });
          await v.page.waitForTimeout(100);
          const state = await v.page.evaluate(() => ({
            xss: (window as unknown as { __xss?: unknown }).__xss,
            scripts: Array.from(document.scripts).map((s) => s.textContent?.slice(0, 40) ?? ''),
            handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
            js: Array.from(document.querySelectorAll('[href],[src],[action],[data]')).map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('data') ?? '').filter((h) => /^\s*javascript:/i.test(h)),
          }));
          expect(v.dialogs, `${file} (bypassCSP ${bypassCSP})`).toEqual([]);
          expect(state.xss, file).toBeUndefined();
          expect(state.handlers, file).toEqual([]);
          expect(state.js, file).toEqual([]);
          expect(state.scripts.length, file).toBe(file === 'index.html' ? 1 : 0);
          expect(v.problems, file).toEqual([]);
        }
      });
    }
    // the payloads were really there: the reader sees them as text
    await withContext({}, async (context) => {
      const { page } = await visit(context, sites.xss, 'il/he/index.html');
      const text = await page.locator('main').innerText();
      expect(text).toContain("<script>window.__xss='ui'</script>");
      expect(text).toContain("Example <script>window.__xss='facts'</script> Ltd.");
    });
  }, 300_000);

  it('shows a visible skip link and focus outline for keyboard users', async () => {
    await withContext({ viewport: { width: 1280, height: 800 } }, async (context) => {
      for (const [site, file] of [[sites.example, 'gb/en/index.html'], [sites.rtl, 'il/he/index.html']] as const) {
        const { page } = await visit(context, site, file);
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          const r = e.getBoundingClientRect();
          const s = getComputedStyle(e);
          return { cls: e.className, inView: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.width > 0, outline: parseFloat(s.outlineWidth), style: s.outlineStyle };
        });
        expect(skip, file).toMatchObject({ cls: 'nk-skip', inView: true });
        expect(skip.outline).toBeGreaterThanOrEqual(2);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => {
          const s = getComputedStyle(document.activeElement as HTMLElement);
          return { tag: document.activeElement?.tagName, outline: parseFloat(s.outlineWidth), style: s.outlineStyle };
        });
        expect(next.style, file).not.toBe('none');
        expect(next.outline).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('prints without the navigation', async () => {
    await withContext({}, async (context) => {
      const { page } = await visit(context, sites.example, 'de/de/index.html');
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => Object.fromEntries(['.nk-header', '.nk-toc', '.nk-footer', '.nk-skip', 'main', 'h1'].map((s) => [s, getComputedStyle(document.querySelector(s)!).display !== 'none'])));
      expect(shown).toEqual({ '.nk-header': false, '.nk-toc': false, '.nk-footer': false, '.nk-skip': false, main: true, h1: true });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(10_000);
    });
  });

  it('saves screenshots of a notice at 360 px and 1280 px for the README', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [width, height, deviceScaleFactor] of [[360, 780, 2], [1280, 860, 1]] as const) {
      await withContext({ viewport: { width, height }, deviceScaleFactor }, async (context) => {
        const { page } = await visit(context, sites.example, 'gb/en/index.html');
        const png = await page.screenshot({ type: 'png' });
        const file = join(SCREENSHOTS, `notice-${width}.png`);
        if (!existsSync(file) || !readFileSync(file).equals(png)) writeFileSync(file, png);
        expect(png.length).toBeGreaterThan(5_000);
      });
    }
  });
});

describe('the example project', () => {
  it('is what the browser tests built', () => {
    const regions = (parse(readFileSync(join(REPO, 'policy/regions.yaml'), 'utf8')) as { regions: { id: string; locales: string[] }[] }).regions;
    for (const r of regions) for (const lng of r.locales) expect(sites.example.pages).toContain(`${r.id}/${lng.toLowerCase()}/index.html`);
  });
});
