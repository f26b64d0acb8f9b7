import { describe, it, expect, afterEach } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { withProjectLock, withProjectLockSync, readProjectLock, tryAcquire, LOCK_FILE } from '../../src/util/lock.js';
import { DiagnosticError, formatDiagnostic } from '../../src/model/diagnostics.js';
import { REPO } from '../helpers/project.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'noticekit-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A live process that is not us: a node process sleeping until killed. */
function liveNode(): ChildProcess {
  const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(c);
  return c;
}

/** A pid that certainly ran and is gone. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function writeLock(dir: string, holder: object): void {
  writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(holder)}\n`);
}

async function lockError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DiagnosticError);
    const d = (e as DiagnosticError).diagnostics;
    expect(d[0]!.rule).toBe('project-locked');
    return d.map(formatDiagnostic).join('\n');
  }
  throw new Error('expected the lock to be refused');
}

describe('withProjectLock', () => {
  it('holds <root>/.noticekit.lock with pid, command and start time while fn runs, and removes it after', async () => {
    const dir = tempDir();
    const seen = await withProjectLock(dir, 'build', () => readProjectLock(dir));
    expect(seen).toMatchObject({ pid: process.pid, command: 'build' });
    expect(Date.parse(seen!.started)).toBeGreaterThan(Date.now() - 60_000);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('releases the lock when fn throws, and passes the error on', async () => {
    const dir = tempDir();
    await expect(withProjectLock(dir, 'publish', () => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses at once when a live process holds the lock, naming its pid, command and start', async () => {
    const dir = tempDir();
    const holder = liveNode();
    const started = new Date(Date.now() - 5000).toISOString();
    writeLock(dir, { pid: holder.pid, command: 'publish', started, host: hostname() });
    const msg = await lockError(withProjectLock(dir, 'build', () => 'ran'));
    expect(msg).toContain(`.noticekit.lock: error [project-locked] cannot build: another noticekit publish (pid ${holder.pid}) is working on this project since ${started}`);
    expect(msg).toMatch(/\(\d+ s ago\)/);
    expect(msg).toMatch(/hint: wait for it to finish/);
    expect(readProjectLock(dir)?.pid).toBe(holder.pid);
  });

  it('waits up to `wait` ms, then refuses', async () => {
    const dir = tempDir();
    const holder = liveNode();
    writeLock(dir, { pid: holder.pid, command: 'build', started: new Date().toISOString() });
    const t = Date.now();
    await lockError(withProjectLock(dir, 'build', () => 'ran', { wait: 400, poll: 50 }));
    expect(Date.now() - t).toBeGreaterThanOrEqual(380);
  });

  it('waits for a holder that finishes, then runs', async () => {
    const dir = tempDir();
    const holder = liveNode();
    writeLock(dir, { pid: holder.pid, command: 'build', started: new Date().toISOString() });
    setTimeout(() => holder.kill('SIGKILL'), 300);
    const r = await withProjectLock(dir, 'build', () => readProjectLock(dir)?.pid, { wait: 20_000, poll: 50 });
    expect(r).toBe(process.pid);
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), command: 'build', started: '2020-01-01T00:00:00.000Z', host: hostname() });
    expect(await withProjectLock(dir, 'build', () => readProjectLock(dir)?.pid)).toBe(process.pid);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process that is not node (a reused pid)', async () => {
    const dir = tempDir();
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(sleeper);
    writeLock(dir, { pid: sleeper.pid, command: 'build', started: '2020-01-01T00:00:00.000Z', host: hostname() });
    expect(await withProjectLock(dir, 'build', () => 'ran')).toBe('ran');
  });

  it('treats a lock from another machine as held (its pid cannot be checked here)', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), command: 'publish', started: new Date().toISOString(), host: 'another-host.example' });
    const msg = await lockError(withProjectLock(dir, 'build', () => 'ran'));
    expect(msg).toContain('on another-host.example');
  });

  it('treats an unreadable lock file as held while it is fresh (being written), and as stale when old', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '{"pid": 12');
    await lockError(withProjectLock(dir, 'build', () => 'ran'));
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(join(dir, LOCK_FILE), old, old);
    expect(await withProjectLock(dir, 'build', () => 'ran')).toBe('ran');
  });

  it('never removes a lock that is not its own on release', async () => {
    const dir = tempDir();
    const other = liveNode();
    await withProjectLock(dir, 'build', () => writeLock(dir, { pid: other.pid, command: 'publish', started: new Date().toISOString() }));
    expect(readProjectLock(dir)?.pid).toBe(other.pid);
  });

  it('serialises two holders in one process: the second runs after the first, never interleaved', async () => {
    const dir = tempDir();
    const events: string[] = [];
    const job = (name: string) => withProjectLock(dir, 'build', async () => {
      events.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 150));
      events.push(`${name} end`);
    }, { wait: 10_000, poll: 20 });
    await Promise.all([job('a'), job('b'), job('c')]);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace('start', 'end'));
    expect(events).toHaveLength(6);
  });

  it('the sync form waits and refuses the same way', () => {
    const dir = tempDir();
    expect(withProjectLockSync(dir, 'build', () => readProjectLock(dir)?.command)).toBe('build');
    const holder = liveNode();
    writeLock(dir, { pid: holder.pid, command: 'build', started: new Date().toISOString() });
    const t = Date.now();
    expect(() => withProjectLockSync(dir, 'publish', () => 'ran', { wait: 200, poll: 50 })).toThrow(/pid \d+/);
    expect(Date.now() - t).toBeGreaterThanOrEqual(180);
    expect(tryAcquire(dir, 'x')).toBeUndefined();
  });

  it('excludes other processes: 4 processes taking the lock at once never overlap', async () => {
    const dir = tempDir();
    const log = join(dir, 'log.txt');
    writeFileSync(log, '');
    const script = `
      import { withProjectLock } from ${JSON.stringify(new URL('../../dist/util/lock.js', import.meta.url).href)};
      import { appendFileSync } from 'node:fs';
      for (let i = 0; i < 3; i++) {
        await withProjectLock(process.argv[1], 'build', async () => {
          appendFileSync(process.argv[2], 'start ' + process.pid + '\\n');
          await new Promise((r) => setTimeout(r, 30));
          appendFileSync(process.argv[2], 'end ' + process.pid + '\\n');
        }, { wait: 60000, poll: 5 });
      }`;
    const procs = Array.from({ length: 4 }, () => {
      const c = spawn(process.execPath, ['--input-type=module', '-e', script, dir, log], { stdio: ['ignore', 'ignore', 'pipe'], cwd: REPO });
      children.push(c);
      return c;
    });
    const codes = await Promise.all(procs.map(async (c) => {
      let err = '';
      c.stderr!.on('data', (d) => (err += d));
      const [code] = (await once(c, 'exit')) as [number];
      return { code, err };
    }));
    for (const c of codes) expect(c.code, c.err).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(24);
    for (let i = 0; i < lines.length; i += 2) expect(lines[i + 1]).toBe(lines[i]!.replace('start', 'end'));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

describe('withProjectLock where no lock can be taken', () => {
  it('runs without a lock when the project folder does not exist (the command reports that itself)', async () => {
    const dir = join(tempDir(), 'missing');
    expect(await withProjectLock(dir, 'build', () => 'ran')).toBe('ran');
    expect(existsSync(dir)).toBe(false);
  });
});
