import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { sha256 } from '../util/hash.js';
import { canonicalJson } from './canonical-json.js';
import { SNAPSHOT_CHANGES, SNAPSHOT_MANIFEST, SNAPSHOT_MODEL, SNAPSHOT_NOTICES_DIR, type SnapshotChanges, type SnapshotManifest } from './manifest.js';
import { resolvedModelJson } from './model-json.js';
import { earliestEffective, noticePeriodSource } from './notice-period.js';
import { sourceFiles } from './snapshot-source.js';
import { manifestDigest } from './verify.js';

export interface PlanInput {
  project: Project;
  regions: ResolvedRegion[];
  version: string;
  published: string;
  effective: string;
  previous: { version: string; manifestBytes: Buffer } | undefined;
  /** The policy files as published, by project path (`policy/privacy.md` → text). */
  sources: Map<string, string>;
  /** Rendered notices by site path (`de/de/index.html` → content). */
  notices: Map<string, string>;
  changes: SnapshotChanges | undefined;
  forced?: { justification: string; regions: string[] };
}

/** Pure: every file of the version folder (manifest.json included) and the manifest. */
export function planSnapshot(input: PlanInput): { files: Map<string, string>; manifest: SnapshotManifest } {
  const { project, regions, version } = input;
  const doc = project.config.document;
  const files = new Map<string, string>();
  for (const f of Object.values(sourceFiles(doc))) {
    const text = input.sources.get(f.project);
    if (text !== undefined) files.set(f.snapshot, text);
  }
  files.set(SNAPSHOT_MODEL, resolvedModelJson(project, regions, { version, effective: input.effective }));
  if (input.changes) files.set(SNAPSHOT_CHANGES, canonicalJson(input.changes));
  for (const [path, content] of input.notices) files.set(`${SNAPSHOT_NOTICES_DIR}/${path}`, content);

  const manifest: SnapshotManifest = {
    schemaVersion: 1,
    document: doc,
    version,
    previous: input.previous?.version ?? null,
    previousManifest: input.previous ? sha256(input.previous.manifestBytes) : null,
    published: input.published,
    effective: input.effective,
    severity: input.changes?.severity ?? 'none',
    regions: Object.fromEntries(
      regions.map((r) => {
        const rc = input.changes?.regions[r.region.id];
        const severity = rc?.severity ?? 'none';
        return [
          r.region.id,
          {
            severity,
            locales: r.region.locales,
            noticePeriodDays: r.noticePeriodDays,
            noticePeriodSource: noticePeriodSource(project, r),
            earliestEffective: rc?.added ? input.published : earliestEffective(severity, input.published, r.noticePeriodDays),
            ...(rc?.added ? { added: true } : {}),
          },
        ];
      }),
    ),
    sourceHash: project.master.sourceHash,
    files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, c]) => [p, sha256(c)])),
    ...(input.forced ? { forced: input.forced } : {}),
  };
  manifest.digest = manifestDigest(manifest);
  files.set(SNAPSHOT_MANIFEST, canonicalJson(manifest));
  return { files, manifest };
}
