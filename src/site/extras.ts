import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import type { Localizer } from '../i18n/localizer.js';
import type { TemplateStore } from '../render/templates.js';
import type { RenderedNotice } from '../render/notice.js';

/** One rendered notice page of the site. */
export interface SitePage {
  region: ResolvedRegion;
  locale: string;
  localizer: Localizer;
  /** Folder of the page inside the output, e.g. `de/de/`. */
  dir: string;
  /** The notice's title (its h1) in the page's language. */
  title: string;
  /** sha256 of the page's index.md as written. */
  markdownHash: string;
  /** The rendered notice; rendered on demand for a page the build took over unchanged, and not kept. */
  notice: RenderedNotice;
}

/** What a site extra sees: the project, every page rendered, and the output files so far. */
export interface SiteContext {
  project: Project;
  regions: ResolvedRegion[];
  store: TemplateStore;
  baseUrl: string | undefined;
  pages: SitePage[];
  /**
   * Where an extra puts its output files (sitemap, machine-readable JSON, archives), by relative
   * path: a text, or a long text as pieces (their concatenation, written without making it one
   * string). A build writes each file as it comes and keeps none, so an extra cannot read another's.
   */
  files: { set(path: string, content: string | readonly string[]): unknown };
}

/** A function that adds files to the site after the notices are rendered. Must be pure and deterministic. */
export type SiteExtra = (ctx: SiteContext) => void;
