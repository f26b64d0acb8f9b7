import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, cli, edit, exampleProject } from '../helpers/project.js';
import { notify } from '../../src/notify/notify.js';
import { notifyFiles } from '../../src/notify/output.js';
import type { NotifyRun } from '../../src/notify/notify.js';
import type { RegionOutcome } from '../../src/notify/types.js';
import { childrenScenario, euOnlyScenario, mainScenario, newRecipientScenario, writeSnapshot } from './scenario.js';

const region = (run: NotifyRun, id: string): RegionOutcome => {
  const r = run.result.regions.find((x) => x.region === id);
  if (!r) throw new Error(`no region ${id}`);
  return r;
};

describe('noticekit notify: the main scenario (new recipient, new consent-based purpose, longer retention, added text)', () => {
  let dir: string;
  let run: NotifyRun;
  beforeAll(async () => {
    dir = mainScenario();
    const r = await cli(dir, 'notify', '--out', 'notices');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/noticekit notify: privacy 1\.0\.0 → working, effective 2026-06-01/);
    run = notify({ root: dir });
  });
  afterAll(() => cleanup(dir));

  it('compares the latest published version with the working tree and takes the front matter effective date', () => {
    expect(run.result.from).toBe('1.0.0');
    expect(run.result.to).toBe('working');
    expect(run.result.effective).toBe('2026-06-01');
    expect(run.result.severity).toBe('material');
  });

  it('writes every draft per region and language, and summary.md', () => {
    const out = join(dir, 'notices');
    expect(readdirSync(join(out, 'de', 'de')).sort()).toEqual(['banner.txt', 'changes.md', 'consent.md', 'email.md']);
    expect(readdirSync(join(out, 'au', 'en')).sort()).toEqual(['banner.txt', 'changes.md', 'email.md']);
    for (const lng of ['en', 'fr-ca']) expect(existsSync(join(out, 'ca', lng, 'email.md'))).toBe(true);
    for (const lng of ['de', 'fr', 'it']) expect(existsSync(join(out, 'ch', lng, 'consent.md'))).toBe(true);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/## Regions notified/);
    expect(summary).toMatch(/\| de \(Germany\) \| de \| material \|/);
    expect(summary).toMatch(/## Consent requests/);
    expect(summary).toMatch(/\*\*de\*\* \(Germany\): consent under GDPR Arts\. 6\(1\)\(a\)/);
    expect(summary).toMatch(/\*\*cn\*\* \(China\): separate consent under PIPL Arts\. 14\(2\)/);
  });

  it('lists the material changes in plain words, with labels, lists and durations in the language', () => {
    const email = readFileSync(join(dir, 'notices', 'au', 'en', 'email.md'), 'utf8');
    expect(email).toMatch(/^---\nsubject: "Changes to our privacy policy from 1 June 2026"\n---\n/);
    expect(email).toContain('We now share “Device data”, “Usage data”, “Diagnostic data”, “Approximate location”, and “Online identifiers” with Metricwise Analytics (United States and Ireland) for “Diagnostics and reliability” and “Improving our products”.');
    expect(email).toContain('We keep the data we use for “Customer support” for 3 years instead of 2 years.');
    expect(email).toContain('We will use “Account data”, “Device data”, “Usage data”, “Approximate location”, “Precise location”, “Purchase data”, and “Inferences” for a new purpose: “Personalisation”.');
    expect(email).toContain('We added to the section “How we disclose personal data”: We also share data when you ask us to');
    expect(email).toContain('https://www.lumora.example/privacy/au/en/');
    const de = readFileSync(join(dir, 'notices', 'de', 'de', 'changes.md'), 'utf8');
    expect(de).toContain('künftig 3 Jahre statt 2 Jahre');
    expect(de).toContain('„Diagnose und Zuverlässigkeit“ und „Verbesserung unserer Produkte“');
  });

  it('shows the effective date in the local date format', () => {
    const read = (r: string, l: string, f: string) => readFileSync(join(dir, 'notices', r, l, f), 'utf8');
    expect(read('de', 'de', 'email.md')).toContain('ab dem 1. Juni 2026');
    expect(read('cn', 'zh-cn', 'banner.txt')).toContain('2026年6月1日');
    expect(read('th', 'th', 'changes.md')).toContain('1 มิถุนายน 2569');
    expect(read('ca', 'fr-ca', 'email.md')).toContain('1 juin 2026');
    expect(read('ru', 'ru', 'email.md')).toContain('1 июня 2026 г.');
    expect(read('us', 'en', 'email.md')).toContain('June 1, 2026');
  });

  it('asks for consent under GDPR for a new consent-based purpose, and under PIPL/PIPA for the new purpose and recipient', () => {
    const de = region(run, 'de');
    expect(de.consent?.rule).toBe('gdpr');
    expect(de.consent?.type).toBe('consent');
    expect(de.consent?.changes.map((c) => c.kind)).toEqual(['purpose_added']);
    expect(de.consent?.packRule).toMatch(/Arts\. 6\(1\)\(a\), 7/);
    const cn = region(run, 'cn');
    expect(cn.consent?.rule).toBe('pipl');
    expect(cn.consent?.type).toBe('separate_consent');
    expect(cn.consent?.changes.map((c) => c.kind).sort()).toEqual(['purpose_added', 'recipient_added']);
    expect(region(run, 'kr').consent?.rule).toBe('pipa');
    expect(region(run, 'gb').consent?.rule).toBe('gdpr');
    expect(region(run, 'ch').consent?.citation).toMatch(/FADP/);
    // no consent rule for these jurisdictions; personalisation needs no new consent in the US
    for (const id of ['au', 'us', 'th', 'ru']) expect(region(run, id).consent).toBeNull();
    const consent = readFileSync(join(dir, 'notices', 'de', 'de', 'consent.md'), 'utf8');
    expect(consent).toMatch(/^# Ihre Einwilligung zu Änderungen unserer Datenschutzerklärung/);
    expect(consent).toContain('„Personalisierung“');
    expect(consent).not.toContain('Metricwise');
    expect(readFileSync(join(dir, 'notices', 'cn', 'zh-cn', 'consent.md'), 'utf8')).toContain('单独同意');
  });

  it('tells how to object, withdraw consent and close the account, where the region has those rights', () => {
    const de = readFileSync(join(dir, 'notices', 'de', 'de', 'email.md'), 'utf8');
    expect(de).toContain('jederzeit widersprechen');
    expect(de).toContain('Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen');
    expect(de).toContain('Konto jederzeit unter https://privacy.lumora.example/requests oder per E-Mail an privacy@lumora.example schließen');
    const au = readFileSync(join(dir, 'notices', 'au', 'en', 'email.md'), 'utf8');
    expect(au).not.toContain('object at any time');
    expect(au).toContain('close your account');
  });

  it('uses i18next plurals for counts and purposes', () => {
    const banner = (r: string, l: string) => readFileSync(join(dir, 'notices', r, l, 'banner.txt'), 'utf8');
    expect(banner('au', 'en')).toMatch(/with 6 important changes\./);
    expect(banner('ru', 'ru')).toMatch(/6 важных изменений/);
    const de = readFileSync(join(dir, 'notices', 'de', 'de', 'email.md'), 'utf8');
    expect(de).toContain('für den Zweck „Personalisierung“');
    expect(de).toContain('für die Zwecke „Diagnose und Zuverlässigkeit“');
  });

  it('drafts JSON: one notices.json per region and language, and summary.json', () => {
    const files = notifyFiles(run.result, 'json', run.store, run.texts);
    const de = JSON.parse(files.get('de/de/notices.json')!) as Record<string, unknown> & { email: { subject: string; body: string }; consent: { rule: string; type: string; markdown: string } | null; changes: { kind: string; consent: boolean; markdown: string }[] };
    expect(de).toMatchObject({ schemaVersion: 1, document: 'privacy', from: '1.0.0', to: 'working', effective: '2026-06-01', region: 'de', locale: 'de', url: 'https://www.lumora.example/privacy/de/de/', effectiveText: '1. Juni 2026', severity: 'material', noticePeriodDays: 30, sendBy: '2026-05-02' });
    expect(de.email.subject).toBe('Änderungen unserer Datenschutzerklärung ab dem 1. Juni 2026');
    expect(de.email.body).toMatch(/^Sehr geehrte Kundin, sehr geehrter Kunde,/);
    expect(de.consent).toMatchObject({ rule: 'gdpr', type: 'consent' });
    expect(de.changes.find((c) => c.kind === 'purpose_added')?.consent).toBe(true);
    expect(de.changes.find((c) => c.kind === 'recipient_added')?.consent).toBe(false);
    const summary = JSON.parse(files.get('summary.json')!) as { summary: { notified: string[]; noNotice: string[]; consentRequests: string[] }; regions: { region: string; status: string }[] };
    expect(summary.summary.notified).toContain('de');
    expect(summary.summary.consentRequests).toEqual(expect.arrayContaining(['de', 'cn', 'kr', 'gb', 'ch']));
    expect(files.has('summary.md')).toBe(true);
    expect([...files.keys()].some((k) => k.endsWith('.md') && k !== 'summary.md')).toBe(false);
  });

  it('drafts HTML: standalone, sanitized pages with a lang attribute', () => {
    const files = notifyFiles(run.result, 'html', run.store, run.texts);
    for (const name of ['email.html', 'banner.html', 'changes.html', 'consent.html']) expect(files.has(`cn/zh-cn/${name}`)).toBe(true);
    const email = files.get('ca/fr-ca/email.html')!;
    expect(email).toMatch(/^<!DOCTYPE html>\n<html lang="fr-CA" dir="ltr">/);
    expect(email).toContain('<title>Modification de notre politique de confidentialité à compter du 1 juin 2026</title>');
    expect(email).toContain('<li>');
    expect(email).not.toMatch(/<script/i);
    expect(files.get('th/th/changes.html')).toMatch(/<html lang="th"/);
    expect(files.get('de/de/banner.html')).toContain('<a href="https://www.lumora.example/privacy/de/de/">');
  });

  it('prints the summary without --out, and JSON with --format json', async () => {
    const text = await cli(dir, 'notify', '--regions', 'de,au');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^# Change notices: privacy 1\.0\.0 → working/);
    const json = await cli(dir, 'notify', '--regions', 'de', '--format', 'json');
    const report = JSON.parse(json.stdout) as { regions: { region: string; notices: { locale: string }[] }[] };
    expect(report.regions.map((r) => r.region)).toEqual(['de']);
    expect(report.regions[0]!.notices[0]!.locale).toBe('de');
  });
});

describe('noticekit notify: a change that reaches only some regions', () => {
  let dir: string;
  let run: NotifyRun;
  beforeAll(async () => {
    dir = euOnlyScenario();
    const r = await cli(dir, 'notify', '--out', 'notices');
    expect(r.stderr).toBe('');
    run = notify({ root: dir });
  });
  afterAll(() => cleanup(dir));

  it('notifies the regions the material change reaches and no other', () => {
    const notified = run.result.regions.filter((r) => r.status === 'notify').map((r) => r.region).sort();
    expect(notified).toEqual(['de', 'es', 'fr', 'it', 'nl', 'ro']);
    expect(region(run, 'de').changes.map((c) => c.kind)).toEqual(['transfer_added']);
    expect(readFileSync(join(dir, 'notices', 'de', 'de', 'changes.md'), 'utf8')).toContain('in folgendes Land: Südkorea. Geeignete Garantie: „Angemessenheitsbeschluss“.');
    // a transfer needs no new consent under the GDPR
    expect(region(run, 'de').consent).toBeNull();
  });

  it('drafts nothing for a region whose changes are editorial, and the summary says so', () => {
    const au = region(run, 'au');
    expect(au.status).toBe('no-notice');
    expect(au.severity).toBe('editorial');
    expect(au.reason).toBe('no notice needed: changes are minor/editorial');
    expect(au.notices).toEqual([]);
    expect(existsSync(join(dir, 'notices', 'au'))).toBe(false);
    const summary = readFileSync(join(dir, 'notices', 'summary.md'), 'utf8');
    expect(summary).toMatch(/## No notice needed/);
    expect(summary).toMatch(/\| au \(Australia\) \| editorial \| no notice needed: changes are minor\/editorial \|/);
    expect(summary).toMatch(/Consent requests: 0/);
  });
});

describe('noticekit notify: consent rules by jurisdiction', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(cleanup));

  it('asks for separate consent in China (and Korea) when a recipient is added, not under the GDPR', () => {
    const dir = newRecipientScenario();
    dirs.push(dir);
    const run = notify({ root: dir, regions: ['cn', 'kr', 'de', 'us'] });
    const cn = region(run, 'cn');
    expect(cn.status).toBe('notify');
    expect(cn.consent).toMatchObject({ rule: 'pipl', type: 'separate_consent' });
    expect(cn.consent?.reason).toContain('new recipient "retailers" (Art. 23)');
    expect(cn.consent?.citation).toContain('PIPL Arts. 14(2)');
    expect(cn.notices[0]!.consent).toContain('Lumora Authorised Reseller Programme');
    expect(region(run, 'kr').consent).toMatchObject({ rule: 'pipa', type: 'separate_consent' });
    expect(region(run, 'de').status).toBe('notify');
    expect(region(run, 'de').consent).toBeNull();
    expect(region(run, 'us').consent).toBeNull();
  });

  it('asks parents for consent in the United States when children’s data practices change (COPPA)', () => {
    const dir = childrenScenario();
    dirs.push(dir);
    const run = notify({ root: dir, regions: ['us', 'au'] });
    const us = region(run, 'us');
    expect(us.consent).toMatchObject({ rule: 'coppa', type: 'parental_consent' });
    expect(us.consent?.citation).toContain('312.5(a)(1)');
    expect(us.notices[0]!.consent).toMatch(/^# Your consent as a parent or guardian/);
    expect(us.notices[0]!.changes[0]!.markdown).toBe('We have changed how we handle children’s personal data. Parents can now create and manage accounts for their children.');
    expect(region(run, 'au').consent).toBeNull();
  });
});

describe('noticekit notify: versions, overrides and bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mainScenario();
  });
  afterAll(() => cleanup(dir));

  it('uses a project override of templates/notices/email.md.hbs', async () => {
    mkdirSync(join(dir, 'templates', 'notices'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'notices', 'email.md.hbs'), '---\nsubject: {{subjectYaml}}\n---\n\nCUSTOM EMAIL for {{region.id}} ({{lang}}), effective {{date}}:\n{{#each changes}}\n* {{markdown}}\n{{/each}}\n');
    try {
      const r = await cli(dir, 'notify', '--out', 'custom', '--regions', 'de');
      expect(r.code).toBe(0);
      const email = readFileSync(join(dir, 'custom', 'de', 'de', 'email.md'), 'utf8');
      expect(email).toMatch(/^---\nsubject: "Änderungen unserer Datenschutzerklärung ab dem 1\. Juni 2026"\n---\n\nCUSTOM EMAIL for de \(de\), effective 1\. Juni 2026:\n\* Wir verwenden/);
    } finally {
      writeFileSync(join(dir, 'templates', 'notices', 'email.md.hbs'), readFileSync(new URL('../../templates/notices/email.md.hbs', import.meta.url), 'utf8'));
    }
  });

  it('compares two published versions: --to takes that version’s sources and manifest effective date', () => {
    writeSnapshot(dir, '2.0.0', '2026-09-01', {}, '1.0.0');
    const run = notify({ root: dir, from: '1.0.0', to: '2.0.0', regions: ['de'] });
    expect(run.result.to).toBe('2.0.0');
    expect(run.result.effective).toBe('2026-09-01');
    expect(region(run, 'de').notices[0]!.email.subject).toBe('Änderungen unserer Datenschutzerklärung ab dem 1. September 2026');
    // the default --from is now the latest published version, 2.0.0: the working tree only moved its date
    const latest = notify({ root: dir, regions: ['de'] });
    expect(latest.result.from).toBe('2.0.0');
    expect(region(latest, 'de').status).toBe('no-notice');
  });

  it('exits 2 on an unknown version, an unknown region or an unsafe output folder, writing nothing', async () => {
    const v = await cli(dir, 'notify', '--from', '9.9.9');
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/\[unknown-version\] --from 9\.9\.9: no published version 9\.9\.9/);
    const t = await cli(dir, 'notify', '--to', 'latest');
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/--to "latest" is not a version number/);
    const r = await cli(dir, 'notify', '--regions', 'de,xx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown region "xx" in --regions/);
    const f = await cli(dir, 'notify', '--format', 'pdf');
    expect(f.code).toBe(2);
    const o = await cli(dir, 'notify', '--out', 'policy');
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/unsafe-out-dir/);
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'keep.txt'), 'mine');
    const m = await cli(dir, 'notify', '--out', 'mine');
    expect(m.code).toBe(2);
    expect(readFileSync(join(dir, 'mine', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('exits 2 when there is no published version to compare with', async () => {
    const empty = mainScenario();
    try {
      cleanup(join(empty, 'snapshots'));
      const r = await cli(empty, 'notify');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no published version of "privacy" to compare the working tree with/);
    } finally {
      cleanup(empty);
    }
  });
});

describe('noticekit notify: a changed paragraph whose translation is not current yet', () => {
  let dir: string;
  afterAll(() => cleanup(dir));

  it('quotes the English text in the translated sentence, flags it, and lists it in the summary', async () => {
    dir = mainScenario();
    edit(dir, 'policy/privacy.md', (t) => t.replace('We also share data when you ask us to, for example when you share an album from Lumora Cloud.', 'We also share data with insurers when you ask us to, for example when you claim on a device insurance policy.'));
    const run = notify({ root: dir, regions: ['de'] });
    const de = region(run, 'de').notices[0]!;
    const sentence = de.changes.find((c) => c.kind === 'text_added' || c.kind === 'text_changed')!;
    expect(sentence.fallback).toBe(true);
    expect(sentence.markdown).toBe('Wir haben den Abschnitt „An wen wir personenbezogene Daten weitergeben“ ergänzt: We also share data with insurers when you ask us to, for example when you claim on a device insurance policy.');
    const r = await cli(dir, 'notify', '--regions', 'de');
    expect(r.stdout).toMatch(/## Translations pending[\s\S]*- de\/de: 1 sentence/);
  });
});

describe('noticekit notify: with a version written by noticekit publish', () => {
  let dir: string;
  afterAll(() => cleanup(dir));

  it('reads the snapshot publish wrote and drafts the change since', async () => {
    dir = exampleProject();
    const p = await cli(dir, 'publish', '--version', '1.0.0', '--effective', '2026-03-01', '--date', '2026-02-01', '-q');
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    edit(dir, 'policy/privacy.facts.yaml', (t) => t.replace('    retention:\n      period: P3Y\n      from: last_activity', '    retention:\n      period: P5Y\n      from: last_activity'));
    edit(dir, 'policy/privacy.md', (t) => t.replace(/^effective: .*$/m, 'effective: 2026-06-01'));
    const r = await cli(dir, 'notify', '--regions', 'gb,de', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { from: string; regions: { region: string; status: string; notices: { changes: { markdown: string }[] }[] }[] };
    expect(report.from).toBe('1.0.0');
    const gb = report.regions.find((x) => x.region === 'gb')!;
    expect(gb.status).toBe('notify');
    expect(gb.notices[0]!.changes.map((c) => c.markdown)).toEqual(['We keep the data we use for “Customer support” for 5 years instead of 3 years.']);
  });
});
