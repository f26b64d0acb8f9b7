import type { Project } from '../parse/project.js';
import { publishedVersions, type PublishedVersion } from '../publish/history.js';

/** What the pages say about published versions: the version shown, dates, and archive links. */
export interface SiteHistory {
  versions: PublishedVersion[];
  /** The latest published version, if any. */
  latest: PublishedVersion | undefined;
  /** The version the working master text is (its source hash equals a published one), if any. */
  current: PublishedVersion | undefined;
}

const cache = new WeakMap<Project, SiteHistory>();

/** Reads the published versions of the project's document once per loaded project. */
export function siteHistory(project: Project): SiteHistory {
  let h = cache.get(project);
  if (!h) {
    h = historyOf(publishedVersions(project.root, project.config.document), project.master.sourceHash);
    cache.set(project, h);
  }
  return h;
}

export function historyOf(versions: PublishedVersion[], sourceHash: string): SiteHistory {
  const latest = versions[versions.length - 1];
  const current = [...versions].reverse().find((v) => v.manifest.sourceHash === sourceHash);
  return { versions, latest, current };
}

/** True when a published version contains the page of this region and language. */
export function versionHasPage(v: PublishedVersion, region: string, lng: string): boolean {
  return v.manifest.regions?.[region]?.locales?.includes(lng) ?? false;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Last updated": the front matter's `last_updated` or `updated` date when given; otherwise the
 * publication date of the version the text is; otherwise the effective date.
 */
export function lastUpdated(frontMatter: Record<string, unknown>, history: SiteHistory, version: string | undefined, effective: string): string {
  for (const key of ['last_updated', 'updated']) {
    const v = frontMatter[key];
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : '';
    if (ISO_DATE.test(s)) return s;
  }
  const published = (version ? history.versions.find((v) => v.version === version) : history.current)?.manifest.published;
  if (published && ISO_DATE.test(published)) return published;
  return effective;
}

/** What the pages take from the published versions, for the build's reuse keys: equal means the pages come out the same. */
export function historyKey(project: Project): string {
  return JSON.stringify(siteHistory(project).versions.map((v) => [v.version, v.manifest.published, v.manifest.sourceHash, v.manifest.regions]));
}
