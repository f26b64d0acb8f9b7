import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { resolve } from 'node:path';
import { UsageError } from '../usage-error.js';
import { loadProject } from '../../parse/project.js';
import { checkProject } from '../../check/check.js';
import { formatText } from '../../check/format-text.js';
import { formatJson } from '../../check/format-json.js';
import { formatMarkdown } from '../../check/format-markdown.js';

const FORMATS = { text: formatText, json: formatJson, markdown: formatMarkdown } as const;

const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** `noticekit check`: exit 1 when any region has an error finding, 0 otherwise, 2 on bad input. */
export default function check(args: ParsedArgs, io: CliIo): number {
  const format = typeof args.values.format === 'string' ? args.values.format : 'text';
  if (!(format in FORMATS)) throw new UsageError(`unknown --format "${format}" (expected one of: ${Object.keys(FORMATS).join(', ')})`);
  const regions = list(args.values.regions);
  if (args.values.regions !== undefined && !regions?.length) throw new UsageError('--regions needs at least one region id, e.g. --regions de,fr');

  const root = resolve(io.cwd, String(args.values.root ?? '.'));
  const project = loadProject(root);
  if (regions) {
    const known = project.regions.map((r) => r.id);
    const unknown = regions.filter((id) => !known.includes(id));
    if (unknown.length) throw new UsageError(`unknown region${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} in --regions (regions in policy/regions.yaml: ${known.join(', ')})`);
  }
  const report = checkProject(project, regions ? { regions } : {});
  io.out(FORMATS[format as keyof typeof FORMATS](report));
  return report.summary.errors > 0 ? 1 : 0;
}
