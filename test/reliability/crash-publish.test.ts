import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, cleanup, cli, REPO } from '../helpers/project.js';
import { treeState, treeDiff, rng } from './helpers.js';
import { readProjectLock, LOCK_FILE } from '../../src/util/lock.js';
import { alive } from '../../src/util/atomic.js';

/**
 * Crash safety of `noticekit publish`: the real CLI is killed while it writes a new version (after N
 * files, through NOTICEKIT_CRASH_AFTER_FILES, and at seeded random moments), or the disk fills up
 * (NOTICEKIT_FAIL_WRITE_AFTER_FILES). Afterwards no partial version exists, every earlier snapshot
 * is byte for byte intact, `noticekit verify` passes, and the next publish succeeds.
 */
const BIN = join(REPO, 'bin/noticekit.js');
const SEED = 4242;
const PUBLISH = ['publish', '--version', '1.1.0', '--effective', '2027-01-01', '--date', '2026-02-01'];
const injected = { hookCrashes: 0, randomKills: 0, randomSent: 0, diskFull: 0 };

async function spawnPublish(dir: string, env: Record<string, string> = {}, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string }> {
  const t = Date.now();
  const child = spawn(process.execPath, [BIN, ...PUBLISH], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal, ms: Date.now() - t, stderr };
}

describe('noticekit publish killed or out of disk space', () => {
  let dir: string;
  let published: Map<string, string>;
  let sources: Map<string, string>;
  let fileCount = 0;
  let publishMs = 0;
  /** How long a publish in a fresh process runs until its last file: the window the random kill aims at. */
  let untilLastFileMs = 0;

  beforeAll(async () => {
    dir = exampleProject();
    const t = Date.now();
    const r = await cli(dir, 'publish', '--version', '1.0.0', '--effective', '2026-03-01', '--date', '2026-01-15');
    publishMs = Date.now() - t;
    expect(r.code, r.stderr).toBe(0);
    published = treeState(join(dir, 'snapshots'));
    fileCount = [...published.values()].filter((v) => v.startsWith('file')).length;
    // a minor change of the master text for version 1.1.0
    const p = join(dir, 'policy/privacy.md');
    writeFileSync(p, readFileSync(p, 'utf8').replace('We collect only what we need for the purposes in this policy:', 'We collect only the data we need for the purposes in this policy:'));
    sources = treeState(dir, (rel) => rel.startsWith('snapshots') || rel === LOCK_FILE);
  });
  afterAll(() => {
    cleanup(dir);
    console.log(`publish: ${injected.hookCrashes} kills after N files, ${injected.randomKills} of ${injected.randomSent} random SIGKILLs landed, ${injected.diskFull} full-disk failures`);
  });

  /** No partial version, earlier versions intact, sources untouched, verify passes. */
  async function checkNothingPublished(label: string): Promise<void> {
    const versions = readdirSync(join(dir, 'snapshots/privacy')).filter((e) => !e.startsWith('.'));
    expect(versions, `${label}: no partial version`).toEqual(['1.0.0']);
    const snaps = treeState(join(dir, 'snapshots'), (rel) => /(^|\/)\.[^/]*\.tmp-/.test(rel));
    expect(treeDiff(published, snaps), `${label}: the published version is intact`).toEqual([]);
    expect(treeDiff(sources, treeState(dir, (rel) => rel.startsWith('snapshots') || rel === LOCK_FILE)), `${label}: the sources (and the unit-id lock) are untouched`).toEqual([]);
    // a killed publish leaves its project lock behind: stale, as its process is gone
    const holder = readProjectLock(dir);
    if (holder) expect(alive(holder.pid), `${label}: a lock left behind names a dead process`).toBe(false);
    const v = await cli(dir, 'verify');
    expect(v.code, `${label}: ${v.stdout}${v.stderr}`).toBe(0);
    expect(v.stdout).toMatch(/1\.0\.0\s+ok/);
  }

  it('a kill in the middle of the files and just before the manifest leaves no version, and verify passes', async () => {
    for (const n of [Math.floor(fileCount / 2), fileCount]) {
      const r = await spawnPublish(dir, { NOTICEKIT_CRASH_AFTER_FILES: String(n) });
      expect(r.signal, `after ${n} files: ${r.stderr}`).toBe('SIGKILL');
      untilLastFileMs = Math.max(untilLastFileMs, r.ms);
      injected.hookCrashes++;
      await checkNothingPublished(`killed after ${n} files`);
    }
  });

  it('a full disk exits 3, leaves nothing partial, and verify passes', async () => {
    for (const n of [Math.floor(fileCount / 3)]) {
      process.env.NOTICEKIT_FAIL_WRITE_AFTER_FILES = String(n);
      let r: Awaited<ReturnType<typeof cli>>;
      try {
        r = await cli(dir, ...PUBLISH);
      } finally {
        delete process.env.NOTICEKIT_FAIL_WRITE_AFTER_FILES;
      }
      injected.diskFull++;
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/ENOSPC: no space left on device/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      await checkNothingPublished(`disk full after ${n} files`);
    }
  });

  it('a kill at a seeded random moment leaves either no version or the complete version', async () => {
    const random = rng(SEED);
    const estimate = untilLastFileMs || Math.max(1500, publishMs * 1.5);
    for (let i = 0; i < 1; i++) {
      const delay = Math.round(estimate * (0.2 + 0.6 * random()));
      injected.randomSent++;
      const r = await spawnPublish(dir, {}, delay);
      console.log(`random kill: aimed at ${delay} ms of ~${estimate} ms, publish ${r.signal ?? `exited ${r.code}`} after ${r.ms} ms`);
      if (r.signal === 'SIGKILL') {
        injected.randomKills++;
        if (existsSync(join(dir, 'snapshots/privacy/1.1.0'))) {
          // killed after the version was in place: it is complete
          const v = await cli(dir, 'verify');
          expect(v.code, v.stdout).toBe(0);
          return;
        }
        await checkNothingPublished(`killed at ${delay} ms`);
      } else {
        expect(r.code, r.stderr).toBe(0);
        const v = await cli(dir, 'verify');
        expect(v.code, v.stdout).toBe(0);
        return;
      }
    }
  });

  it('the next publish removes what interrupted ones left, publishes completely, and verify passes', async () => {
    if (!existsSync(join(dir, 'snapshots/privacy/1.1.0'))) {
      const r = await cli(dir, ...PUBLISH);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(readdirSync(join(dir, 'snapshots/privacy')).sort()).toEqual(['1.0.0', '1.1.0']);
    const v = await cli(dir, 'verify');
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).not.toMatch(/interrupted publish/);
    expect(treeDiff(published, treeState(join(dir, 'snapshots'), (rel) => rel.startsWith('privacy/1.1.0')))).toEqual([]);
  });
});
