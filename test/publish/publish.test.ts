import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { exampleProject, cleanup, cli, snapshotTree, edit } from '../helpers/project.js';
import type { SnapshotChanges, SnapshotManifest } from '../../src/publish/manifest.js';

const SNAP = 'snapshots/privacy';
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const manifestOf = (dir: string, v: string) => JSON.parse(readFileSync(join(dir, SNAP, v, 'manifest.json'), 'utf8')) as SnapshotManifest;

/** A new processor in every region's recipients table: a material change everywhere. */
const addRecipient = (t: string) =>
  t.replace(/^recipients:\n/m, 'recipients:\n  - id: survey_tool\n    type: processor\n    name: Askwell Surveys\n    data_categories: [identity, contact]\n    purposes: [product_improvement]\n    countries: [us]\n    sale: false\n    sharing: false\n\n');

describe('noticekit publish', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    dir = exampleProject();
    first = await cli(dir, 'publish', '--version', '1.0.0', '--date', '2026-01-05', '--effective', '2026-02-01');
  });
  afterAll(() => cleanup(dir));

  it('publishes the first version: manifest, model, sources and every notice, each file hashed', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('published privacy 1.0.0 to snapshots/privacy/1.0.0/ (published 2026-01-05, effective 2026-02-01)');
    const m = manifestOf(dir, '1.0.0');
    expect(m).toMatchObject({ schemaVersion: 1, document: 'privacy', version: '1.0.0', previous: null, published: '2026-01-05', effective: '2026-02-01', severity: 'none' });
    expect(m.sourceHash).toBe(sha(readFileSync(join(dir, 'policy/privacy.md'))));
    expect(Object.keys(m.regions)).toHaveLength(26);
    expect(m.regions.de).toMatchObject({ severity: 'none', locales: ['de'], noticePeriodDays: 30 });
    for (const f of ['privacy.md', 'privacy.facts.yaml', 'regions.yaml', 'privacy.units.json']) {
      expect(readFileSync(join(dir, SNAP, '1.0.0/source', f), 'utf8'), f).toBe(readFileSync(join(dir, 'policy', f), 'utf8'));
    }
    const files = Object.keys(m.files);
    expect(files).toContain('model.json');
    expect(files).toContain('notices/de/de/index.html');
    expect(files).toContain('notices/cn/zh-cn/index.md');
    expect(files).not.toContain('changes.json');
    for (const f of files) expect(sha(readFileSync(join(dir, SNAP, '1.0.0', f))), f).toBe(m.files[f]);
    const model = JSON.parse(readFileSync(join(dir, SNAP, '1.0.0/model.json'), 'utf8')) as { version: string; regions: { id: string; units: string[] }[] };
    expect(model.version).toBe('1.0.0');
    expect(model.regions.find((r) => r.id === 'us')?.units.length).toBeGreaterThan(10);
  });

  it('renders the notices with the --effective date and the version, not the front matter date', () => {
    const us = readFileSync(join(dir, SNAP, '1.0.0/notices/us/en/index.md'), 'utf8');
    expect(us).toContain('February 1, 2026');
    expect(us).toContain('Version 1.0.0');
    const de = readFileSync(join(dir, SNAP, '1.0.0/notices/de/de/index.html'), 'utf8');
    expect(de).toContain('1. Februar 2026');
    expect(de).not.toContain('1. März 2026');
  });

  it('is byte-deterministic: the same inputs and dates give the same snapshot', async () => {
    const other = exampleProject();
    try {
      const r = await cli(other, 'publish', '--version', '1.0.0', '--date', '2026-01-05', '--effective', '2026-02-01', '-q');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(snapshotTree(join(other, SNAP))).toEqual(snapshotTree(join(dir, SNAP)));
    } finally {
      cleanup(other);
    }
  });

  it('refuses to publish an existing version: exit 2, every file byte-identical', async () => {
    const before = snapshotTree(dir);
    const r = await cli(dir, 'publish', '--version', '1.0.0', '--date', '2026-03-01', '--effective', '2026-04-15');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/snapshots\/privacy\/1\.0\.0: error \[version-exists\] version 1\.0\.0 is already published/);
    expect(r.stderr).toContain('nothing was written');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses a version that is not after the latest, and bad dates', async () => {
    const before = snapshotTree(join(dir, SNAP));
    const older = await cli(dir, 'publish', '--version', '0.9.0', '--date', '2026-03-01', '--effective', '2026-04-15');
    expect(older.code).toBe(2);
    expect(older.stderr).toContain('[version-order] version 0.9.0 is not after the latest published version 1.0.0');
    const early = await cli(dir, 'publish', '--version', '1.0.1', '--date', '2026-03-01', '--effective', '2026-02-01');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('is before the publication date');
    const bad = await cli(dir, 'publish', '--version', '1.0.1', '--effective', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--effective "2026-02-30" is not a date');
    const semver = await cli(dir, 'publish', '--version', 'two', '--effective', '2026-05-01');
    expect(semver.code).toBe(2);
    expect(snapshotTree(join(dir, SNAP))).toEqual(before);
  });

  describe('a material change with a notice period too short', () => {
    let refused: Awaited<ReturnType<typeof cli>>;
    let before: Map<string, string>;
    beforeAll(async () => {
      edit(dir, 'policy/privacy.facts.yaml', addRecipient);
      before = snapshotTree(join(dir, SNAP));
      refused = await cli(dir, 'publish', '--version', '1.1.0', '--date', '2026-03-01', '--effective', '2026-03-10');
    });

    it('is refused with exit 2, naming the regions, the required date and the reason; nothing is written', () => {
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('refused: effective date 2026-03-10 is too early for 26 regions where the change is material (published 2026-03-01)');
      expect(refused.stderr).toMatch(/\bde\b.*30 days' notice required: effective on or after 2026-03-31/);
      expect(refused.stderr).toMatch(/reason: material change.*Askwell Surveys/);
      expect(refused.stderr).toContain('period: publishing.notice_period_days in noticekit.config.yaml');
      expect(refused.stderr).toContain('--force --justification');
      expect(snapshotTree(join(dir, SNAP))).toEqual(before);
    });

    it('needs a justification with --force', async () => {
      const r = await cli(dir, 'publish', '--version', '1.1.0', '--date', '2026-03-01', '--effective', '2026-03-10', '--force');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--force needs --justification');
      expect(existsSync(join(dir, SNAP, '1.1.0'))).toBe(false);
    });

    it('a per-region override in noticekit.config.yaml lengthens that region\'s period', async () => {
      edit(dir, 'noticekit.config.yaml', (t) => `${t.trimEnd()}\n  notice_period_overrides:\n    de: 60\n`);
      const r = await cli(dir, 'publish', '--version', '1.1.0', '--date', '2026-03-01', '--effective', '2026-04-15', '--dry-run');
      edit(dir, 'noticekit.config.yaml', (t) => t.replace('  notice_period_overrides:\n    de: 60\n', ''));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('too early for 1 region');
      expect(r.stderr).toMatch(/de: 60 days' notice required: effective on or after 2026-04-30/);
      expect(r.stderr).toContain('notice_period_overrides');
    });

    it('--force with --justification publishes and records the override in the manifest', async () => {
      const r = await cli(dir, 'publish', '--version', '1.1.0', '--date', '2026-03-01', '--effective', '2026-03-10', '--force', '--justification', 'Counsel approved: processor already disclosed by e-mail on 2026-02-01');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('notice periods OVERRIDDEN with --force in 26 regions');
      const m = manifestOf(dir, '1.1.0');
      expect(m.previous).toBe('1.0.0');
      expect(m.severity).toBe('material');
      expect(m.regions.de).toMatchObject({ severity: 'material', noticePeriodDays: 30, earliestEffective: '2026-03-31' });
      expect(m.forced?.justification).toBe('Counsel approved: processor already disclosed by e-mail on 2026-02-01');
      expect(m.forced?.regions).toContain('us');
      expect(m.previousManifest).toBe(sha(readFileSync(join(dir, SNAP, '1.0.0/manifest.json'))));
      const changes = JSON.parse(readFileSync(join(dir, SNAP, '1.1.0/changes.json'), 'utf8')) as SnapshotChanges;
      expect(changes).toMatchObject({ from: '1.0.0', to: '1.1.0', severity: 'material' });
      const added = changes.changes.find((c) => c.severity === 'material' && JSON.stringify(c).includes('Askwell Surveys'));
      expect(added?.regions).toContain('de');
      expect(changes.regions.de?.changes).toContain(changes.changes.indexOf(added!));
    });
  });

  it('versions lists the published versions with dates, periods and severity', async () => {
    const r = await cli(dir, 'versions');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^version\s+published\s+effective\s+until\s+severity\s+material in$/);
    expect(lines[1]).toMatch(/^1\.0\.0\s+2026-01-05\s+2026-02-01\s+2026-03-09\s+none\s+—$/);
    expect(lines[2]).toMatch(/^1\.1\.0\s+2026-03-01\s+2026-03-10\s+\(current\)\s+material\s+26 of 26 regions$/);
    expect(r.stdout).toContain('1.1.0: notice period overridden with --force');
    const json = JSON.parse((await cli(dir, 'versions', '--format', 'json')).stdout) as { versions: { version: string; until: string | null }[] };
    expect(json.versions.map((v) => [v.version, v.until])).toEqual([['1.0.0', '2026-03-09'], ['1.1.0', null]]);
  });

  it('verify passes on untouched snapshots', async () => {
    const r = await cli(dir, 'verify');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 versions checked; every file matches the sha256 in its manifest');
  });

  it('verify reports files edited, added and removed after publication (exit 1)', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'noticekit-tamper-'));
    try {
      cpSync(join(dir, 'noticekit.config.yaml'), join(copy, 'noticekit.config.yaml'));
      cpSync(join(dir, 'snapshots'), join(copy, 'snapshots'), { recursive: true });
      const v = join(copy, SNAP, '1.0.0');
      writeFileSync(join(v, 'notices/de/de/index.html'), readFileSync(join(v, 'notices/de/de/index.html'), 'utf8').replace('Datenschutz', 'Datenschütz'));
      writeFileSync(join(v, 'notices/de/de/extra.html'), '<p>added later</p>\n');
      rmSync(join(v, 'model.json'));
      const r = await cli(copy, 'verify');
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/1\.0\.0\s+CHANGED AFTER PUBLICATION/);
      expect(r.stdout).toContain('edited    notices/de/de/index.html');
      expect(r.stdout).toContain('added     notices/de/de/extra.html');
      expect(r.stdout).toContain('removed   model.json');
      expect(r.stdout).toMatch(/1\.1\.0\s+ok/);
      expect(r.stdout).toContain('1 of 2 versions changed after publication');

      // an edited manifest is caught by its digest, and by the next version's link to it
      const mp = join(v, 'manifest.json');
      writeFileSync(mp, readFileSync(mp, 'utf8').replace('"severity": "none"', '"severity": "minor"'));
      const again = await cli(copy, 'verify', '--format', 'json');
      expect(again.code).toBe(1);
      const report = JSON.parse(again.stdout) as { versions: { version: string; manifest: string[] }[] };
      expect(report.versions[0]!.manifest.join('\n')).toContain('edited after publication');
      expect(report.versions[1]!.manifest.join('\n')).toContain('manifest of the previous version 1.0.0 was changed');

      // publishing on top of a changed history is refused
      const only = await cli(copy, 'verify', '--version', '1.1.0');
      expect(only.code).toBe(1);
    } finally {
      cleanup(copy);
    }
  });

  it('a full disk mid-way leaves nothing partial: exit 3, a clear message, no version folder', async () => {
    const before = snapshotTree(join(dir, SNAP));
    process.env.NOTICEKIT_FAIL_WRITE_AFTER_FILES = '7';
    let r: Awaited<ReturnType<typeof cli>>;
    try {
      r = await cli(dir, 'publish', '--version', '1.2.0', '--date', '2026-03-15', '--effective', '2026-04-01');
    } finally {
      delete process.env.NOTICEKIT_FAIL_WRITE_AFTER_FILES;
    }
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('noticekit publish: cannot write: ENOSPC: no space left on device');
    expect(r.stderr).toContain('Nothing was changed');
    expect(readdirSync(join(dir, SNAP)).sort()).toEqual(['1.0.0', '1.1.0']);
    expect(snapshotTree(join(dir, SNAP))).toEqual(before);
  });

  it('builds the archive: a list of versions, each archived notice, and what changed per version', async () => {
    const r = await cli(dir, 'build', '-q');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = (p: string) => readFileSync(join(dir, 'out', p), 'utf8');
    const list = out('de/de/versions/index.html');
    expect(list).toContain('<html lang="de"');
    expect(list).toContain('class="nk-header"'); // the site's layout
    expect(list).toContain('href="1.0.0/"');
    expect(list).toContain('href="1.1.0/"');
    expect(list).toContain('vom 1. Februar 2026 bis 9. März 2026');
    expect(list).toContain('seit 10. März 2026');
    expect(list).toContain('href="../changes/1.1.0/"');

    // the archived notice is the published one
    expect(out('de/de/versions/1.0.0/index.md')).toBe(readFileSync(join(dir, SNAP, '1.0.0/notices/de/de/index.md'), 'utf8'));
    const archived = out('de/de/versions/1.0.0/index.html');
    const body = (html: string) => /<div class="nk-body">[\s\S]*<\/main>/.exec(html)?.[0];
    expect(body(archived)).toBeDefined();
    expect(body(archived)).toBe(body(readFileSync(join(dir, SNAP, '1.0.0/notices/de/de/index.html'), 'utf8')));
    expect(archived).toContain('Archivierte Version 1.0.0, gültig vom 1. Februar 2026 bis 9. März 2026');
    expect(archived).not.toContain('rel="canonical"');
    expect(archived).toContain('href="../../../../"'); // links rebased two folders deeper

    const changes = out('de/de/changes/1.1.0/index.html');
    expect(changes).toContain('Was sich in Version 1.1.0 geändert hat');
    expect(changes).toContain('Insgesamt: Wesentliche Änderung');
    expect(changes).toContain('Askwell Surveys');
    expect(changes).toMatch(/<blockquote lang="en" dir="ltr">/);
    expect(out('us/en/changes/1.1.0/index.html')).toContain('Overall: Material change');
    expect(out('de/de/changes/1.0.0/index.html')).toContain('ist die erste veröffentlichte Version');
  });
});
