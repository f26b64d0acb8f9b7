import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, cleanup, cli, snapshotTree, REPO } from '../helpers/project.js';

const SNAP = 'snapshots/privacy';

/** Newest modification time of a file below `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** bin/noticekit.js runs dist/: compile it when src/ is newer (as `npm test` does before the tests). */
function ensureBuilt(): void {
  const main = join(REPO, 'dist/cli/commands/publish.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newest(join(REPO, 'src'))) return;
  execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'ignore' });
}

function publishChild(dir: string, env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [join(REPO, 'bin/noticekit.js'), 'publish', ...args], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('a publish killed mid-way', () => {
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = exampleProject();
    const r = await cli(dir, 'publish', '--version', '1.0.0', '--date', '2026-01-05', '--effective', '2026-02-01', '-q');
    expect(r.code).toBe(0);
  }, 180_000);
  afterAll(() => cleanup(dir));

  it('leaves no version folder, verify still passes, and the next publish cleans up and succeeds', async () => {
    const before = snapshotTree(join(dir, SNAP, '1.0.0'));
    const child = publishChild(dir, { NOTICEKIT_CRASH_AFTER_FILES: '12' }, '--version', '1.1.0', '--date', '2026-01-20', '--effective', '2026-03-01');
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, SNAP, '1.1.0'))).toBe(false);
    const left = readdirSync(join(dir, SNAP)).filter((e) => e.startsWith('.1.1.0.tmp-'));
    expect(left).toHaveLength(1); // the half-written temporary folder of the dead process
    expect(snapshotTree(join(dir, SNAP, '1.0.0'))).toEqual(before);

    const verify = await cli(dir, 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('was left by an interrupted publish');
    const versions = await cli(dir, 'versions');
    expect(versions.stdout).not.toContain('1.1.0');

    const again = await cli(dir, 'publish', '--version', '1.1.0', '--date', '2026-01-20', '--effective', '2026-03-01');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`removed 1 folder left by an interrupted publish: ${left[0]}`);
    expect(readdirSync(join(dir, SNAP)).sort()).toEqual(['1.0.0', '1.1.0']);
    expect((await cli(dir, 'verify')).code).toBe(0);
  }, 180_000);

  it('the CLI reports a full disk with exit 3 and leaves nothing', () => {
    const child = publishChild(dir, { NOTICEKIT_FAIL_WRITE_AFTER_FILES: '3' }, '--version', '1.2.0', '--date', '2026-01-25', '--effective', '2026-03-05');
    expect(child.status).toBe(3);
    expect(child.stderr).toContain('ENOSPC: no space left on device');
    expect(readdirSync(join(dir, SNAP)).sort()).toEqual(['1.0.0', '1.1.0']);
  }, 180_000);
});
