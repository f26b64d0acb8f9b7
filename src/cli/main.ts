import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { processIo, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { formatDiagnostic, isDiagnosticError } from '../model/diagnostics.js';

/** Exit codes: 0 ok, 1 findings, 2 bad input or usage, 3 internal error. */
export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3 } as const;

export interface CommandSpec {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  help: string;
  load: () => Promise<{ default: (args: ParsedArgs, io: CliIo) => Promise<number> | number }>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

const common = {
  root: { type: 'string', short: 'C', default: '.' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The argument table: every command, its flags and its help. Commands load lazily. */
export const COMMANDS: Record<string, CommandSpec> = {
  build: {
    summary: 'render every region × language notice into the output folder',
    usage: 'noticekit build [--out DIR] [--regions a,b] [--locales x,y] [--base-url URL] [-C DIR]',
    options: { ...common, out: { type: 'string', short: 'o' }, regions: { type: 'string' }, locales: { type: 'string' }, 'base-url': { type: 'string' }, shard: { type: 'string' }, force: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
    help: [
      '  --out DIR        output folder (default: `out` from noticekit.config.yaml, else out/)',
      '  --regions a,b    only these region ids (default: all in policy/regions.yaml)',
      '  --locales x,y    only these languages (default: every language of each region)',
      '  --base-url URL   absolute URL of the output folder, for canonical and hreflang links',
      '  --shard i/n      render only the i-th of n deterministic shares of the pages (merge with merge-shards)',
      '  --force          render and write every page even when its inputs did not change',
      '  -C DIR           the policy project folder (default: the current folder)',
      '  -q, --quiet      print nothing on success',
    ].join('\n'),
    load: () => import('./commands/build.js'),
  },
  'merge-shards': {
    summary: 'check the outputs of `build --shard i/n` and combine them into one site',
    usage: 'noticekit merge-shards DIR… --out DIR',
    options: { ...common, out: { type: 'string', short: 'o' } },
    allowPositionals: true,
    help: '  DIR…             the output folders of every shard (1/n … n/n) of one build\n  --out DIR        where to write the combined site (replaced atomically)',
    load: () => import('./commands/merge-shards.js'),
  },
  serve: {
    summary: 'serve the output folder on localhost and rebuild it on changes, for previewing',
    usage: 'noticekit serve [--port N] [--out DIR] [--base-url URL] [-C DIR]',
    options: { ...common, port: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' }, 'base-url': { type: 'string' } },
    help: [
      '  --port N         port on 127.0.0.1 (default 4173; 0 picks a free port)',
      '  --out DIR        output folder to build and serve (default: `out` from noticekit.config.yaml)',
      '  --base-url URL   absolute URL for canonical and hreflang links (default: base_url from the config)',
      '  -C DIR           the policy project folder (default: the current folder)',
      '  Builds first, then rebuilds after changes under policy/, locales/, templates/ or to the config.',
      '  Serves only files inside the output folder, only to this computer. Stop with Ctrl+C.',
    ].join('\n'),
    load: () => import('./commands/serve.js'),
  },
  check: {
    summary: 'check that every regional notice contains what its law requires',
    usage: 'noticekit check [--regions a,b] [--format text|json|markdown] [-C DIR]',
    options: { ...common, regions: { type: 'string' }, format: { type: 'string', short: 'f' } },
    help: [
      '  --regions a,b    only these region ids (default: all in policy/regions.yaml)',
      '  --format F       text (default), json (versioned report, schemaVersion 1) or markdown (PR comment)',
      '  -C DIR           the policy project folder (default: the current folder)',
      '  Exit code 1 when any region has an error finding.',
    ].join('\n'),
    load: () => import('./commands/check.js'),
  },
  diff: {
    summary: 'what changed between two versions, classified (material, minor, editorial), per region and language',
    usage: 'noticekit diff [OLD.md NEW.md] [--from REF] [--to REF|working] [--format text|json|markdown|html] [--fail-on material|minor] [-C DIR]',
    options: { ...common, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', short: 'f' }, 'fail-on': { type: 'string' } },
    allowPositionals: true,
    help: [
      '  OLD.md NEW.md    compare any two Markdown policies (no project needed)',
      '  --from REF       a published version (1.2.0), a git ref (main, HEAD~1) or `working` (default: the latest published version)',
      '  --to REF         the same kinds of ref (default: `working`, the working tree)',
      '  --format F       text (default), json (versioned report, schemaVersion 1), markdown (PR comment) or html (standalone redline)',
      '  --fail-on S      exit 1 when a change of severity S (material, minor or editorial) or higher is found',
      '  -C DIR           the policy project folder (default: the current folder)',
    ].join('\n'),
    load: () => import('./commands/diff.js'),
  },
  translate: {
    summary: 'translation status, XLIFF 2.0 export for translators, and import of their work',
    usage: 'noticekit translate status [--locale x] [--format text|json] | export --locale x [--all] [--out FILE] | import FILE',
    options: { ...common, locale: { type: 'string', short: 'l' }, format: { type: 'string', short: 'f' }, all: { type: 'boolean' }, out: { type: 'string', short: 'o' } },
    allowPositionals: true,
    help: [
      '  status           per language: final, reviewed, translated, needs-review, stale and missing units, and blocked regions',
      '  export           write an XLIFF 2.0 file of the units that need work (--all: every unit) to --out (default: <doc>.<lng>.xlf)',
      '  import FILE      validate a translated XLIFF file and update locales/<lng>/privacy.json; a rejected file changes nothing',
      '  --locale x       the language (status: only this one)',
      '  --format f       status output: text (default) or json',
    ].join('\n'),
    load: () => import('./commands/translate.js'),
  },
  publish: {
    summary: 'check everything, diff against the previous version, enforce notice periods, freeze snapshots/<doc>/<version>/',
    usage: 'noticekit publish --version X.Y.Z --effective YYYY-MM-DD [--date YYYY-MM-DD] [--force --justification TEXT] [--dry-run] [-C DIR]',
    options: { ...common, version: { type: 'string' }, effective: { type: 'string' }, date: { type: 'string' }, force: { type: 'boolean' }, justification: { type: 'string' }, 'dry-run': { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
    help: [
      '  --version X.Y.Z        the new version (semantic version, greater than the latest published)',
      '  --effective DATE       when it takes effect (YYYY-MM-DD); shown in every notice',
      '  --date DATE            publication date (default: today, UTC); notice periods count from it',
      '  --force                publish although a region\'s notice period is too short (needs --justification)',
      '  --justification TEXT   why, recorded in the manifest with the regions overridden',
      '  --dry-run              run the checks, the diff and the notice-period rule; write nothing',
      '  -C DIR                 the policy project folder (default: the current folder)',
      '  Exit codes: 0 published; 1 a check failed; 2 bad input, version exists, notice period too short; 3 a write failed.',
    ].join('\n'),
    load: () => import('./commands/publish.js'),
  },
  verify: {
    summary: 'recompute the hashes of published versions; report files edited, added or removed since',
    usage: 'noticekit verify [--version X.Y.Z] [--format text|json] [-C DIR]',
    options: { ...common, version: { type: 'string' }, format: { type: 'string', short: 'f' } },
    help: [
      '  --version X.Y.Z  only this version (default: every published version)',
      '  --format F       text (default) or json',
      '  Exit code 1 when a published file was edited, added or removed.',
    ].join('\n'),
    load: () => import('./commands/verify.js'),
  },
  versions: {
    summary: 'list the published versions with their dates and severity',
    usage: 'noticekit versions [--format text|json] [-C DIR]',
    options: { ...common, format: { type: 'string', short: 'f' } },
    help: '  --format F       text (default) or json',
    load: () => import('./commands/versions.js'),
  },
  notify: {
    summary: 'draft the change notices (email, banner, what changed, consent request) per region and language',
    usage: 'noticekit notify [--from VERSION] [--to VERSION|working] [--out DIR] [--format md|json|html] [--regions a,b] [-C DIR]',
    options: { ...common, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' }, regions: { type: 'string' }, 'base-url': { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
    help: [
      '  --from VERSION   the published version users were told about (default: the latest published version)',
      '  --to VERSION     the new version: a published version, or `working` for the working tree (default)',
      '  --out DIR        write DIR/<region>/<lng>/ drafts and DIR/summary.md (default: print the summary)',
      '  --format F       md (email.md, banner.txt, changes.md, consent.md; default), json (notices.json) or html',
      '  --regions a,b    only these region ids (default: every region)',
      '  --base-url URL   base of the links to the new version (default: base_url of noticekit.config.yaml)',
      '  -C DIR           the policy project folder (default: the current folder)',
      '  -q, --quiet      print nothing on success (with --out)',
    ].join('\n'),
    load: () => import('./commands/notify.js'),
  },
  schema: {
    summary: 'write JSON Schemas for the facts, regions and config files (for editors)',
    usage: 'noticekit schema [--out DIR]',
    options: { ...common, out: { type: 'string', short: 'o' } },
    help: '  --out DIR        folder to write facts.schema.json, regions.schema.json, config.schema.json (default: print the facts schema)',
    load: () => import('./commands/schema.js'),
  },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'noticekit: publish one master privacy policy as per-region, per-language notices',
    '',
    'Usage: noticekit <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`),
    '',
    'Run `noticekit <command> --help` for the options of a command.',
    'Exit codes: 0 ok, 1 findings, 2 bad input or usage, 3 internal error.',
    '',
  ].join('\n');
}

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(mainHelp());
    return name ? EXIT.ok : EXIT.input;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  const spec = COMMANDS[name];
  if (!spec) {
    io.err(`noticekit: unknown command "${name}"\n\n${mainHelp()}`);
    return EXIT.input;
  }
  try {
    let parsed: ParsedArgs;
    try {
      parsed = parseArgs({ args: rest, options: spec.options, allowPositionals: spec.allowPositionals ?? false, strict: true }) as ParsedArgs;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (parsed.values.help) {
      io.out(`Usage: ${spec.usage}\n\n${spec.summary}\n\n${spec.help}\n`);
      return EXIT.ok;
    }
    const mod = await spec.load();
    return await mod.default(parsed, io);
  } catch (e) {
    return reportError(e, io, name, spec.usage);
  }
}

export function reportError(e: unknown, io: CliIo, name: string, usage: string): number {
  if (isDiagnosticError(e)) {
    const n = e.diagnostics.length;
    io.err(`${e.diagnostics.map(formatDiagnostic).join('\n')}\n\nnoticekit ${name}: ${n} problem${n === 1 ? '' : 's'} found; nothing was written.\n`);
    return EXIT.input;
  }
  if (e instanceof UsageError) {
    io.err(`noticekit ${name}: ${e.message}\nUsage: ${usage}\n`);
    return EXIT.input;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && ['ENOSPC', 'EACCES', 'EROFS', 'EPERM', 'EDQUOT', 'EMFILE', 'EIO'].includes(err.code)) {
    io.err(`noticekit ${name}: cannot write: ${err.message}\nNothing was changed: the previous output is intact.\n`);
    return EXIT.internal;
  }
  io.err(`noticekit ${name}: internal error: ${err?.stack ?? String(e)}\nThis is a bug in noticekit; please report it with the command you ran.\n`);
  return EXIT.internal;
}
