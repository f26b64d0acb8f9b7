import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import type { Localizer } from '../i18n/localizer.js';
import { localizer } from '../i18n/localizer.js';
import type { TemplateStore } from './templates.js';
import type { NoticeParts, RenderedNotice } from './notice.js';
import { escapeHtml } from './markdown-html.js';
import { CONTINENTS } from '../model/enums.js';
import { absoluteUrl, alternateLinks, hreflangCluster, hreflangTag, pageDir, type ClusterPage } from '../site/hreflang.js';
import type { Region } from '../model/schema.js';
import { lastUpdated, siteHistory, versionHasPage, type SiteHistory } from '../site/history.js';
import { contentSecurityPolicy, REDIRECT_SCRIPT } from '../site/csp.js';

/** Folder of a page inside the output: `de/de/`, `ca/fr-ca/`. */
export function pagePath(region: string, lng: string): string {
  return pageDir(region, lng);
}

export interface PageOptions {
  /** Absolute URL of the output folder: canonical and `hreflang` links are written only when it is known. */
  baseUrl: string | undefined;
  /** Effective date, YYYY-MM-DD (empty: not shown). */
  effective: string;
  /** Version shown on the page (default: the published version the master text is, if any). */
  version?: string;
  /** "Last updated" date (default: see `lastUpdated` in src/site/history.ts). */
  lastUpdated?: string;
  /** Relative URL from the page to the output folder (default `../../`, for out/<region>/<lng>/index.html). */
  rootHref?: string;
  /** Published versions (default: read from snapshots/ once per project). */
  history?: SiteHistory;
}

const languageNames = new Map<string, string>();
/** A language's name in that language, capitalised for a menu: `Deutsch`, `Français (Canada)`. */
function languageName(lng: string): string {
  let v = languageNames.get(lng);
  if (v === undefined) {
    const name = new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng;
    v = name.charAt(0).toLocaleUpperCase(lng) + name.slice(1);
    languageNames.set(lng, v);
  }
  return v;
}

const collators = new Map<string, Intl.Collator>();
function collator(lng: string): Intl.Collator {
  let c = collators.get(lng);
  if (!c) {
    c = new Intl.Collator(lng);
    collators.set(lng, c);
  }
  return c;
}

const clusters = new WeakMap<readonly Region[], { key: string; cluster: ClusterPage[]; links: Map<string, { hreflang: string; href: string }[]> }>();
/** The `hreflang` cluster of the project's regions and its alternate links, made once for all its pages. */
function clusterOf(regions: readonly Region[]): { cluster: ClusterPage[]; links: (baseUrl: string) => { hreflang: string; href: string }[] } {
  const key = JSON.stringify(regions.map((r) => [r.id, r.locales]));
  let c = clusters.get(regions);
  if (!c || c.key !== key) {
    c = { key, cluster: hreflangCluster(regions), links: new Map() };
    clusters.set(regions, c);
  }
  const { cluster, links } = c;
  return {
    cluster,
    links: (baseUrl) => {
      let l = links.get(baseUrl);
      if (!l) {
        l = alternateLinks(cluster, baseUrl);
        links.set(baseUrl, l);
      }
      return l;
    },
  };
}

/** Splits the notice's first `<h1>` off its body, so the page can put the date line and contents after it. */
function splitTitle(bodyHtml: string, title: string): { h1: string; rest: string } {
  const m = TITLE_RE.exec(bodyHtml);
  if (m) return { h1: m[0].trim(), rest: bodyHtml.slice(m[0].length) };
  return { h1: `<h1>${escapeHtml(title)}</h1>`, rest: bodyHtml };
}

/**
 * The standalone HTML page of one notice: skip link, language and region switchers, the title with
 * the effective date, "last updated" and links to earlier versions, a table of contents, the
 * sanitized notice, canonical and `hreflang` links, and a Content-Security-Policy without scripts.
 */
export function renderPage(project: Project, r: ResolvedRegion, l: Localizer, notice: RenderedNotice, store: TemplateStore, opts: PageOptions): string {
  const { h1, rest } = splitTitle(notice.bodyHtml, notice.title);
  return store.render('page.html.hbs', pageContext(project, r, l, notice, h1, tabbableTables(rest), opts));
}

/**
 * `renderPage` of a notice's blocks, as pieces to write one after the other (see
 * `TemplateStore.renderPieces`): the same text, without joining the body into one long string.
 */
export function renderPagePieces(project: Project, r: ResolvedRegion, l: Localizer, notice: NoticeParts, store: TemplateStore, opts: PageOptions): string[] {
  const split = splitTitleBlocks(notice.htmlBlocks);
  if (!split || !store.renderPieces) return [renderPage(project, r, l, { ...notice, markdown: '', bodyHtml: notice.htmlBlocks.join('\n') }, store, opts)];
  const body = split.rest.map(tabbableTables); // no match can span two blocks: the pattern has no newline
  return store.renderPieces('page.html.hbs', pageContext(project, r, l, notice, split.h1, '', opts), 'body', body);
}

/** Tables (`<div class="nk-table">`, which scroll on narrow screens) reachable by keyboard. */
function tabbableTables(html: string): string {
  return html.includes('<div class="nk-table">') ? html.replace(/<div class="nk-table">/g, '<div class="nk-table" tabindex="0">') : html;
}

const TITLE_RE = /^\s*<h1\b[^>]*>[\s\S]*?<\/h1>\s*/;

/**
 * `splitTitle` of the blocks joined by newlines, with the rest as pieces (the blocks and the
 * newlines between them); undefined when the title is not within the first block (then join).
 */
function splitTitleBlocks(blocks: readonly string[]): { h1: string; rest: string[] } | undefined {
  const first = blocks[0];
  const m = first === undefined ? null : TITLE_RE.exec(first);
  if (!m || first === undefined) return undefined; // (the title spans blocks, or there is none)
  const rest: string[] = [];
  let head = first.slice(m[0].length);
  let i = 1;
  // the match ends with all the whitespace after the title, which can reach into the next blocks
  if (head === '') {
    while (i < blocks.length && blocks[i]!.trimStart() === '') i++;
    if (i < blocks.length) head = blocks[i++]!.trimStart();
  }
  if (head !== '' || i < blocks.length) rest.push(head);
  for (; i < blocks.length; i++) rest.push('\n', blocks[i]!);
  return { h1: m[0].trim(), rest };
}

interface MenuEntry {
  id: string;
  name: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  hreflang: string;
  href: string;
}

/** The region menu of pages in one language at one depth (the same on every such page but for `current`). */
const menus = new WeakMap<Project, { regions: readonly Region[]; byKey: Map<string, MenuEntry[]> }>();

function regionMenu(project: Project, lng: string, root: string): MenuEntry[] {
  let m = menus.get(project);
  if (!m || m.regions !== project.regions) {
    m = { regions: project.regions, byKey: new Map() };
    menus.set(project, m);
  }
  const key = `${lng}\u0000${root}`;
  let entries = m.byKey.get(key);
  if (!entries) {
    const base = lng.split('-')[0];
    const byName = collator(lng);
    entries = project.regions
      .map((reg) => {
        const target = reg.locales.includes(lng) ? lng : (reg.locales.find((x) => x.split('-')[0] === base) ?? reg.locales[0]!);
        const own = reg.locales[0]!;
        return { id: reg.id, name: reg.local_name ?? reg.name, lang: own, dir: localizer(project.locales, own).dir, hreflang: hreflangTag(reg.id, target), href: `${root}${pagePath(reg.id, target)}` };
      })
      .sort((a, b) => byName.compare(a.name, b.name));
    m.byKey.set(key, entries);
  }
  return entries;
}

/** What page.html.hbs is rendered with: `h1` the notice's title, `body` the rest of the notice. */
function pageContext(project: Project, r: ResolvedRegion, l: Localizer, notice: Pick<RenderedNotice, 'title' | 'toc'>, h1: string, body: string, opts: PageOptions): Record<string, unknown> {
  const history = opts.history ?? siteHistory(project);
  const root = opts.rootHref ?? '../../';
  const here = pagePath(r.region.id, l.lng);
  const { cluster, links } = clusterOf(project.regions);
  const self = cluster.find((p) => p.region === r.region.id && p.lng === l.lng);
  const alternates = opts.baseUrl && self?.hreflang ? links(opts.baseUrl) : [];
  const t = (key: string, defaultValue: string, o: Record<string, unknown> = {}) => l.t(key, { defaultValue, ...o });
  const version = opts.version ?? history.current?.version;
  const updated = opts.lastUpdated ?? lastUpdated(project.master.frontMatter, history, opts.version, opts.effective);
  const archived = history.versions.some((v) => versionHasPage(v, r.region.id, l.lng));
  const latest = history.latest;
  const regionName = r.region.local_name && r.region.locales[0] === l.lng ? r.region.local_name : l.country(r.region.id);
  const dirOf = (lng: string) => localizer(project.locales, lng).dir;
  return {
    lang: l.lng,
    dir: l.dir,
    title: notice.title,
    regionName,
    csp: contentSecurityPolicy(),
    canonical: opts.baseUrl ? absoluteUrl(opts.baseUrl, here) : undefined,
    alternates,
    labels: {
      skip: l.t('ui.skip_to_content'),
      contents: l.t('ui.contents'),
      language: l.t('ui.language'),
      region: l.t('ui.region'),
      allRegions: l.t('ui.all_regions'),
      previousVersions: t('ui.previous_versions', 'Previous versions'),
      whatChanged: t('ui.what_changed', 'What changed'),
      machineReadable: t('ui.machine_readable', 'Machine-readable version (JSON)'),
      textVersion: t('ui.text_version', 'Plain-text version (Markdown)'),
    },
    languages:
      r.region.locales.length > 1
        ? r.region.locales.map((lng) => ({ lng, dir: dirOf(lng), name: languageName(lng), href: `${root}${pagePath(r.region.id, lng)}`, current: lng === l.lng }))
        : [],
    regions: regionMenu(project, l.lng, root).map((e) => ({ ...e, current: e.id === r.region.id })),
    chooserHref: root,
    h1,
    toc: notice.toc,
    body,
    effectiveDateText: opts.effective ? l.t('ui.effective_date', { date: l.date(opts.effective) }) : '',
    lastUpdatedText: updated ? t('ui.last_updated', 'Last updated: {{date}}', { date: l.date(updated) }) : '',
    versionText: version ? l.t('ui.version', { version }) : '',
    versionsHref: archived ? `${root}${here}versions/` : '',
    changesHref: latest && versionHasPage(latest, r.region.id, l.lng) ? `${root}${here}changes/${latest.version}/` : '',
    jsonHref: `${root}${here}privacy.json`,
    markdownHref: `${root}${here}index.md`,
  };
}

/**
 * `out/index.html`: every region grouped by continent, each named in its own language, with links
 * to its languages. Works without JavaScript; `index.html?redirect=1` runs a tiny inline script
 * (allowed by its hash in the page's CSP) that goes to the page matching `navigator.languages`.
 */
export function renderChooser(project: Project, store: TemplateStore, regions: ResolvedRegion[], opts: { baseUrl?: string | undefined } = {}): string {
  const en = localizer(project.locales, 'en');
  const baseUrl = opts.baseUrl ?? project.config.baseUrl;
  const built = new Set(regions.map((r) => r.region.id));
  const cluster = hreflangCluster(project.regions);
  const tagOf = (region: string, lng: string) => cluster.find((p) => p.region === region && p.lng === lng)?.hreflang ?? hreflangTag(region, lng);
  const defaults = defaultPages(project.regions.filter((r) => built.has(r.id)));
  const continents = CONTINENTS.map((c) => ({
    id: c,
    name: en.t(`ui.continents.${c}`),
    regions: project.regions
      .filter((r) => r.continent === c && built.has(r.id))
      .map((r) => {
        const own = r.locales[0]!;
        const localName = r.local_name ?? r.name;
        return {
          id: r.id,
          lang: own,
          dir: localizer(project.locales, own).dir,
          localName,
          name: r.name,
          showName: r.name !== localName,
          locales: r.locales.map((lng) => ({
            lng,
            dir: localizer(project.locales, lng).dir,
            href: pagePath(r.id, lng),
            hreflang: tagOf(r.id, lng),
            name: languageName(lng),
            default: defaults.get(`${r.id}/${lng}`),
          })),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  })).filter((c) => c.regions.length > 0);
  return store.render('index.html.hbs', {
    lang: 'en',
    dir: 'ltr',
    title: en.t('ui.privacy_policy'),
    csp: contentSecurityPolicy([REDIRECT_SCRIPT]),
    redirectScript: REDIRECT_SCRIPT,
    canonical: baseUrl ? absoluteUrl(baseUrl, '') : undefined,
    alternates: baseUrl ? alternateLinks(cluster, baseUrl) : [],
    labels: { skip: en.t('ui.skip_to_content'), chooseRegion: en.t('ui.choose_region') },
    continents,
  });
}

/**
 * The page a bare language goes to when the chooser redirects (`de` → de/de/): the region whose id
 * is the language, else the only region that speaks it. Languages spoken in several regions with
 * none of that id (`en`) have no default: the reader chooses.
 */
function defaultPages(regions: readonly { id: string; locales: string[] }[]): Map<string, string> {
  const byBase = new Map<string, { region: string; lng: string }[]>();
  for (const r of regions) {
    for (const lng of r.locales) {
      const b = lng.split('-')[0]!.toLowerCase();
      const list = byBase.get(b) ?? [];
      if (!list.some((x) => x.region === r.id)) list.push({ region: r.id, lng });
      byBase.set(b, list);
    }
  }
  const out = new Map<string, string>();
  for (const [b, list] of byBase) {
    const pick = list.find((x) => x.region === b) ?? (list.length === 1 ? list[0] : undefined);
    if (pick) out.set(`${pick.region}/${pick.lng}`, b);
  }
  return out;
}
