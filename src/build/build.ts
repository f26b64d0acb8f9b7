import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { DiagnosticBag, DiagnosticError } from '../model/diagnostics.js';
import { loadProject, type Project } from '../parse/project.js';
import { resolveRegions, type ResolvedRegion } from '../resolve/resolve.js';
import { loadTemplates, PACKAGE_TEMPLATES, type TemplateStore } from '../render/templates.js';
import { localizer } from '../i18n/localizer.js';
import { renderNotice, renderNoticeParts, noticeCache } from '../render/notice.js';
import { renderPage, renderPagePieces, renderChooser, pagePath } from '../render/page.js';
import { DirWriter, writeFileAtomic, type FileData } from '../util/atomic.js';
import { withProjectLockSync, lockWaitMs } from '../util/lock.js';
import { guardOutputDir } from '../util/out-dir.js';
import { sha256 } from '../util/hash.js';
import { quoted } from '../util/quote.js';
import { UsageError } from '../cli/usage-error.js';
import { walkUnits } from '../model/document.js';
import { SITE_EXTRAS, type SiteContext, type SitePage } from '../site/index.js';
import { historyKey } from '../site/history.js';

export interface BuildOptions {
  root: string;
  out?: string;
  regions?: string[];
  locales?: string[];
  baseUrl?: string;
  /** Render only a deterministic share of the pages: page k of the sorted list goes to shard (k mod count) + 1. */
  shard?: { index: number; count: number };
  /** Render and write everything, ignoring the previous build's manifest. */
  force?: boolean;
  /** Also update `policy/<doc>.units.json` when units were added or changed (default true). */
  updateUnitLock?: boolean;
}

export interface PageSummary {
  region: string;
  locale: string;
  path: string;
  fallbackUnits: number;
  reviewUnits: number;
  /** Taken over from the previous build: its inputs did not change. */
  reused: boolean;
}

export interface BuildResult {
  outDir: string;
  pages: PageSummary[];
  files: number;
  /** Files written (the others were unchanged and taken over from the previous build). */
  written: number;
  fallbackUnits: number;
  regions: number;
  locales: string[];
  unitLockUpdated: boolean;
  /** Nothing changed since the previous build: nothing was rendered or written. */
  upToDate: boolean;
}

export const BUILD_MARKER = '.noticekit-build.json';

/** The build manifest in `out/.noticekit-build.json`: input hashes per page and the hash of every file. */
export interface BuildManifest {
  generator: 'noticekit';
  version: string;
  document: string;
  /** Hash of every input file and option: equal means nothing to do. */
  inputs: string;
  /** Hash of the inputs without the shard: equal across the shards of one build. */
  source: string;
  shard?: { index: number; count: number };
  /** Per page folder: the hash of everything the page depends on. */
  pages: Record<string, string>;
  /** Per page folder: the notice's title, for site files made from pages that were not rendered again. */
  titles?: Record<string, string>;
  /** Every file but this manifest → sha256. */
  files: Record<string, string>;
}

const TOOL_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Renders what changed since the previous build into a new output folder, then swaps it in
 * atomically. Holds the project's lock (.noticekit.lock) meanwhile: a second build or a publish on
 * the same project waits for it, then refuses with a message naming the holder.
 */
export function buildSite(opts: BuildOptions): BuildResult {
  const root = resolve(opts.root);
  return withProjectLockSync(root, 'build', () => buildLocked(root, opts), { wait: lockWaitMs() });
}

function buildLocked(root: string, opts: BuildOptions): BuildResult {
  const configOut = opts.out;
  // Fast path: when no input file and no option changed, there is nothing to render or write.
  const quick = inputsFingerprint(root, opts);
  const outGuess = resolve(root, configOut ?? readConfigOut(root));
  const previous = opts.force ? undefined : readManifest(outGuess);
  if (previous && previous.inputs === quick.inputs && Object.keys(previous.files).every((f) => existsSync(join(outGuess, f)))) {
    return upToDate(outGuess, previous);
  }
  const project = loadProject(root);
  const outDir = resolve(project.root, opts.out ?? project.config.out);
  guardOutDir(project, outDir);
  const old = opts.force ? undefined : readManifest(outDir);
  const writer = new DirWriter(outDir, old, { thread: true });
  let site: RenderedSite;
  try {
    site = renderSite(project, { ...opts, previous: old, outDir, sink: (path, f) => writer.put(path, f) });
  } catch (e) {
    writer.abort();
    throw e;
  }
  const manifest: BuildManifest = {
    generator: 'noticekit',
    version: TOOL_VERSION,
    document: project.config.document,
    inputs: quick.inputs,
    source: quick.source,
    ...(opts.shard ? { shard: opts.shard } : {}),
    pages: site.pageKeys,
    titles: site.titles,
    files: site.hashes,
  };
  writer.put(BUILD_MARKER, `${JSON.stringify(manifest, null, 2)}\n`);
  // the unit ids the new site was rendered with go to the lock before the site swaps in: a failed
  // write throws the new site away, so a new site never stands next to an old lock
  let unitLockUpdated = false;
  if (project.unitLock.changed && opts.updateUnitLock !== false) {
    try {
      writeFileAtomic(join(project.root, project.unitLock.file), project.unitLock.serialize());
    } catch (e) {
      writer.abort();
      throw e;
    }
    unitLockUpdated = true;
  }
  writer.commit();
  const written = writer.written - 1;
  return {
    outDir,
    pages: site.pages,
    files: Object.keys(site.hashes).length + 1,
    written,
    fallbackUnits: site.pages.reduce((n, p) => n + p.fallbackUnits, 0),
    regions: new Set(site.pages.map((p) => p.region)).size,
    locales: [...new Set(site.pages.map((p) => p.locale))].sort(),
    unitLockUpdated,
    upToDate: false,
  };
}

function upToDate(outDir: string, m: BuildManifest): BuildResult {
  const pages = Object.keys(m.pages).sort().map((dir) => {
    const [region = '', locale = ''] = dir.split('/');
    return { region, locale, path: `${dir}index.html`, fallbackUnits: 0, reviewUnits: 0, reused: true };
  });
  return { outDir, pages, files: Object.keys(m.files).length + 1, written: 0, fallbackUnits: 0, regions: new Set(pages.map((p) => p.region)).size, locales: [...new Set(pages.map((p) => p.locale))].sort(), unitLockUpdated: false, upToDate: true };
}

function readConfigOut(root: string): string {
  try {
    const m = /^out:\s*(\S+)/m.exec(readFileSync(join(root, 'noticekit.config.yaml'), 'utf8'));
    return m?.[1] ?? 'out';
  } catch {
    return 'out';
  }
}

export function readManifest(outDir: string): BuildManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, BUILD_MARKER), 'utf8')) as BuildManifest;
    return m.generator === 'noticekit' && m.version === TOOL_VERSION && m.files && m.pages ? m : undefined;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string, prefix: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) listFiles(join(dir, e.name), `${prefix}${e.name}/`, out);
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
  }
}

/**
 * A hash of every input of a build: the project's policy, locales, templates and config, the
 * manifests of published versions, noticekit's own templates and version, and the options.
 */
export function inputsFingerprint(root: string, opts: BuildOptions): { inputs: string; source: string } {
  const files: string[] = [];
  for (const d of ['policy', 'locales', 'templates']) listFiles(join(root, d), `${d}/`, files);
  files.push('noticekit.config.yaml');
  const snaps: string[] = [];
  listFiles(join(root, 'snapshots'), 'snapshots/', snaps);
  files.push(...snaps.filter((f) => f.endsWith('/manifest.json')));
  const pkg: string[] = [];
  listFiles(PACKAGE_TEMPLATES, '', pkg);
  const h = createHash('sha256');
  h.update(`noticekit ${TOOL_VERSION} ${toolFingerprint()}\n`);
  for (const f of files) {
    const p = join(root, f);
    h.update(`${f}\0`);
    if (existsSync(p)) h.update(readFileSync(p));
    h.update('\0');
  }
  for (const f of pkg) h.update(`pkg:${f}\0`).update(readFileSync(join(PACKAGE_TEMPLATES, f))).update('\0');
  h.update(JSON.stringify({ regions: opts.regions ?? null, locales: opts.locales ?? null, baseUrl: opts.baseUrl ?? null }));
  const source = h.copy().digest('hex');
  h.update(JSON.stringify({ out: opts.out ?? null, shard: opts.shard ?? null }));
  return { inputs: h.digest('hex'), source };
}

let toolPrint: string | undefined;
/**
 * noticekit's own code and data (compiled modules, jurisdiction packs) by size and modification
 * time, so that a changed noticekit never reports a stale site as up to date.
 */
function toolFingerprint(): string {
  if (toolPrint) return toolPrint;
  const h = createHash('sha256');
  const dist = fileURLToPath(new URL('../', import.meta.url));
  const data = fileURLToPath(new URL('../../src/jurisdictions/data/', import.meta.url));
  // run from the bundle (the CLI), the code is dist/bundle/ and what the build step wrote beside it
  // (validators, precompiled templates and packs); as modules (the library), all of dist/
  const self = fileURLToPath(new URL('./', import.meta.url));
  const bundled = /[\\/]bundle[\\/]$/.test(self);
  const entries: [string, string][] = [];
  for (const dir of bundled ? [self, join(dist, 'model'), data] : [dist, data]) {
    const list: string[] = [];
    listFiles(dir, '', list);
    for (const f of list) entries.push([dir, f]);
  }
  if (bundled) for (const e of readdirSync(dist, { withFileTypes: true })) if (e.isFile()) entries.push([dist, e.name]);
  for (const [dir, f] of entries) {
    const st = statSync(join(dir, f));
    h.update(`${f}:${st.size}:${st.mtimeMs}\n`);
  }
  toolPrint = h.digest('hex');
  return toolPrint;
}

export function loadProjectTemplates(project: Project): TemplateStore {
  const diags = new DiagnosticBag();
  const store = loadTemplates(project.root, diags);
  for (const name of ['page.html.hbs', 'notice.md.hbs', 'index.html.hbs']) {
    if (!diags.hasErrors && !store.has(name)) diags.add({ rule: 'template-missing', file: `templates/${name}`, message: `template ${name} not found`, expected: 'the template in the project or in noticekit' });
  }
  diags.throwIfErrors();
  return store;
}

/** A file of the site: its content, or the previous build's file with this hash, taken over as it is. */
export type SiteFile = string | { reuse: string };

export interface RenderOptions extends Omit<BuildOptions, 'root'> {
  /** The previous build's manifest: pages whose inputs did not change are not rendered again. */
  previous?: BuildManifest | undefined;
  /** Where the previous build is, to take its files over. */
  outDir?: string;
  /** Where each file goes as soon as it is rendered (then `files` stays empty and memory flat). */
  sink?: (path: string, file: FileData) => string;
  /** The effective date and version shown on the pages (publish sets them; build takes the front matter's). */
  effective?: string;
  version?: string;
  /** Run the site extras (default true); `publish` renders the notices only. */
  extras?: boolean;
}

export interface RenderedSite {
  files: Map<string, SiteFile>;
  hashes: Record<string, string>;
  pages: PageSummary[];
  pageKeys: Record<string, string>;
  titles: Record<string, string>;
  regions: ResolvedRegion[];
}

/** Which of `count` shards page number `k` of the sorted page list belongs to (1-based). */
export function shardOf(k: number, count: number): number {
  return (k % count) + 1;
}

/** Pure rendering: the files of the site, by relative path. */
export function renderSite(project: Project, opts: RenderOptions = {}): RenderedSite {
  const known = new Set(project.regions.map((r) => r.id));
  const unknown = (opts.regions ?? []).filter((r) => !known.has(r));
  if (unknown.length) throw new UsageError(`unknown region${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')} in --regions; known regions: ${[...known].join(', ')}`);
  const allLocales = new Set(project.regions.flatMap((r) => r.locales));
  const unknownL = (opts.locales ?? []).filter((l) => !allLocales.has(l));
  if (unknownL.length) throw new UsageError(`unknown locale${unknownL.length > 1 ? 's' : ''} ${unknownL.map(quoted).join(', ')} in --locales; locales of the regions: ${[...allLocales].sort().join(', ')}`);
  if (opts.shard && (opts.shard.count < 1 || opts.shard.index < 1 || opts.shard.index > opts.shard.count)) throw new UsageError(`--shard ${opts.shard.index}/${opts.shard.count}: expected i/n with 1 ≤ i ≤ n`);
  const store = loadProjectTemplates(project);
  const regions = resolveRegions(project, opts.regions);
  const baseUrl = opts.baseUrl ?? project.config.baseUrl;
  const effective = opts.effective ?? String(project.master.frontMatter.effective ?? '');
  const files = new Map<string, SiteFile>();
  const hashes: Record<string, string> = {};
  /** Sends a file to the sink (or keeps it, in `files`, in page order below); returns its hash. */
  const put = (path: string, f: FileData): string => {
    if (opts.sink) return opts.sink(path, f);
    if (typeof f === 'string' || f instanceof Uint8Array) return sha256(f);
    return 'reuse' in f ? f.reuse : sha256(f.join(''));
  };
  /** The previous build has this file with this content (by hash), so it can be taken over as it is. */
  const unchanged = (path: string, hash: string | undefined): boolean => hash !== undefined && opts.previous?.files[path] === hash && !!opts.outDir && existsSync(join(opts.outDir, path));
  const common = commonKey(project, store, baseUrl, effective, opts.version);
  const keys = pageKeys(project, store, common);
  const all: { r: ResolvedRegion; lng: string; dir: string }[] = [];
  for (const r of regions) for (const lng of r.region.locales) if (!opts.locales || opts.locales.includes(lng)) all.push({ r, lng, dir: pagePath(r.region.id, lng) });
  all.sort((a, b) => (a.dir < b.dir ? -1 : 1));
  const mine = opts.shard ? all.filter((_, k) => shardOf(k, opts.shard!.count) === opts.shard!.index) : all;
  // Pages are rendered one language after the other, so that the work a language shares across its
  // regions (the translation of each unit, its HTML) is done once and dropped before the next
  // language; the results are reported in page order as before.
  const done: { page: PageSummary; site: SitePage; key: string; md: string; html: string; files?: [SiteFile, SiteFile] }[] = new Array(mine.length);
  const byLanguage = new Map<string, number[]>();
  mine.forEach((p, k) => {
    const list = byLanguage.get(p.lng);
    if (list) list.push(k);
    else byLanguage.set(p.lng, [k]);
  });
  for (const [lng, list] of byLanguage) {
    const l = localizer(project.locales, lng);
    const shared = noticeCache(project, lng);
    for (const k of list) {
      const { r, dir } = mine[k]!;
      const key = keys(r, lng);
      const prev = opts.previous;
      const md = `${dir}index.md`;
      const html = `${dir}index.html`;
      const reusable = prev && prev.pages[dir] === key && unchanged(md, prev.files[md]) && unchanged(html, prev.files[html]);
      let title: string;
      let page: PageSummary;
      let mdFile: SiteFile | string[];
      let htmlFile: SiteFile | string[];
      if (reusable) {
        title = prev.titles?.[dir] ?? renderNotice(project, r, l, store, shared).title;
        mdFile = { reuse: prev.files[md]! };
        htmlFile = { reuse: prev.files[html]! };
        page = { region: r.region.id, locale: lng, path: html, fallbackUnits: 0, reviewUnits: 0, reused: true };
      } else {
        const notice = opts.sink ? renderNoticeParts(project, r, l, store, shared) : renderNotice(project, r, l, store, shared);
        title = notice.title;
        const mdContext = {
          body: '',
          effectiveDateText: effective ? l.t('ui.effective_date', { date: l.date(effective) }) : '',
          version: opts.version,
          versionText: opts.version ? l.t('ui.version', { version: opts.version }) : '',
        };
        const pageOpts = { baseUrl, effective, ...(opts.version ? { version: opts.version } : {}) };
        if ('htmlBlocks' in notice) {
          // in pieces, written one after the other: the notice's blocks are never joined into one string
          const body = trimmedEnd(separated(notice.markdownBlocks, '\n\n'));
          mdFile = store.renderPieces?.('notice.md.hbs', mdContext, 'body', body) ?? [store.render('notice.md.hbs', { ...mdContext, body: body.join('') })];
          if (!endsWithNewline(mdFile)) mdFile.push('\n');
          htmlFile = renderPagePieces(project, r, l, notice, store, pageOpts);
        } else {
          const text = store.render('notice.md.hbs', { ...mdContext, body: notice.markdown.trimEnd() });
          mdFile = text.endsWith('\n') ? text : `${text}\n`;
          htmlFile = renderPage(project, r, l, notice, store, pageOpts);
        }
        page = { region: r.region.id, locale: lng, path: html, fallbackUnits: notice.fallbackUnits, reviewUnits: notice.reviewUnits, reused: false };
      }
      const mdHash = put(md, mdFile);
      const htmlHash = put(html, htmlFile);
      // pages keep no rendered text: a site of any size streams through with flat memory
      const site: SitePage = { region: r, locale: lng, localizer: l, dir, title, markdownHash: mdHash, get notice() { return renderNotice(project, r, l, store); } };
      done[k] = { page, site, key, md: mdHash, html: htmlHash, ...(opts.sink ? {} : { files: [mdFile as SiteFile, htmlFile as SiteFile] as [SiteFile, SiteFile] }) };
    }
  }
  const pages: PageSummary[] = [];
  const sitePages: SitePage[] = [];
  const pageKeyOf: Record<string, string> = {};
  const titles: Record<string, string> = {};
  mine.forEach(({ dir }, k) => {
    const d = done[k]!;
    pageKeyOf[dir] = d.key;
    titles[dir] = d.site.title;
    pages.push(d.page);
    sitePages.push(d.site);
    hashes[`${dir}index.md`] = d.md;
    hashes[`${dir}index.html`] = d.html;
    if (d.files) {
      files.set(`${dir}index.md`, d.files[0]);
      files.set(`${dir}index.html`, d.files[1]);
    }
  });
  // Files outside the page folders (the chooser, a sitemap) belong to the first shard. With a sink,
  // each is written as it comes (not kept: the privacy.json of every page and the sitemap add up)
  const dirs = mine.map((p) => p.dir);
  const ours = (path: string) => !opts.shard || opts.shard.index === 1 || dirs.some((d) => path.startsWith(d));
  const siteHashes = new Map<string, string>();
  const kept = new Map<string, string>();
  const siteFiles: SiteContext['files'] = {
    set(path, content) {
      if (!ours(path)) return;
      if (!opts.sink) {
        kept.set(path, typeof content === 'string' ? content : content.join(''));
        return;
      }
      let data: FileData = content;
      const before = opts.previous?.files[path];
      if (before !== undefined) {
        // encoded once: the same bytes are hashed (to compare with the previous build) and written
        const bytes = Buffer.from(typeof content === 'string' ? content : content.join(''), 'utf8');
        data = unchanged(path, sha256(bytes)) ? { reuse: before } : bytes;
      }
      siteHashes.set(path, opts.sink(path, data));
    },
  };
  if (!opts.shard || opts.shard.index === 1) siteFiles.set('index.html', renderChooser(project, store, regions, { baseUrl }));
  const ctx: SiteContext = { project, regions, store, baseUrl, pages: sitePages, files: siteFiles };
  if (opts.extras !== false) for (const extra of SITE_EXTRAS) extra(ctx);
  const byPath = (a: string, b: string) => (a < b ? -1 : 1);
  for (const path of [...siteHashes.keys()].sort(byPath)) hashes[path] = siteHashes.get(path)!;
  for (const path of [...kept.keys()].sort(byPath)) {
    const content = kept.get(path)!;
    const h = sha256(content);
    const f: SiteFile = unchanged(path, h) ? { reuse: h } : content;
    files.set(path, f);
    hashes[path] = put(path, f);
  }
  return { files, hashes, pages, pageKeys: pageKeyOf, titles, regions };
}

/** The texts with `separator` between each two. */
function separated(texts: readonly string[], separator: string): string[] {
  const out: string[] = [];
  texts.forEach((t, i) => (i > 0 ? out.push(separator, t) : out.push(t)));
  return out;
}

/** `pieces.join('').trimEnd()`, in pieces. */
function trimmedEnd(pieces: string[]): string[] {
  while (pieces.length > 0 && pieces[pieces.length - 1]!.trimEnd() === '') pieces.pop();
  if (pieces.length > 0) pieces[pieces.length - 1] = pieces[pieces.length - 1]!.trimEnd();
  return pieces;
}

/** `pieces.join('').endsWith('\n')`. */
function endsWithNewline(pieces: readonly string[]): boolean {
  for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i] !== '') return pieces[i]!.endsWith('\n');
  return false;
}

/** What every page depends on: configuration, facts, regions, templates shared by all pages, history. */
function commonKey(project: Project, store: TemplateStore, baseUrl: string | undefined, effective: string, version: string | undefined): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ tool: TOOL_VERSION, code: toolFingerprint(), config: project.config, baseUrl: baseUrl ?? null, effective, version: version ?? null }));
  h.update(JSON.stringify(project.facts)).update(JSON.stringify(project.regions)).update(JSON.stringify(project.master.frontMatter));
  h.update(historyKey(project));
  for (const name of [...store.sources.keys()].sort()) {
    if (name.startsWith('facts/')) continue;
    h.update(`${name}\0`).update(store.sources.get(name)!).update('\0');
  }
  return h.digest('hex');
}

/**
 * The hash of everything one page depends on, by region and language; equal means the page would
 * come out the same. What a region's pages share (its blocks, the fact templates they show, the
 * earlier English of its units) and what a language's share (its labels and translations) are
 * hashed once each.
 */
function pageKeys(project: Project, store: TemplateStore, common: string): (r: ResolvedRegion, lng: string) => string {
  const byRegion = new Map<ResolvedRegion, string>();
  const byLanguage = new Map<string, string>();
  const lock = project.unitLock.data.units;
  const regionKey = (r: ResolvedRegion): string => {
    let key = byRegion.get(r);
    if (key === undefined) {
      const h = createHash('sha256');
      h.update(JSON.stringify(r.blocks));
      const shows = new Set<string>();
      const visit = (bs: ResolvedRegion['blocks']) => {
        for (const b of bs) {
          if (b.type === 'facts') shows.add(b.show);
          else if (b.type === 'list') b.items.forEach(visit);
          else if (b.type === 'blockquote' || b.type === 'conditional') visit(b.blocks);
        }
      };
      visit(r.blocks);
      for (const s of [...shows].sort()) h.update(`\0facts/${s}\0`).update(store.sources.get(`facts/${s}.md.hbs`) ?? '');
      // earlier English texts decide whether a translation is stale or only needs review
      h.update('\0previous\0');
      for (const u of walkUnits(r.blocks)) h.update(JSON.stringify(lock[u.id]?.previous ?? null));
      key = h.digest('hex');
      byRegion.set(r, key);
    }
    return key;
  };
  const languageKey = (lng: string): string => {
    let key = byLanguage.get(lng);
    if (key === undefined) {
      const h = createHash('sha256');
      const base = lng.split('-')[0]!;
      for (const tag of [...new Set([lng, base, 'en'])]) {
        h.update(`ui:${tag}\0`).update(project.locales.texts.get(`${tag}/ui`) ?? '');
        if (tag !== 'en') h.update(`\0privacy:${tag}\0`).update(project.locales.texts.get(`${tag}/privacy`) ?? '');
        h.update('\0');
      }
      key = h.digest('hex');
      byLanguage.set(lng, key);
    }
    return key;
  };
  return (r, lng) => createHash('sha256').update(`${common}\0${lng}\0${r.region.id}\0${regionKey(r)}\0${languageKey(lng)}`).digest('hex');
}

/** Refuses an output folder that would replace the project, its sources or a folder noticekit did not make. */
function guardOutDir(project: Project, outDir: string): void {
  guardOutputDir(project.root, outDir, { marker: BUILD_MARKER, what: 'the site', command: 'noticekit build', example: 'out', hint: 'pass --out out (or set `out:` in noticekit.config.yaml)' });
}
