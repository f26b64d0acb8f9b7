import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DOMParser } from '@xmldom/xmldom';
import { REPO, exampleProject, cleanup, cli, edit } from '../helpers/project.js';
import { checkHtml, checkHeadings, parseHtml, find, textOf } from './html-check.js';
import { listFiles, pageLinks, fileOfUrl, fileOfLink, exists } from './site-files.js';
import { DPV, DPV_PD, DPV_GDPR, DPV_DATA_CATEGORIES, DPV_PURPOSES, DPV_LEGAL_BASES, DPV_RECIPIENT_TYPES } from '../../src/site/dpv.js';
import { REDIRECT_SCRIPT } from '../../src/site/csp.js';

interface RegionYaml {
  id: string;
  name: string;
  local_name?: string;
  continent: string;
  locales: string[];
}

let dir: string;
let out: string;
let files: string[];
let regions: RegionYaml[];
let baseUrl: string;
const html = (p: string) => readFileSync(join(out, p), 'utf8');
const noticePages = () => regions.flatMap((r) => r.locales.map((lng) => ({ region: r, lng, path: `${r.id}/${lng.toLowerCase()}/index.html`, dir: `${r.id}/${lng.toLowerCase()}/` })));

beforeAll(async () => {
  dir = exampleProject();
  // the example's published versions, if any: their archive and change pages are checked too
  if (existsSync(join(REPO, 'snapshots'))) cpSync(join(REPO, 'snapshots'), join(dir, 'snapshots'), { recursive: true });
  const r = await cli(dir, 'build', '-q');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  out = join(dir, 'out');
  files = listFiles(out);
  regions = (parse(readFileSync(join(dir, 'policy/regions.yaml'), 'utf8')) as { regions: RegionYaml[] }).regions;
  baseUrl = (parse(readFileSync(join(dir, 'noticekit.config.yaml'), 'utf8')) as { base_url: string }).base_url;
});
afterAll(() => cleanup(dir));

describe('the pages of the site', () => {
  it('are valid HTML5: structure, nesting, content models, unique ids, references, language tags', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(noticePages().length);
    for (const p of pages) expect(checkHtml(html(p), { allowInlineScript: p === 'index.html' }), p).toEqual([]);
  });

  it('have the right <html lang> and dir, one h1 and headings in order', () => {
    for (const { path, lng } of noticePages()) {
      const page = html(path);
      expect(page, path).toContain(`<html lang="${lng}" dir="ltr">`);
      expect(checkHeadings(page).errors, path).toEqual([]);
    }
    expect(html('index.html')).toContain('<html lang="en" dir="ltr">');
    // every page of the site, the archive and change pages included
    for (const p of files.filter((f) => f.endsWith('.html'))) expect(checkHeadings(html(p)).errors, p).toEqual([]);
  });

  it('start with a skip link to the main content', () => {
    for (const p of [...noticePages().map((x) => x.path), 'index.html']) {
      const { root } = parseHtml(html(p));
      const body = find(root, 'body')[0]!;
      const first = body.children[0]!;
      expect(first.name, p).toBe('a');
      expect(first.attrs.get('href')).toBe('#content');
      expect(find(root, 'main')[0]!.attrs.get('id')).toBe('content');
    }
  });

  it('need no JavaScript: notices forbid every script by CSP; the chooser allows only its hashed redirect script', () => {
    for (const { path } of noticePages()) {
      const page = html(path);
      expect(page).not.toMatch(/<script/i);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'none'");
    }
    const chooser = html('index.html');
    const scripts = [...chooser.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([REDIRECT_SCRIPT]);
    const hash = createHash('sha256').update(REDIRECT_SCRIPT).digest('base64');
    expect(chooser).toContain(`script-src 'sha256-${hash}'`);
    expect(REDIRECT_SCRIPT.length).toBeLessThan(600);
  });

  it('link only to files that exist in out/', () => {
    for (const p of files.filter((f) => f.endsWith('.html'))) {
      const { root } = parseHtml(html(p));
      for (const e of [...find(root, 'a'), ...find(root, 'link')]) {
        const href = e.attrs.get('href');
        if (!href) continue;
        const target = fileOfLink(p, href);
        if (target) expect(exists(out, target), `${p} links to ${href}`).toBe(true);
      }
    }
  });

  it('show the effective date, "last updated", a table of contents of every section, and the two switchers', () => {
    const page = html('ch/fr/index.html');
    const { root } = parseHtml(page);
    const meta = textOf(find(root, 'p').find((p) => p.attrs.get('class') === 'nk-meta')!);
    expect(meta).toMatch(/entrée en vigueur/);
    expect(meta).toMatch(/Dernière mise à jour/);
    const body = find(root, 'div').find((d) => d.attrs.get('class') === 'nk-body')!;
    const sections = find(body, 'h2').map((h) => h.attrs.get('id'));
    const toc = find(find(root, 'nav').find((n) => n.attrs.get('class') === 'nk-toc')!, 'a').map((a) => a.attrs.get('href'));
    expect(toc).toEqual(sections.map((id) => `#${id}`));
    const languages = find(find(root, 'nav').find((n) => n.attrs.get('class') === 'nk-languages')!, 'a');
    expect(languages.map((a) => a.attrs.get('lang'))).toEqual(['de', 'fr', 'it']);
    expect(languages.find((a) => a.attrs.get('aria-current') === 'page')?.attrs.get('href')).toBe('../../ch/fr/');
    const regionLinks = find(find(root, 'details')[0]!, 'a');
    expect(regionLinks).toHaveLength(regions.length);
    // a region that has the reader's language links to it; others to their own language
    expect(regionLinks.find((a) => a.attrs.get('href') === '../../ca/fr-ca/')).toBeDefined();
    expect(regionLinks.find((a) => a.attrs.get('href') === '../../de/de/')?.attrs.get('lang')).toBe('de');
    // links to the archive exactly when it has this page (the link check above makes sure they resolve)
    expect(page.includes('href="../../ch/fr/versions/"')).toBe(files.includes('ch/fr/versions/index.html'));
  });

  it('leave the Markdown notices alone: index.md has no site chrome', () => {
    const md = html('de/de/index.md');
    expect(md).not.toMatch(/nk-|<nav|hreflang/);
  });
});

describe('search engines', () => {
  it('every notice has a canonical URL; the hreflang cluster is complete, reciprocal and unique across all of out/', () => {
    const pages = files.filter((f) => f.endsWith('.html')).map((p) => pageLinks(out, p));
    const byFile = new Map(pages.map((p) => [p.path, p]));
    const expected = new Set([...noticePages().map((p) => `${baseUrl}${p.dir}`), baseUrl]);
    for (const { path, dir: d } of noticePages()) {
      const p = byFile.get(path)!;
      expect(p.canonical, path).toBe(`${baseUrl}${d}`);
      expect(new Set(p.alternates.map((a) => a.href)), `${path} lists every page`).toEqual(expected);
    }
    expect(byFile.get('index.html')!.canonical).toBe(baseUrl);
    for (const p of pages) {
      if (!p.alternates.length) continue;
      const tags = p.alternates.map((a) => a.hreflang.toLowerCase());
      expect(new Set(tags).size, `${p.path}: unique hreflang values`).toBe(tags.length);
      expect(new Set(p.alternates.map((a) => a.href)).size, `${p.path}: unique hrefs`).toBe(tags.length);
      expect(p.alternates.filter((a) => a.hreflang === 'x-default').map((a) => a.href)).toEqual([baseUrl]);
      expect(p.alternates.some((a) => a.href === p.canonical), `${p.path} lists itself`).toBe(true);
      const mine = JSON.stringify([...p.alternates].sort((a, b) => (a.href < b.href ? -1 : 1)));
      for (const a of p.alternates) {
        const target = fileOfUrl(baseUrl, a.href);
        expect(target && byFile.has(target), `${p.path}: alternate ${a.href} is a page in out/`).toBe(true);
        const back = byFile.get(target!)!;
        expect(back.canonical, `${target} is canonical at ${a.href}`).toBe(a.href);
        expect(JSON.stringify([...back.alternates].sort((x, y) => (x.href < y.href ? -1 : 1))), `${target} lists ${p.path} back, with the same cluster`).toBe(mine);
      }
    }
    // the region's country and the page's language
    const ch = byFile.get('ch/fr/index.html')!.alternates;
    expect(ch.find((a) => a.href === `${baseUrl}ch/fr/`)?.hreflang).toBe('fr-CH');
    expect(ch.find((a) => a.href === `${baseUrl}ca/fr-ca/`)?.hreflang).toBe('fr-CA');
    expect(ch.find((a) => a.href === `${baseUrl}cn/zh-cn/`)?.hreflang).toBe('zh-CN');
  });

  it('writes sitemap.xml with every page and its hreflang alternates as xhtml:link', () => {
    const doc = new DOMParser().parseFromString(html('sitemap.xml'), 'application/xml');
    const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    const XHTML = 'http://www.w3.org/1999/xhtml';
    expect(doc.documentElement!.namespaceURI).toBe(SM);
    const urls = Array.from(doc.getElementsByTagNameNS(SM, 'url'));
    const locs = urls.map((u) => u.getElementsByTagNameNS(SM, 'loc')[0]!.textContent);
    const expected = [baseUrl, ...noticePages().map((p) => `${baseUrl}${p.dir}`)];
    expect(new Set(locs)).toEqual(new Set(expected));
    expect(locs).toHaveLength(expected.length);
    const cluster = pageLinks(out, 'de/de/index.html').alternates.map((a) => `${a.hreflang} ${a.href}`).sort();
    for (const u of urls) {
      const links = Array.from(u.getElementsByTagNameNS(XHTML, 'link')).map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`).sort();
      expect(links).toEqual(cluster);
      expect(u.getElementsByTagNameNS(SM, 'lastmod')[0]?.textContent).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('without a base URL writes no canonical, no hreflang and no sitemap, and the pages stay valid', async () => {
    edit(dir, 'noticekit.config.yaml', (t) => t.replace(/^base_url:.*$/m, ''));
    try {
      const r = await cli(dir, 'build', '-q', '--out', 'nobase');
      expect(r.code).toBe(0);
      const nb = join(dir, 'nobase');
      expect(existsSync(join(nb, 'sitemap.xml'))).toBe(false);
      for (const p of ['de/de/index.html', 'index.html']) {
        const page = readFileSync(join(nb, p), 'utf8');
        expect(page).not.toMatch(/rel="canonical"|hreflang="x-default"/);
        expect(checkHtml(page, { allowInlineScript: p === 'index.html' })).toEqual([]);
      }
      expect(JSON.parse(readFileSync(join(nb, 'de/de/privacy.json'), 'utf8')).urls).toEqual({ html: 'index.html', markdown: 'index.md', json: 'privacy.json' });
    } finally {
      edit(dir, 'noticekit.config.yaml', (t) => `${t.trimEnd()}\nbase_url: ${baseUrl}\n`);
    }
  });
});

describe('machine-readable notices', () => {
  const json = (p: string) => JSON.parse(html(p)) as Record<string, any>;
  const NAMESPACES = [DPV, DPV_PD, DPV_GDPR];
  const dpvIris = (v: unknown, acc: unknown[] = []): unknown[] => {
    if (Array.isArray(v)) v.forEach((x) => dpvIris(x, acc));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'dpv' ? acc.push(x) : dpvIris(x, acc);
    return acc;
  };

  it('writes privacy.json next to every page: version, language, region, effective date, content hash', () => {
    const hashes = new Set<string>();
    for (const { region, lng, dir: d } of noticePages()) {
      const j = json(`${d}privacy.json`);
      expect(j.formatVersion).toBe(1);
      expect(j.language).toBe(lng);
      expect(j.region.id).toBe(region.id);
      expect(j.region.name).toBe(region.name);
      expect(j.effectiveDate).toBe('2026-03-01');
      expect(j.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(j).toHaveProperty('version');
      expect(j.contentHash).toBe(`sha256:${createHash('sha256').update(readFileSync(join(out, d, 'index.md'))).digest('hex')}`);
      expect(j.urls.html).toBe(`${baseUrl}${d}`);
      hashes.add(j.contentHash);
      for (const iri of dpvIris(j)) expect(iri === null || NAMESPACES.some((n) => String(iri).startsWith(n)), String(iri)).toBe(true);
    }
    expect(hashes.size).toBe(noticePages().length);
  });

  it('states the facts that apply to the region, with DPV terms', () => {
    const de = json('de/de/privacy.json');
    const us = json('us/en/privacy.json');
    const cn = json('cn/zh-cn/privacy.json');
    const purpose = (j: Record<string, any>, id: string) => j.purposes.find((p: { id: string }) => p.id === id);
    expect(purpose(de, 'marketing').legalBasis).toMatchObject({ id: 'consent', dpv: `${DPV}Consent` });
    expect(purpose(de, 'marketing').dpv).toBe(`${DPV}Marketing`);
    expect(purpose(de, 'device_diagnostics').legalBasis.dpv).toBe(`${DPV}LegitimateInterest`);
    expect(purpose(us, 'marketing').legalBasis).toMatchObject({ id: 'not_required', dpv: null });
    expect(purpose(cn, 'advertising').legalBasis.id).toBe('separate_consent');
    expect(de.dataCategories.find((c: { id: string }) => c.id === 'health')).toMatchObject({ sensitive: true, dpv: `${DPV_PD}Health` });
    expect(de.purposes[0].retention).toMatchObject({ period: 'P90D', from: 'account_closure' });
    expect(de.rights.find((r: { id: string }) => r.id === 'restriction')?.dpv).toBe(`${DPV_GDPR}A18`);
    expect(us.rights.find((r: { id: string }) => r.id === 'restriction')).toBeUndefined();
    expect(us.rights.every((r: { dpv: unknown }) => r.dpv === null)).toBe(true);
    expect(de.transfers.find((t: { id: string }) => t.id === 'eu_ch_to_us')?.safeguard).toMatchObject({ id: 'scc', dpv: `${DPV_GDPR}A46-2-c` });
    expect(us.transfers.some((t: { id: string }) => t.id === 'eu_ch_to_us')).toBe(false);
    expect(de.controller).toMatchObject({ name: 'Lumora Europe B.V.', dpv: `${DPV}DataController` });
    expect(de.purposes[0].label).not.toBe(us.purposes[0].label);
  });

  it('has a decided DPV mapping (a term or null) for every id of the example facts', () => {
    const facts = parse(readFileSync(join(dir, 'policy/privacy.facts.yaml'), 'utf8')) as Record<string, { id: string; type?: string; legal_basis?: Record<string, string> }[]>;
    for (const c of facts.data_categories!) expect(Object.keys(DPV_DATA_CATEGORIES), `data category ${c.id}`).toContain(c.id);
    for (const p of facts.purposes!) {
      expect(Object.keys(DPV_PURPOSES), `purpose ${p.id}`).toContain(p.id);
      for (const b of Object.values(p.legal_basis!)) expect(Object.keys(DPV_LEGAL_BASES)).toContain(b);
    }
    for (const r of facts.recipients!) expect(Object.keys(DPV_RECIPIENT_TYPES)).toContain(r.type);
  });
});

describe('the region chooser', () => {
  it('groups regions by continent, names each in its own language and links every page', () => {
    const { root } = parseHtml(html('index.html'));
    const sections = find(root, 'section');
    const continents = sections.map((s) => find(s, 'h2')[0]!.attrs.get('id'));
    expect(continents).toEqual([...new Set(regions.map((r) => `c-${r.continent}`))].sort());
    for (const r of regions) {
      const section = sections.find((s) => find(s, 'h2')[0]!.attrs.get('id') === `c-${r.continent}`)!;
      const name = find(section, 'span').find((s) => s.attrs.get('class') === 'nk-region-name' && textOf(s) === (r.local_name ?? r.name));
      expect(name, r.id).toBeDefined();
      expect(name!.attrs.get('lang')).toBe(r.locales[0]);
      for (const lng of r.locales) expect(find(section, 'a').some((a) => a.attrs.get('href') === `${r.id}/${lng.toLowerCase()}/` && a.attrs.get('lang') === lng)).toBe(true);
    }
  });

  it('marks one default page per language for the redirect, none for a language of several regions without one of its name', () => {
    const { root } = parseHtml(html('index.html'));
    const defaults = Object.fromEntries(find(root, 'a').filter((a) => a.attrs.has('data-default')).map((a) => [a.attrs.get('data-default'), a.attrs.get('href')]));
    expect(defaults.de).toBe('de/de/');
    expect(defaults.fr).toBe('fr/fr/');
    expect(defaults.ru).toBe('ru/ru/');
    expect(defaults.ko).toBe('kr/ko/');
    expect(defaults.en).toBeUndefined();
  });
});
