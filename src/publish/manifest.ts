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
  regions: Record<string, SnapshotRegion>;
  /** sha256 of the master text. */
  sourceHash: string;
  /** Every file of the snapshot except manifest.json, by path relative to the version folder → sha256. */
  files: Record<string, string>;
  /** Set when a notice period was overridden with --force. */
  forced?: { justification: string; regions: string[] };
  /** sha256 of the previous version's manifest.json as it was when this version was published (a hash chain). */
  previousManifest?: string | null;
  /** sha256 of this manifest's canonical JSON without `digest`: `noticekit verify` recomputes it. */
  digest?: string;
}

export interface SnapshotRegion {
  severity: Severity;
  locales: string[];
  noticePeriodDays: number;
  /** Where the notice period comes from: `config`, `override` (publishing.notice_period_overrides) or `law:<pack>`. */
  noticePeriodSource?: string;
  /** The earliest effective date the notice period allowed: publication + period when the change is material, else the publication date. */
  earliestEffective?: string;
  /** The region was not in the previous version: nobody had an earlier notice to be told about. */
  added?: boolean;
}

/** `changes.json`: what changed since the previous version, classified, and which regions each change reaches. */
export interface SnapshotChanges {
  schemaVersion: 1;
  document: string;
  from: string;
  to: string;
  /** How the changes were found: `project-diff` (master text, facts and regions; see src/classify/project-diff.ts). */
  method: string;
  severity: Severity;
  summary: { material: number; minor: number; editorial: number };
  /** Per region: its severity and the indexes of the changes (in `changes`) that reach it. */
  regions: Record<string, { severity: Severity; changes: number[]; added?: boolean }>;
  changes: SnapshotChange[];
}

export interface SnapshotChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  severity: Severity;
  /** The classification rule that decided, and why, in words a lawyer can check. */
  rule: string;
  reason: string;
  /** The master text, the structured facts, or where text applies (a `:::only`/`:::except` scope). */
  source: 'text' | 'facts' | 'scope';
  section: { id: string; path: string[] };
  /** Inline Markdown before / after (null when added / removed). */
  before: string | null;
  after: string | null;
  regions: string[];
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
export const SNAPSHOT_MANIFEST = 'manifest.json';
export const SNAPSHOT_MODEL = 'model.json';
export const SNAPSHOT_CHANGES = 'changes.json';

/** `snapshots/<doc>`, relative to the project root. */
export function snapshotsDir(doc: string): string {
  return `snapshots/${doc}`;
}

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
