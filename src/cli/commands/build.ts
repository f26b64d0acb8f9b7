import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { buildSite } from '../../build/build.js';
import { relative, resolve } from 'node:path';
import { UsageError } from '../usage-error.js';

const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export default function build(args: ParsedArgs, io: CliIo): number {
  const started = performance.now();
  const root = resolve(io.cwd, String(args.values.root ?? '.'));
  const out = typeof args.values.out === 'string' ? resolve(io.cwd, args.values.out) : undefined;
  let shard: { index: number; count: number } | undefined;
  if (typeof args.values.shard === 'string') {
    const m = /^(\d+)\/(\d+)$/.exec(args.values.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard ${args.values.shard}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/8`);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  const result = buildSite({
    root,
    ...(shard ? { shard } : {}),
    ...(args.values.force ? { force: true } : {}),
    ...(out ? { out } : {}),
    ...(list(args.values.regions) ? { regions: list(args.values.regions)! } : {}),
    ...(list(args.values.locales) ? { locales: list(args.values.locales)! } : {}),
    ...(typeof args.values['base-url'] === 'string' ? { baseUrl: args.values['base-url'] } : {}),
  });
  if (args.values.quiet) return 0;
  const ms = Math.round(performance.now() - started);
  const where = relative(io.cwd, result.outDir) || '.';
  if (result.upToDate) {
    io.out(`noticekit build: ${where}/ is up to date (${result.pages.length} pages); nothing was rendered or written (${ms} ms)\n`);
    return 0;
  }
  const reused = result.pages.filter((p) => p.reused).length;
  const withFallback = result.pages.filter((p) => p.fallbackUnits > 0);
  const lines = [
    `noticekit build: ${result.pages.length} pages (${result.regions} regions, ${result.locales.length} languages) written to ${where}/ in ${ms} ms`,
    `  files: ${result.files}, ${result.written} written${reused ? `; ${reused} pages unchanged since the previous build, not rendered again` : ''}`,
  ];
  if (withFallback.length) {
    lines.push(`  fallbacks: ${result.fallbackUnits} untranslated units shown in English, marked, on ${withFallback.length} pages:`);
    const byLocale = new Map<string, number>();
    for (const p of withFallback) byLocale.set(p.locale, Math.max(byLocale.get(p.locale) ?? 0, p.fallbackUnits));
    lines.push(`    ${[...byLocale].sort().map(([l, n]) => `${l} ${n}`).join(', ')} (units per page)`);
  } else lines.push('  fallbacks: none, every page is fully in its language');
  const review = result.pages.reduce((n, p) => n + p.reviewUnits, 0);
  if (review) lines.push(`  needs review: ${review} translated units whose English changed since translation (shown translated)`);
  if (result.unitLockUpdated) lines.push('  updated the unit-id lock policy/*.units.json: commit it with the policy');
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
