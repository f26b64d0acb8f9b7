import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { resolve } from 'node:path';
import { UsageError } from '../usage-error.js';
import { parseIsoDate, todayUtc } from '../../publish/dates.js';
import { NoticePeriodRefused, PublishBlocked, publishVersion, type PublishResult } from '../../publish/publish.js';
import { formatProblems } from '../../publish/preflight.js';
import { describeSource, type NoticePeriodViolation } from '../../publish/notice-period.js';
import { hooksFromEnv } from '../../publish/write-snapshot.js';
import type { Severity } from '../../publish/manifest.js';
import { withProjectLockSync, lockWaitMs } from '../../util/lock.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `noticekit publish`: exit 0 published, 1 a check failed, 2 bad input / existing version / notice period, 3 a write failed. */
export default function publish(args: ParsedArgs, io: CliIo): number {
  const version = str(args.values.version);
  const effective = str(args.values.effective);
  if (!version) throw new UsageError('--version is required, e.g. --version 2.0.0');
  if (!effective) throw new UsageError('--effective is required: the date the new version takes effect, e.g. --effective 2027-03-01');
  const date = str(args.values.date);
  const justification = str(args.values.justification);
  let result: PublishResult;
  try {
    const root = resolve(io.cwd, String(args.values.root ?? '.'));
    result = withProjectLockSync(root, 'publish', () => publishVersion({
      root,
      version,
      effective: parseIsoDate(effective, '--effective'),
      published: date ? parseIsoDate(date, '--date') : todayUtc(),
      force: Boolean(args.values.force),
      ...(justification !== undefined ? { justification } : {}),
      dryRun: Boolean(args.values['dry-run']),
      hooks: hooksFromEnv(),
    }), { wait: lockWaitMs() });
  } catch (e) {
    if (e instanceof PublishBlocked) {
      const n = e.problems.length;
      io.err(`${formatProblems(e.problems)}\n\nnoticekit publish: refused: ${n} problem${n === 1 ? '' : 's'} found by the checks; nothing was published.\nFix them (noticekit check, noticekit translate status, noticekit verify), then publish again.\n`);
      return 1;
    }
    if (e instanceof NoticePeriodRefused) {
      io.err(noticePeriodMessage(e));
      return 2;
    }
    throw e;
  }
  if (!args.values.quiet) io.out(`${summary(result)}${args.values.force && !result.overridden.length ? '  --force: every notice period was met; nothing was overridden or recorded\n' : ''}`);
  return 0;
}

function noticePeriodMessage(e: NoticePeriodRefused): string {
  const latest = e.violations.map((v) => v.required).sort().at(-1)!;
  const n = e.violations.length;
  const lines = [`noticekit publish: refused: effective date ${e.effective} is too early for ${n} region${n === 1 ? '' : 's'} where the change is material (published ${e.published}):`];
  // regions with the same period, date and reason are listed together
  const groups = new Map<string, NoticePeriodViolation[]>();
  for (const v of e.violations) {
    const key = JSON.stringify([v.required, v.noticePeriodDays, v.source, v.rules, v.example]);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  for (const vs of groups.values()) {
    const v = vs[0]!;
    lines.push(`  ${vs.map((x) => x.region).join(', ')}: ${v.noticePeriodDays} days' notice required: effective on or after ${v.required}`);
    lines.push(`    reason: material change${v.rules.length === 1 ? '' : 's'} (${v.rules.join(', ')}), e.g. ${v.example}`);
    lines.push(`    period: ${describeSource(v.source, v.noticePeriodDays)}`);
  }
  lines.push('', `Publish with --effective ${latest} or later, or, if counsel approves a shorter notice, add --force --justification "…" (recorded in the manifest).`, 'Nothing was written.', '');
  return lines.join('\n');
}

function summary(r: PublishResult): string {
  const m = r.manifest;
  const lines = [`noticekit publish: ${r.dryRun ? 'would publish' : 'published'} ${m.document} ${m.version} ${r.dryRun ? 'as' : 'to'} ${r.dir}/ (published ${m.published}, effective ${m.effective})`];
  if (r.changes) {
    const s = r.changes.summary;
    lines.push(`  since ${m.previous}: ${m.severity} (${s.material} material, ${s.minor} minor, ${s.editorial} editorial change${s.editorial === 1 ? '' : 's'})`);
    const by = new Map<Severity, string[]>();
    for (const [id, reg] of Object.entries(m.regions)) by.set(reg.severity, [...(by.get(reg.severity) ?? []), id]);
    for (const sev of ['material', 'minor', 'editorial', 'none'] as const) {
      const ids = by.get(sev);
      if (ids?.length) lines.push(`  ${sev.padEnd(9)} ${String(ids.length).padStart(2)} region${ids.length === 1 ? ' ' : 's'}: ${ids.join(', ')}`);
    }
    const material = Object.values(m.regions).filter((x) => x.severity === 'material');
    if (material.length && !r.overridden.length) {
      const req = material.map((x) => x.earliestEffective ?? m.published).sort().at(-1)!;
      lines.push(`  notice periods: met in every region with a material change (latest required effective date ${req})`);
    }
    if (r.overridden.length) {
      const byDate = new Map<string, string[]>();
      for (const v of r.overridden) byDate.set(v.required, [...(byDate.get(v.required) ?? []), v.region]);
      lines.push(`  notice periods OVERRIDDEN with --force in ${r.overridden.length} region${r.overridden.length === 1 ? '' : 's'}: ${[...byDate].map(([d, ids]) => `${ids.join(', ')} (required effective ${d})`).join('; ')}`);
      lines.push(`  justification recorded in manifest.json: "${m.forced?.justification}"`);
    }
  } else lines.push('  first published version: nothing to compare with');
  lines.push(`  files: ${Object.keys(m.files).length + 1} (the sha256 of each in manifest.json)`);
  if (r.leftoversRemoved.length) lines.push(`  removed ${r.leftoversRemoved.length} folder${r.leftoversRemoved.length === 1 ? '' : 's'} left by an interrupted publish: ${r.leftoversRemoved.join(', ')}`);
  if (r.unitLockUpdated) lines.push('  updated the unit-id lock policy/*.units.json: commit it with the policy');
  if (r.dryRun) lines.push('  dry run: nothing was written');
  else lines.push(`  next: noticekit verify; ${m.previous ? `noticekit notify --from ${m.previous} --to ${m.version}; ` : ''}noticekit build`);
  return `${lines.join('\n')}\n`;
}
