/** `snapshots/<doc>/<version>/manifest.json`: what a published version is, with the hash of every file. */
export type Severity = 'none' | 'editorial' | 'minor' | 'material';

export interface SnapshotManifest {
  schemaVersion: 1;
  document: string;
  /** Semantic version, e.g. 2.0.0. */
  version: string;
  /** The version this one replaces, or null for the first. */
  previous: string | null;
  /** Publication date, YYYY-MM-DD. */
  published: string;
  /** Effective date, YYYY-MM-DD. */
  effective: string;
  /** Highest severity of the changes since `previous` (none for the first version). */
  severity: Severity;
  /** Per region: the severity of the changes that reach it, and its languages. */
  regions: Record<string, { severity: Severity; locales: string[]; noticePeriodDays: number }>;
  /** sha256 of the master text. */
  sourceHash: string;
  /** Every file of the snapshot except manifest.json, by path relative to the version folder → sha256. */
  files: Record<string, string>;
  /** Set when a notice period was overridden with --force. */
  forced?: { justification: string; regions: string[] };
}

/**
 * Layout of a version folder:
 *   manifest.json                this manifest
 *   model.json                   the resolved model (facts, regions, units) as canonical JSON
 *   changes.json                 the classified diff against `previous` (absent for the first version)
 *   source/<doc>.md, <doc>.facts.yaml, regions.yaml, <doc>.units.json   the sources as published
 *   notices/<region>/<lng>/index.md and index.html                      every rendered notice
 */
export const SNAPSHOT_SOURCE_DIR = 'source';
export const SNAPSHOT_NOTICES_DIR = 'notices';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

export function isVersion(v: string): boolean {
  return SEMVER.test(v);
}

/** Orders semantic versions (pre-releases before their release). */
export function compareVersions(a: string, b: string): number {
  const ma = SEMVER.exec(a);
  const mb = SEMVER.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(ma[i]) - Number(mb[i]);
    if (d) return d;
  }
  if (ma[4] === mb[4]) return 0;
  if (!ma[4]) return 1;
  if (!mb[4]) return -1;
  return ma[4] < mb[4] ? -1 : 1;
}
