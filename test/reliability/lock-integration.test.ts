import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { exampleProject, cleanup, REPO } from '../helpers/project.js';
import { treeState, treeDiff, previousOutput } from './helpers.js';

/**
 * Two builds or publishes at once on one project, through the real CLI (`node bin/noticekit.js`,
 * built into dist/ by `pretest`): the command takes `<project>/.noticekit.lock`
 * (src/util/lock.ts) and waits up to NOTICEKIT_LOCK_WAIT_MS for another holder, then refuses with a
 * message naming it. These tests fail until `build` and `publish` take the lock.
 */
const BIN = join(REPO, 'bin/noticekit.js');
const LOCK_JS = new URL('../../dist/util/lock.js', import.meta.url).href;
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) cleanup(d);
});

function project(): string {
  const d = exampleProject();
  dirs.push(d);
  return d;
}

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string; at: number }>;
}

function noticekit(dir: string, args: string[], waitMs: number): Run {
  const child = spawn(process.execPath, [BIN, ...args, '-C', dir], { cwd: dir, env: { ...process.env, NOTICEKIT_LOCK_WAIT_MS: String(waitMs) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr, at: Date.now() }));
  return { child, done };
}

/** Another process holding the project lock (as a running `publish` would) until told to let go. */
async function holder(dir: string, command = 'publish'): Promise<{ pid: number; release: () => Promise<number> }> {
  const script = `
    import { withProjectLock } from ${JSON.stringify(LOCK_JS)};
    await withProjectLock(process.argv[1], ${JSON.stringify(command)}, async () => {
      process.stdout.write('locked\\n');
      await new Promise((r) => process.stdin.once('data', r));
    });
    process.stdout.write('released ' + Date.now() + '\\n', () => process.exit(0));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const it = lines[Symbol.asyncIterator]();
  expect((await it.next()).value).toBe('locked');
  return {
    pid: child.pid!,
    release: async () => {
      child.stdin!.write('go\n');
      const line = (await it.next()).value as string;
      await exited;
      return Number(line.split(' ')[1]);
    },
  };
}

describe('two builds or publishes at once on one project', () => {
  it('a build refuses while another noticekit holds the project, names the holder, and writes nothing', async () => {
    const dir = project();
    previousOutput(dir);
    const h = await holder(dir);
    const before = treeState(dir, (rel) => rel === '.noticekit.lock');
    const r = await noticekit(dir, ['build'], 300).done;
    expect(r.stderr).toMatch(new RegExp(`cannot build: another noticekit publish \\(pid ${h.pid}\\) is working on this project since \\d{4}-`));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(treeDiff(before, treeState(dir, (rel) => rel === '.noticekit.lock'))).toEqual([]);
    await h.release();
  });

  it('a build waits while the project is held, then builds once it is free', async () => {
    const dir = project();
    previousOutput(dir);
    const h = await holder(dir);
    const before = treeState(join(dir, 'out'));
    const run = noticekit(dir, ['build', '-q', '--regions', 'de'], 120_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(run.child.exitCode, 'still waiting for the lock').toBeNull();
    expect(treeDiff(before, treeState(join(dir, 'out'))), 'nothing written while waiting').toEqual([]);
    const releasedAt = await h.release();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.at).toBeGreaterThanOrEqual(releasedAt);
    expect(existsSync(join(dir, 'out/de/de/index.html'))).toBe(true);
    expect(existsSync(join(dir, '.noticekit.lock'))).toBe(false);
  });

  it('two builds started together: one waits for the other; out/ is one complete build, never a mix', async () => {
    const dir = project();
    const [a, b] = await Promise.all([noticekit(dir, ['build', '-q', '--regions', 'de'], 120_000).done, noticekit(dir, ['build', '-q', '--regions', 'de'], 120_000).done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const marker = JSON.parse(readFileSync(join(dir, 'out/.noticekit-build.json'), 'utf8')) as { files: Record<string, string> };
    const out = treeState(join(dir, 'out'));
    for (const f of Object.keys(marker.files)) expect(out.has(f), f).toBe(true);
    expect(readdirSync(dir).filter((e) => e.startsWith('.out.') || e.startsWith('.noticekit.lock'))).toEqual([]);
  });

  it('a publish refuses while another noticekit holds the project', async () => {
    const dir = project();
    const h = await holder(dir, 'build');
    const before = treeState(dir, (rel) => rel === '.noticekit.lock');
    const r = await noticekit(dir, ['publish', '--version', '1.0.0', '--effective', '2026-03-01', '--date', '2026-01-15'], 300).done;
    expect(r.stderr).toMatch(new RegExp(`cannot publish: another noticekit build \\(pid ${h.pid}\\)`));
    expect(r.code).toBe(2);
    expect(treeDiff(before, treeState(dir, (rel) => rel === '.noticekit.lock'))).toEqual([]);
    await h.release();
  });
});
