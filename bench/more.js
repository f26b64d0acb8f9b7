// The rows of `npm run bench` beyond the first three: the 420-page build, the rebuild with nothing
// changed, and the diff engine on 200 KB and 2 MB pairs, each against a floor measured in this run.
export default async function more({ row, stage, quick }) {
  const runs = quick ? 1 : 3;
  const build = stage('build-420', runs);
  const floor = stage('build-420-floor', runs);
  row('build of 420 pages (200 KB master), in-process', build.ms, 'ms', 'Handlebars from pre-resolved strings + atomic writes', floor.ms, '≤ 3× floor', build.ms / floor.ms <= 3, { peakMB: Math.round(build.maxRssMB) });
  const rebuild = stage('rebuild-420', quick ? 2 : 5);
  row('rebuild of 420 pages with nothing changed (writes no file)', rebuild.ms, 'ms', 'the full build', build.ms, '≤ 0.25× floor', rebuild.ms / build.ms <= 0.25);
  row('peak memory, 420-page build', build.maxRssMB, 'MB', undefined, undefined, '≤ 400 MB', build.maxRssMB <= 400);

  const d200 = stage('diff-200k', quick ? 3 : 9);
  const f200 = stage('diff-anchored-floor-200k', quick ? 3 : 9);
  const w200 = stage('diffwords-whole-200k', 1);
  row('diff of a 200 KB pair (align + word diff + classify)', d200.ms, 'ms', 'anchored block alignment + jsdiff on changed pairs', f200.ms, '≤ 1.5× floor; < 10 ms', d200.ms / f200.ms <= 1.5 && d200.ms < 10, { scale: `jsdiff diffWords whole text ${w200.ms.toFixed(0)} ms`, coldMs: Math.round(d200.firstMs) });
  const d2m = stage('diff-2m', quick ? 2 : 5);
  const f2m = stage('diff-anchored-floor-2m', quick ? 2 : 5);
  row('diff of a 2 MB pair (align + word diff + classify)', d2m.ms, 'ms', 'anchored block alignment + jsdiff on changed pairs', f2m.ms, '≤ 1.5× floor; < 120 ms', d2m.ms / f2m.ms <= 1.5 && d2m.ms < 120, { coldMs: Math.round(d2m.firstMs) });
  row('peak memory, 2 MB diff (incl. parsing both)', d2m.maxRssMB, 'MB', undefined, undefined, '≤ 300 MB', d2m.maxRssMB <= 300);
}
