import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as api from '../src/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The library API. Adding or removing a name here is a change to what users import: do it on purpose. */
const PUBLIC = [
  'CHECK_RULES', 'DiagnosticError', 'FACT_RULES', 'NoticePeriodRefused', 'PublishBlocked', 'RULES', 'SEVERITIES',
  'assignUnitIds', 'buildImpact', 'buildSite', 'checkProject', 'classificationReport', 'classify', 'diffDocuments',
  'diffFacts', 'diffProjects', 'diffRegions', 'exportXliff', 'formatCheckJson', 'formatCheckMarkdown', 'formatCheckText',
  'formatDiagnostic', 'formatDiffHtml', 'formatDiffJson', 'formatDiffMarkdown', 'formatDiffText', 'importXliff',
  'isDiagnosticError', 'loadJurisdictions', 'loadProject', 'maxSeverity', 'mergeShards', 'notify', 'parseMaster',
  'parsePlainMarkdown', 'publishVersion', 'renderSite', 'resolveRegions', 'translationStatus', 'verifySnapshots',
  'viewOfDocuments', 'wordDiff',
];

describe('the public API (src/index.ts)', () => {
  it('exports exactly the pinned names', () => {
    expect(Object.keys(api).sort()).toEqual([...PUBLIC].sort());
  });

  it('is what `import … from "noticekit"` gives a user of the built package', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('noticekit'); console.log(JSON.stringify(Object.keys(m).sort()))"], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([...PUBLIC].sort());
  });

  it('diffs and classifies two policies without a project', () => {
    const before = api.parseMaster('# Privacy\n\nWe collect your name.\n\nWe do not sell your data.\n', 'old.md');
    const after = api.parseMaster('# Privacy\n\nWe collect your name.\n\nWe may sell your data to advertisers.\n', 'new.md');
    const report = api.classificationReport(api.diffDocuments(before, after));
    expect(report.severity).toBe('material');
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]!.before).toBe('We do not sell your data.');
  });
});
