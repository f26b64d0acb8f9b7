import type { CliIo } from '../io.js';
import { quoted } from '../../util/quote.js';
import type { ParsedArgs } from '../main.js';
import { UsageError } from '../usage-error.js';
import { formatOption, listOption, projectRoot } from '../options.js';
import { loadProject } from '../../parse/project.js';
import { checkProject } from '../../check/check.js';
import { formatText } from '../../check/format-text.js';
import { formatJson } from '../../check/format-json.js';
import { formatMarkdown } from '../../check/format-markdown.js';

const FORMATS = { text: formatText, json: formatJson, markdown: formatMarkdown } as const;

/** `noticekit check`: exit 1 when any region has an error finding, 0 otherwise, 2 on bad input. */
export default function check(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args, Object.keys(FORMATS) as (keyof typeof FORMATS)[], 'text');
  const regions = listOption(args, 'regions', 'region id', 'de,fr');

  const root = projectRoot(args, io);
  const project = loadProject(root);
  if (regions) {
    const known = project.regions.map((r) => r.id);
    const unknown = regions.filter((id) => !known.includes(id));
    if (unknown.length) throw new UsageError(`unknown region${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')} in --regions (regions in policy/regions.yaml: ${known.join(', ')})`);
  }
  const report = checkProject(project, regions ? { regions } : {});
  io.out(FORMATS[format](report));
  return report.summary.errors > 0 ? 1 : 0;
}
