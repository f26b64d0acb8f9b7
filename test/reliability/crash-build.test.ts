import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, cleanup, cli, REPO } from '../helpers/project.js';
import { treeState, treeDiff, outState, rng } from './helpers.js';

/**
 * Crash safety of `noticekit build`: the real CLI (dist/, built by `pretest`) is SIGKILLed at
 * seeded random moments and at the narrowest points (hooks in src/util/atomic.ts); out/ must then
 * be exactly the previous build or exactly the new one, never a mix, and the next build succeeds
 * and leaves no temporary sibling. A full disk (a write failing with ENOSPC) exits 3 and changes
 * nothing.
 */
const BIN = join(REPO, 'bin/noticekit.js');
const SEED = 20261129;
const RANDOM_KILLS = 3;
/** Three regions (five pages): the kill points are the same as in a full build, at a fraction of the cost. */
const REGIONS = ['--regions', 'de,fr,ch'];
const injected = { kills: 0, hookCrashes: 0, diskFull: 0 };
const files = (t: Map<string, string>) => [...t.values()].filter((v) => v.startsWith('file')).length;

type Tree = Map<string, string>;
const same = (a: Tree | undefined, b: Tree) => a !== undefined && treeDiff(a, b).length === 0;

function siblings(dir: string): string[] {
  return readdirSync(dir).filter((e) => /^\.out\.(tmp|old)-/.test(e));
}

/** Alternates the company name, which every page shows: each build has to write every page. */
function flipInput(dir: string): void {
  const p = join(dir, 'policy/privacy.facts.yaml');
  const t = readFileSync(p, 'utf8');
  writeFileSync(p, t.includes('  name: Lumora\n') ? t.replace('  name: Lumora\n', '  name: Lumora Group\n') : t.replace('  name: Lumora Group\n', '  name: Lumora\n'));
}

async function spawnBuild(dir: string, env: Record<string, string> = {}, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string }> {
  const t = Date.now();
  const child = spawn(process.execPath, [BIN, 'build', '-q', ...REGIONS], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal, ms: Date.now() - t, stderr };
}

describe('noticekit build killed or out of disk space', () => {
  let dir: string;
  let current: Tree;
  let policyBefore: Tree;
  let fullRunMs = 0;

  beforeAll(async () => {
    dir = exampleProject();
    const r = await cli(dir, 'build', '-q', ...REGIONS);
    expect(r.code, r.stderr).toBe(0);
    policyBefore = treeState(join(dir, 'policy'), (rel) => rel.endsWith('.facts.yaml'));
    // how long an uninterrupted build of the CLI takes here, to spread the kills over it
    flipInput(dir);
    const full = await spawnBuild(dir);
    expect(full.code, full.stderr).toBe(0);
    fullRunMs = full.ms;
    current = outState(join(dir, 'out'));
    // the runs after a kill build in-process (from src/): they must write what the CLI (dist/) writes
    const twin = exampleProject();
    try {
      flipInput(twin);
      expect((await cli(twin, 'build', '-q', ...REGIONS)).code).toBe(0);
      expect(treeDiff(current, outState(join(twin, 'out'))), 'dist/ builds what src/ builds (run `npm run build` if not)').toEqual([]);
    } finally {
      cleanup(twin);
    }
  });
  afterAll(() => {
    cleanup(dir);
    console.log(`build: ${injected.kills} random SIGKILLs landed, ${injected.hookCrashes} kills at fixed points, ${injected.diskFull} full-disk failures`);
  });

  /** After an interrupted build: out/ is the previous build or the next, whole; the next build repairs and cleans. */
  async function checkAfterInterruption(label: string): Promise<'previous' | 'new' | 'swapping'> {
    const hasOut = existsSync(join(dir, 'out'));
    const after = hasOut ? outState(join(dir, 'out')) : undefined;
    const left = siblings(dir);
    const oldAside = left.find((e) => e.startsWith('.out.old-'));
    const asideTree = oldAside ? outState(join(dir, oldAside)) : undefined;
    const r = await cli(dir, 'build', '-q', ...REGIONS);
    expect(r.code, `${label}: the next build succeeds: ${r.stderr}`).toBe(0);
    const next = outState(join(dir, 'out'));
    expect(siblings(dir), `${label}: no temporary sibling left`).toEqual([]);
    expect(treeDiff(policyBefore, treeState(join(dir, 'policy'), (rel) => rel.endsWith('.facts.yaml'))), `${label}: the sources are untouched`).toEqual([]);
    let state: 'previous' | 'new' | 'swapping';
    if (same(after, current)) state = 'previous';
    else if (same(after, next)) state = 'new';
    else {
      // killed between the two renames of the swap: out/ is briefly absent, the previous build
      // sits whole beside it, and the next run puts it back before building
      expect(hasOut, `${label}: out/ is the previous build or the new one, never a mix`).toBe(false);
      expect(same(asideTree, current), `${label}: the previous build is whole beside out/`).toBe(true);
      state = 'swapping';
    }
    current = next;
    return state;
  }

  it(`survives ${RANDOM_KILLS} SIGKILLs at seeded random moments of a build`, async () => {
    const random = rng(SEED);
    const states: string[] = [];
    for (let i = 0; i < RANDOM_KILLS; i++) {
      flipInput(dir);
      // node starts and loads the project first; kills spread from there to past the end
      const delay = Math.round(fullRunMs * (0.25 + 0.9 * random()));
      const r = await spawnBuild(dir, {}, delay);
      if (r.signal === 'SIGKILL') injected.kills++;
      else expect(r.code, r.stderr).toBe(0);
      states.push(`${delay} ms: ${r.signal ?? 'finished'}, out/ ${await checkAfterInterruption(`kill ${i} at ${delay} ms`)}`);
    }
    expect(states).toHaveLength(RANDOM_KILLS);
    console.log(`build, random kills (seed ${SEED}, a full build took ${fullRunMs} ms):\n  ${states.join('\n  ')}`);
  });

  it('survives a kill in the middle of the files and between the two renames of the swap', async () => {
    for (const env of [{ NOTICEKIT_CRASH_AFTER_FILES: String(Math.floor(files(current) / 2)) }, { NOTICEKIT_CRASH_IN_SWAP: '1' }] as Record<string, string>[]) {
      flipInput(dir);
      const r = await spawnBuild(dir, env);
      expect(r.signal, JSON.stringify(env)).toBe('SIGKILL');
      injected.hookCrashes++;
      const state = await checkAfterInterruption(JSON.stringify(env));
      expect(state, JSON.stringify(env)).toBe(env.NOTICEKIT_CRASH_IN_SWAP ? 'swapping' : 'previous');
    }
  });

  it('a full disk: a write failing with ENOSPC exits 3 with a clear message, and out/ and the project stay as they were', async () => {
    flipInput(dir);
    for (const n of [0, Math.floor(files(current) / 2), files(current) - 1]) {
      const before = treeState(dir);
      process.env.NOTICEKIT_FAIL_WRITE_AFTER_FILES = String(n);
      let r: Awaited<ReturnType<typeof cli>>;
      try {
        r = await cli(dir, 'build', '-q', ...REGIONS);
      } finally {
        delete process.env.NOTICEKIT_FAIL_WRITE_AFTER_FILES;
      }
      injected.diskFull++;
      expect(r.code, `after ${n} files: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/^noticekit build: cannot write: ENOSPC: no space left on device/);
      expect(r.stderr).toMatch(/Nothing was changed: the previous output is intact/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(treeDiff(before, treeState(dir)), `after ${n} files: nothing partial`).toEqual([]);
    }
    const r = await cli(dir, 'build', '-q', ...REGIONS);
    expect(r.code, r.stderr).toBe(0);
  });
});
