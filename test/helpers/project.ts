import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of the bundled example project in a fresh temporary folder. */
export function exampleProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'noticekit-test-'));
  for (const p of ['policy', 'locales', 'templates', 'noticekit.config.yaml']) cpSync(join(REPO, p), join(dir, p), { recursive: true });
  return dir;
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `noticekit ARGS` in folder `cwd`. */
export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, out: (t) => (stdout += t), err: (t) => (stderr += t), isTTY: false };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Every file below `dir` with its bytes, for before/after comparisons. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${e}/`);
      else out.set(`${prefix}${e}`, readFileSync(p, 'latin1'));
    }
  };
  walk(dir, '');
  return out;
}

export function edit(dir: string, rel: string, fn: (text: string) => string): void {
  const p = join(dir, rel);
  writeFileSync(p, fn(readFileSync(p, 'utf8')));
}
