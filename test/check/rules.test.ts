import { afterAll, describe, expect, it } from 'vitest';
import { loadJurisdictions } from '../../src/jurisdictions/index.js';
import { checkProject } from '../../src/check/check.js';
import { BASE_MASTER, check, cleanupAll, findingsOf, load, miniProject, region, type MiniSpec } from './fixtures.js';

afterAll(cleanupAll);

const sub = (from: string, to: string, master = BASE_MASTER) => {
  if (!master.includes(from)) throw new Error(`fixture: "${from}" not in the master`);
  return master.replace(from, to);
};

interface Expect {
  rule: string;
  element: string | null;
  severity: 'error' | 'warning' | 'note';
  /** A part of the cite. */
  cite?: string;
  pack?: string;
  /** A part of the message. */
  message?: string;
  lowConfidence?: boolean;
}

interface Case {
  name: string;
  spec: MiniSpec;
  region?: string;
  /** Findings that must be there. */
  want: Expect[];
  /** [rule, element] pairs that must not be reported at all. */
  none?: [string, string | null][];
  /** The region has no errors (for valid fixtures). */
  clean?: boolean;
}

function run(cases: Case[]) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const report = check(miniProject(c.spec));
    const id = c.region ?? c.spec.regions?.[0]?.id ?? 'de';
    for (const w of c.want) {
      const got = findingsOf(report, id, w.rule, w.element);
      expect(got, `${w.rule} ${w.element} in ${JSON.stringify(region(report, id).findings, null, 1)}`).toHaveLength(1);
      const f = got[0]!;
      expect(f.severity).toBe(w.severity);
      if (w.cite) expect(f.cite).toContain(w.cite);
      if (w.pack) expect(f.pack).toBe(w.pack);
      if (w.message) expect(f.message).toContain(w.message);
      if (w.lowConfidence !== undefined) expect(f.lowConfidence).toBe(w.lowConfidence);
      expect(f.fix.length).toBeGreaterThan(10);
    }
    for (const [rule, element] of c.none ?? []) expect(findingsOf(report, id, rule, element)).toEqual([]);
    if (c.clean) expect(region(report, id).findings.filter((f) => f.severity !== 'note')).toEqual([]);
  });
}

describe('the base fixture', () => {
  it('passes for a GDPR region with no finding at all', () => {
    const report = check(miniProject());
    expect(region(report, 'de')).toMatchObject({ status: 'pass', errors: 0, warnings: 0, notes: 0, findings: [] });
  });
});

describe('notice-element: required elements', () => {
  run([
    {
      name: 'a missing required element is an error citing the pack article',
      spec: { master: sub('::facts{show="controller"}', 'We are Acme.') },
      want: [
        { rule: 'notice-element', element: 'controller_identity', severity: 'error', cite: 'Art. 13(1)(a)', pack: 'eu' },
      ],
      none: [['notice-element', 'controller_contact']], // the contacts block still shows the contact
    },
    {
      name: 'a section that declares covers="…" satisfies it',
      spec: { master: sub('::facts{show="controller"}', 'We are Acme.', sub('{#who-we-are covers="', '{#who-we-are covers="controller_identity ')) },
      want: [],
      clean: true,
    },
    {
      name: 'a covering section excluded for the region does not count, and the message says so',
      spec: {
        master: sub('::facts{show="controller"}', 'We are Acme.') + '\n:::only{regions="fr"}\n\n## Controller {#controller covers="controller_identity"}\n\nAcme GmbH.\n\n:::\n',
        regions: [{ id: 'de', jurisdictions: ['de'] }, { id: 'fr', jurisdictions: ['fr'], locales: ['fr'] }],
      },
      want: [{ rule: 'notice-element', element: 'controller_identity', severity: 'error', message: '#controller covers it but is not part of this region' }],
    },
    {
      name: 'the covering section counts for the region it is kept for',
      spec: {
        master: sub('::facts{show="controller"}', 'We are Acme.') + '\n:::only{regions="fr"}\n\n## Controller {#controller covers="controller_identity"}\n\nAcme GmbH.\n\n:::\n',
        regions: [{ id: 'de', jurisdictions: ['de'] }, { id: 'fr', jurisdictions: ['fr'], locales: ['fr'] }],
      },
      region: 'fr',
      want: [],
      none: [['notice-element', 'controller_identity']],
    },
    {
      name: 'a section whose content is all excluded for the region does not count',
      spec: { master: sub('::facts{show="controller"}', '') + '\n## Controller {#controller covers="controller_identity"}\n\n:::only{regions="xx"}\n\nAcme GmbH.\n\n:::\n', regions: [{ id: 'de', jurisdictions: ['de'] }, { id: 'xx', jurisdictions: ['de'] }] },
      want: [{ rule: 'notice-element', element: 'controller_identity', severity: 'error' }],
    },
    {
      name: 'rights block: each right of the facts covers right_<id>; a right missing for the region is an error',
      spec: { facts: (f) => { f.rights = f.rights.filter((r: { id: string }) => r.id !== 'portability'); } },
      want: [{ rule: 'notice-element', element: 'right_portability', severity: 'error', cite: 'Art. 20' }],
    },
    {
      name: 'rights block: a right limited to other jurisdictions does not count',
      spec: { facts: (f) => { f.rights.find((r: { id: string }) => r.id === 'restriction').jurisdictions = ['gb']; } },
      want: [{ rule: 'notice-element', element: 'right_restriction', severity: 'error', cite: 'Art. 18' }],
    },
    {
      name: 'retention_period: a purpose with period "none" is an error even though the purposes block is there',
      spec: { facts: (f) => { f.purposes[1].retention = { period: 'none' }; } },
      want: [{ rule: 'notice-element', element: 'retention_period', severity: 'error', cite: 'Art. 13(2)(a)', pack: 'eu', message: '"legal_compliance" has no retention period' }],
    },
    {
      name: 'retention_period: a section claim does not make up for a purpose without a period',
      spec: { master: sub('{#who-we-are covers="', '{#who-we-are covers="retention_period '), facts: (f) => { f.purposes[0].retention = { period: 'none' }; } },
      want: [{ rule: 'notice-element', element: 'retention_period', severity: 'error', message: 'section #who-we-are' }],
    },
    {
      name: 'retention_period: the retention block covers it when every purpose has a period',
      spec: { master: sub('::facts{show="purposes"}', '::facts{show="retention"}', sub('{#who-we-are covers="', '{#who-we-are covers="purposes legal_basis ')) },
      want: [],
      clean: true,
    },
    {
      name: 'effective_date comes from the front matter; without it the element is missing (us-ca: required)',
      spec: { frontMatter: { effective: '' }, regions: [{ id: 'us', jurisdictions: ['us', 'us-ca'] }] },
      want: [{ rule: 'notice-element', element: 'effective_date', severity: 'error', pack: 'us-ca', cite: '22575(b)(4)' }],
    },
    {
      name: 'effective_date from the front matter: pass (us-ca)',
      spec: { regions: [{ id: 'us', jurisdictions: ['us', 'us-ca'] }] },
      want: [],
      none: [['notice-element', 'effective_date']],
    },
    {
      name: 'on_request elements are ignored (ch: retention_period)',
      spec: { regions: [{ id: 'ch', jurisdictions: ['ch'] }], facts: (f) => { f.purposes[0].retention = { period: 'none' }; } },
      want: [],
      none: [['notice-element', 'retention_period']],
    },
  ]);
});

describe('notice-element: conditional and recommended elements', () => {
  const transfer = (f: Record<string, any>) => {
    f.transfers = [{ id: 'to_us', from: ['eu'], to: 'us', safeguard: 'scc' }];
  };
  run([
    {
      name: 'transfers for the region, no transfers block: international_transfers and transfer_safeguards are errors',
      spec: { facts: transfer, master: sub('::facts{show="transfers"}', '') },
      want: [
        { rule: 'notice-element', element: 'international_transfers', severity: 'error', cite: 'Art. 13(1)(f)', message: 'to_us' },
        { rule: 'notice-element', element: 'transfer_safeguards', severity: 'error', cite: 'Art. 13(1)(f)' },
      ],
    },
    {
      name: 'transfers for the region with the transfers block: pass',
      spec: { facts: transfer },
      want: [],
      clean: true,
    },
    {
      name: 'transfers only from other jurisdictions: the condition does not hold',
      spec: { facts: (f) => { f.transfers = [{ id: 'cn_out', from: ['cn'], to: 'sg', safeguard: 'standard_contract' }]; }, master: sub('::facts{show="transfers"}', '') },
      want: [],
      none: [['notice-element', 'international_transfers'], ['notice-element', 'transfer_safeguards']],
    },
    {
      name: 'a consent-based purpose needs right_withdraw_consent',
      spec: { facts: (f) => { f.purposes.push({ id: 'marketing', data_categories: ['contact'], legal_basis: { default: 'consent' }, retention: { period: 'P1Y' } }); } },
      want: [{ rule: 'notice-element', element: 'right_withdraw_consent', severity: 'error', cite: 'Art. 13(2)(c)', message: 'marketing' }],
    },
    {
      name: 'separate_consent counts as consent; the withdraw_consent right in the facts covers it',
      spec: {
        facts: (f) => {
          f.purposes.push({ id: 'marketing', data_categories: ['contact'], legal_basis: { default: 'separate_consent' }, retention: { period: 'P1Y' } });
          f.rights.push({ id: 'withdraw_consent', jurisdictions: ['all'] });
        },
      },
      want: [],
      clean: true,
    },
    {
      name: 'legitimate interests as a basis needs the legitimate_interests element',
      spec: { facts: (f) => { f.purposes.push({ id: 'security_fraud', data_categories: ['identity'], legal_basis: { default: 'legitimate_interests' }, retention: { period: 'P1Y' } }); } },
      want: [{ rule: 'notice-element', element: 'legitimate_interests', severity: 'error', cite: 'Art. 13(1)(d)' }],
    },
    {
      name: 'a purpose with automated decisions needs automated_decision_making',
      spec: { facts: (f) => { f.purposes[0].automated_decisions = true; } },
      want: [{ rule: 'notice-element', element: 'automated_decision_making', severity: 'error', cite: 'Art. 13(2)(f)' }],
    },
    {
      name: 'the automated_decisions right in the facts covers automated_decision_making',
      spec: { facts: (f) => { f.purposes[0].automated_decisions = true; f.rights.push({ id: 'automated_decisions', jurisdictions: ['eu'] }); } },
      want: [],
      clean: true,
    },
    {
      name: 'cookies listed, no cookies block: error citing the member-state law',
      spec: { facts: (f) => { f.cookies = [{ id: 'analytics', category: 'analytics', technologies: ['cookie'], consent_required: true }]; }, master: sub('::facts{show="cookies"}', 'We use cookies.') },
      want: [{ rule: 'notice-element', element: 'cookies', severity: 'error', pack: 'de', cite: 'TDDDG' }],
    },
    {
      name: 'a DPO in the facts needs dpo_contact; the contacts block shows it',
      spec: { facts: (f) => { f.contacts.dpo = { email: 'dpo@acme.example', jurisdictions: ['eu'] }; } },
      want: [],
      clean: true,
    },
    {
      name: 'a DPO in the facts but no contacts block and no covering section: error',
      spec: { facts: (f) => { f.contacts.dpo = { email: 'dpo@acme.example', jurisdictions: ['eu'] }; }, master: sub('::facts{show="contacts"}', 'Write to privacy@acme.example.') },
      want: [{ rule: 'notice-element', element: 'dpo_contact', severity: 'error', cite: 'Art. 13(1)(b)', pack: 'eu' }],
    },
    {
      name: 'the notice says there is a DPO, the facts name none: error',
      spec: { master: BASE_MASTER + '\n## Our DPO {#dpo covers="dpo_contact"}\n\nOur DPO is reachable at {{contacts.dpo.email}}.\n' },
      want: [{ rule: 'notice-element', element: 'dpo_contact', severity: 'error', cite: 'Art. 13(1)(b)', message: 'the facts name no DPO or officer' }],
    },
    {
      name: 'no DPO anywhere: dpo_contact does not apply',
      spec: {},
      want: [],
      none: [['notice-element', 'dpo_contact']],
    },
    {
      name: 'a representative in the facts needs the representative element',
      spec: { facts: (f) => { f.contacts.representatives = [{ jurisdiction: 'eu', name: 'Rep BV', email: 'rep@acme.example' }]; }, master: sub('::facts{show="contacts"}', 'Write to privacy@acme.example.') },
      want: [{ rule: 'notice-element', element: 'representative', severity: 'error', cite: 'Art. 13(1)(a)' }],
    },
    {
      name: 'sensitive categories need sensitive_data; the data-categories block covers it',
      spec: { regions: [{ id: 'mx', jurisdictions: ['mx'], locales: ['es'] }], facts: (f) => { f.data_categories.push({ id: 'health', sensitive: true }); } },
      want: [],
      none: [['notice-element', 'sensitive_data']],
    },
    {
      name: 'sensitive categories without the data-categories block: error',
      spec: {
        regions: [{ id: 'mx', jurisdictions: ['mx'], locales: ['es'] }],
        facts: (f) => { f.data_categories.push({ id: 'health', sensitive: true }); },
        master: sub('::facts{show="data-categories"}', '', sub('{#who-we-are covers="', '{#who-we-are covers="categories_of_data ')),
      },
      want: [{ rule: 'notice-element', element: 'sensitive_data', severity: 'error', pack: 'mx', message: 'health' }],
    },
    {
      name: 'sensitive_in counts only in the listed jurisdictions',
      spec: {
        regions: [{ id: 'mx', jurisdictions: ['mx'], locales: ['es'] }],
        facts: (f) => { f.data_categories.push({ id: 'health', sensitive: false, sensitive_in: ['cn'] }); },
        master: sub('::facts{show="data-categories"}', '', sub('{#who-we-are covers="', '{#who-we-are covers="categories_of_data ')),
      },
      want: [],
      none: [['notice-element', 'sensitive_data']],
    },
    {
      name: 'us-ca sale/sharing needs right_opt_out_sale_sharing',
      spec: {
        regions: [{ id: 'us', jurisdictions: ['us', 'us-ca'] }],
        facts: (f) => { f.recipients[0].sharing = true; },
      },
      want: [
        { rule: 'notice-element', element: 'right_opt_out_sale_sharing', severity: 'error', pack: 'us-ca', cite: '1798.120' },
      ],
      none: [['notice-element', 'sale_sharing_disclosure']], // the recipients block discloses it for us-ca
    },
    {
      name: 'a conditional element whose condition noticekit cannot evaluate is a note',
      spec: { master: sub('joint_controller_arrangement', '') },
      want: [{ rule: 'notice-element', element: 'joint_controller_arrangement', severity: 'note', cite: 'Art. 26(2)' }],
      clean: true,
    },
  ]);

  it('a recommended element missing is a note', () => {
    const ch = loadJurisdictions().get('ch')!;
    expect(ch.noticeElements.find((e) => e.id === 'right_portability')?.req).toBe('recommended');
    const report = check(miniProject({ regions: [{ id: 'ch', jurisdictions: ['ch'] }], facts: (f) => { f.rights = f.rights.filter((r: { id: string }) => r.id !== 'portability'); } }));
    const [f, ...rest] = findingsOf(report, 'ch', 'notice-element', 'right_portability');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'note', pack: 'ch', cite: 'FADP Art. 28' });
    expect(region(report, 'ch').status).toBe('pass');
  });

  it('marks findings on low-confidence pack facts', () => {
    // uz: controller_identity has conf low in the pack
    const report = check(miniProject({ regions: [{ id: 'uz', jurisdictions: ['uz'], locales: ['ru'] }], master: sub('::facts{show="controller"}', 'We are Acme.') }));
    const [f] = findingsOf(report, 'uz', 'notice-element', 'controller_identity');
    expect(f).toMatchObject({ severity: 'error', lowConfidence: true, pack: 'uz' });
  });
});

describe('legal-basis', () => {
  run([
    {
      name: 'a purpose without a legal basis for the region is an error, not a crash',
      spec: { facts: (f) => { f.purposes.push({ id: 'marketing', data_categories: ['contact'], legal_basis: { cn: 'consent' }, retention: { period: 'P1Y' } }); } },
      want: [{ rule: 'legal-basis', element: 'legal_basis', severity: 'error', cite: 'Art. 13(1)(c)', message: 'purpose "marketing" has no legal basis for region "de"' }],
    },
    {
      name: 'a basis for a parent jurisdiction (eu) counts',
      spec: { facts: (f) => { f.purposes.push({ id: 'marketing', data_categories: ['contact'], legal_basis: { eu: 'consent' }, retention: { period: 'P1Y' } }); f.rights.push({ id: 'withdraw_consent', jurisdictions: ['all'] }); } },
      want: [],
      clean: true,
    },
  ]);
});

describe('required-language', () => {
  run([
    {
      name: 'Quebec requires French: an English-only Canadian site fails',
      spec: { regions: [{ id: 'ca', jurisdictions: ['ca', 'ca-qc'], locales: ['en'] }] },
      want: [{ rule: 'required-language', element: null, severity: 'error', pack: 'ca-qc', message: 'French (fr-CA)' }],
    },
    {
      name: 'languages compare by base language: fr satisfies fr-CA',
      spec: { regions: [{ id: 'ca', jurisdictions: ['ca', 'ca-qc'], locales: ['en', 'fr'] }] },
      want: [],
      none: [['required-language', null]],
    },
    {
      name: 'fr-FR is satisfied by fr',
      spec: { regions: [{ id: 'fr', jurisdictions: ['fr'], locales: ['fr'] }] },
      want: [],
      none: [['required-language', null]],
    },
    {
      name: 'every required language is checked (Malaysia: Malay and English)',
      spec: { regions: [{ id: 'my', jurisdictions: ['my'], locales: ['en'] }] },
      want: [{ rule: 'required-language', element: null, severity: 'error', pack: 'my', message: 'Malay (ms-MY)' }],
    },
  ]);
});

describe('children-age', () => {
  run([
    {
      name: '{{children.age}} in the children section: pass',
      spec: {},
      want: [],
      none: [['children-age', 'children']],
    },
    {
      name: 'a children section without the age: error citing the pack age rule',
      spec: { master: sub('under {{children.age}}', 'under 16') },
      want: [{ rule: 'children-age', element: 'children', severity: 'error', pack: 'de', cite: 'Art. 8', message: 'which is 16 in region de' }],
    },
    {
      name: 'the children block states the age: pass',
      spec: { master: sub('A parent must consent for children under {{children.age}}.', '::facts{show="children"}') },
      want: [],
      none: [['children-age', 'children']],
    },
    {
      name: 'the placeholder in text excluded for the region does not count',
      spec: { master: sub('A parent must consent for children under {{children.age}}.', 'We protect children.\n\n:::only{jurisdictions="gb"}\n\nA parent must consent for children under {{children.age}}.\n\n:::') },
      want: [{ rule: 'children-age', element: 'children', severity: 'error' }],
    },
    {
      name: 'the member state age is used (fr: 15)',
      spec: { regions: [{ id: 'fr', jurisdictions: ['fr'], locales: ['fr'] }], master: sub('under {{children.age}}', 'under 16') },
      want: [{ rule: 'children-age', element: 'children', severity: 'error', pack: 'fr', message: 'which is 15' }],
    },
    {
      name: 'no age of consent in the law (ch): nothing to check',
      spec: { regions: [{ id: 'ch', jurisdictions: ['ch'] }], master: sub('under {{children.age}}', 'under 16') },
      want: [],
      none: [['children-age', 'children']],
    },
  ]);
});

describe('complaint-authority', () => {
  run([
    {
      name: 'authority name and website used: pass',
      spec: {},
      want: [],
      none: [['complaint-authority', 'right_complaint']],
    },
    {
      name: 'the website placeholder missing: error citing the complaint article',
      spec: { master: sub('{{authority.name}} ({{authority.website}})', '{{authority.name}}') },
      want: [{ rule: 'complaint-authority', element: 'right_complaint', severity: 'error', cite: 'Art. 13(2)(d)', message: 'https://www.bfdi.bund.de' }],
    },
    {
      name: 'the placeholders only in text excluded for the region: error',
      spec: { master: sub('You may complain to {{authority.name}} ({{authority.website}}).', 'You may complain to a supervisory authority.\n\n:::except{jurisdictions="eu"}\n\nYou may complain to {{authority.name}} ({{authority.website}}).\n\n:::') },
      want: [{ rule: 'complaint-authority', element: 'right_complaint', severity: 'error' }],
    },
    {
      name: 'a finding on a low-confidence element is marked (vn: right_complaint conf low)',
      spec: { regions: [{ id: 'vn', jurisdictions: ['vn'], locales: ['vi'] }], master: sub('{{authority.name}} ({{authority.website}})', 'the authority') },
      want: [{ rule: 'complaint-authority', element: 'right_complaint', severity: 'error', pack: 'vn', lowConfidence: true }],
    },
    {
      name: 'a law that names no complaint element: nothing to check (kz)',
      spec: { regions: [{ id: 'kz', jurisdictions: ['kz'], locales: ['ru', 'kk'] }], master: sub('{{authority.name}} ({{authority.website}})', 'the authority') },
      want: [],
      none: [['complaint-authority', 'right_complaint']],
    },
  ]);

  it('an authority without a website in the jurisdiction data is an error', () => {
    const project = load(miniProject());
    const reg = project.jurisdictions;
    project.jurisdictions = {
      ...reg,
      compose: (ids) => {
        const c = reg.compose(ids);
        return { ...c, authority: { ...c.authority!, website: undefined } };
      },
    };
    const report = checkProject(project);
    const [f] = findingsOf(report, 'de', 'complaint-authority', 'right_complaint');
    expect(f).toMatchObject({ severity: 'error', cite: expect.stringContaining('Art. 13(2)(d)') });
    expect(f!.message).toContain('no supervisory authority with a website');
  });
});

describe('data-localization', () => {
  const storageMaster = BASE_MASTER + '\n## Where we store data {#storage}\n\n::facts{show="storage"}\n';
  const ru = [{ id: 'ru', jurisdictions: ['ru'], locales: ['ru'] }];
  const vn = [{ id: 'vn', jurisdictions: ['vn'], locales: ['vi'] }];
  run([
    {
      name: 'hard localization with a storage entry and the storage block: pass',
      spec: { regions: ru, master: storageMaster, facts: (f) => { f.storage = [{ regions: ['ru'], location: 'ru' }]; } },
      want: [],
      none: [['data-localization', 'data_localization'], ['notice-element', 'data_localization']],
    },
    {
      name: 'hard localization without a storage entry: error',
      spec: { regions: ru, master: storageMaster },
      want: [{ rule: 'data-localization', element: 'data_localization', severity: 'error', pack: 'ru', message: 'no storage location' }],
    },
    {
      name: 'hard localization with the storage block excluded for the region: error',
      spec: { regions: ru, master: BASE_MASTER + '\n## Where we store data {#storage}\n\nIn several countries.\n\n:::only{jurisdictions="cn"}\n\n::facts{show="storage"}\n\n:::\n', facts: (f) => { f.storage = [{ regions: ['ru'], location: 'ru' }]; } },
      want: [{ rule: 'data-localization', element: 'data_localization', severity: 'error', message: 'not part of this region' }],
    },
    {
      name: 'partial localization without a storage entry: note',
      spec: { regions: vn, master: storageMaster },
      want: [{ rule: 'data-localization', element: 'data_localization', severity: 'note' }],
    },
    {
      name: 'partial localization with a storage entry but no storage block: error',
      spec: { regions: vn, facts: (f) => { f.storage = [{ regions: ['vn'], location: 'vn' }]; } },
      want: [{ rule: 'data-localization', element: 'data_localization', severity: 'error', pack: 'vn' }],
    },
    {
      name: 'no localization rule (de): nothing to check',
      spec: {},
      want: [],
      none: [['data-localization', 'data_localization']],
    },
  ]);
});

describe('covers-unknown-id', () => {
  run([
    {
      name: 'a misspelt element id in covers is a warning with a suggestion',
      spec: { master: sub('{#who-we-are covers="', '{#who-we-are covers="controler_identity ') },
      want: [{ rule: 'covers-unknown-id', element: null, severity: 'warning', message: '"controler_identity"' }],
      clean: false,
    },
    {
      name: 'ids added for local laws are known (post_mortem_directives, paia_manual)',
      spec: { master: sub('{#who-we-are covers="', '{#who-we-are covers="post_mortem_directives paia_manual ') },
      want: [],
      none: [['covers-unknown-id', null]],
    },
  ]);

  it('suggests the closest id', () => {
    const report = check(miniProject({ master: sub('{#who-we-are covers="', '{#who-we-are covers="controler_identity ') }));
    expect(findingsOf(report, 'de', 'covers-unknown-id')[0]!.fix).toContain('"controller_identity"');
  });
});

describe('raw-html', () => {
  it('warns about raw HTML in the master and in a translation, naming where, since the notices leave it out', () => {
    const report = check(miniProject({ master: sub('everything else is voluntary.', 'everything else is <b>voluntary</b>.') }));
    const got = findingsOf(report, 'de', 'raw-html', null);
    expect(got.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(got[0]!.message).toMatch(/^policy\/privacy\.md:14:1: unit u\d+ holds raw HTML \(<b/);
    expect(got[1]!.message).toMatch(/^locales\/de\/privacy\.json: unit u\d+ holds raw HTML/);
  });

  run([
    {
      name: 'a "<" in text, a code span and an autolink are not raw HTML',
      spec: { master: sub('everything else is voluntary.', 'everything else (if 3 < 4) is `<voluntary>`, see <https://lumora.example/>.') },
      want: [],
      none: [['raw-html', null]],
    },
  ]);
});
