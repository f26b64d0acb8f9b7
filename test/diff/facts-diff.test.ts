import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { diffFacts, diffRegions, durationDays } from '../../src/diff/index.js';
import { classifyFacts } from '../../src/classify/index.js';
import type { Facts, Region } from '../../src/model/schema.js';
import { REPO } from '../helpers/project.js';

const base = parse(readFileSync(`${REPO}policy/privacy.facts.yaml`, 'utf8')) as Facts;
const regions = (parse(readFileSync(`${REPO}policy/regions.yaml`, 'utf8')) as { regions: Region[] }).regions;
const clone = <T>(x: T): T => structuredClone(x);
const edit = (fn: (f: Facts) => void): Facts => {
  const f = clone(base);
  fn(f);
  return f;
};
const find = <T extends { id: string }>(list: T[], id: string): T => list.find((x) => x.id === id)!;

describe('diffFacts', () => {
  it('finds nothing between equal facts', () => {
    expect(diffFacts(base, clone(base))).toEqual([]);
  });

  it('reports the fields of a changed item with values before and after, and list entries gained and lost', () => {
    const d = diffFacts(base, edit((f) => {
      find(f.recipients, 'analytics').countries = ['us', 'in'];
    }));
    expect(d).toEqual([
      expect.objectContaining({ area: 'recipient', kind: 'changed', id: 'analytics', field: 'countries', path: 'recipients.analytics.countries', before: ['us', 'ie'], after: ['us', 'in'], gained: ['in'], lost: ['ie'], label: 'Metricwise Analytics' }),
    ]);
  });

  it('splits a legal-basis change by jurisdiction key', () => {
    const d = diffFacts(base, edit((f) => {
      const p = find(f.purposes, 'marketing');
      p.legal_basis = { ...p.legal_basis, cn: 'separate_consent', mx: 'consent' };
    }));
    expect(d.map((c) => c.field)).toEqual(['legal_basis.cn', 'legal_basis.mx']);
    expect(d[0]).toMatchObject({ before: 'consent', after: 'separate_consent' });
    expect(d[1]).toMatchObject({ before: null, after: 'consent' });
    expect(d[0]!.scope).toHaveProperty('legalBasis');
  });

  it('uses labels for readable names', () => {
    const d = diffFacts(base, edit((f) => f.purposes.push({ ...find(f.purposes, 'marketing'), id: 'model_training' })), { label: (k) => (k === 'purposes.model_training.label' ? 'Training our models' : undefined) });
    expect(d[0]).toMatchObject({ kind: 'added', label: 'Training our models' });
  });

  it('durations compare as lengths (P12M = P1Y)', () => {
    expect(durationDays('P12M')).toBe(durationDays('P1Y'));
    expect(durationDays('P2Y')! > durationDays('P13M')!).toBe(true);
    expect(durationDays('none')).toBe(0);
    expect(durationDays('soon')).toBeUndefined();
  });
});

describe('facts classification rules', () => {
  type Case = [string, (f: Facts) => void, 'material' | 'minor', string, RegExp];
  const cases: Case[] = [
    ['new recipient', (f) => f.recipients.push({ id: 'acme', type: 'processor', name: 'Acme Analytics', countries: ['us'], data_categories: ['usage'], purposes: ['product_improvement'] }), 'material', 'facts-new-recipient', /^Recipient 'Acme Analytics' \(processor, US\) added/],
    ['removed recipient', (f) => (f.recipients = f.recipients.filter((r) => r.id !== 'analytics')), 'material', 'facts-removed-recipient', /Recipient 'Metricwise Analytics' \(processor, US, IE\) removed/],
    ['recipient in a new country', (f) => find(f.recipients, 'analytics').countries!.push('in'), 'material', 'facts-recipient-expanded', /now also in IN/],
    ['recipient sells', (f) => (find(f.recipients, 'analytics').sale = true), 'material', 'facts-recipient-expanded', /sale/],
    ['recipient in fewer countries', (f) => (find(f.recipients, 'analytics').countries = ['us']), 'minor', 'facts-other', /no longer ie/],
    ['new data category', (f) => f.data_categories.push({ id: 'genetic', sensitive: true }), 'material', 'facts-new-data-category', /Data category 'genetic' \(genetic, sensitive\) added/],
    ['removed data category', (f) => (f.data_categories = f.data_categories.filter((c) => c.id !== 'social_profile')), 'material', 'facts-removed-data-category', /social_profile/],
    ['new purpose', (f) => f.purposes.push({ ...find(f.purposes, 'marketing'), id: 'model_training' }), 'material', 'facts-new-purpose', /Purpose 'model_training' \(model_training\) added: uses identity/],
    ['removed purpose', (f) => (f.purposes = f.purposes.filter((p) => p.id !== 'marketing')), 'material', 'facts-removed-purpose', /Purpose 'marketing' \(marketing\) removed/],
    ['purpose uses more data', (f) => find(f.purposes, 'marketing').data_categories.push('location'), 'material', 'facts-purpose-data-added', /now also uses data categories location/],
    ['legal basis changed', (f) => (find(f.purposes, 'device_diagnostics').legal_basis.default = 'consent'), 'material', 'facts-legal-basis-changed', /from legitimate_interests to consent/],
    ['retention lengthened', (f) => (find(f.purposes, 'device_diagnostics').retention = { period: 'P3Y', from: 'collection' }), 'material', 'facts-retention-lengthened', /lengthened from P2Y from collection to P3Y from collection/],
    ['retention shortened', (f) => (find(f.purposes, 'device_diagnostics').retention = { period: 'P1Y', from: 'collection' }), 'minor', 'facts-retention-shortened', /shortened from P2Y/],
    ['retention same length', (f) => (find(f.purposes, 'device_diagnostics').retention = { period: 'P24M', from: 'collection' }), 'minor', 'facts-other', /retention/],
    ['retention trigger', (f) => (find(f.purposes, 'device_diagnostics').retention = { period: 'P2Y', from: 'last_activity' }), 'material', 'facts-retention-changed', /different event/],
    ['consent dropped', (f) => (find(f.purposes, 'marketing').consent_required = false), 'material', 'facts-consent-automated', /no longer requires consent/],
    ['new transfer', (f) => f.transfers.push({ id: 'eu_to_br', from: ['eu'], to: 'br', safeguard: 'scc' }), 'material', 'facts-new-transfer', /from EU to BR under scc/],
    ['transfer safeguard', (f) => (find(f.transfers, 'eu_ch_to_us').safeguard = 'dpf'), 'material', 'facts-transfer-changed', /from scc to dpf/],
    ['transfer removed', (f) => (f.transfers = f.transfers.filter((t) => t.id !== 'eu_to_kr')), 'minor', 'facts-other', /removed/],
    ['right removed', (f) => (f.rights = f.rights.filter((r) => r.id !== 'portability')), 'material', 'facts-right-removed', /Right 'portability' \(portability\) removed/],
    ['right narrowed', (f) => (find(f.rights, 'object').jurisdictions = ['eu', 'gb']), 'material', 'facts-right-removed', /narrowed: no longer in CN/],
    ['right widened', (f) => find(f.rights, 'restriction').jurisdictions.push('br'), 'minor', 'facts-right-added', /extended to BR/],
    ['slower answers', (f) => (f.rights_requests.response_days = f.rights_requests.response_days + 15), 'material', 'facts-right-removed', /answered within/],
    ['new controller', (f) => f.entities.push({ id: 'lumora_brazil', name: 'Lumora Brasil Ltda.', address: 'Av. Paulista 1000, São Paulo', country: 'br', email: 'privacy-br@lumora.example' }), 'material', 'facts-new-controller', /Controller entity 'Lumora Brasil Ltda.' \(BR\) added/],
    ['entity address', (f) => (find(f.entities, 'lumora_inc').address = '1 New Street, San Jose'), 'minor', 'facts-contact-details', /address/],
    ['privacy email', (f) => (f.contacts.privacy.email = 'dpo@lumora.example'), 'minor', 'facts-contact-details', /email/],
    ['cookie consent dropped', (f) => (find(f.cookies, 'analytics').consent_required = false), 'material', 'facts-new-cookie', /no longer asks for consent/],
    ['cookie lifetime longer', (f) => (find(f.cookies, 'analytics').examples![0]!.duration = 'P2Y'), 'material', 'facts-retention-lengthened', /'mw_id' kept P2Y \(was P13M\)/],
    ['cookie lifetime shorter', (f) => (find(f.cookies, 'analytics').examples![0]!.duration = 'P6M'), 'minor', 'facts-retention-shortened', /lifetime shortened/],
    ['children', (f) => (f.children.minimum_age = f.children.minimum_age - 3), 'material', 'facts-children', /Minimum age lowered/],
    ['security removed', (f) => (f.security_measures = f.security_measures.slice(1)), 'minor', 'facts-other', /removed/],
  ];
  it.each(cases)('%s', (_name, fn, severity, rule, reason) => {
    const changes = classifyFacts(diffFacts(base, edit(fn)));
    expect(changes.length).toBeGreaterThan(0);
    const hit = changes.find((c) => c.rule === rule);
    expect(hit, JSON.stringify(changes, null, 1)).toBeDefined();
    expect(hit!.severity).toBe(severity);
    expect(hit!.reason).toMatch(reason);
    expect(hit!.source).toBe('facts');
    expect(hit!.fact?.path).toBeTruthy();
  });

  it('regions: a new controller for a region is material, a new locale is minor', () => {
    const next = structuredClone(regions);
    next.find((r) => r.id === 'de')!.entity = 'lumora_inc';
    next.find((r) => r.id === 'fr')!.locales.push('en');
    const changes = classifyFacts(diffRegions(regions, next));
    expect(changes.find((c) => c.fact?.id === 'de')).toMatchObject({ rule: 'facts-new-controller', severity: 'material' });
    expect(changes.find((c) => c.fact?.id === 'fr')).toMatchObject({ rule: 'facts-other', severity: 'minor' });
  });
});
