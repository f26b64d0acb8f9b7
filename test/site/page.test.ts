import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cleanup } from '../helpers/project.js';
import { rtlProject } from './fixtures.js';
import { loadProject, type Project } from '../../src/parse/project.js';
import { resolveRegions, type ResolvedRegion } from '../../src/resolve/resolve.js';
import { loadProjectTemplates } from '../../src/build/build.js';
import { localizer } from '../../src/i18n/localizer.js';
import { renderNotice } from '../../src/render/notice.js';
import { renderPage, renderChooser } from '../../src/render/page.js';
import { historyOf, lastUpdated } from '../../src/site/history.js';
import { hreflangCluster, hreflangTag, regionCountry } from '../../src/site/hreflang.js';
import type { PublishedVersion } from '../../src/publish/history.js';
import type { SnapshotManifest } from '../../src/publish/manifest.js';
import type { TemplateStore } from '../../src/render/templates.js';
import { checkHtml } from './html-check.js';

const version = (v: string, published: string, sourceHash: string, regions: Record<string, string[]>, previous: string | null = null): PublishedVersion => ({
  version: v,
  dir: `/nowhere/${v}`,
  manifest: {
    schemaVersion: 1,
    document: 'privacy',
    version: v,
    previous,
    published,
    effective: published,
    severity: 'none',
    regions: Object.fromEntries(Object.entries(regions).map(([id, locales]) => [id, { severity: 'none', locales, noticePeriodDays: 30 }])),
    sourceHash,
    files: {},
  } as SnapshotManifest,
});

describe('renderPage', () => {
  let dir: string;
  let project: Project;
  let regions: ResolvedRegion[];
  let store: TemplateStore;
  const render = (region: string, lng: string, opts: Partial<Parameters<typeof renderPage>[5]> = {}) => {
    const r = regions.find((x) => x.region.id === region)!;
    const l = localizer(project.locales, lng);
    return renderPage(project, r, l, renderNotice(project, r, l, store), store, { baseUrl: 'https://x.example/p/', effective: '2026-03-01', ...opts });
  };
  beforeAll(() => {
    dir = rtlProject();
    project = loadProject(dir);
    regions = resolveRegions(project);
    store = loadProjectTemplates(project);
  });
  afterAll(() => cleanup(dir));

  it('links to earlier versions and to what changed only when published versions contain the page', () => {
    const none = render('il', 'he', { history: historyOf([], project.master.sourceHash) });
    expect(none).not.toMatch(/versions\/|changes\//);
    const history = historyOf([version('1.0.0', '2025-06-01', 'old', { il: ['he', 'en'] }), version('1.1.0', '2026-02-01', project.master.sourceHash, { il: ['he', 'en'] }, '1.0.0')], project.master.sourceHash);
    const he = render('il', 'he', { history });
    expect(he).toContain('<a href="../../il/he/versions/">גרסאות קודמות</a>');
    expect(he).toContain('<a href="../../il/he/changes/1.1.0/">מה השתנה</a>');
    // the working text is version 1.1.0: its number and publication date show
    expect(he).toContain('גרסה 1.1.0');
    expect(he).toMatch(/עודכן לאחרונה: 1 בפבר(׳|ואר) 2026/);
    // a region the published versions do not have gets no archive links
    const gb = render('gb', 'en', { history });
    expect(gb).not.toMatch(/versions\/|changes\//);
    expect(checkHtml(he)).toEqual([]);
  });

  it('writes links relative to its folder (rootHref), so archive pages deeper in the site can use it', () => {
    const deep = render('il', 'en', { rootHref: '../../../../', history: historyOf([], '') });
    expect(deep).toContain('href="../../../../il/he/"');
    expect(deep).toContain('<a class="nk-home" href="../../../../">');
    expect(deep).not.toContain('href="../../il/');
  });

  it('finds "last updated" in the front matter, then the published version, then the effective date', () => {
    const h = historyOf([version('2.0.0', '2026-01-15', 'abc', {})], 'abc');
    expect(lastUpdated({ updated: '2026-02-02' }, h, undefined, '2026-03-01')).toBe('2026-02-02');
    expect(lastUpdated({}, h, undefined, '2026-03-01')).toBe('2026-01-15');
    expect(lastUpdated({}, historyOf([], 'x'), undefined, '2026-03-01')).toBe('2026-03-01');
  });

  it('works with a project whose locale files lack the new labels (English defaults)', () => {
    const fresh = loadProject(dir);
    const ui = (fresh.locales.ui.get('en') as { ui: Record<string, unknown> }).ui;
    delete ui.machine_readable;
    delete ui.text_version;
    const r = resolveRegions(fresh).find((x) => x.region.id === 'gb')!;
    const l = localizer(fresh.locales, 'en');
    const page = renderPage(fresh, r, l, renderNotice(fresh, r, l, store), store, { baseUrl: undefined, effective: '2026-03-01', history: historyOf([], '') });
    expect(page).toContain('Machine-readable version (JSON)');
    expect(page).toContain('Plain-text version (Markdown)');
    expect(page).not.toContain('ui.machine_readable');
  });

  it('the chooser names the x-default and lists the cluster when a base URL is given', () => {
    const html = renderChooser(project, store, regions, { baseUrl: 'https://x.example/p/' });
    expect(html).toContain('<link rel="canonical" href="https://x.example/p/">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://x.example/p/">');
    expect(html).toContain('hreflang="he-IL"');
    expect(checkHtml(html, { allowInlineScript: true })).toEqual([]);
  });
});

describe('hreflang values', () => {
  it('combine the language (and script) of the locale with the country of the region', () => {
    expect(hreflangTag('ch', 'fr')).toBe('fr-CH');
    expect(hreflangTag('ca', 'fr-CA')).toBe('fr-CA');
    expect(hreflangTag('mx', 'es-419')).toBe('es-MX');
    expect(hreflangTag('tw', 'zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(hreflangTag('us-ca', 'en')).toBe('en-US');
    expect(hreflangTag('eu', 'de')).toBe('de');
    expect(regionCountry('uk')).toBe('GB');
    expect(regionCountry('eu')).toBeUndefined();
  });

  it('stay unique: a second page with the same value falls back to its locale tag, or leaves the cluster', () => {
    const cluster = hreflangCluster([
      { id: 'us', name: 'US', continent: 'americas', locales: ['en'], jurisdictions: ['us'], entity: 'x' },
      { id: 'us-ca', name: 'California', continent: 'americas', locales: ['en', 'es'], jurisdictions: ['us-ca'], entity: 'x' },
      { id: 'us-ny', name: 'New York', continent: 'americas', locales: ['en'], jurisdictions: ['us'], entity: 'x' },
    ]);
    expect(cluster.map((p) => p.hreflang)).toEqual(['en-US', 'en', 'es-US', null]);
  });
});
