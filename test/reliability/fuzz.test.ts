import { describe, it, expect, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../src/util/read-text.js';
import { parseMaster } from '../../src/parse/markdown.js';
import { assignUnitIds } from '../../src/parse/units.js';
import { parseYamlSource } from '../../src/parse/yaml-source.js';
import { validateSchema } from '../../src/parse/validate.js';
import { DiagnosticBag, isDiagnosticError } from '../../src/model/diagnostics.js';
import { REPO } from '../helpers/project.js';

/**
 * The mutation fuzzer of scripts/fuzz.mjs, bounded for CI: a fixed seed, 300 mutants of the
 * example per parser (Markdown master with unit ids; facts, regions and config YAML with their
 * schemas), run on src/. Every input must parse or be rejected with diagnostics: no other
 * exception, and none may take longer than 2 s (measured twice before it counts, so that a busy
 * machine does not fail the build). `npm run fuzz` runs the long mode on dist/ in worker threads.
 */
const SEED = 20261129;
const PER_TARGET = 300;
const TIME_LIMIT_MS = 2000;

interface Target {
  run: (bytes: Buffer) => string;
}
interface FuzzModule {
  makeTargets: (mods: object, repo: string) => Record<string, Target>;
  mutant: (target: Target, seed: number, index: number) => Buffer;
  runOne: (target: Target, bytes: Buffer, isDiagnosticError: (e: unknown) => boolean) => string;
}

const fuzzUrl = new URL('../../scripts/fuzz.mjs', import.meta.url).href;
const fuzz = (await import(/* @vite-ignore */ fuzzUrl)) as FuzzModule;
const targets = fuzz.makeTargets({ decodeText, parseMaster, assignUnitIds, parseYamlSource, validateSchema, DiagnosticBag }, REPO);
const summary: string[] = [];
afterAll(() => console.log(`fuzz (seed ${SEED}):\n  ${summary.join('\n  ')}`));

describe('mutation fuzzing of the parsers (fixed seed)', () => {
  for (const name of ['markdown', 'facts', 'regions', 'config']) {
    it(`${name}: ${PER_TARGET} mutants of the example parse or give diagnostics, each within ${TIME_LIMIT_MS} ms, printing no warning`, async () => {
      const target = targets[name]!;
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      const counts: Record<string, number> = { parsed: 0, diagnostics: 0 };
      const failures: string[] = [];
      let slowest = 0;
      const t0 = Date.now();
      for (let i = 0; i < PER_TARGET; i++) {
        const bytes = fuzz.mutant(target, SEED, i);
        const attempt = (): { outcome: string; ms: number } => {
          const t = performance.now();
          try {
            return { outcome: fuzz.runOne(target, bytes, isDiagnosticError), ms: performance.now() - t };
          } catch (e) {
            return { outcome: `crash: ${(e as Error)?.stack ?? String(e)}`, ms: performance.now() - t };
          }
        };
        let r = attempt();
        if (r.ms > TIME_LIMIT_MS && !r.outcome.startsWith('crash')) r = attempt();
        slowest = Math.max(slowest, r.ms);
        if (r.outcome.startsWith('crash') || r.ms > TIME_LIMIT_MS) {
          const dir = join(REPO, 'test/.tmp/fuzz-failures');
          mkdirSync(dir, { recursive: true });
          const file = join(dir, `${name}-seed${SEED}-${i}.bin`);
          writeFileSync(file, bytes);
          failures.push(`#${i} (${Math.round(r.ms)} ms, saved as ${file}; replay: node scripts/fuzz.mjs --target ${name} --replay ${file}): ${r.ms > TIME_LIMIT_MS ? 'too slow' : r.outcome.split('\n').slice(0, 6).join('\n')}`);
        } else counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
      }
      await new Promise((r) => setImmediate(r));
      process.off('warning', onWarning);
      summary.push(`${name}: ${PER_TARGET} inputs, ${counts.parsed} parsed, ${counts.diagnostics} rejected with diagnostics, ${failures.length} failures; slowest ${Math.round(slowest)} ms; ${Date.now() - t0} ms in all`);
      expect(failures).toEqual([]);
      expect(warnings, 'runtime warnings printed by a parser').toEqual([]);
      // the mutants are not all rejected at the first byte: both outcomes occur
      expect(counts.diagnostics).toBeGreaterThan(0);
      if (name === 'markdown' || name === 'config') expect(counts.parsed).toBeGreaterThan(0);
    });
  }

  it('is deterministic: the same seed gives the same mutants', () => {
    const t = targets.markdown!;
    expect(fuzz.mutant(t, SEED, 17).equals(fuzz.mutant(t, SEED, 17))).toBe(true);
    expect(fuzz.mutant(t, SEED, 17).equals(fuzz.mutant(t, SEED + 1, 17))).toBe(false);
  });
});
