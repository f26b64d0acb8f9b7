import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import type { Localizer } from '../i18n/localizer.js';
import { localizer } from '../i18n/localizer.js';
import type { TemplateStore } from './templates.js';
import type { RenderedNotice } from './notice.js';
import { CONTINENTS } from '../model/enums.js';

/** Folder of a page inside the output: `de/de/`, `ca/fr-ca/`. */
export function pagePath(region: string, lng: string): string {
  return `${region}/${lng.toLowerCase()}/`;
}

function absolute(baseUrl: string | undefined, path: string): string | undefined {
  if (!baseUrl) return undefined;
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${path}`;
}

/** The standalone HTML page of one notice: layout, table of contents, switchers, hreflang links. */
export function renderPage(
  project: Project,
  r: ResolvedRegion,
  l: Localizer,
  notice: RenderedNotice,
  store: TemplateStore,
  opts: { baseUrl: string | undefined; effective: string; version?: string },
): string {
  const here = pagePath(r.region.id, l.lng);
  const alternates: { hreflang: string; href: string }[] = [];
  if (opts.baseUrl) {
    for (const region of project.regions) {
      for (const lng of region.locales) {
        const tag = region.id === 'eu' ? lng : `${lng.split('-')[0]}-${region.id.toUpperCase()}`;
        alternates.push({ hreflang: tag, href: absolute(opts.baseUrl, pagePath(region.id, lng))! });
      }
    }
    alternates.push({ hreflang: 'x-default', href: absolute(opts.baseUrl, '')! });
  }
  const regionName = r.region.local_name && r.region.locales[0] === l.lng ? r.region.local_name : l.country(r.region.id);
  return store.render('page.html.hbs', {
    lang: l.lng,
    dir: l.dir,
    title: notice.title,
    regionName,
    canonical: absolute(opts.baseUrl, here),
    alternates,
    labels: {
      skip: l.t('ui.skip_to_content'),
      contents: l.t('ui.contents'),
      language: l.t('ui.language'),
      region: l.t('ui.region'),
      allRegions: l.t('ui.all_regions'),
    },
    languages: r.region.locales.map((lng) => ({
      lng,
      name: new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng,
      href: `../${lng.toLowerCase()}/`,
      current: lng === l.lng,
    })),
    chooserHref: '../../',
    toc: notice.toc,
    body: notice.bodyHtml,
    effectiveDateText: opts.effective ? l.t('ui.effective_date', { date: l.date(opts.effective) }) : '',
    versionText: opts.version ? l.t('ui.version', { version: opts.version }) : '',
  });
}

/** `out/index.html`: every region grouped by continent, each named in its own language. */
export function renderChooser(project: Project, store: TemplateStore, regions: ResolvedRegion[]): string {
  const en = localizer(project.locales, 'en');
  const built = new Set(regions.map((r) => r.region.id));
  const continents = CONTINENTS.map((c) => ({
    id: c,
    name: en.t(`ui.continents.${c}`),
    regions: project.regions
      .filter((r) => r.continent === c && built.has(r.id))
      .map((r) => ({
        id: r.id,
        lang: r.locales[0],
        localName: r.local_name ?? r.name,
        name: r.name,
        locales: r.locales.map((lng) => ({ lng, href: pagePath(r.id, lng), name: new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  })).filter((c) => c.regions.length > 0);
  return store.render('index.html.hbs', {
    lang: 'en',
    title: en.t('ui.privacy_policy'),
    labels: { skip: en.t('ui.skip_to_content'), chooseRegion: en.t('ui.choose_region') },
    continents,
  });
}
