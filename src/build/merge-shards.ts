import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../model/diagnostics.js';
import { sha256 } from '../util/hash.js';
import { replaceDirIncremental } from '../util/atomic.js';
import { BUILD_MARKER, type BuildManifest } from './build.js';

export interface MergeResult {
  files: number;
  pages: number;
  shards: number;
}

/**
 * Checks the outputs of `build --shard i/n` (every shard present once, all built from the same
 * inputs, no file claimed twice, every file matching its recorded hash) and combines them into
 * one site, written atomically with one manifest, as if built in one run.
 */
export function mergeShards(dirs: string[], outDir: string, cwd: string): MergeResult {
  const problems: Diagnostic[] = [];
  const fail = (file: string, message: string, expected: string, hint?: string) => problems.push({ severity: 'error', rule: 'merge-shards', file, message, expected, ...(hint ? { hint } : {}) });
  const shards: { dir: string; m: BuildManifest }[] = [];
  for (const dir of dirs) {
    const file = join(dir, BUILD_MARKER);
    const rel = relative(cwd, file);
    if (!existsSync(file)) {
      fail(rel, `${relative(cwd, dir) || '.'} has no build manifest`, `the output folder of \`noticekit build --shard i/n\``);
      continue;
    }
    let m: BuildManifest;
    try {
      m = JSON.parse(readFileSync(file, 'utf8')) as BuildManifest;
    } catch (e) {
      fail(rel, `the build manifest is not valid JSON: ${(e as Error).message}`, 'the manifest noticekit wrote');
      continue;
    }
    if (!m.shard) fail(rel, 'this output was not built with --shard', 'outputs of `noticekit build --shard i/n`');
    else shards.push({ dir, m });
  }
  if (shards.length) {
    const count = shards[0]!.m.shard!.count;
    const source = shards[0]!.m.source;
    const seen = new Map<number, string>();
    for (const { dir, m } of shards) {
      const rel = relative(cwd, join(dir, BUILD_MARKER));
      if (m.shard!.count !== count) fail(rel, `shard ${m.shard!.index}/${m.shard!.count} belongs to a build in ${m.shard!.count} shards, not ${count}`, `every shard of one build: 1/${count} … ${count}/${count}`);
      if (m.source !== source) fail(rel, `shard ${m.shard!.index}/${m.shard!.count} was built from other inputs than shard ${shards[0]!.m.shard!.index}`, 'every shard built from the same commit with the same options', 'rebuild the shards from one commit');
      const prev = seen.get(m.shard!.index);
      if (prev) fail(rel, `shard ${m.shard!.index}/${count} is given twice (also ${prev})`, 'each shard once');
      seen.set(m.shard!.index, dir);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length) fail(relative(cwd, shards[0]!.dir) || '.', `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`, `all ${count} shards`, 'pass the output folder of every shard');
  }
  const files = new Map<string, string>();
  const owner = new Map<string, string>();
  const pages: Record<string, string> = {};
  const titles: Record<string, string> = {};
  for (const { dir, m } of shards) {
    Object.assign(pages, m.pages);
    Object.assign(titles, m.titles ?? {});
    for (const [path, hash] of Object.entries(m.files)) {
      const rel = relative(cwd, join(dir, path));
      if (owner.has(path)) {
        fail(rel, `${path} is in two shards (${owner.get(path)} and ${relative(cwd, dir)})`, 'every file in one shard only');
        continue;
      }
      owner.set(path, relative(cwd, dir));
      const p = join(dir, path);
      if (!existsSync(p)) {
        fail(rel, `${path} is listed in the shard's manifest but missing`, 'every file the manifest lists', 'copy the whole shard output');
        continue;
      }
      const content = readFileSync(p, 'utf8');
      if (sha256(content) !== hash) fail(rel, `${path} does not match the hash in the shard's manifest (edited or damaged in transfer)`, `sha256 ${hash}`, 'rebuild the shard');
      files.set(path, content);
    }
  }
  if (problems.length) throw new DiagnosticError(problems);
  const first = shards[0]!.m;
  const manifest: BuildManifest = {
    generator: 'noticekit',
    version: first.version,
    document: first.document,
    inputs: first.source,
    source: first.source,
    pages: Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : 1))),
    titles: Object.fromEntries(Object.entries(titles).sort(([a], [b]) => (a < b ? -1 : 1))),
    files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, c]) => [p, sha256(c)])),
  };
  replaceDirIncremental(outDir, files, `${JSON.stringify(manifest, null, 2)}\n`, undefined);
  return { files: files.size, pages: Object.keys(pages).length, shards: shards.length };
}
