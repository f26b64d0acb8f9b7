import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The state of every entry below `dir`: files by sha256, symbolic links by target, folders (so an
 * empty temporary folder left behind shows too). For "nothing was written" comparisons.
 */
export function treeState(dir: string, skip: (rel: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d).sort()) {
      const rel = `${prefix}${e}`;
      if (skip(rel)) continue;
      const p = join(d, e);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.set(rel, `link -> ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.set(`${rel}/`, 'dir');
        walk(p, `${rel}/`);
      } else if (st.isFile() && st.size > 4 * 1048576) {
        // a big file (a generated 50 MB input) by its identity: hashing it twice costs more than the case
        out.set(rel, `file ${st.size} bytes, inode ${st.ino}, modified ${st.mtimeMs}`);
      } else if (st.isFile()) out.set(rel, `file ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      else out.set(rel, 'other');
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

/** What differs between two tree states, as readable lines (empty when equal). */
export function treeDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [k, v] of before) {
    if (!after.has(k)) lines.push(`removed ${k}`);
    else if (after.get(k) !== v) lines.push(`changed ${k}`);
  }
  for (const k of after.keys()) if (!before.has(k)) lines.push(`added ${k}`);
  return lines;
}

/** The marker of a previous build: a folder noticekit may replace, with content to compare. */
export const OUT_MARKER = '.noticekit-build.json';

export function previousOutput(dir: string, out = 'out'): void {
  mkdirSync(join(dir, out), { recursive: true });
  writeFileSync(join(dir, out, OUT_MARKER), '{"generator":"noticekit-test","note":"a previous build"}\n');
  writeFileSync(join(dir, out, 'previous.html'), '<p>the previous build</p>\n');
}

/** A stack trace line as V8 prints it. */
export const STACK_LINE = /\n\s+at (?:.+ \()?(?:file:\/\/|\/|node:)[^\n]*:\d+:\d+\)?/;

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * treeState of an output folder, with the build marker reduced to the files it lists: its input
 * fingerprints also hash noticekit's own code, which differs between src/ (in-process) and dist/.
 */
export function outState(outDir: string): Map<string, string> {
  const t = treeState(outDir);
  const p = join(outDir, OUT_MARKER);
  if (t.has(OUT_MARKER)) {
    try {
      const m = JSON.parse(readFileSync(p, 'utf8')) as { generator?: unknown; document?: unknown; files?: unknown };
      t.set(OUT_MARKER, `marker ${createHash('sha256').update(JSON.stringify([m.generator, m.document, m.files])).digest('hex')}`);
    } catch {
      // unreadable: keep the raw hash, which matches no complete build
    }
  }
  return t;
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
