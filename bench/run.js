// `npm run bench`: medians after a warm-up, peak memory, and ratios to floors measured in the same
// run (the machines are shared and noisy; ratios are the figures that count). Writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'bin/noticekit.js');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Wall time of a whole process, median of RUNS after one warm-up. */
function processTime(cmd, args, cwd) {
  const run = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  run();
  return median(Array.from({ length: RUNS }, run));
}

/** An in-process stage in a child process: median time and the child's peak RSS. */
function stage(name, runs, ...args) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/stage.js'), name, String(runs), ...args.map(String)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`stage ${name} failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  return { ms: median(out.times), maxRssMB: out.maxRssMB, firstMs: out.firstMs };
}

const rows = [];
function row(figure, value, unit, floorName, floor, target, pass, extra = {}) {
  rows.push({ figure, value: Number(value.toFixed(2)), unit, floor: floorName, floorValue: floor === undefined ? null : Number(floor.toFixed(2)), ratio: floor ? Number((value / floor).toFixed(3)) : null, target, pass, ...extra });
}

const project = mkdtempSync(join(tmpdir(), 'noticekit-bench-'));
try {
  // the example as shipped: its published versions too (the archive and change pages are part of its site)
  for (const p of ['policy', 'locales', 'templates', 'noticekit.config.yaml', 'snapshots']) cpSync(join(ROOT, p), join(project, p), { recursive: true });

  const nodeFloor = processTime(process.execPath, ['-e', '0'], project);
  const version = processTime(process.execPath, [CLI, '--version'], project);
  row('noticekit --version, whole process', version, 'ms', 'node -e 0', nodeFloor, '≤ 1.5× floor', version / nodeFloor <= 1.5);

  // --force: every run renders and writes the whole site (without it, runs after the first find
  // nothing changed and write nothing: that is the rebuild row's figure, not this one)
  const build = processTime(process.execPath, [CLI, 'build', '-q', '--force'], project);
  row('noticekit build of the example, whole process', build, 'ms', 'node -e 0', nodeFloor, '≤ 1500 ms median', build <= 1500);

  const size = 2 * 1024 * 1024;
  const parse = stage('parse-master', quick ? 2 : 5, size);
  const whole = stage('parse-remark-whole', quick ? 1 : 3, size);
  row('parse of a 2 MB master (sectioned)', parse.ms, 'ms', 'remark-parse whole file', whole.ms, '≤ 0.25× floor', parse.ms / whole.ms <= 0.25, { peakMB: Number(parse.maxRssMB.toFixed(0)) });

  const extra = await import('./more.js').catch((e) => (e.code === 'ERR_MODULE_NOT_FOUND' ? null : Promise.reject(e)));
  if (extra) await extra.default({ row, stage, processTime, project, quick, nodeFloor });
} finally {
  rmSync(project, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`noticekit bench (${quick ? 'quick' : `${RUNS} runs`}, node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
console.log(`${pad('figure', 48)} ${pad('median', 12)} ${pad('floor', 34)} ${pad('ratio', 8)} ${pad('target', 20)} result`);
for (const r of rows) {
  const floor = r.floor ? `${r.floor} ${r.floorValue ?? ''}${r.floorValue !== null ? ' ms' : ''}` : '—';
  console.log(`${pad(r.figure, 48)} ${pad(`${r.value} ${r.unit}`, 12)} ${pad(floor, 34)} ${pad(r.ratio ?? '—', 8)} ${pad(r.target, 20)} ${r.pass ? 'PASS' : 'FAIL'}${r.peakMB ? `  (peak ${r.peakMB} MB)` : ''}${r.scale ? `  (${r.scale})` : ''}${r.coldMs !== undefined ? `  (first run, cold: ${r.coldMs} ms)` : ''}`);
}
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify({ node: process.version, runs: RUNS, rows }, null, 2)}\n`);
console.log('written to bench/results.json');
