import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, REPO } from '../helpers/project.js';
import type { SnapshotChanges, SnapshotManifest } from '../../src/publish/manifest.js';

const read = <T>(rel: string) => JSON.parse(readFileSync(join(REPO, 'snapshots/privacy', rel), 'utf8')) as T;

describe('the published history of the bundled example', () => {
  it('is intact: every file of 1.0.0 and 2.0.0 matches its manifest', async () => {
    const r = await cli(REPO, 'verify');
    expect(r.stdout).toContain('2 versions checked; every file matches the sha256 in its manifest');
    expect(r.code).toBe(0);
  });

  it('lists 1.0.0 and 2.0.0 with their dates and severity', async () => {
    const r = await cli(REPO, 'versions', '--format', 'json');
    const { versions } = JSON.parse(r.stdout) as { versions: { version: string; published: string; effective: string; until: string | null; severity: string }[] };
    expect(versions.map((v) => [v.version, v.published, v.effective, v.until, v.severity])).toEqual([
      ['1.0.0', '2025-09-01', '2025-10-01', '2026-02-28', 'none'],
      ['2.0.0', '2026-01-20', '2026-03-01', null, 'material'],
    ]);
  });

  it('2.0.0 records the material changes since 1.0.0 and met every notice period', () => {
    const m = read<SnapshotManifest>('2.0.0/manifest.json');
    expect(m.previous).toBe('1.0.0');
    expect(m.forced).toBeUndefined();
    for (const [id, r] of Object.entries(m.regions)) expect(r.earliestEffective! <= m.effective, id).toBe(true);
    const c = read<SnapshotChanges>('2.0.0/changes.json');
    const rules = new Set(c.changes.filter((x) => x.severity === 'material').map((x) => x.rule));
    for (const rule of ['facts-new-recipient', 'facts-new-transfer', 'facts-new-purpose', 'facts-retention-lengthened']) expect(rules, rule).toContain(rule);
    const us = c.regions.us!.changes.map((k) => c.changes[k]!);
    expect(us.some((x) => x.section.id === 'california' && x.severity === 'material')).toBe(true);
    expect(us.some((x) => x.rule === 'spelling-fix' && x.severity === 'editorial')).toBe(true);
  });
});
