import { afterAll, describe, expect, it } from 'vitest';
import { BASE_MASTER, cleanupAll, cli, miniProject } from './fixtures.js';

afterAll(cleanupAll);

const TWO = [
  { id: 'de', jurisdictions: ['de'], locales: ['de'], name: 'Germany' },
  { id: 'ca', jurisdictions: ['ca', 'ca-qc'], locales: ['en'], name: 'Canada' },
];
/** de passes; ca fails (French is required; no DPO/officer in the facts) */
const failing = () => miniProject({ regions: TWO });
const passing = () => miniProject();

describe('noticekit check: exit codes and options', () => {
  it('exits 0 when every region passes', async () => {
    const res = await cli(passing(), 'check');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
  });

  it('exits 1 when a region has an error', async () => {
    const res = await cli(failing(), 'check');
    expect(res.code).toBe(1);
  });

  it('--regions limits the check', async () => {
    const dir = failing();
    expect((await cli(dir, 'check', '--regions', 'de')).code).toBe(0);
    const res = await cli(dir, 'check', '--regions', 'ca', '--format', 'json');
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).regions.map((r: { region: string }) => r.region)).toEqual(['ca']);
  });

  it('-C runs in another folder', async () => {
    const dir = passing();
    const res = await cli('/', 'check', '-C', dir);
    expect(res.code).toBe(0);
  });

  it.each([
    [['check', '--format', 'xml'], 'unknown --format "xml"'],
    [['check', '--regions', 'de,zz'], 'unknown region "zz"'],
    [['check', '--regions', ','], '--regions needs at least one region id'],
    [['check', '--bogus'], 'Unknown option'],
  ])('bad usage %j exits 2', async (args, msg) => {
    const res = await cli(passing(), ...args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(msg);
    expect(res.stderr).toContain('Usage: noticekit check');
  });

  it('bad input (a project that does not load) exits 2 with the diagnostics', async () => {
    const dir = miniProject({ facts: (f) => { f.purposes[0].retention = { period: 'three years' }; } });
    const res = await cli(dir, 'check');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('policy/privacy.facts.yaml');
  });

  it('is listed in the help', async () => {
    const res = await cli(passing(), 'help');
    expect(res.stdout).toMatch(/\n {2}check +check that every regional notice/);
    const help = await cli(passing(), 'check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format');
  });
});

describe('noticekit check: formats', () => {
  it('text: grouped by region, errors first, counts at the end', async () => {
    const dir = miniProject({ regions: TWO, master: BASE_MASTER.replace('joint_controller_arrangement', '') });
    const res = await cli(dir, 'check');
    const out = res.stdout;
    expect(out).toMatch(/^de Germany \[de, eu\]: pass \(0 errors, 0 warnings, 1 note\)$/m);
    expect(out).toMatch(/^ca Canada \[ca-qc, ca\]: fail \(\d+ errors?, 0 warnings, \d+ notes?\)$/m);
    const ca = out.slice(out.indexOf('ca Canada'));
    const severities = [...ca.matchAll(/^ {2}(error|warning|note) /gm)].map((m) => m[1]);
    expect(severities.length).toBeGreaterThan(1);
    expect([...severities].sort((a, b) => ['error', 'warning', 'note'].indexOf(a!) - ['error', 'warning', 'note'].indexOf(b!))).toEqual(severities);
    expect(ca).toContain('law: ');
    expect(ca).toContain('fix: ');
    expect(out.trimEnd().split('\n').pop()).toMatch(/^noticekit check: 2 regions checked, 1 pass, 1 fail; \d+ errors?, 0 warnings, \d+ notes?$/);
  });

  it('json: the documented, versioned object', async () => {
    const res = await cli(failing(), 'check', '--format', 'json');
    const report = JSON.parse(res.stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'document', 'regions', 'summary']);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary).toEqual({ regions: 2, passed: 1, failed: 1, errors: expect.any(Number), warnings: 0, notes: expect.any(Number) });
    const ca = report.regions.find((r: { region: string }) => r.region === 'ca');
    expect(ca).toMatchObject({ region: 'ca', name: 'Canada', jurisdictions: ['ca-qc', 'ca'], status: 'fail' });
    expect(ca.errors).toBe(ca.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    for (const f of ca.findings) {
      expect(Object.keys(f).sort()).toEqual(['cite', 'element', 'fix', 'lowConfidence', 'message', 'pack', 'rule', 'severity']);
    }
    const lang = ca.findings.find((f: { rule: string }) => f.rule === 'required-language');
    expect(lang).toMatchObject({ severity: 'error', element: null, pack: 'ca-qc', lowConfidence: false });
    const dpo = ca.findings.find((f: { element: string }) => f.element === 'dpo_contact');
    expect(dpo).toMatchObject({ severity: 'error', rule: 'notice-element', pack: 'ca-qc' });
    expect(dpo.cite).toContain('s.3.1');
  });

  it('markdown: a per-region table and details for failing regions only', async () => {
    const res = await cli(failing(), 'check', '--format', 'markdown');
    const md = res.stdout;
    expect(res.code).toBe(1);
    expect(md).toContain('| region | errors | notes | status |');
    expect(md).toMatch(/^\| de \(Germany\) \| 0 \| 0 \| pass \|$/m);
    expect(md).toMatch(/^\| ca \(Canada\) \| \d+ \| \d+ \| fail \|$/m);
    expect(md.match(/<details>/g)).toHaveLength(1);
    expect(md).toMatch(/<summary>ca \(Canada\): \d+ errors?/);
    expect(md).toContain('- **error** `dpo_contact` [notice-element]');
    expect(md).not.toMatch(/[\u{1F300}-\u{1FAFF}\u2705\u274C]/u);
  });

  it('output is deterministic', async () => {
    const dir = failing();
    const a = await cli(dir, 'check', '--format', 'json');
    const b = await cli(dir, 'check', '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
  });
});
