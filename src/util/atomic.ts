import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync, openSync, fsyncSync, closeSync, readdirSync, linkSync, copyFileSync, lstatSync } from 'node:fs';
import { DiagnosticError } from '../model/diagnostics.js';
import { createHash } from 'node:crypto';
import { dirname, join, resolve, basename, isAbsolute, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { IoThread } from './io-thread.js';

/**
 * Test hook for a full disk: with NOTICEKIT_FAIL_WRITE_AFTER_FILES=N in the environment, the file
 * after the first N written by one writeFileAtomic, replaceDirAtomic or DirWriter fails with
 * ENOSPC, as on a full disk (N=0: the first write fails).
 */
export function simulatedWriteFailure(written: number, path: string): void {
  const v = process.env.NOTICEKIT_FAIL_WRITE_AFTER_FILES;
  if (v === undefined || !/^\d+$/.test(v) || written < Number(v)) return;
  throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}' (simulated by NOTICEKIT_FAIL_WRITE_AFTER_FILES=${v})`), { code: 'ENOSPC', errno: -28, syscall: 'write', path });
}

/**
 * Test hooks for a kill: NOTICEKIT_CRASH_AFTER_FILES=N SIGKILLs the process once a DirWriter or
 * replaceDirAtomic has placed N files; NOTICEKIT_CRASH_IN_SWAP=1 SIGKILLs it between the two renames
 * of a swap (the old folder moved aside, the new one not yet in place), the narrowest window.
 */
function simulatedCrash(point: 'files' | 'swap', placed = 0): void {
  if (point === 'swap' ? process.env.NOTICEKIT_CRASH_IN_SWAP === '1' : /^\d+$/.test(process.env.NOTICEKIT_CRASH_AFTER_FILES ?? '') && placed >= Number(process.env.NOTICEKIT_CRASH_AFTER_FILES)) {
    process.kill(process.pid, 'SIGKILL');
  }
}

/** Writes one file atomically: a temporary sibling, fsync, then rename over the target. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    simulatedWriteFailure(0, tmp);
    writeFileSync(tmp, data);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Replaces a whole folder with new content, atomically as seen by readers: everything is written
 * into a temporary sibling first; only when all of it is written does the folder swap in. A failure
 * or a kill before the swap leaves the previous folder untouched (and a stray temporary sibling,
 * removed by the next run).
 */
export function replaceDirAtomic(dir: string, files: Map<string, string | Uint8Array>, hooks: { beforeSwap?: () => void } = {}): void {
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  cleanStale(parent, basename(target));
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    const made = new Set<string>();
    let n = 0;
    for (const [rel, data] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const p = inside(tmp, rel);
      const d = dirname(p);
      if (!made.has(d)) {
        mkdirSync(d, { recursive: true });
        made.add(d);
      }
      simulatedWriteFailure(n++, p);
      writeFileSync(p, data);
      simulatedCrash('files', n);
    }
    hooks.beforeSwap?.();
    const old = join(parent, `.${basename(target)}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
    const had = existsSync(target);
    if (had) renameSync(target, old);
    if (had) simulatedCrash('swap');
    try {
      renameSync(tmp, target);
    } catch (e) {
      if (had) renameSync(old, target);
      throw e;
    }
    if (had) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Removes temporary siblings left by a killed run whose process is gone. */
function cleanStale(parent: string, name: string): void {
  const re = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`);
  for (const e of readdirSync(parent)) {
    const m = re.exec(e);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || alive(pid)) continue;
    // killed between the two renames of a swap: the previous folder is restored, not lost
    if (m[1] === 'old' && !existsSync(join(parent, name))) renameSync(join(parent, e), join(parent, name));
    else rmSync(join(parent, e), { recursive: true, force: true });
  }
}

/** `dir/rel`, refusing a relative path that would leave `dir` (`..`, absolute, NUL): a bug upstream, never written. */
function inside(dir: string, rel: string): string {
  const p = resolve(dir, rel);
  if (rel.includes('\0') || isAbsolute(rel) || !p.startsWith(dir + sep)) throw new Error(`refusing to write ${JSON.stringify(rel)}: the path leaves the output folder`);
  return p;
}

function regularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file's content for DirWriter: a text, a text in pieces (written one after the other), bytes, or the previous file with this hash. */
export type FileData = string | readonly string[] | Uint8Array | { reuse: string };

/** The largest buffer a DirWriter keeps for encoding texts; a longer text gets a buffer of its own. */
const SCRATCH_MAX = 8 << 20;

/**
 * Writes a new version of a folder file by file into a temporary sibling, then swaps it in
 * (`commit`) or throws it away (`abort`): readers see the old folder or the complete new one.
 * A file given as `{ reuse: hash }`, or whose content has the hash the previous version recorded
 * for it, is taken over from the previous folder as a hard link (a copy across file systems)
 * instead of being written again. Files are written as they come, so a large site never has to
 * sit in memory whole.
 */
export class DirWriter {
  readonly target: string;
  private readonly tmp: string;
  private readonly made = new Set<string>();
  private placed = 0;
  /** Reused for encoding texts (each is written before the next is encoded): no buffer per file. */
  private scratch: Buffer | undefined;
  /** With `thread`: the folders, writes and links happen on a second thread (see IoThread). */
  private readonly io: IoThread | undefined;
  written = 0;
  constructor(dir: string, private readonly previous?: { files: Record<string, string> }, opts: { thread?: boolean } = {}) {
    this.target = resolve(dir);
    const parent = dirname(this.target);
    mkdirSync(parent, { recursive: true });
    cleanStale(parent, basename(this.target));
    this.tmp = join(parent, `.${basename(this.target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(this.tmp);
    this.io = opts.thread ? IoThread.shared() : undefined;
  }

  /** Adds a file; returns its sha256. A failure throws the new folder away (the old one stays). */
  put(rel: string, data: FileData): string {
    try {
      return this.putFile(rel, data);
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  private putFile(rel: string, data: FileData): string {
    const p = inside(this.tmp, rel);
    const d = dirname(p);
    // a folder is made once, before its first file (by the thread, when there is one)
    const dir = this.made.has(d) ? undefined : d;
    if (dir !== undefined) {
      if (!this.io) mkdirSync(d, { recursive: true });
      this.made.add(d);
    }
    const reuse = typeof data === 'object' && 'reuse' in data ? data.reuse : undefined;
    // a text is encoded once: hashing the bytes is several times faster than hashing the string,
    // and writing them needs no second encoding (the I/O thread gets a copy)
    const text = typeof data === 'string' || Array.isArray(data);
    if (text) data = this.encode(data as string | readonly string[]);
    const hash = reuse ?? createHash('sha256').update(data as Uint8Array).digest('hex');
    const from = join(this.target, rel);
    simulatedWriteFailure(this.placed++, p);
    const write = () => {
      if (this.io) this.io.write(p, dir, data as Uint8Array);
      else writeFileSync(p, data as string | Uint8Array);
      this.written++;
    };
    if (this.previous?.files[rel] === hash && existsSync(from) && !regularFile(from)) {
      // never take over (hard-link, or copy through) a symbolic link or anything but a file planted
      // in the previous output: write the content again, or refuse when there is none to write
      if (reuse !== undefined) throw new DiagnosticError([{ severity: 'error', rule: 'unsafe-out-dir', file: from, message: `${rel} in the previous output is not a regular file (a symbolic link?); noticekit did not write it`, expected: 'only files written by noticekit in the output folder', hint: 'delete the output folder, or run `noticekit build --force` to write every file again' }]);
      write();
    } else if (this.previous?.files[rel] === hash && existsSync(from)) {
      if (this.io) this.io.link(p, dir, from);
      else {
        try {
          linkSync(from, p);
        } catch {
          copyFileSync(from, p);
        }
      }
    } else {
      if (reuse !== undefined) throw new Error(`the previous output has no ${rel} to take over`);
      write();
    }
    simulatedCrash('files', this.placed);
    return hash;
  }

  /** The UTF-8 bytes of a text (or of its pieces one after the other), valid until the next call. */
  private encode(text: string | readonly string[]): Uint8Array {
    const pieces = typeof text === 'string' ? [text] : text;
    let length = 0;
    for (const s of pieces) length += s.length;
    const most = length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
    // a piece ending inside a surrogate pair is encoded with the next one, as the joined text would be
    const split = pieces.some((s, i) => i < pieces.length - 1 && (s.charCodeAt(s.length - 1) & 0xfc00) === 0xd800);
    if (split) return Buffer.from(pieces.join(''), 'utf8');
    let into: Buffer;
    if (most <= SCRATCH_MAX) {
      if (!this.scratch || this.scratch.length < most) this.scratch = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(most, 2 * (this.scratch?.length ?? 0), 1 << 16)));
      into = this.scratch;
    } else {
      // a long text: a buffer of its own, of the exact size
      let bytes = 0;
      for (const s of pieces) bytes += Buffer.byteLength(s, 'utf8');
      into = Buffer.allocUnsafe(bytes);
    }
    let n = 0;
    for (const s of pieces) if (s) n += into.write(s, n, 'utf8');
    return into.subarray(0, n);
  }

  /** Swaps the new folder in place of the old one. */
  commit(): void {
    if (this.io) {
      try {
        this.io.wait();
      } catch (e) {
        this.abort();
        throw e;
      }
    }
    const parent = dirname(this.target);
    const old = join(parent, `.${basename(this.target)}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
    const had = existsSync(this.target);
    try {
      if (had) renameSync(this.target, old);
      if (had) simulatedCrash('swap');
      try {
        renameSync(this.tmp, this.target);
      } catch (e) {
        if (had) renameSync(old, this.target);
        throw e;
      }
    } catch (e) {
      this.abort();
      throw e;
    }
    if (had) {
      // the previous folder goes on both threads at once, every other entry on the second one (a
      // symbolic link in its place is removed itself, as rmSync does: what it points to stays)
      if (this.io && lstatSync(old).isDirectory()) {
        const entries = readdirSync(old).sort();
        entries.forEach((e, i) => (i % 2 ? this.io!.remove(join(old, e)) : rmSync(join(old, e), { recursive: true, force: true })));
        this.io.wait();
      }
      rmSync(old, { recursive: true, force: true });
    }
  }

  abort(): void {
    this.io?.cancel();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** A whole folder at once through a DirWriter; returns the number of files written. */
export function replaceDirIncremental(
  dir: string,
  files: Map<string, string | { reuse: string }>,
  manifest: string,
  previous: { files: Record<string, string> } | undefined,
  manifestName = '.noticekit-build.json',
): number {
  const w = new DirWriter(dir, previous);
  try {
    for (const [rel, data] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) w.put(rel, data);
    w.put(manifestName, manifest);
  } catch (e) {
    w.abort();
    throw e;
  }
  w.commit();
  return w.written - 1;
}
