import { resolve } from 'node:path';
import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { UsageError } from '../usage-error.js';
import { formatOption, projectRoot } from '../options.js';
import { readTextFile } from '../../util/read-text.js';
import { diffDocuments } from '../../diff/diff-documents.js';
import { parsePlainMarkdown } from '../../diff/parse-plain.js';
import { severityRank, type Severity } from '../../classify/severity.js';
import { formatHtml } from '../../classify/format/format-html.js';
import { formatJson } from '../../classify/format/format-json.js';
import { formatMarkdown } from '../../classify/format/format-markdown.js';
import { formatText } from '../../classify/format/format-text.js';
import { viewOfDocuments, type DiffView } from '../../classify/format/view.js';

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['material', 'minor', 'editorial'] as const;

function render(format: Format, view: DiffView, io: CliIo): string {
  switch (format) {
    case 'json':
      return formatJson(view);
    case 'markdown':
      return formatMarkdown(view);
    case 'html':
      return formatHtml(view);
    default:
      return formatText(view, { colour: io.isTTY });
  }
}

/** Two Markdown files: any two policies, no project needed. */
function diffFiles(io: CliIo, oldPath: string, newPath: string): DiffView {
  const read = (p: string) => {
    let text: string;
    try {
      text = readTextFile(resolve(io.cwd, p), p)!;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Permission and I/O errors of an input file are bad input, not a failed write.
      if (typeof code === 'string') throw new UsageError(`cannot read ${p}: ${(e as Error).message}`);
      throw e;
    }
    return parsePlainMarkdown(text, p);
  };
  const oldDoc = read(oldPath);
  const newDoc = read(newPath);
  return viewOfDocuments(diffDocuments(oldDoc, newDoc), { kind: 'file', ref: oldPath, label: oldPath }, { kind: 'file', ref: newPath, label: newPath });
}

/** Two versions of the policy project: working tree, published versions, git refs. */
async function diffVersions(io: CliIo, args: ParsedArgs): Promise<DiffView> {
  // Loaded here, not at the top: comparing two files needs none of the project machinery.
  const [{ loadProject }, { diffProjects }, { latestPublished, loadSide }] = await Promise.all([
    import('../../parse/project.js'),
    import('../../classify/project-diff.js'),
    import('../../parse/versions.js'),
  ]);
  const root = projectRoot(args, io);
  const current = loadProject(root);
  const doc = current.config.document;
  const fromRef = typeof args.values.from === 'string' ? args.values.from : latestPublished(root, doc);
  const toRef = typeof args.values.to === 'string' ? args.values.to : 'working';
  if (!fromRef.trim() || !toRef.trim()) throw new UsageError('--from and --to need a version, a git ref or "working"');
  const from = loadSide(root, current, fromRef);
  const to = loadSide(root, current, toRef);
  const result = diffProjects(from.project, to.project);
  return { from: from.label, to: to.label, diff: result.diff, report: result.report, pairs: result.pairs };
}

/**
 * `noticekit diff`: what changed, classified. Exit 0, or 1 with `--fail-on` when a change of that
 * severity or higher is found; 2 on bad input (unreadable or non-UTF-8 files, unknown refs).
 */
export default async function diff(args: ParsedArgs, io: CliIo): Promise<number> {
  // `github` (the name in the design notes) is the pull-request comment, i.e. markdown.
  const format = formatOption(args, FORMATS, 'text', { github: 'markdown' });
  const failOn = args.values['fail-on'];
  if (failOn !== undefined && (typeof failOn !== 'string' || !(FAIL_ON as readonly string[]).includes(failOn))) {
    throw new UsageError(`unknown --fail-on "${String(failOn)}" (expected one of: ${FAIL_ON.join(', ')})`);
  }
  const files = args.positionals;
  if (files.length !== 0 && files.length !== 2) throw new UsageError(`expected two Markdown files (OLD.md NEW.md), got ${files.length}`);
  if (files.length === 2 && (args.values.from !== undefined || args.values.to !== undefined)) throw new UsageError('give either two files or --from/--to, not both');

  const view = files.length === 2 ? diffFiles(io, files[0]!, files[1]!) : await diffVersions(io, args);
  io.out(render(format, view, io));
  if (typeof failOn === 'string' && view.report.changes.some((c) => severityRank(c.severity) >= severityRank(failOn as Severity))) return 1;
  return 0;
}
