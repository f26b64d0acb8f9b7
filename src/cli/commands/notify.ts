import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { relative, resolve } from 'node:path';
import { UsageError } from '../usage-error.js';
import { formatOption, listOption, projectRoot } from '../options.js';
import { notify } from '../../notify/notify.js';
import { notifyFiles, reportJson, summaryMarkdown } from '../../notify/output.js';
import { writeNotices } from '../../notify/write.js';
import type { NotifyFormat } from '../../notify/types.js';

const FORMATS: readonly NotifyFormat[] = ['md', 'json', 'html'];
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * `noticekit notify`: drafts the change notices between two versions. With --out, writes them
 * (atomically, the folder as a whole); without, prints the summary (or, with --format json, the
 * whole report with every draft). Exit 0, or 2 on bad input.
 */
export default function notifyCommand(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args, FORMATS, 'md');
  const regions = listOption(args, 'regions', 'region id', 'de,fr');
  for (const flag of ['from', 'to', 'out', 'base-url'] as const) {
    if (args.values[flag] !== undefined && !str(args.values[flag])?.trim()) throw new UsageError(`--${flag} needs a value`);
  }
  const root = projectRoot(args, io);
  const run = notify({
    root,
    ...(str(args.values.from) ? { from: str(args.values.from)! } : {}),
    ...(str(args.values.to) ? { to: str(args.values.to)! } : {}),
    ...(regions ? { regions } : {}),
    ...(str(args.values['base-url']) ? { baseUrl: str(args.values['base-url'])! } : {}),
  });
  const { result } = run;
  const out = str(args.values.out);
  if (!out) {
    io.out(format === 'json' ? `${JSON.stringify(reportJson(result, true), null, 2)}\n` : summaryMarkdown(result, run.store));
    return 0;
  }
  const outDir = resolve(io.cwd, out);
  const files = notifyFiles(result, format, run.store, run.texts);
  writeNotices(root, outDir, files);
  if (!args.values.quiet) {
    const notified = result.regions.filter((r) => r.status === 'notify');
    const consent = notified.filter((r) => r.consent);
    const pages = notified.reduce((n, r) => n + r.notices.length, 0);
    io.out(
      [
        `noticekit notify: ${result.document} ${result.from} → ${result.to}, effective ${result.effective}: ${files.size - 1} files written to ${relative(io.cwd, outDir) || '.'}/`,
        `  notified: ${notified.length} region${notified.length === 1 ? '' : 's'} (${pages} region × language drafts)${notified.length ? `: ${notified.map((r) => r.region).join(', ')}` : ''}`,
        `  no notice needed: ${result.regions.length - notified.length}${result.regions.length - notified.length ? `: ${result.regions.filter((r) => r.status !== 'notify').map((r) => r.region).join(', ')}` : ''}`,
        `  consent requests: ${consent.length ? consent.map((r) => `${r.region} (${r.consent!.rule})`).join(', ') : 'none'}`,
        `  see ${relative(io.cwd, resolve(outDir, 'summary.md'))}`,
        '',
      ].join('\n'),
    );
  }
  return 0;
}
