import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';
import { compareVersions, isVersion, type SnapshotManifest } from './manifest.js';
import { addDays } from './dates.js';

export interface PublishedVersion {
  version: string;
  dir: string;
  manifest: SnapshotManifest;
}

/** The published versions of a document, oldest first, read from their manifests. */
export function publishedVersions(root: string, doc: string): PublishedVersion[] {
  const base = join(root, 'snapshots', doc);
  if (!existsSync(base)) return [];
  const out: PublishedVersion[] = [];
  for (const v of readdirSync(base)) {
    if (!isVersion(v)) continue;
    const file = join(base, v, 'manifest.json');
    if (!existsSync(file)) continue;
    let manifest: SnapshotManifest;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8')) as SnapshotManifest;
    } catch (e) {
      throw new DiagnosticError([{ severity: 'error', rule: 'snapshot-manifest', file: `snapshots/${doc}/${v}/manifest.json`, line: 1, column: 1, message: `the manifest of published version ${v} is not valid JSON: ${(e as Error).message}`, expected: 'the manifest written by noticekit publish', hint: 'restore it from version control; run `noticekit verify`' }]);
    }
    out.push({ version: v, dir: join(base, v), manifest });
  }
  return out.sort((a, b) => compareVersions(a.version, b.version));
}

export function latestVersion(root: string, doc: string): PublishedVersion | undefined {
  const all = publishedVersions(root, doc);
  return all[all.length - 1];
}

/** When each version was in effect: from its effective date to the day before the next one's (null for the latest). */
export function effectivePeriods(versions: PublishedVersion[]): { version: string; from: string; to: string | null }[] {
  return versions.map((v, i) => {
    const next = versions[i + 1];
    return { version: v.version, from: v.manifest.effective, to: next ? addDays(next.manifest.effective, -1) : null };
  });
}
