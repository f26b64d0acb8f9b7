import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../parse/project.js';
import { loadVersion } from '../parse/versions.js';
import { SNAPSHOT_SOURCE_DIR } from './manifest.js';

export interface SourceFile {
  /** Path in the project, e.g. `policy/privacy.md`. */
  project: string;
  /** Path in the version folder, e.g. `source/privacy.md`. */
  snapshot: string;
}

/** The policy files a snapshot keeps under `source/`. */
export function sourceFiles(doc: string): { master: SourceFile; facts: SourceFile; regions: SourceFile; units: SourceFile } {
  const f = (project: string, name: string): SourceFile => ({ project, snapshot: `${SNAPSHOT_SOURCE_DIR}/${name}` });
  return {
    master: f(`policy/${doc}.md`, `${doc}.md`),
    facts: f(`policy/${doc}.facts.yaml`, `${doc}.facts.yaml`),
    regions: f('policy/regions.yaml', 'regions.yaml'),
    units: f(`policy/${doc}.units.json`, `${doc}.units.json`),
  };
}

/** Reads a policy file (`policy/privacy.md`, …) of a published version from its snapshot; undefined for any other path. */
export function snapshotReader(versionDir: string, doc: string): (rel: string) => string | undefined {
  const map = new Map(Object.values(sourceFiles(doc)).map((f) => [f.project, join(versionDir, f.snapshot)]));
  return (rel) => {
    const p = map.get(rel);
    return p && existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
}

/**
 * The project as it was published in a snapshot: its master text, facts, regions and unit ids,
 * with today's locales, templates, jurisdiction packs and configuration; loaded the way
 * `noticekit diff` loads any earlier version (so publish and diff agree on what changed).
 */
export function loadSnapshotProject(current: Project, versionDir: string, displayDir: string): Project {
  const doc = current.config.document;
  const shown = new Map(Object.values(sourceFiles(doc)).map((f) => [f.project, `${displayDir}/${f.snapshot}`]));
  return loadVersion(current, snapshotReader(versionDir, doc), (rel) => shown.get(rel) ?? rel, 'restore the published version from version control; run `noticekit verify`');
}
