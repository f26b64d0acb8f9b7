import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { formatOption, projectDocument, projectRoot } from '../options.js';
import { effectivePeriods, publishedVersions } from '../../publish/history.js';
import { snapshotsDir } from '../../publish/manifest.js';

/** `noticekit versions`: the published versions, oldest first, with their dates and severity. */
export default function versions(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args, ['text', 'json'], 'text');
  const root = projectRoot(args, io);
  const doc = projectDocument(root);
  const list = publishedVersions(root, doc);
  const periods = effectivePeriods(list);
  const rows = list.map((v, i) => {
    const m = v.manifest;
    const regions = Object.entries(m.regions);
    return {
      version: v.version,
      previous: m.previous,
      published: m.published,
      effective: m.effective,
      until: periods[i]!.to,
      severity: m.severity,
      regions: regions.length,
      materialRegions: regions.filter(([, r]) => r.severity === 'material').map(([id]) => id),
      ...(m.forced ? { forced: m.forced } : {}),
    };
  });
  if (format === 'json') {
    io.out(`${JSON.stringify({ document: doc, versions: rows }, null, 2)}\n`);
    return 0;
  }
  if (!rows.length) {
    io.out(`noticekit versions: no published versions in ${snapshotsDir(doc)}/ (publish one with noticekit publish --version 1.0.0 --effective YYYY-MM-DD)\n`);
    return 0;
  }
  const table = [
    ['version', 'published', 'effective', 'until', 'severity', 'material in'],
    ...rows.map((r) => [r.version, r.published, r.effective, r.until ?? '(current)', r.severity, r.previous === null ? '—' : `${r.materialRegions.length} of ${r.regions} regions`]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const lines = table.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  '));
  for (const r of rows) if (r.forced) lines.push(`${r.version}: notice period overridden with --force in ${r.forced.regions.join(', ')}: "${r.forced.justification}"`);
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
