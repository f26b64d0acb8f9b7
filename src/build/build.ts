import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, relative, isAbsolute, sep } from 'node:path';
import { DiagnosticBag, DiagnosticError } from '../model/diagnostics.js';
import { loadProject, type Project } from '../parse/project.js';
import { resolveRegions, type ResolvedRegion } from '../resolve/resolve.js';
import { loadTemplates, type TemplateStore } from '../render/templates.js';
import { localizer } from '../i18n/localizer.js';
import { renderNotice } from '../render/notice.js';
import { renderPage, renderChooser, pagePath } from '../render/page.js';
import { replaceDirAtomic, writeFileAtomic } from '../util/atomic.js';
import { sha256 } from '../util/hash.js';
import { UsageError } from '../cli/usage-error.js';
import { SITE_EXTRAS, type SiteContext, type SitePage } from '../site/index.js';

export interface BuildOptions {
  root: string;
  out?: string;
  regions?: string[];
  locales?: string[];
  baseUrl?: string;
  /** Also update `policy/<doc>.units.json` when units were added or changed (default true). */
  updateUnitLock?: boolean;
}

export interface PageSummary {
  region: string;
  locale: string;
  path: string;
  fallbackUnits: number;
  reviewUnits: number;
}

export interface BuildResult {
  outDir: string;
  pages: PageSummary[];
  files: number;
  fallbackUnits: number;
  regions: number;
  locales: string[];
  unitLockUpdated: boolean;
}

export const BUILD_MARKER = '.noticekit-build.json';

/** Renders every region × language page into memory, then swaps the output folder in atomically. */
export function buildSite(opts: BuildOptions): BuildResult {
  const project = loadProject(opts.root);
  const outDir = resolve(project.root, opts.out ?? project.config.out);
  guardOutDir(project, outDir);
  const { files, pages, regions } = renderSite(project, opts);
  replaceDirAtomic(outDir, files);
  let unitLockUpdated = false;
  if (project.unitLock.changed && opts.updateUnitLock !== false) {
    writeFileAtomic(join(project.root, project.unitLock.file), project.unitLock.serialize());
    unitLockUpdated = true;
  }
  return {
    outDir,
    pages,
    files: files.size,
    fallbackUnits: pages.reduce((n, p) => n + p.fallbackUnits, 0),
    regions: regions.length,
    locales: [...new Set(pages.map((p) => p.locale))].sort(),
    unitLockUpdated,
  };
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

/** Pure rendering: the files of the site, by relative path. */
export function renderSite(project: Project, opts: Omit<BuildOptions, 'root'> = {}): { files: Map<string, string>; pages: PageSummary[]; regions: ResolvedRegion[] } {
  const known = new Set(project.regions.map((r) => r.id));
  const unknown = (opts.regions ?? []).filter((r) => !known.has(r));
  if (unknown.length) throw new UsageError(`unknown region${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in --regions; known regions: ${[...known].join(', ')}`);
  const allLocales = new Set(project.regions.flatMap((r) => r.locales));
  const unknownL = (opts.locales ?? []).filter((l) => !allLocales.has(l));
  if (unknownL.length) throw new UsageError(`unknown locale${unknownL.length > 1 ? 's' : ''} ${unknownL.join(', ')} in --locales; locales of the regions: ${[...allLocales].sort().join(', ')}`);
  const store = loadProjectTemplates(project);
  const regions = resolveRegions(project, opts.regions);
  const baseUrl = opts.baseUrl ?? project.config.baseUrl;
  const files = new Map<string, string>();
  const pages: PageSummary[] = [];
  const sitePages: SitePage[] = [];
  for (const r of regions) {
    for (const lng of r.region.locales) {
      if (opts.locales && !opts.locales.includes(lng)) continue;
      const l = localizer(project.locales, lng);
      const notice = renderNotice(project, r, l, store);
      const dir = pagePath(r.region.id, lng);
      const effective = String(project.master.frontMatter.effective ?? '');
      const mdFile = store.render('notice.md.hbs', {
        body: notice.markdown.trimEnd(),
        effectiveDateText: effective ? l.t('ui.effective_date', { date: l.date(effective) }) : '',
      });
      files.set(`${dir}index.md`, mdFile.endsWith('\n') ? mdFile : `${mdFile}\n`);
      files.set(`${dir}index.html`, renderPage(project, r, l, notice, store, { baseUrl, effective }));
      pages.push({ region: r.region.id, locale: lng, path: `${dir}index.html`, fallbackUnits: notice.fallbackUnits, reviewUnits: notice.reviewUnits });
      sitePages.push({ region: r, locale: lng, localizer: l, dir, notice });
    }
  }
  files.set('index.html', renderChooser(project, store, regions));
  const ctx: SiteContext = { project, regions, store, baseUrl, pages: sitePages, files };
  for (const extra of SITE_EXTRAS) extra(ctx);
  const manifest = {
    generator: 'noticekit',
    document: project.config.document,
    source: project.master.sourceHash,
    files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, c]) => [p, sha256(c)])),
  };
  files.set(BUILD_MARKER, `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, pages, regions };
}

/** Refuses an output folder that would replace the project, its sources or a folder noticekit did not make. */
function guardOutDir(project: Project, outDir: string): void {
  const root = project.root;
  const rel = relative(outDir, root);
  const isAncestorOrSelf = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  const inside = (dir: string) => {
    const r = relative(join(root, dir), outDir);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const protectedDir = ['policy', 'templates', 'locales', 'snapshots', 'src', 'node_modules', '.git', 'test'].find(inside);
  if (isAncestorOrSelf || protectedDir) {
    throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: relative(process.cwd(), outDir) || '.', message: `refusing to write the site into ${isAncestorOrSelf ? 'the project folder or one of its parents' : `${protectedDir}${sep}`}: the build replaces its output folder as a whole`, expected: 'an output folder of its own, such as out/', hint: 'pass --out out (or set `out:` in noticekit.config.yaml)' }]);
  }
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: relative(process.cwd(), outDir), message: 'the output path exists and is not a folder', expected: 'a folder noticekit made, or none', hint: 'choose another --out' }]);
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(BUILD_MARKER)) {
      throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: relative(process.cwd(), outDir), message: `the output folder is not empty and was not made by noticekit (no ${BUILD_MARKER}); the build would replace it`, expected: 'an empty folder, a new one, or one noticekit built', hint: 'choose another --out, or empty the folder yourself' }]);
    }
  }
}
