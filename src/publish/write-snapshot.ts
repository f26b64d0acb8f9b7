import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { alive } from '../util/atomic.js';
import { SNAPSHOT_MANIFEST } from './manifest.js';

/** Test hooks: simulate a kill or a full disk after N files of the version were written. */
export interface WriteHooks {
  /** SIGKILL this process after writing this many files (env NOTICEKIT_CRASH_AFTER_FILES). */
  crashAfterFiles?: number;
  /** Fail the next write with ENOSPC after this many files (env NOTICEKIT_FAIL_WRITE_AFTER_FILES). */
  failWriteAfterFiles?: number;
}

export function hooksFromEnv(env: NodeJS.ProcessEnv = process.env): WriteHooks {
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  const crash = num(env.NOTICEKIT_CRASH_AFTER_FILES);
  const fail = num(env.NOTICEKIT_FAIL_WRITE_AFTER_FILES);
  return { ...(crash !== undefined ? { crashAfterFiles: crash } : {}), ...(fail !== undefined ? { failWriteAfterFiles: fail } : {}) };
}

/** `.<version>.tmp-<pid>-<hex>`: a version folder being written (or left by a killed publish). */
const TEMP = /^\.(.+)\.tmp-(\d+)-([0-9a-f]+)$/;

export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

/** Removes temporary version folders left by publishes whose process is gone; returns their names. */
export function removeStaleTemps(baseDir: string): string[] {
  if (!existsSync(baseDir)) return [];
  const removed: string[] = [];
  for (const e of readdirSync(baseDir)) {
    const m = TEMP.exec(e);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && alive(pid)) continue; // another publish is writing it
    rmSync(join(baseDir, e), { recursive: true, force: true });
    removed.push(e);
  }
  return removed;
}

export class VersionExistsError extends Error {
  constructor(readonly version: string, readonly dir: string) {
    super(`version ${version} is already published (${dir})`);
    this.name = 'VersionExistsError';
  }
}

/**
 * Writes a version folder all at once as seen by readers: every file goes into a temporary sibling
 * (`.<version>.tmp-<pid>-<hex>`), each fsynced, manifest.json last; only then is the folder renamed
 * into place. A kill or a failed write before the rename leaves no version folder (a failure removes
 * the temporary folder; a killed process's is removed by the next publish). Never replaces a version.
 */
export function writeSnapshot(baseDir: string, version: string, files: Map<string, string>, hooks: WriteHooks = {}): void {
  mkdirSync(baseDir, { recursive: true });
  removeStaleTemps(baseDir);
  const target = join(baseDir, version);
  if (existsSync(target)) throw new VersionExistsError(version, target);
  const tmp = join(baseDir, `.${version}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    const order = [...files.keys()].filter((p) => p !== SNAPSHOT_MANIFEST).sort();
    if (files.has(SNAPSHOT_MANIFEST)) order.push(SNAPSHOT_MANIFEST);
    const dirs = new Set<string>([tmp]);
    let written = 0;
    for (const rel of order) {
      if (hooks.failWriteAfterFiles !== undefined && written >= hooks.failWriteAfterFiles) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${join(tmp, rel)}' (simulated by NOTICEKIT_FAIL_WRITE_AFTER_FILES=${hooks.failWriteAfterFiles})`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      }
      const p = join(tmp, rel);
      const d = dirname(p);
      if (!dirs.has(d)) {
        mkdirSync(d, { recursive: true });
        for (let x = d; !dirs.has(x); x = dirname(x)) dirs.add(x);
      }
      writeDurable(p, files.get(rel)!);
      written++;
      if (hooks.crashAfterFiles !== undefined && written >= hooks.crashAfterFiles) process.kill(process.pid, 'SIGKILL');
    }
    for (const d of [...dirs].sort().reverse()) fsyncPath(d);
    if (existsSync(target)) throw new VersionExistsError(version, target);
    try {
      renameSync(tmp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new VersionExistsError(version, target);
      throw e;
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  fsyncPath(baseDir);
}

function writeDurable(path: string, data: string): void {
  const fd = openSync(path, 'wx');
  try {
    const buf = Buffer.from(data, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // some file systems cannot fsync a directory; the rename is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
