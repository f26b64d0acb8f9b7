import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { DiagnosticBag, DiagnosticError } from '../model/diagnostics.js';
import { loadProject, type Project } from '../parse/project.js';
import { resolveRegions, type ResolvedRegion } from '../resolve/resolve.js';
import { loadTemplates, PACKAGE_TEMPLATES, type TemplateStore } from '../render/templates.js';
import { localizer } from '../i18n/localizer.js';
import { renderNotice, type RenderedNotice } from '../render/notice.js';
import { renderPage, renderChooser, pagePath } from '../render/page.js';
import { DirWriter, writeFileAtomic } from '../util/atomic.js';
import { withProjectLockSync, lockWaitMs } from '../util/lock.js';
import { guardOutputDir } from '../util/out-dir.js';
import { sha256 } from '../util/hash.js';
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
  const writer = new DirWriter(outDir, old);
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
  writer.commit();
  const written = writer.written - 1;
  let unitLockUpdated = false;
  if (project.unitLock.changed && opts.updateUnitLock !== false) {
    writeFileAtomic(join(project.root, project.unitLock.file), project.unitLock.serialize());
    unitLockUpdated = true;
  }
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
  const here = fileURLToPath(new URL('../', import.meta.url));
  const data = fileURLToPath(new URL('../../src/jurisdictions/data/', import.meta.url));
  for (const dir of [here, data]) {
    const list: string[] = [];
    listFiles(dir, '', list);
    for (const f of list) {
      const st = statSync(join(dir, f));
      h.update(`${f}:${st.size}:${st.mtimeMs}\n`);
    }
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
  sink?: (path: string, file: SiteFile) => string;
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
  if (unknown.length) throw new UsageError(`unknown region${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in --regions; known regions: ${[...known].join(', ')}`);
  const allLocales = new Set(project.regions.flatMap((r) => r.locales));
  const unknownL = (opts.locales ?? []).filter((l) => !allLocales.has(l));
  if (unknownL.length) throw new UsageError(`unknown locale${unknownL.length > 1 ? 's' : ''} ${unknownL.join(', ')} in --locales; locales of the regions: ${[...allLocales].sort().join(', ')}`);
  if (opts.shard && (opts.shard.count < 1 || opts.shard.index < 1 || opts.shard.index > opts.shard.count)) throw new UsageError(`--shard ${opts.shard.index}/${opts.shard.count}: expected i/n with 1 ≤ i ≤ n`);
  const store = loadProjectTemplates(project);
  const regions = resolveRegions(project, opts.regions);
  const baseUrl = opts.baseUrl ?? project.config.baseUrl;
  const effective = opts.effective ?? String(project.master.frontMatter.effective ?? '');
  const files = new Map<string, SiteFile>();
  const hashes: Record<string, string> = {};
  const put = (path: string, f: SiteFile) => {
    if (opts.sink) hashes[path] = opts.sink(path, f);
    else {
      files.set(path, f);
      hashes[path] = typeof f === 'string' ? sha256(f) : f.reuse;
    }
  };
  const pages: PageSummary[] = [];
  const sitePages: SitePage[] = [];
  const pageKeys: Record<string, string> = {};
  const titles: Record<string, string> = {};
  const common = commonKey(project, store, baseUrl, effective, opts.version);
  const all: { r: ResolvedRegion; lng: string; dir: string }[] = [];
  for (const r of regions) for (const lng of r.region.locales) if (!opts.locales || opts.locales.includes(lng)) all.push({ r, lng, dir: pagePath(r.region.id, lng) });
  all.sort((a, b) => (a.dir < b.dir ? -1 : 1));
  const mine = opts.shard ? all.filter((_, k) => shardOf(k, opts.shard!.count) === opts.shard!.index) : all;
  for (const { r, lng, dir } of mine) {
    const l = localizer(project.locales, lng);
    const key = pageKey(project, store, r, lng, common);
    pageKeys[dir] = key;
    const prev = opts.previous;
    const md = `${dir}index.md`;
    const html = `${dir}index.html`;
    const reusable = prev && prev.pages[dir] === key && prev.files[md] && prev.files[html] && opts.outDir && existsSync(join(opts.outDir, md)) && existsSync(join(opts.outDir, html));
    const render = (): RenderedNotice => renderNotice(project, r, l, store);
    let title: string;
    if (reusable) {
      title = prev.titles?.[dir] ?? render().title;
      put(md, { reuse: prev.files[md]! });
      put(html, { reuse: prev.files[html]! });
      pages.push({ region: r.region.id, locale: lng, path: html, fallbackUnits: 0, reviewUnits: 0, reused: true });
    } else {
      const notice = render();
      title = notice.title;
      const mdFile = store.render('notice.md.hbs', {
        body: notice.markdown.trimEnd(),
        effectiveDateText: effective ? l.t('ui.effective_date', { date: l.date(effective) }) : '',
        version: opts.version,
        versionText: opts.version ? l.t('ui.version', { version: opts.version }) : '',
      });
      put(md, mdFile.endsWith('\n') ? mdFile : `${mdFile}\n`);
      put(html, renderPage(project, r, l, notice, store, { baseUrl, effective, ...(opts.version ? { version: opts.version } : {}) }));
      pages.push({ region: r.region.id, locale: lng, path: html, fallbackUnits: notice.fallbackUnits, reviewUnits: notice.reviewUnits, reused: false });
    }
    titles[dir] = title;
    // pages keep no rendered text: a site of any size streams through with flat memory
    sitePages.push({ region: r, locale: lng, localizer: l, dir, title, markdownHash: hashes[md]!, get notice() { return render(); } });
  }
  // Files outside the page folders (the chooser, a sitemap) belong to the first shard.
  const siteFiles = new Map<string, string>();
  if (!opts.shard || opts.shard.index === 1) siteFiles.set('index.html', renderChooser(project, store, regions, { baseUrl }));
  const ctx: SiteContext = { project, regions, store, baseUrl, pages: sitePages, files: siteFiles };
  if (opts.extras !== false) for (const extra of SITE_EXTRAS) extra(ctx);
  const dirs = mine.map((p) => p.dir);
  for (const [path, content] of [...siteFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const inPage = dirs.some((d) => path.startsWith(d));
    if (opts.shard && opts.shard.index !== 1 && !inPage) continue;
    const h = sha256(content);
    put(path, opts.previous?.files[path] === h && opts.outDir && existsSync(join(opts.outDir, path)) ? { reuse: h } : content);
  }
  return { files, hashes, pages, pageKeys, titles, regions };
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

const blockHashes = new WeakMap<ResolvedRegion, string>();
/** The region's resolved blocks (the same for each of its languages), hashed once. */
function blocksHash(r: ResolvedRegion): string {
  let h = blockHashes.get(r);
  if (!h) {
    h = sha256(JSON.stringify(r.blocks));
    blockHashes.set(r, h);
  }
  return h;
}

/** The hash of everything one page depends on; equal means the page would come out the same. */
function pageKey(project: Project, store: TemplateStore, r: ResolvedRegion, lng: string, common: string): string {
  const h = createHash('sha256');
  h.update(common).update(lng).update(r.region.id);
  h.update(blocksHash(r));
  const shows = new Set<string>();
  const visit = (bs: ResolvedRegion['blocks']) => {
    for (const b of bs) {
      if (b.type === 'facts') shows.add(b.show);
      else if (b.type === 'list') b.items.forEach(visit);
      else if (b.type === 'blockquote' || b.type === 'conditional') visit(b.blocks);
    }
  };
  visit(r.blocks);
  for (const s of [...shows].sort()) h.update(`facts/${s}\0`).update(store.sources.get(`facts/${s}.md.hbs`) ?? '');
  const base = lng.split('-')[0]!;
  for (const tag of [...new Set([lng, base, 'en'])]) {
    h.update(`ui:${tag}\0`).update(project.locales.texts.get(`${tag}/ui`) ?? '');
    if (tag !== 'en') h.update(`privacy:${tag}\0`).update(project.locales.texts.get(`${tag}/privacy`) ?? '');
  }
  // earlier English texts decide whether a translation is stale or only needs review
  const lock = project.unitLock.data.units;
  for (const u of walkUnits(r.blocks)) h.update(JSON.stringify(lock[u.id]?.previous ?? null));
  return h.digest('hex');
}

/** Refuses an output folder that would replace the project, its sources or a folder noticekit did not make. */
function guardOutDir(project: Project, outDir: string): void {
  guardOutputDir(project.root, outDir, { marker: BUILD_MARKER, what: 'the site', command: 'noticekit build', example: 'out', hint: 'pass --out out (or set `out:` in noticekit.config.yaml)' });
}
