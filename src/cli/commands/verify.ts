import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { UsageError } from '../usage-error.js';
import { formatOption, projectDocument, projectRoot } from '../options.js';
import { snapshotsDir } from '../../publish/manifest.js';
import { verifySnapshots, type VerifyReport } from '../../publish/verify.js';

/** `noticekit verify`: exit 0 when every published file matches its manifest, 1 when one was edited, added or removed. */
export default function verify(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args, ['text', 'json'], 'text');
  const root = projectRoot(args, io);
  const doc = projectDocument(root);
  const version = typeof args.values.version === 'string' ? args.values.version : undefined;
  const report = verifySnapshots(root, doc, version ? { version } : {});
  if (version && !report.versions.length) throw new UsageError(`version ${version} is not published (no folder ${snapshotsDir(doc)}/${version}); see noticekit versions`);
  io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : text(report, snapshotsDir(doc)));
  return report.ok ? 0 : 1;
}

function text(r: VerifyReport, dir: string): string {
  const lines: string[] = [];
  if (!r.versions.length && !r.strays.length) lines.push(`noticekit verify: no published versions in ${dir}/`);
  for (const v of r.versions) {
    lines.push(`${v.version.padEnd(10)} ${v.ok ? 'ok' : 'CHANGED AFTER PUBLICATION'}  ${v.dir}/`);
    for (const m of v.manifest) lines.push(`  manifest  ${m}`);
    for (const f of v.edited) lines.push(`  edited    ${f}`);
    for (const f of v.added) lines.push(`  added     ${f}`);
    for (const f of v.removed) lines.push(`  removed   ${f}`);
  }
  for (const s of r.strays) lines.push(`unexpected entry ${s}: not a published version (a version folder is named like 2.0.0 and has a manifest.json)`);
  for (const l of r.leftovers) lines.push(`note: ${l} was left by an interrupted publish; it is not a version, and the next publish removes it`);
  const bad = r.versions.filter((v) => !v.ok).length;
  if (r.versions.length) {
    lines.push(
      r.ok
        ? `noticekit verify: ${r.versions.length} version${r.versions.length === 1 ? '' : 's'} checked; every file matches the sha256 in its manifest`
        : `noticekit verify: ${bad} of ${r.versions.length} version${r.versions.length === 1 ? '' : 's'} changed after publication${r.strays.length ? `, ${r.strays.length} unexpected entr${r.strays.length === 1 ? 'y' : 'ies'}` : ''}; restore the published files from version control (a published version is never edited)`,
    );
  } else if (r.strays.length) lines.push('noticekit verify: unexpected entries in the snapshots folder');
  return `${lines.join('\n')}\n`;
}
