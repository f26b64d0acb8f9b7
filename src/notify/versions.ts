import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';
import { loadProject, type Project } from '../parse/project.js';
import { publishedVersions, type PublishedVersion } from '../publish/history.js';
import { SNAPSHOT_SOURCE_DIR, isVersion } from '../publish/manifest.js';
import { loadSnapshotProject } from '../publish/snapshot-source.js';

/** One side of the comparison: a published version or the working tree. */
export interface VersionSide {
  /** The version number, or `working`. */
  label: string;
  project: Project;
  /** Effective date (YYYY-MM-DD): the manifest's for a version, the front matter's for the working tree. */
  effective: string | undefined;
  published?: PublishedVersion;
}

export const WORKING = 'working';

/** The working tree: the project as it is on disk. */
export function loadWorking(root: string): VersionSide {
  const project = loadProject(root);
  return { label: WORKING, project, effective: frontMatterDate(project.master.frontMatter.effective) };
}

/** A front-matter date as YYYY-MM-DD (YAML may give a string or, with a timestamp schema, a Date). */
export function frontMatterDate(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}

/** The published versions of the project's document, oldest first. */
export function versionsOf(root: string, doc: string): PublishedVersion[] {
  return publishedVersions(root, doc);
}

/** Finds a published version or reports the ones there are (exit code 2). */
export function findVersion(root: string, doc: string, version: string, flag: string): PublishedVersion {
  const all = versionsOf(root, doc);
  const hit = all.find((v) => v.version === version);
  if (hit) return hit;
  const known = all.map((v) => v.version);
  throw new DiagnosticError([
    {
      severity: 'error',
      rule: 'unknown-version',
      file: `snapshots/${doc}/`,
      message: isVersion(version) ? `${flag} ${version}: no published version ${version} of "${doc}"` : `${flag} "${version}" is not a version number`,
      expected: known.length ? `one of the published versions: ${known.join(', ')}${flag === '--to' ? `, or ${WORKING}` : ''}` : 'a published version (snapshots/<doc>/<version>/manifest.json); there are none yet',
      hint: known.length ? `pass ${flag} ${known[known.length - 1]}` : 'publish a version first with `noticekit publish`',
    },
  ]);
}

/**
 * Loads a published version from its sources (`snapshots/<doc>/<version>/source/`) with today's
 * configuration, locales and jurisdiction packs, as `noticekit publish` does (leniently: an old
 * version may name ids today's locale files no longer label).
 */
export function loadPublished(version: PublishedVersion, current: Project): VersionSide {
  const doc = current.config.document;
  const display = `snapshots/${doc}/${version.version}`;
  if (!existsSync(join(version.dir, SNAPSHOT_SOURCE_DIR))) {
    throw new DiagnosticError([{ severity: 'error', rule: 'snapshot-source', file: `${display}/${SNAPSHOT_SOURCE_DIR}/`, message: `published version ${version.version} has no ${SNAPSHOT_SOURCE_DIR}/ folder`, expected: `the sources as published: ${SNAPSHOT_SOURCE_DIR}/${doc}.md, ${doc}.facts.yaml, regions.yaml, ${doc}.units.json`, hint: 'restore the snapshot from version control; run `noticekit verify`' }]);
  }
  const project = loadSnapshotProject(current, version.dir, display);
  return { label: version.version, project, effective: version.manifest.effective || frontMatterDate(project.master.frontMatter.effective), published: version };
}
