/**
 * Fixtures for the check tests: copies of the bundled example in temporary folders.
 *
 * `loadableExample()` also makes the copy loadable when the example is mid-edit by its owners
 * (facts keys the schema does not know, locales named in regions.yaml without a ui.json): it only
 * adds what is missing and changes nothing that already loads, so the tests do not depend on the
 * example's state. Compliance assertions compare a fixture before and after one edit, or use
 * small hand-written projects, never the example's own pass/fail.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FactsSchema } from '../../src/model/schema.js';
import { cleanup, cli, edit, exampleProject } from '../helpers/project.js';
import { loadProject, type Project } from '../../src/parse/project.js';
import { checkProject } from '../../src/check/check.js';
import { parseMaster } from '../../src/parse/markdown.js';
import { assignUnitIds } from '../../src/parse/units.js';
import type { CheckReport, Finding, RegionReport } from '../../src/check/types.js';

export { cleanup, cli, edit };

const dirs: string[] = [];

/** Removes every temporary folder made by this module (call from afterAll). */
export function cleanupAll(): void {
  for (const d of dirs.splice(0)) cleanup(d);
}

/** A copy of the example that loads: unknown top-level facts keys dropped, missing locale labels filled from English. */
export function loadableExample(): string {
  const dir = exampleProject();
  dirs.push(dir);
  const known = Object.keys(FactsSchema.properties);
  edit(dir, 'policy/privacy.facts.yaml', (text) => {
    let out = text;
    const top = [...text.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]!);
    for (const key of top.filter((k) => !known.includes(k))) out = out.replace(new RegExp(`^${key}:.*\\n(?:[ \\t]+.*\\n|[ \\t]*\\n)*`, 'm'), '');
    return out;
  });
  const regions = (parse(readFileSync(join(dir, 'policy/regions.yaml'), 'utf8')) as { regions: { locales: string[] }[] }).regions;
  for (const lng of new Set(regions.flatMap((r) => r.locales))) {
    const base = lng.split('-')[0]!;
    if (existsSync(join(dir, 'locales', lng, 'ui.json')) || existsSync(join(dir, 'locales', base, 'ui.json'))) continue;
    mkdirSync(join(dir, 'locales', base), { recursive: true });
    cpSync(join(dir, 'locales/en/ui.json'), join(dir, 'locales', base, 'ui.json'));
  }
  return dir;
}

export function load(dir: string): Project {
  return loadProject(dir);
}

export function check(dir: string, regions?: string[]): CheckReport {
  return checkProject(loadProject(dir), regions ? { regions } : {});
}

export function region(report: CheckReport, id: string): RegionReport {
  const r = report.regions.find((x) => x.region === id);
  if (!r) throw new Error(`no region ${id} in the report`);
  return r;
}

/** A stable key for comparing findings before and after an edit. */
export const key = (region: string, f: Finding) => `${region}|${f.severity}|${f.rule}|${f.element ?? ''}|${f.message}`;

/** Findings present in `after` but not in `before`, per region. */
export function added(before: CheckReport, after: CheckReport): Map<string, Finding[]> {
  const seen = new Set(before.regions.flatMap((r) => r.findings.map((f) => key(r.region, f))));
  const out = new Map<string, Finding[]>();
  for (const r of after.regions) {
    const list = r.findings.filter((f) => !seen.has(key(r.region, f)));
    if (list.length) out.set(r.region, list);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small hand-written projects for the rule tests: independent of the bundled example.

export interface MiniRegion {
  id: string;
  jurisdictions: string[];
  locales?: string[];
  name?: string;
}

/** Facts as plain data, written to YAML; tests change a fresh copy per case. */
export type MiniFacts = Record<string, any>;

export function baseFacts(): MiniFacts {
  return {
    company: { name: 'Acme' },
    entities: [{ id: 'acme', name: 'Acme GmbH', address: '1 Main Street, Berlin', country: 'de', email: 'privacy@acme.example' }],
    data_categories: [
      { id: 'identity', sensitive: false },
      { id: 'contact', sensitive: false },
    ],
    sources: [{ id: 'from_you' }],
    purposes: [
      { id: 'provide_services', data_categories: ['identity', 'contact'], legal_basis: { default: 'contract' }, retention: { period: 'P1Y', from: 'account_closure' } },
      { id: 'legal_compliance', data_categories: ['identity'], legal_basis: { default: 'legal_obligation' }, retention: { period: 'P10Y' } },
    ],
    recipients: [{ id: 'hosting', type: 'processor', name: 'Cloudco', data_categories: ['identity'], purposes: ['provide_services'], countries: ['de'] }],
    transfers: [],
    cookies: [],
    rights: ['access', 'rectification', 'erasure', 'restriction', 'portability', 'object', 'complaint'].map((id) => ({ id, jurisdictions: ['all'] })),
    rights_requests: { url: 'https://acme.example/requests', email: 'privacy@acme.example', response_days: 30 },
    children: { directed_to_children: false, minimum_age: 13 },
    security_measures: ['encryption_at_rest'],
    contacts: { privacy: { email: 'privacy@acme.example', url: 'https://acme.example/privacy' } },
  };
}

/** A master that discloses everything GDPR asks of the base facts for a `de` region. */
export const BASE_MASTER = `# Privacy Policy {#top}

{{company.name}} explains here how it uses personal data.

## Who we are {#who-we-are covers="statutory_or_contractual_requirement policy_changes joint_controller_arrangement"}

::facts{show="controller"}

You must give us the data we need to perform the contract; everything else is voluntary.

## Data we collect {#data}

::facts{show="data-categories"}

::facts{show="sources"}

## How we use it {#purposes}

::facts{show="purposes"}

## Who receives it {#recipients}

::facts{show="recipients"}

::facts{show="transfers"}

## Your rights {#rights}

::facts{show="rights"}

## Complaints {#complaints}

You may complain to {{authority.name}} ({{authority.website}}).

## Children {#children covers="children"}

A parent must consent for children under {{children.age}}.

## Cookies {#cookies}

::facts{show="cookies"}

## Contact {#contact}

::facts{show="contacts"}
`;

const UI = {
  ui: { sensitive: 'Sensitive' },
  data_categories: Object.fromEntries(['identity', 'contact', 'health', 'device', 'usage'].map((id) => [id, { label: id, description: id }])),
  sources: { from_you: 'Directly from you', from_partners: 'From partners' },
  purposes: Object.fromEntries(['provide_services', 'legal_compliance', 'marketing', 'security_fraud', 'analytics'].map((id) => [id, { label: id, description: id }])),
  rights: Object.fromEntries(
    ['access', 'rectification', 'erasure', 'restriction', 'portability', 'object', 'withdraw_consent', 'complaint', 'opt_out_sale_sharing', 'limit_sensitive', 'non_discrimination', 'automated_decisions', 'post_mortem_directives'].map((id) => [id, { label: id, description: id }]),
  ),
  security_measures: { encryption_at_rest: 'Encryption at rest' },
};

export interface MiniSpec {
  master?: string;
  facts?: (f: MiniFacts) => void;
  regions?: MiniRegion[];
  frontMatter?: Record<string, string>;
}

/** Writes a small project to a temporary folder and returns its path. */
export function miniProject(spec: MiniSpec = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'noticekit-check-'));
  dirs.push(dir);
  const facts = baseFacts();
  spec.facts?.(facts);
  const regions = (spec.regions ?? [{ id: 'de', jurisdictions: ['de'], locales: ['de'] }]).map((r) => ({
    id: r.id,
    name: r.name ?? r.id.toUpperCase(),
    continent: 'europe',
    locales: r.locales ?? ['en'],
    jurisdictions: r.jurisdictions,
    entity: 'acme',
  }));
  const fm = { title: 'Privacy Policy', effective: '2026-01-01', ...(spec.frontMatter ?? {}) };
  const frontMatter = Object.entries(fm).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`).join('\n');
  mkdirSync(join(dir, 'policy'));
  writeFileSync(join(dir, 'policy/privacy.md'), `---\n${frontMatter}\n---\n\n${spec.master ?? BASE_MASTER}`);
  writeFileSync(join(dir, 'policy/privacy.facts.yaml'), stringify(facts));
  writeFileSync(join(dir, 'policy/regions.yaml'), stringify({ regions }));
  // every unit "translated" (the English text, marked with the language) so that only the
  // rules under test report anything: a missing translation is a finding of its own
  const master = parseMaster(readFileSync(join(dir, 'policy/privacy.md'), 'utf8'), 'policy/privacy.md');
  assignUnitIds(master, undefined, 'policy/privacy.units.json');
  for (const lng of new Set(['en', ...regions.flatMap((r) => r.locales.map((l) => l.split('-')[0]!))])) {
    mkdirSync(join(dir, 'locales', lng), { recursive: true });
    writeFileSync(join(dir, 'locales', lng, 'ui.json'), JSON.stringify(UI, null, 2));
    if (lng === 'en') continue;
    const units = Object.fromEntries(master.units.map((u) => [u.id, { text: u.text, source: u.hash, state: 'translated' }]));
    writeFileSync(join(dir, 'locales', lng, 'privacy.json'), JSON.stringify({ units }, null, 2));
  }
  return dir;
}

/** Findings of one rule (and element) in one region. */
export function findingsOf(report: CheckReport, regionId: string, rule: string, element?: string | null): Finding[] {
  return region(report, regionId).findings.filter((f) => f.rule === rule && (element === undefined || f.element === element));
}
