#!/usr/bin/env node
// Mutation fuzzer of noticekit's input parsers: the Markdown master (front matter, directives,
// section ids, units) and the YAML facts, regions and config files, from the bytes up (UTF-8
// decoding included). Inputs are the example project's files, cut to a random window or whole,
// then mutated at random at the byte level and with the tokens of each syntax. The only allowed
// outcomes are a parse or diagnostics (DiagnosticError, or diagnostics collected); an exception of
// any other kind, or an input taking longer than the time limit, is a failure, saved for replay.
//
//   npm run fuzz -- [--iterations N] [--seed S] [--target markdown|facts|regions|config|all]
//                   [--time-limit MS] [--hang-limit MS] [--out DIR] [--replay FILE]
//
// The long mode runs on dist/ (npm run build first), each target in a worker thread that is
// terminated when an input hangs. test/reliability/fuzz.test.ts runs the same mutations, bounded
// and with a fixed seed, on src/ in CI.

import { readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast and deterministic for a seed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------- mutations

const MARKDOWN_TOKENS = [
  ':::', '::::', ':::only{regions="de"}', ':::except{jurisdictions="eu gb"}', ':::only{', ':::only{regions="', '::facts{show="purposes"}', '::facts{show=""}', '::facts',
  ':::maybe{x="y"}', '{#', '{#id}', '{#../x}', ' {#dup covers="a b"}', '}', '{', '{{', '}}', '{{controller.name}}', '{{ company.name }}', '{{constructor.constructor}}', '{{__proto__}}',
  '# ', '## ', '###### ', '\n## Heading {#top}\n', '- ', '* ', '+ ', '1. ', '99999999999. ', '> ', '>>>>>> ', '    ', '\t', '|', '| a | b |\n|---|:-:|\n', '|---|', '```', '~~~', '```js\n',
  '[x](y)', '[x]', '[x]: http://e.example', '![i](j)', '<http://a.example>', '*', '**', '_', '__', '`', '\\', '&#0;', '&amp;', '&#xFFFF;', '<div>', '<!--', '-->', '<script>',
  '---', '---\ntitle: [\n---\n', '***', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u200b', '\ufeff', '\u202e', '\ud800', '😀', 'é', '\u0000',
];

const YAML_TOKENS = [
  ': ', ':', '- ', '-', '[', ']', '{', '}', ',', '&a ', '*a', '&a [x, x, x]', '[*a, *a, *a, *a]', '!!str ', '!!binary ', '!!js/function ', '!custom ', '? ', '|', '|-', '>', '>+',
  '---', '...', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', "'", '"', '"\\u0000"', '"\\x00"', '#', ' #', '\t', '\n', '\n  ', '\n    - ', '<<: *a', '<<: {x: 1}', 'null', '~', 'true', 'no',
  '0x1F', '0o17', '1e999', '.nan', '-.inf', '2026-02-30', '__proto__: {polluted: true}', 'constructor: x', 'id: ../../etc', 'id: "a\\0b"', 'id: con', '\ufeff', '\r\n', '\u00a0', '😀',
];

function bytesOf(s) {
  return Buffer.from(s, 'utf8');
}

/** One random change of `buf`; returns the new buffer. */
function mutateOnce(buf, r, tokens, donor) {
  const n = buf.length;
  const pos = () => r.int(n + 1);
  const lineStarts = () => {
    const starts = [0];
    for (let i = 0; i < n; i++) if (buf[i] === 10) starts.push(i + 1);
    return starts;
  };
  switch (r.int(14)) {
    case 0: { // flip bits of a byte
      if (!n) return buf;
      const b = Buffer.from(buf);
      b[r.int(n)] ^= 1 << r.int(8);
      return b;
    }
    case 1: { // a random byte (any value, NUL and invalid UTF-8 included)
      if (!n) return buf;
      const b = Buffer.from(buf);
      b[r.int(n)] = r.pick([0, 0x80, 0xc0, 0xed, 0xf5, 0xff, 0x0a, 0x0d, 0x09, 0x20, r.int(256)]);
      return b;
    }
    case 2: { // insert random bytes
      const p = pos();
      const ins = Buffer.alloc(1 + r.int(8));
      for (let i = 0; i < ins.length; i++) ins[i] = r.chance(0.7) ? 32 + r.int(95) : r.int(256);
      return Buffer.concat([buf.subarray(0, p), ins, buf.subarray(p)]);
    }
    case 3: { // delete a range
      const p = pos();
      return Buffer.concat([buf.subarray(0, p), buf.subarray(Math.min(n, p + 1 + r.int(r.chance(0.8) ? 16 : 400)))]);
    }
    case 4: { // duplicate a range
      const p = pos();
      const q = Math.min(n, p + 1 + r.int(200));
      const at = pos();
      return Buffer.concat([buf.subarray(0, at), buf.subarray(p, q), buf.subarray(at)]);
    }
    case 5: // truncate
      return buf.subarray(0, pos());
    case 6:
    case 7:
    case 8: { // insert a token of the syntax, anywhere or at a line start
      const starts = lineStarts();
      const at = r.chance(0.5) ? r.pick(starts) : pos();
      const tok = bytesOf(r.pick(tokens).repeat(r.chance(0.1) ? 1 + r.int(40) : 1));
      return Buffer.concat([buf.subarray(0, at), tok, buf.subarray(at)]);
    }
    case 9: { // replace a token-sized span with a token
      const p = pos();
      return Buffer.concat([buf.subarray(0, p), bytesOf(r.pick(tokens)), buf.subarray(Math.min(n, p + 1 + r.int(6)))]);
    }
    case 10: { // indent or dedent a line
      const starts = lineStarts();
      const s = r.pick(starts);
      if (r.chance(0.5)) return Buffer.concat([buf.subarray(0, s), bytesOf(' '.repeat(1 + r.int(8))), buf.subarray(s)]);
      let e = s;
      while (e < n && e - s < 4 && buf[e] === 32) e++;
      return Buffer.concat([buf.subarray(0, s), buf.subarray(e)]);
    }
    case 11: { // swap two lines
      const lines = buf.toString('latin1').split('\n');
      if (lines.length < 2) return buf;
      const i = r.int(lines.length);
      const j = r.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 12: { // splice in a piece of another input file
      if (!donor.length) return buf;
      const p = r.int(donor.length);
      const piece = donor.subarray(p, Math.min(donor.length, p + 1 + r.int(300)));
      const at = pos();
      return Buffer.concat([buf.subarray(0, at), piece, buf.subarray(at)]);
    }
    default: { // line ends and byte order mark
      const s = buf.toString('latin1');
      const v = r.int(3);
      if (v === 0) return Buffer.from(s.replace(/\n/g, '\r\n'), 'latin1');
      if (v === 1) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
      return Buffer.from(s.replace(/\n/g, '\r'), 'latin1');
    }
  }
}

/** A window of whole lines of `text` (or all of it), as the starting point of a mutant. */
function window(buf, r, wholeChance) {
  if (r.chance(wholeChance)) return buf;
  const lines = buf.toString('latin1').split('\n');
  const len = 5 + r.int(70);
  const start = r.int(Math.max(1, lines.length - len));
  return Buffer.from(lines.slice(start, start + len).join('\n'), 'latin1');
}

/** The `index`-th mutant of a target for a seed: deterministic, so any failure can be replayed. */
export function mutant(target, seed, index) {
  const r = rng((seed * 1_000_003 + index * 7919 + target.salt) >>> 0);
  let buf = window(target.seedBytes, r, target.wholeChance);
  const rounds = 1 + r.int(r.chance(0.2) ? 24 : 6);
  for (let i = 0; i < rounds; i++) buf = mutateOnce(buf, r, target.tokens, target.donor);
  return buf;
}

// ---------------------------------------------------------------- targets

/**
 * The fuzz targets, given the parser modules (from src/ in tests, from dist/ here). Each `run`
 * takes the mutant's bytes and returns normally or throws.
 */
export function makeTargets(mods, repo = REPO) {
  const { decodeText, parseMaster, assignUnitIds, parseYamlSource, validateSchema, DiagnosticBag } = mods;
  const read = (rel) => readFileSync(join(repo, rel));
  const md = read('policy/privacy.md');
  const facts = read('policy/privacy.facts.yaml');
  const regions = read('policy/regions.yaml');
  const config = read('noticekit.config.yaml');
  const lock = readFileSync(join(repo, 'policy/privacy.units.json'), 'utf8');
  const yamlTarget = (schema, file) => (bytes) => {
    const diags = new DiagnosticBag();
    const text = decodeText(bytes, file);
    const src = parseYamlSource(text, file, diags);
    if (!src) {
      if (!diags.hasErrors) throw new Error('parseYamlSource returned nothing without a diagnostic');
      return 'diagnostics';
    }
    return validateSchema(schema, src, diags, file) ? 'parsed' : 'diagnostics';
  };
  return {
    markdown: {
      salt: 1, seedBytes: md, tokens: MARKDOWN_TOKENS, donor: facts, wholeChance: 0.08,
      run: (bytes) => {
        const text = decodeText(bytes, 'policy/privacy.md');
        const doc = parseMaster(text, 'policy/privacy.md');
        // ids for the units: against the example's lock, as a build would
        const ids = assignUnitIds(doc, lock, 'policy/privacy.units.json');
        const seen = new Set();
        for (const u of doc.units) {
          if (!u.id || seen.has(u.id)) throw new Error(`unit id ${JSON.stringify(u.id)} missing or given twice`);
          seen.add(u.id);
        }
        return ids.data.next >= 1 ? 'parsed' : 'diagnostics';
      },
    },
    facts: { salt: 2, seedBytes: facts, tokens: YAML_TOKENS, donor: md, wholeChance: 0.15, run: yamlTarget('facts', 'policy/privacy.facts.yaml') },
    regions: { salt: 3, seedBytes: regions, tokens: YAML_TOKENS, donor: facts, wholeChance: 0.5, run: yamlTarget('regions', 'policy/regions.yaml') },
    config: { salt: 4, seedBytes: config, tokens: YAML_TOKENS, donor: regions, wholeChance: 1, run: yamlTarget('config', 'noticekit.config.yaml') },
  };
}

/** Runs one input: 'parsed' | 'diagnostics', or throws what is not a diagnostic. */
export function runOne(target, bytes, isDiagnosticError) {
  try {
    return target.run(bytes);
  } catch (e) {
    if (isDiagnosticError(e)) {
      if (!e.diagnostics?.length) throw new Error('a DiagnosticError without diagnostics');
      for (const d of e.diagnostics) if (!d.file || !d.message || !d.rule) throw new Error(`a diagnostic without file, rule or message: ${JSON.stringify(d)}`);
      return 'diagnostics';
    }
    throw e;
  }
}

// ---------------------------------------------------------------- the long mode (dist/, worker threads)

async function loadDist() {
  const url = (rel) => pathToFileURL(join(REPO, 'dist', rel)).href;
  if (!existsSync(join(REPO, 'dist/parse/markdown.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const [readText, markdown, units, yamlSource, validate, diagnostics] = await Promise.all(['util/read-text.js', 'parse/markdown.js', 'parse/units.js', 'parse/yaml-source.js', 'parse/validate.js', 'model/diagnostics.js'].map((m) => import(url(m))));
  return { decodeText: readText.decodeText, parseMaster: markdown.parseMaster, assignUnitIds: units.assignUnitIds, parseYamlSource: yamlSource.parseYamlSource, validateSchema: validate.validateSchema, DiagnosticBag: diagnostics.DiagnosticBag, isDiagnosticError: diagnostics.isDiagnosticError };
}

function parseArgs(argv) {
  const o = { iterations: 2000, seed: Date.now() % 1_000_000, target: 'all', timeLimit: 2000, hangLimit: 20000, out: join(REPO, 'test/.tmp/fuzz-failures'), replay: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--iterations') o.iterations = Number(v());
    else if (a === '--seed') o.seed = Number(v());
    else if (a === '--target') o.target = v();
    else if (a === '--time-limit') o.timeLimit = Number(v());
    else if (a === '--hang-limit') o.hangLimit = Number(v());
    else if (a === '--out') o.out = v();
    else if (a === '--replay') o.replay = v();
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/fuzz.mjs [--iterations N] [--seed S] [--target markdown|facts|regions|config|all] [--time-limit MS] [--hang-limit MS] [--out DIR] [--replay FILE --target T]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.iterations) || o.iterations < 1) throw new Error('--iterations must be a positive whole number');
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be a whole number');
  return o;
}

/** The worker: builds the targets once, then parses each input it is sent and reports the outcome. */
async function workerMain() {
  const { parentPort, workerData } = await import('node:worker_threads');
  const mods = await loadDist();
  const target = makeTargets(mods)[workerData.target];
  // a runtime warning printed by a dependency (e.g. yaml's on a collection used as a key) is noise
  // on the user's terminal: it counts as a failure too
  const warnings = [];
  process.on('warning', (w) => warnings.push(w.message));
  parentPort.on('message', async ({ index, bytes }) => {
    const buf = Buffer.from(bytes);
    const t = performance.now();
    let res;
    try {
      res = { index, outcome: runOne(target, buf, mods.isDiagnosticError), ms: performance.now() - t };
    } catch (e) {
      res = { index, outcome: 'crash', ms: performance.now() - t, error: `${e?.name ?? 'Error'}: ${e?.message ?? e}\n${String(e?.stack ?? '').split('\n').slice(1, 6).join('\n')}` };
    }
    await new Promise((r) => setImmediate(r));
    if (warnings.length && res.outcome !== 'crash') res = { ...res, outcome: 'warning', error: `runtime warning: ${warnings.join('; ')}` };
    warnings.length = 0;
    parentPort.postMessage(res);
  });
  parentPort.postMessage({ ready: true });
}

async function main() {
  const { Worker } = await import('node:worker_threads');
  const o = parseArgs(process.argv.slice(2));
  const mods = await loadDist();
  const targets = makeTargets(mods);
  const names = o.target === 'all' ? Object.keys(targets) : [o.target];
  for (const n of names) if (!targets[n]) throw new Error(`unknown --target ${n}; one of ${Object.keys(targets).join(', ')}, all`);
  const failures = [];
  const totals = {};
  console.log(`noticekit fuzz: seed ${o.seed}, ${o.iterations} inputs per target (${names.join(', ')}), slow over ${o.timeLimit} ms, hung over ${o.hangLimit} ms`);
  for (const name of names) {
    const counts = { parsed: 0, diagnostics: 0, crash: 0, warning: 0, slow: 0, hang: 0 };
    totals[name] = counts;
    let worker;
    const start = async () => {
      worker = new Worker(fileURLToPath(import.meta.url), { workerData: { target: name, worker: true } });
      await new Promise((res, rej) => {
        worker.once('message', res);
        worker.once('error', rej);
      });
    };
    await start();
    const send = (index, bytes) => new Promise((res) => {
      const timer = setTimeout(async () => {
        await worker.terminate();
        res({ index, outcome: 'hang', ms: o.hangLimit });
      }, o.hangLimit);
      worker.once('message', (m) => {
        clearTimeout(timer);
        res(m);
      });
      worker.postMessage({ index, bytes });
    });
    const inputs = o.replay ? [{ index: -1, bytes: readFileSync(o.replay) }] : undefined;
    const total = inputs ? 1 : o.iterations;
    const t0 = Date.now();
    for (let i = 0; i < total; i++) {
      const index = inputs ? -1 : i;
      const bytes = inputs ? inputs[0].bytes : mutant(targets[name], o.seed, i);
      let res = await send(index, bytes);
      if (res.outcome === 'hang') await start();
      else if (res.ms > o.timeLimit) {
        // slow once may be the machine: measure again before calling it slow
        const again = await send(index, bytes);
        if (again.outcome === 'hang') await start();
        if (again.outcome === 'hang' || again.ms > o.timeLimit) res = { ...again, outcome: again.outcome === 'hang' ? 'hang' : 'slow' };
      }
      counts[res.outcome]++;
      if (res.outcome === 'crash' || res.outcome === 'warning' || res.outcome === 'slow' || res.outcome === 'hang') {
        mkdirSync(o.out, { recursive: true });
        const file = join(o.out, `${name}-seed${o.seed}-${index}.bin`);
        writeFileSync(file, bytes);
        failures.push({ target: name, index, outcome: res.outcome, ms: Math.round(res.ms), error: res.error, file });
        console.log(`  ${name} #${index}: ${res.outcome} (${Math.round(res.ms)} ms) saved as ${file}${res.error ? `\n    ${res.error.replace(/\n/g, '\n    ')}` : ''}`);
      }
      if ((i + 1) % 500 === 0) console.log(`  ${name}: ${i + 1}/${total} (${Math.round((Date.now() - t0) / 1000)} s)`);
    }
    await worker.terminate();
    console.log(`  ${name}: ${total} inputs: ${counts.parsed} parsed, ${counts.diagnostics} rejected with diagnostics, ${counts.crash} crashed, ${counts.warning} printed a warning, ${counts.slow} slow, ${counts.hang} hung (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  console.log(failures.length ? `noticekit fuzz: ${failures.length} failure${failures.length === 1 ? '' : 's'}; replay one with --replay FILE --target T` : 'noticekit fuzz: no failures');
  process.exitCode = failures.length ? 1 : 0;
}

const isWorker = await (async () => {
  const { isMainThread, workerData } = await import('node:worker_threads');
  return !isMainThread && workerData?.worker === true;
})();
if (isWorker) await workerMain();
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(`noticekit fuzz: ${e.message}`);
    process.exitCode = 2;
  });
}
