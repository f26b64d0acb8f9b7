// One in-process measurement, run in its own child process so peak memory is its own.
// Usage: node bench/stage.js <stage> <runs> [args…]; prints
// {"times":[ms…],"maxRssMB":n,"firstMs":ms,"warmupRuns":n} as JSON.
import { generateMaster } from './generate.js';

const [stage, runsArg, ...args] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);

async function setup() {
  switch (stage) {
    case 'parse-master': {
      const { parseMaster } = await import('../dist/parse/markdown.js');
      const text = generateMaster(Number(args[0]), 7);
      return () => parseMaster(text, 'bench.md');
    }
    case 'parse-remark-whole': {
      const { unified } = await import('unified');
      const remarkParse = (await import('remark-parse')).default;
      const remarkGfm = (await import('remark-gfm')).default;
      const remarkDirective = (await import('remark-directive')).default;
      const text = generateMaster(Number(args[0]), 7);
      const p = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
      return () => p.parse(text);
    }
    default: {
      for (const file of ['./stages.js', './stages-build.js']) {
        const extra = await import(file).catch((e) => (e.code === 'ERR_MODULE_NOT_FOUND' ? {} : Promise.reject(e)));
        if (extra.stages?.[stage]) return extra.stages[stage](args);
      }
      throw new Error(`unknown stage ${stage}`);
    }
  }
}

/**
 * Warm-up, the same for every stage, subject and floor alike: the function runs until
 * WARMUP_MS have gone by (at least once), so the timed runs measure compiled code, not the JIT
 * tiers and first collections of a fresh process. The first run, cold, is reported as `firstMs`.
 */
const WARMUP_MS = 1000;

const fn = await setup();
const warmStart = performance.now();
await fn();
const firstMs = performance.now() - warmStart;
let warmupRuns = 1;
while (performance.now() - warmStart < WARMUP_MS) {
  await fn();
  warmupRuns++;
}
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await fn();
  times.push(performance.now() - t);
}
process.stdout.write(JSON.stringify({ times, maxRssMB: process.resourceUsage().maxRSS / 1024, firstMs, warmupRuns }));
