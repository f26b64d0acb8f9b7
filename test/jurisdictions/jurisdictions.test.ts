import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadJurisdictions, type JurisdictionPack } from '../../src/jurisdictions/index.js';
import { parseSimpleYaml } from '../../src/jurisdictions/simple-yaml.js';

const DATA_DIR = fileURLToPath(new URL('../../src/jurisdictions/data/', import.meta.url));
const ALL_IDS = ['eu', 'fr', 'de', 'it', 'nl', 'ro', 'es', 'gb', 'ch', 'ca', 'ca-qc', 'us', 'us-ca', 'au', 'nz', 'cn', 'kr', 'jp', 'in', 'br', 'ru', 'by', 'kz', 'uz', 'ua', 'tr', 'ke', 'my', 'mx', 'za', 'th', 'vn'];
const CONF = ['high', 'medium', 'low'];
const REQ = ['required', 'conditional', 'on_request', 'recommended'];

const tmpDirs: string[] = [];
function tmpDataDir(files: Record<string, string>, copyAll = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'noticekit-jur-'));
  tmpDirs.push(dir);
  if (copyAll) cpSync(DATA_DIR, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

const reg = loadJurisdictions();
const pack = (id: string): JurisdictionPack => {
  const p = reg.get(id);
  if (!p) throw new Error(`no pack ${id}`);
  return p;
};
const el = (p: { noticeElements: JurisdictionPack['noticeElements'] }, id: string) => p.noticeElements.find((e) => e.id === id);

describe('loading', () => {
  it('loads all 32 ids, sorted', () => {
    expect(reg.ids()).toEqual([...ALL_IDS].sort());
    for (const id of ALL_IDS) expect(reg.has(id)).toBe(true);
  });

  it('gives every pack well-formed data', () => {
    for (const id of ALL_IDS) {
      const p = pack(id);
      expect(p.id).toBe(id);
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.laws.length).toBeGreaterThan(0);
      expect(p.siteLocales.length).toBeGreaterThan(0);
      expect(p.noticeElements.length).toBeGreaterThan(0);
      expect(new Set(p.noticeElements.map((e) => e.id)).size).toBe(p.noticeElements.length);
      for (const e of p.noticeElements) {
        expect(REQ).toContain(e.req);
        expect(CONF).toContain(e.conf);
        expect(reg.has(e.from)).toBe(true);
      }
      for (const l of p.laws) expect(CONF).toContain(l.conf);
      expect(CONF).toContain(p.ageOfConsent.conf);
      expect(CONF).toContain(p.noticeChanges.conf);
      expect(p.noticeChanges.src.length).toBeGreaterThan(0);
      expect(p.authority?.website).toMatch(/^https:\/\//);
    }
  });

  it('caches per data directory; the default is src/jurisdictions/data', () => {
    expect(loadJurisdictions()).toBe(reg);
    expect(loadJurisdictions(DATA_DIR)).toBe(reg);
  });

  it('returns frozen packs', () => {
    expect(Object.isFrozen(pack('de'))).toBe(true);
    expect(Object.isFrozen(pack('de').noticeElements)).toBe(true);
  });

  it('loads a fresh copy of all packs from another data folder', () => {
    // (load time is measured by `npm run bench`, not here)
    const dir = tmpDataDir({}, true);
    const r = loadJurisdictions(dir);
    expect(r.ids()).toHaveLength(32);
  });

  it('keeps the reference facts: 765 conf keys, 27 of them low', () => {
    const count: Record<string, number> = { high: 0, medium: 0, low: 0 };
    const walk = (v: unknown, key = ''): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) if (k !== 'notice_period_days') walk(x, k);
      } else if (key === 'conf' && typeof v === 'string') count[v] = (count[v] ?? 0) + 1;
    };
    for (const id of ALL_IDS) walk(parse(readFileSync(join(DATA_DIR, `${id}.yaml`), 'utf8')));
    expect(count).toEqual({ high: 566, medium: 172, low: 27 });
  });
});

describe('inheritance', () => {
  it('de: chain [de, eu], law ids of the chain', () => {
    expect(reg.chain('de')).toEqual(['de', 'eu']);
    expect(pack('de').parents).toEqual(['eu']);
    expect(reg.lawIds('de')).toEqual(['gdpr', 'bdsg', 'tdddg', 'ddg', 'eprivacy']);
  });

  it('de: elements are eu elements with de extras replacing them in place', () => {
    const de = pack('de');
    const dpo = el(de, 'dpo_contact');
    expect(dpo?.from).toBe('eu');
    expect(dpo?.cite).toContain('Art. 13(1)(b)');
    expect(el(de, 'cookies')).toMatchObject({ from: 'de', req: 'conditional' });
    expect(el(de, 'cookies')?.cite).toContain('TDDDG § 25');
    expect(el(de, 'statutory_or_contractual_requirement')).toMatchObject({ from: 'de', req: 'required' });
    expect(de.noticeElements.map((e) => e.id)).toEqual(pack('eu').noticeElements.map((e) => e.id));
  });

  it('fr and es: extras that are new ids are added', () => {
    expect(el(pack('fr'), 'post_mortem_directives')).toMatchObject({ from: 'fr', req: 'recommended', conf: 'medium' });
    expect(el(pack('fr'), 'children')).toMatchObject({ from: 'fr', req: 'conditional' });
    expect(el(pack('es'), 'layered_basic_information')?.from).toBe('es');
    expect(pack('nl').noticeElements).toEqual(pack('eu').noticeElements);
  });

  it('gb: elements come from eu (notice_elements_from) plus gb extras, without eu as a parent', () => {
    const gb = pack('gb');
    expect(gb.parents).toEqual([]);
    expect(reg.chain('gb')).toEqual(['gb']);
    expect(reg.lawIds('gb')).not.toContain('gdpr');
    const ids = gb.noticeElements.map((e) => e.id);
    expect(ids).toEqual([...pack('eu').noticeElements.map((e) => e.id), 'complaint_to_controller']);
    expect(el(gb, 'complaint_to_controller')).toMatchObject({ from: 'gb', req: 'required' });
    expect(el(gb, 'cookies')?.from).toBe('gb');
    expect(el(gb, 'children')).toMatchObject({ from: 'gb', req: 'conditional' });
    expect(el(gb, 'dpo_contact')?.from).toBe('eu');
    expect(reg.get('uk')).toBe(gb);
  });

  it('member states inherit notice-change rules and the adequacy list from eu', () => {
    const fr = pack('fr').noticeChanges;
    expect(fr.method).toBe(pack('eu').noticeChanges.method);
    expect(fr.extra).toContain('CNIL practice');
    expect(fr.conf).toBe('medium');
    expect(fr.src).toContain('WP260 rev.01');
    expect(pack('de').noticeChanges.notifyUsers).toBe('required');
    expect(pack('de').crossBorder.adequacyList).toEqual(pack('eu').crossBorder.adequacyList);
    expect(pack('gb').crossBorder.adequacyList).toBeUndefined();
  });

  it('parent overlays: us-ca -> us, ca-qc -> ca', () => {
    expect(reg.chain('us-ca')).toEqual(['us-ca', 'us']);
    expect(reg.chain('ca-qc')).toEqual(['ca-qc', 'ca']);
    expect(reg.lawIds('us-ca')).toEqual(['ccpa', 'ccpa-regs', 'caloppa', 'shine-the-light', 'minors-eraser', 'delete-act', 'coppa', 'coppa-rule', 'ftc-act-5', 'sectoral', 'padfa', 'doj-dsp']);
    // overlays keep their own element lists; compose() combines them with the parent
    expect(el(pack('us-ca'), 'controller_identity')?.from).toBe('us-ca');
  });
});

describe('facts', () => {
  it('ages of consent', () => {
    expect(pack('fr').ageOfConsent.age).toBe(15);
    expect(pack('de').ageOfConsent.age).toBe(16);
    expect(pack('gb').ageOfConsent.age).toBe(13);
    expect(pack('ca-qc').ageOfConsent.age).toBe(14);
    expect(pack('ch').ageOfConsent).toMatchObject({ age: null, conf: 'low' });
    expect(pack('th').ageOfConsent.age).toBe(20);
  });

  it('authority of fr is CNIL', () => {
    const a = pack('fr').authority;
    expect(a?.nameLocal).toContain('CNIL');
    expect(a?.website).toBe('https://www.cnil.fr');
    expect(a?.localLang).toBe('fr');
    expect(pack('de').authority?.otherWebsites).toEqual(['https://www.datenschutzkonferenz-online.de']);
    expect(pack('ch').authority?.localLang).toBe('de');
  });

  it('localization', () => {
    expect(pack('cn').crossBorder.localization).toBe(true);
    expect(pack('ru').crossBorder.localization).toBe(true);
    expect(pack('vn').crossBorder.localization).toBe('partial');
    expect(pack('fr').crossBorder.localization).toBe(false);
  });

  it('duties', () => {
    expect(pack('de').dpo?.required).toBe('conditional');
    expect(pack('nz').dpo?.required).toBe(true);
    expect(pack('us-ca').dpo).toEqual({ required: false, rule: '', conf: 'high' });
    expect(pack('kr').representative?.required).toBe('conditional');
  });

  it('notice periods: the reference fixes no number of days anywhere', () => {
    for (const id of ALL_IDS) expect(pack(id).noticeChanges.noticePeriodDays).toBeNull();
  });

  it('lists low-confidence facts', () => {
    expect(pack('uz').lowConfidence).toEqual(expect.arrayContaining(['dpo', 'notice_elements.controller_identity', 'digital_age_of_consent', 'languages']));
    expect(pack('kz').lowConfidence).toEqual(expect.arrayContaining(['authority', 'digital_age_of_consent']));
    expect(pack('eu').lowConfidence).toEqual(['pending_changes.0']);
    expect(pack('de').lowConfidence).toEqual([]);
    expect(pack('mx').lowConfidence).toContain('notice_period_days'); // inferred
    const fromReference = ALL_IDS.flatMap((id) => pack(id).lowConfidence.filter((p) => p !== 'notice_period_days'));
    expect(fromReference).toHaveLength(27);
  });
});

describe('compose', () => {
  it('us + us-ca', () => {
    const c = reg.compose(['us', 'us-ca']);
    expect(c.ids).toEqual(['us-ca', 'us']);
    expect(c.primary.id).toBe('us-ca');
    expect(c.ageOfConsent).toBe(16);
    expect(c.authority?.website).toBe('https://cppa.ca.gov');
    expect(c.lawIds).toContain('coppa');
    expect(c.lawIds).toContain('ccpa');
    expect(el(c, 'controller_identity')).toMatchObject({ req: 'required', from: 'us-ca' });
    expect(el(c, 'right_withdraw_consent')).toMatchObject({ req: 'conditional', from: 'us' });
    expect(c.localization).toBe(false);
    expect(c.dpoRequired).toBe(false);
    expect(reg.compose(['us-ca'])).toEqual(c);
  });

  it('ca + ca-qc', () => {
    const c = reg.compose(['ca', 'ca-qc']);
    expect(c.ids).toEqual(['ca-qc', 'ca']);
    expect(c.primary.id).toBe('ca-qc');
    expect(c.ageOfConsent).toBe(14);
    expect(c.languagesRequired).toEqual(['fr-CA']);
    expect(c.authority?.website).toBe('https://www.cai.gouv.qc.ca');
    expect(c.dpoRequired).toBe(true);
    expect(el(c, 'categories_of_data')).toMatchObject({ req: 'required', from: 'ca' }); // required beats on_request
    expect(el(c, 'governance_policy_summary')?.from).toBe('ca-qc');
    expect(c.noticePeriodDays).toBeNull();
  });

  it('member states: own age and authority over eu', () => {
    const fr = reg.compose(['fr']);
    expect(fr.ids).toEqual(['fr', 'eu']);
    expect(fr.ageOfConsent).toBe(15);
    expect(fr.authority?.website).toBe('https://www.cnil.fr');
    expect(fr.languagesRequired).toEqual(['fr-FR']);
    expect(fr.dpoRequired).toBe('conditional');
    expect(el(fr, 'children')).toMatchObject({ req: 'conditional', from: 'fr' });
    expect(el(fr, 'dpo_contact')?.from).toBe('eu');
    const two = reg.compose(['fr', 'de']);
    expect(two.ids).toEqual(['de', 'fr', 'eu']);
    expect(two.primary.id).toBe('de');
    expect(two.ageOfConsent).toBe(16);
  });

  it('localization', () => {
    expect(reg.compose(['cn']).localization).toBe(true);
    expect(reg.compose(['vn', 'th']).localization).toBe('partial');
    expect(reg.compose(['gb']).localization).toBe(false);
  });

  it('refuses unknown or no ids', () => {
    expect(reg.get('xx')).toBeUndefined();
    expect(reg.has('xx')).toBe(false);
    expect(() => reg.chain('xx')).toThrow(/unknown jurisdiction id "xx"/);
    expect(() => reg.compose(['de', 'xx'])).toThrow(/unknown jurisdiction id "xx"/);
    expect(() => reg.compose([])).toThrow();
  });
});

describe('broken data', () => {
  const valid = readFileSync(join(DATA_DIR, 'nl.yaml'), 'utf8');

  it('names the file, line and column of a YAML syntax error', () => {
    const broken = valid.replace('site_locales: [nl-NL]', 'site_locales: [nl-NL]]');
    const line = broken.split('\n').findIndex((l) => l.startsWith('site_locales:')) + 1;
    const dir = tmpDataDir({ 'eu.yaml': readFileSync(join(DATA_DIR, 'eu.yaml'), 'utf8'), 'nl.yaml': broken });
    expect(line).toBeGreaterThan(1);
    expect(() => loadJurisdictions(dir)).toThrow(new RegExp(`nl\\.yaml:${line}:22: error \\[yaml-syntax\\]`));
  });

  it('names the line of a duplicate key', () => {
    const dir = tmpDataDir({ 'xx.yaml': 'id: xx\nname: X\nname: Y\n' });
    expect(() => loadJurisdictions(dir)).toThrow(/xx\.yaml:3:1: error \[yaml-syntax\] Map keys must be unique/);
  });

  it('names the file and line of a bad value', () => {
    const broken = valid.replace('notice_elements_extra: []', 'notice_elements_extra:\n  - {id: cookies, req: sometimes, cite: "x", conf: high}');
    const line = broken.split('\n').findIndex((l) => l.includes('sometimes')) + 1;
    const dir = tmpDataDir({ 'eu.yaml': readFileSync(join(DATA_DIR, 'eu.yaml'), 'utf8'), 'nl.yaml': broken });
    expect(() => loadJurisdictions(dir)).toThrow(new RegExp(`nl\\.yaml:${line}:\\d+: .*notice_elements_extra\\.0\\.req`));
  });

  it('names the file and line of an unknown inherits', () => {
    const dir = tmpDataDir({ 'nl.yaml': valid });
    const line = valid.split('\n').findIndex((l) => l.startsWith('inherits:')) + 1;
    expect(() => loadJurisdictions(dir)).toThrow(new RegExp(`nl\\.yaml:${line}:\\d+: .*unknown jurisdiction id "eu"`));
  });

  it('refuses a file whose id does not match its name', () => {
    const dir = tmpDataDir({ 'xx.yaml': 'id: yy\nname: X\n' });
    expect(() => loadJurisdictions(dir)).toThrow(/xx\.yaml:1:\d+: .*"yy"/);
  });

  it('refuses a missing directory', () => {
    expect(() => loadJurisdictions(join(tmpdir(), 'noticekit-no-such-dir'))).toThrow(/noticekit-no-such-dir/);
  });
});

describe('fast YAML reader', () => {
  it('reads every data file exactly as the yaml package does', () => {
    for (const name of readdirSync(DATA_DIR)) {
      const text = readFileSync(join(DATA_DIR, name), 'utf8');
      const fast = parseSimpleYaml(text);
      expect(fast, name).not.toBeUndefined();
      expect(fast, name).toEqual(parse(text));
    }
  });

  it('agrees with yaml on the subset, or declines', () => {
    const samples = [
      'a: 1\nb: -2\nc: 1.5\nd: null\ne: ~\nf: true\ng: "x # y"\nh: x # comment\ni: C#\nj: \'it\'\'s\'\n',
      'a:\n- 1\n- [x, "y", {k: v}]\nb: {u: https://x.example/a, n: null, l: []}\nc: 2024-01-01\n',
      "name: Commissioner's Office (ICO)\nnote: a 'b # c'\n",
      'k: "\\u00e9\\n\\t\\"q\\""\n',
      'a: [1, 2 # c\n  , 3]\n',
      'a: b: c\n',
      'a: "unclosed\n  continued"\n',
      'a: plain\n  continued\n',
      'a: &x 1\nb: *x\n',
      'a: |\n  block\n',
      'a: 1\na: 2\n',
      '- a: 1\n  b: 2\n',
      'a: 0x1F\nb: .inf\n',
      '---\na: 1\n',
      'a:\n  b: 1\n c: 2\n',
      'a: {b: 1, }\n',
    ];
    for (const s of samples) {
      const fast = parseSimpleYaml(s);
      if (fast === undefined) continue;
      expect(fast, s).toEqual(parse(s));
    }
    expect(parseSimpleYaml(samples[0]!)).not.toBeUndefined();
    expect(parseSimpleYaml(samples[1]!)).not.toBeUndefined();
    expect(parseSimpleYaml('a: 1\na: 2\n')).toBeUndefined();
    expect(parseSimpleYaml('a: b: c\n')).toBeUndefined();
  });
});
