import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../util/hash.js';
import { canonicalJson } from './canonical-json.js';
import { compareVersions, isVersion, SNAPSHOT_MANIFEST, snapshotsDir, type SnapshotManifest } from './manifest.js';
import { isTempName } from './write-snapshot.js';

export interface VersionCheck {
  version: string;
  /** The version folder, relative to the project root. */
  dir: string;
  /** Files whose bytes no longer match the sha256 in the manifest. */
  edited: string[];
  /** Files in the folder the manifest does not list. */
  added: string[];
  /** Files the manifest lists that are gone. */
  removed: string[];
  /** Problems with the manifest itself: unreadable, edited (digest), or a broken link to the previous version. */
  manifest: string[];
  ok: boolean;
}

export interface VerifyReport {
  document: string;
  versions: VersionCheck[];
  /** Entries of snapshots/<doc>/ that are not version folders (not counting leftovers). */
  strays: string[];
  /** Temporary folders of an interrupted publish (removed by the next publish; not a failure). */
  leftovers: string[];
  ok: boolean;
}

/** sha256 of a manifest's canonical JSON without its `digest` field. */
export function manifestDigest(m: SnapshotManifest): string {
  return sha256(canonicalJson({ ...m, digest: undefined }));
}

function listFiles(dir: string, prefix = '', out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) listFiles(join(dir, e.name), `${prefix}${e.name}/`, out);
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}

/**
 * Recomputes the sha256 of every file of every published version (or of one) and compares them
 * with its manifest: a file edited, added or removed after publication is reported, and so is an
 * edited manifest (its digest) or an earlier manifest that no longer matches the hash its successor
 * recorded.
 */
export function verifySnapshots(root: string, doc: string, opts: { version?: string } = {}): VerifyReport {
  const rel = snapshotsDir(doc);
  const base = join(root, rel);
  const report: VerifyReport = { document: doc, versions: [], strays: [], leftovers: [], ok: true };
  if (!existsSync(base)) return report;
  const names = readdirSync(base).sort((a, b) => (isVersion(a) && isVersion(b) ? compareVersions(a, b) : a < b ? -1 : 1));
  const manifestBytes = new Map<string, Buffer>();
  for (const name of names) {
    const path = join(base, name);
    if (isTempName(name)) {
      report.leftovers.push(`${rel}/${name}`);
      continue;
    }
    if (!isVersion(name) || !statSync(path).isDirectory()) {
      if (!opts.version) report.strays.push(`${rel}/${name}`);
      continue;
    }
    const mpath = join(path, SNAPSHOT_MANIFEST);
    if (existsSync(mpath)) manifestBytes.set(name, readFileSync(mpath));
    if (opts.version && name !== opts.version) continue;
    report.versions.push(checkVersion(path, `${rel}/${name}`, name, manifestBytes));
  }
  report.ok = report.strays.length === 0 && report.versions.every((v) => v.ok);
  return report;
}

function checkVersion(path: string, dir: string, version: string, manifests: Map<string, Buffer>): VersionCheck {
  const c: VersionCheck = { version, dir, edited: [], added: [], removed: [], manifest: [], ok: true };
  const bytes = manifests.get(version);
  const onDisk = listFiles(path).filter((f) => f !== SNAPSHOT_MANIFEST).sort();
  if (!bytes) {
    c.manifest.push(`${SNAPSHOT_MANIFEST} is missing: nothing says what was published`);
    c.added.push(...onDisk);
    c.ok = false;
    return c;
  }
  let m: SnapshotManifest;
  try {
    m = JSON.parse(bytes.toString('utf8')) as SnapshotManifest;
    if (!m || typeof m !== 'object' || typeof m.files !== 'object' || m.files === null) throw new Error('no "files" object');
  } catch (e) {
    c.manifest.push(`${SNAPSHOT_MANIFEST} is not a valid manifest: ${(e as Error).message}`);
    c.ok = false;
    return c;
  }
  if (m.version !== version) c.manifest.push(`${SNAPSHOT_MANIFEST} names version ${String(m.version)}, but the folder is ${version}`);
  if (m.digest !== undefined && m.digest !== manifestDigest(m)) c.manifest.push(`${SNAPSHOT_MANIFEST} was edited after publication (its digest no longer matches its content)`);
  if (m.previous && m.previousManifest) {
    const prev = manifests.get(m.previous);
    if (!prev) c.manifest.push(`the previous version ${m.previous} it replaces is missing`);
    else if (sha256(prev) !== m.previousManifest) c.manifest.push(`the manifest of the previous version ${m.previous} was changed after this version was published`);
  }
  const listed = new Set(Object.keys(m.files));
  for (const f of onDisk) {
    if (!listed.has(f)) c.added.push(f);
    else if (sha256(readFileSync(join(path, f))) !== m.files[f]) c.edited.push(f);
  }
  const present = new Set(onDisk);
  for (const f of [...listed].sort()) if (!present.has(f)) c.removed.push(f);
  c.ok = !c.edited.length && !c.added.length && !c.removed.length && !c.manifest.length;
  return c;
}
