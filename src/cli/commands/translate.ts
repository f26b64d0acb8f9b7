import { resolve, join, relative } from 'node:path';
import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { UsageError } from '../usage-error.js';
import { formatOption, projectRoot } from '../options.js';
import { loadProject } from '../../parse/project.js';
import { translationStatus, UNIT_STATES, type LocaleStatus } from '../../i18n/status.js';
import { exportXliff, importXliff, serializeTranslations } from '../../i18n/xliff.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { readTextFile } from '../../util/read-text.js';
import { DiagnosticError } from '../../model/diagnostics.js';

export default function translate(args: ParsedArgs, io: CliIo): number {
  const [sub, ...rest] = args.positionals;
  const root = projectRoot(args, io);
  const locale = typeof args.values.locale === 'string' ? args.values.locale : undefined;
  switch (sub) {
    case 'status':
      return status(root, locale, formatOption(args, ['text', 'json'], 'text'), io);
    case 'export': {
      if (!locale) throw new UsageError('translate export needs --locale, e.g. --locale de');
      return exportCmd(root, locale, Boolean(args.values.all), typeof args.values.out === 'string' ? resolve(io.cwd, args.values.out) : undefined, io);
    }
    case 'import': {
      if (rest.length !== 1) throw new UsageError('translate import needs one XLIFF file');
      return importCmd(root, resolve(io.cwd, rest[0]!), io);
    }
    default:
      throw new UsageError(sub ? `unknown subcommand "translate ${sub}"` : 'translate needs a subcommand: status, export or import');
  }
}

function knownLocales(statuses: LocaleStatus[]): string[] {
  return statuses.map((s) => s.locale);
}

function status(root: string, locale: string | undefined, format: string, io: CliIo): number {
  const project = loadProject(root);
  const all = translationStatus(project);
  if (locale && !all.some((s) => s.locale === locale)) throw new UsageError(`no region uses locale "${locale}"; languages: ${knownLocales(all).join(', ')}`);
  const list = locale ? all.filter((s) => s.locale === locale) : all;
  if (format === 'json') {
    io.out(`${JSON.stringify({
      schemaVersion: 1,
      locales: list.map((s) => ({
        locale: s.locale,
        total: s.total,
        counts: s.counts,
        percent: s.percent,
        regions: s.regions,
        blockedRegions: s.blockedRegions,
        units: s.units.filter((u) => u.state === 'needs-review' || u.state === 'stale' || u.state === 'missing').map((u) => ({ id: u.id, section: u.section, state: u.state, ...(u.rule ? { rule: u.rule, reason: u.reason } : {}) })),
      })),
    }, null, 2)}\n`);
    return 0;
  }
  const head = ['language', 'units', ...UNIT_STATES, 'blocked regions'];
  const rows = list.map((s) => [s.locale, String(s.total), ...UNIT_STATES.map((st) => (s.counts[st] ? `${s.counts[st]} (${s.percent[st]}%)` : '0')), s.blockedRegions.join(' ') || '—']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(head), ...rows.map(line)];
  for (const s of list) {
    const work = s.units.filter((u) => u.state === 'stale' || u.state === 'needs-review');
    for (const u of work) out.push(`  ${s.locale} ${u.id} (${u.section}): ${u.state}: ${u.rule}: ${u.reason}`);
  }
  out.push('', 'needs-review: the English changed, not materially; the translation is shown. stale: it changed materially; the English is shown and the region cannot publish in that language.');
  io.out(`${out.join('\n')}\n`);
  return 0;
}

function exportCmd(root: string, locale: string, all: boolean, out: string | undefined, io: CliIo): number {
  const project = loadProject(root);
  const statuses = translationStatus(project);
  const s = statuses.find((x) => x.locale === locale);
  if (!s) throw new UsageError(`no region uses locale "${locale}"; languages: ${knownLocales(statuses).join(', ')}`);
  const { xml, units } = exportXliff(project, s, { all });
  const file = out ?? join(io.cwd, `${project.config.document}.${locale}.xlf`);
  writeFileAtomic(file, xml);
  io.out(`noticekit translate export: ${units} unit${units === 1 ? '' : 's'} ${all ? '(all)' : 'that need work'} for ${locale} written to ${relative(io.cwd, file)}\n`);
  return 0;
}

function importCmd(root: string, file: string, io: CliIo): number {
  const project = loadProject(root);
  const statuses = translationStatus(project);
  const rel = relative(io.cwd, file);
  const text = readTextFile(file, rel)!;
  const result = importXliff(project, text, rel, knownLocales(statuses));
  if (result.problems.length) throw new DiagnosticError(result.problems);
  const target = join(root, 'locales', result.locale, 'privacy.json');
  writeFileAtomic(target, serializeTranslations(result.entries));
  io.out(`noticekit translate import: ${result.updated} unit${result.updated === 1 ? '' : 's'} of ${result.locale} updated in ${relative(io.cwd, target)}\n`);
  return 0;
}
