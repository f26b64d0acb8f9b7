import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DiagnosticError } from '../model/diagnostics.js';
import { alive } from './atomic.js';

/** `<project>/.noticekit.lock`: held while a command that writes (build, publish) runs. */
export const LOCK_FILE = '.noticekit.lock';

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number;
  command: string;
  /** ISO 8601 time the lock was taken. */
  started: string;
  host?: string;
}

export interface LockOptions {
  /** How long to wait for another holder to finish, in ms (default 0: fail at once). */
  wait?: number;
  /** How often to look again while waiting, in ms (default 100). */
  poll?: number;
}

/** A lock file that cannot be read as JSON is another process's lock being written, unless older than this. */
const UNREADABLE_GRACE_MS = 2000;

export interface ProjectLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

/**
 * Runs `fn` while holding the project's lock: an exclusive create of `<root>/.noticekit.lock`
 * holding {pid, command, started}. When another live process holds it, waits up to `wait` ms, then
 * fails with a DiagnosticError naming the holder. A lock whose process is gone (killed, crashed) is
 * stale and is taken over. The lock is released when `fn` returns or throws.
 */
export async function withProjectLock<T>(root: string, command: string, fn: () => T | Promise<T>, opts: LockOptions = {}): Promise<T> {
  const deadline = Date.now() + Math.max(0, opts.wait ?? 0);
  for (;;) {
    const lock = tryAcquire(root, command);
    if (lock) {
      try {
        return await fn();
      } finally {
        lock.release();
      }
    }
    if (Date.now() >= deadline) throw lockedError(root, command);
    await new Promise((r) => setTimeout(r, Math.min(opts.poll ?? 100, Math.max(1, deadline - Date.now()))));
  }
}

/** The same for synchronous code: waiting blocks the thread (Atomics.wait), as a sync command would anyway. */
export function withProjectLockSync<T>(root: string, command: string, fn: () => T, opts: LockOptions = {}): T {
  const deadline = Date.now() + Math.max(0, opts.wait ?? 0);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const lock = tryAcquire(root, command);
    if (lock) {
      try {
        return fn();
      } finally {
        lock.release();
      }
    }
    if (Date.now() >= deadline) throw lockedError(root, command);
    Atomics.wait(sleeper, 0, 0, Math.min(opts.poll ?? 100, Math.max(1, deadline - Date.now())));
  }
}

/** Takes the lock if it is free or stale; undefined when another live process holds it. */
export function tryAcquire(root: string, command: string): ProjectLock | undefined {
  const file = join(root, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, command, started: new Date().toISOString(), host: hostname() };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // no project folder, or one we may not write to (a read-only checkout built to --out
      // elsewhere): run without a lock and let the command report what is wrong, as before
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { file, holder, release: () => undefined };
      if (code !== 'EEXIST') throw e;
      if (!removeIfStale(file)) return undefined;
      continue;
    }
    try {
      const buf = Buffer.from(`${JSON.stringify(holder)}\n`);
      // no fsync: other processes see the holder through the page cache, and a lock that outlives a
      // power cut is stale anyway (an unreadable one is taken over after UNREADABLE_GRACE_MS); an
      // fsync here cost 100 ms and more on every build on slow disks
      writeSync(fd, buf, 0, buf.length);
    } finally {
      closeSync(fd);
    }
    return {
      file,
      holder,
      release: () => {
        const now = readHolder(file);
        if (now && now.pid === holder.pid && now.started === holder.started) {
          try {
            unlinkSync(file);
          } catch {
            // already gone
          }
        }
      },
    };
  }
  return undefined;
}

/** The holder named in the project's lock file, if there is one and it can be read. */
export function readProjectLock(root: string): LockHolder | undefined {
  return readHolder(join(root, LOCK_FILE));
}

function readHolder(file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && Number.isSafeInteger(h.pid) && h.pid > 0 && typeof h.command === 'string' && typeof h.started === 'string') {
      return { pid: h.pid, command: h.command, started: h.started, ...(typeof h.host === 'string' ? { host: h.host } : {}) };
    }
  } catch {
    // not JSON: written half, or not ours
  }
  return undefined;
}

/** Whether the process named in a lock is still running (a lock from another machine counts as live). */
export function holderAlive(h: LockHolder): boolean {
  if (h.host && h.host !== hostname()) return true;
  if (h.pid === process.pid) return true;
  if (!alive(h.pid)) return false;
  // a reused pid: on Linux, a live process that is not node cannot be a noticekit holder
  try {
    const cmd = readFileSync(`/proc/${h.pid}/cmdline`, 'utf8');
    if (cmd && !/node|noticekit/i.test(cmd)) return false;
  } catch {
    // no /proc: trust the pid
  }
  return true;
}

/**
 * Removes the lock file when its holder is gone (or when it is unreadable and old); returns whether
 * the lock may be tried again. The stale file is first renamed to a name of our own, so that of two
 * processes cleaning up at once only one removes it, and a fresh lock taken meanwhile is put back.
 */
function removeIfStale(file: string): boolean {
  const h = readHolder(file);
  if (h) {
    if (holderAlive(h)) return false;
  } else {
    let age: number;
    try {
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      return true; // gone meanwhile
    }
    if (age < UNREADABLE_GRACE_MS) return false;
  }
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch {
    return true; // someone else moved it: try again
  }
  const moved = readHolder(aside);
  if (h && moved && (moved.pid !== h.pid || moved.started !== h.started)) {
    // we moved a lock another process took in between: give it back
    try {
      linkSync(aside, file);
    } catch {
      // another lock is in place already; the one we moved is lost to its holder, who finds on release that it is not theirs
    }
    try {
      unlinkSync(aside);
    } catch {
      // gone
    }
    return false;
  }
  try {
    unlinkSync(aside);
  } catch {
    // gone
  }
  return true;
}

function lockedError(root: string, command: string): DiagnosticError {
  const h = readProjectLock(root);
  const since = h ? `since ${h.started}${ago(h.started)}` : '';
  const who = h ? `another noticekit ${h.command} (pid ${h.pid}${h.host && h.host !== hostname() ? ` on ${h.host}` : ''}) is working on this project ${since}` : 'another noticekit command is working on this project';
  return new DiagnosticError([
    {
      severity: 'error',
      rule: 'project-locked',
      file: LOCK_FILE,
      message: `cannot ${command}: ${who}`,
      expected: 'one build or publish at a time in a project',
      hint: h ? `wait for it to finish and run the command again; if no process ${h.pid} is running, delete ${LOCK_FILE}` : `wait, then run the command again; delete ${LOCK_FILE} if no noticekit command is running`,
    },
  ]);
}

function ago(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((Date.now() - t) / 1000));
  return s < 120 ? ` (${s} s ago)` : ` (${Math.round(s / 60)} min ago)`;
}

/** How long a command waits for another holder of the lock: NOTICEKIT_LOCK_WAIT_MS, else 30 s. */
export function lockWaitMs(): number {
  const v = Number(process.env.NOTICEKIT_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 30_000;
}
