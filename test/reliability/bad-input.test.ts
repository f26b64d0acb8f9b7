import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exampleProject, cleanup, cli } from '../helpers/project.js';
import { loadCases, applyPatches, type BadCase } from './bad-input-cases.js';
import { treeState, treeDiff, previousOutput, STACK_LINE, escapeRe, OUT_MARKER } from './helpers.js';

/**
 * The bad-input corpus (test/fixtures/bad-input/*.yaml): every case runs `noticekit` in-process on
 * a patched copy of the example project with a previous build in out/. A rejected input exits with
 * the stated code and a message that names the file and line, shows no stack trace, and leaves
 * the whole project (out/ included) byte for byte as it was, with no temporary file behind. A
 * valid variant (BOM, CRLF) exits 0 and builds exactly the example's output.
 */
const cases = loadCases();
const print = process.env.NK_PRINT === '1';


/** The marker's content hashes (its `inputs` and `source` fingerprint the raw input bytes). */
function markerFiles(outDir: string): unknown {
  const m = JSON.parse(readFileSync(join(outDir, OUT_MARKER), 'utf8')) as Record<string, unknown>;
  return { files: m.files, pages: m.pages };
}

describe('the bad-input corpus', () => {
  it('has at least 80 cases over every input the tool reads', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const inputs = new Set(cases.map((c) => c.input));
    for (const i of ['facts', 'regions', 'master', 'units', 'locale-ui', 'locale-privacy', 'config', 'template', 'args', 'xliff']) expect(inputs, i).toContain(i);
    for (const c of cases) {
      expect(c.description, c.id).not.toBe('');
      if (c.exit !== 0) expect(c.message, `${c.id} states a message`).toBeTruthy();
    }
    // most rejected inputs are located down to the line
    const rejected = cases.filter((c) => c.exit !== 0);
    expect(rejected.filter((c) => c.where && /:(@|\d)/.test(c.where)).length / rejected.length).toBeGreaterThan(0.8);
  });

  /** The example's own output for each command line of a valid variant, built once. */
  const baselines = new Map<string, { out: Map<string, string>; marker: unknown }>();
  beforeAll(async () => {
    for (const args of new Set(cases.filter((c) => c.sameOutput).map((c) => JSON.stringify(c.args)))) {
      const dir = exampleProject();
      try {
        const r = await cli(dir, ...(JSON.parse(args) as string[]));
        expect(r.code, r.stderr).toBe(0);
        baselines.set(args, { out: treeState(join(dir, 'out'), (rel) => rel === OUT_MARKER), marker: markerFiles(join(dir, 'out')) });
      } finally {
        cleanup(dir);
      }
    }
  });

  for (const c of cases) {
    it(`${c.id}: ${c.description} (exit ${c.exit})`, async () => {
      await runCase(c);
    });
  }

  async function runCase(c: BadCase): Promise<void> {
    const dir = exampleProject();
    try {
      previousOutput(dir);
      const lines = applyPatches(dir, c.patch);
      const before = treeState(dir);
      const r = await cli(dir, ...c.args);
      if (print) console.log(`--- ${c.id} exit ${r.code}\n${r.stderr.slice(0, 1200)}`);
      expect(r.code, r.stderr || r.stdout).toBe(c.exit);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr + r.stdout, 'no file outside the project was read into the output').not.toMatch(/root:x?:0:0:/);
      if (c.message) expect(r.stderr).toMatch(new RegExp(c.message));
      if (c.where) {
        const m = /^(.*?)(?::(@([+-]\d+)?|\d+)(?::(\d+))?)?$/.exec(c.where.replace(/\{dir\}/g, basename(dir)))!;
        const file = m[1]!;
        let line: number | undefined;
        if (m[2]?.startsWith('@')) {
          const at = lines.get(file);
          expect(at, `${c.id}: the patch changed ${file}`).toBeDefined();
          line = at! + Number(m[3] ?? 0);
        } else if (m[2]) line = Number(m[2]);
        const column = m[4];
        const re = line === undefined ? escapeRe(file) : `${escapeRe(file)}:${line}${column ? `:${column}` : ''}(?![0-9])`;
        expect(r.stderr, `names ${file}${line ? `:${line}` : ''}${column ? `:${column}` : ''}`).toMatch(new RegExp(re));
      }
      const after = treeState(dir);
      if (c.exit !== 0) {
        expect(r.stderr).toMatch(/nothing was written|Usage:|nothing was changed/i);
        expect(treeDiff(before, after), 'the project, out/ included, is untouched and no temporary file is left').toEqual([]);
      } else {
        const notOut = (m: Map<string, string>) => new Map([...m].filter(([k]) => !k.startsWith('out/')));
        expect(treeDiff(notOut(before), notOut(after)), 'only out/ changed').toEqual([]);
        if (c.sameOutput) {
          const baseline = baselines.get(JSON.stringify(c.args))!;
          expect(treeDiff(baseline.out, treeState(join(dir, 'out'), (rel) => rel === OUT_MARKER)), 'the same output as the example').toEqual([]);
          expect(markerFiles(join(dir, 'out'))).toEqual(baseline.marker);
        }
      }
    } finally {
      cleanup(dir);
    }
  }
});
