/**
 * End-to-end checks on copies of the bundled example, each compared with the unedited copy so the
 * assertions hold whatever the example's own state (its gaps are reported to its owners).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { added, check, cleanupAll, cli, edit, load, loadableExample } from './fixtures.js';

afterAll(cleanupAll);

const FACTS = 'policy/privacy.facts.yaml';

describe('the example project', () => {
  it('is checked in every region, and the JSON report is consistent', async () => {
    const dir = loadableExample();
    const project = load(dir);
    const res = await cli(dir, 'check', '--format', 'json');
    expect([0, 1]).toContain(res.code);
    const report = JSON.parse(res.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.regions.map((r: { region: string }) => r.region)).toEqual(project.regions.map((r) => r.id));
    expect(res.code).toBe(report.summary.errors > 0 ? 1 : 0);
  });
});

describe('removing the DPO contact from the facts', () => {
  it('is an error citing Art. 13(1)(b) in every GDPR region', async () => {
    const dir = loadableExample();
    const before = check(dir);
    const project = load(dir);
    // GDPR regions: those whose law names dpo_contact with the GDPR article (eu members and the UK, which takes eu's elements)
    const gdpr = project.regions
      .filter((r) => project.jurisdictions.compose(r.jurisdictions).noticeElements.some((e) => e.id === 'dpo_contact' && e.cite.includes('Art. 13(1)(b)')))
      .map((r) => r.id);
    expect(gdpr).toEqual(expect.arrayContaining(['fr', 'de', 'it', 'nl', 'ro', 'es', 'gb']));

    edit(dir, FACTS, (text) => {
      const doc = parseDocument(text);
      expect(doc.hasIn(['contacts', 'dpo'])).toBe(true);
      doc.deleteIn(['contacts', 'dpo']);
      return doc.toString();
    });
    const after = check(dir);
    const fresh = added(before, after);
    for (const id of gdpr) {
      const errors = (fresh.get(id) ?? []).filter((f) => f.severity === 'error' && f.element === 'dpo_contact');
      expect(errors, `region ${id}`).toHaveLength(1);
      expect(errors[0]!.cite).toContain('Art. 13(1)(b)');
      expect(errors[0]!.pack).toBe('eu');
      expect(errors[0]!.message).toContain('the facts name no DPO or officer');
      expect(errors[0]!.fix).toContain('contacts.dpo');
    }
    // nothing new elsewhere except where the removed DPO acted (ch names no dpo_contact element)
    for (const id of fresh.keys()) expect([...gdpr, 'ch']).toContain(id);

    const res = await cli(dir, 'check', '--regions', gdpr.join(','));
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('Art. 13(1)(b)');
  });
});

describe('a purpose without a retention period', () => {
  it('is an error in every region whose law requires retention_period, citing that law', () => {
    const dir = loadableExample();
    const before = check(dir);
    const project = load(dir);
    const purpose = project.facts.purposes[0]!.id;
    edit(dir, FACTS, (text) => {
      const doc = parseDocument(text);
      // the schema requires `retention`, so "no retention period" is written period: none
      doc.setIn(['purposes', 0, 'retention', 'period'], 'none');
      return doc.toString();
    });
    const after = check(dir);
    const fresh = added(before, after);

    const byReq = new Map<string, string[]>();
    for (const r of project.regions) {
      const el = project.jurisdictions.compose(r.jurisdictions).noticeElements.find((e) => e.id === 'retention_period');
      const req = el?.req ?? 'absent';
      byReq.set(req, [...(byReq.get(req) ?? []), r.id]);
      const got = (fresh.get(r.id) ?? []).filter((f) => f.element === 'retention_period');
      if (req === 'required') {
        expect(got, `region ${r.id}`).toHaveLength(1);
        expect(got[0]).toMatchObject({ severity: 'error', rule: 'notice-element', cite: el!.cite, pack: el!.from });
        expect(got[0]!.message).toContain(`"${purpose}" has no retention period`);
      } else if (req === 'on_request' || req === 'absent') {
        expect(got, `region ${r.id}`).toEqual([]);
      } else {
        expect(got.map((f) => f.severity), `region ${r.id}`).not.toContain('error');
      }
    }
    expect(byReq.get('required')).toEqual(expect.arrayContaining(['de', 'fr', 'gb', 'cn', 'kr', 'us']));
  });

  it('removing the retention key altogether is bad input (the schema requires it): exit 2', async () => {
    const dir = loadableExample();
    edit(dir, FACTS, (text) => {
      const doc = parseDocument(text);
      doc.deleteIn(['purposes', 0, 'retention']);
      return doc.toString();
    });
    const res = await cli(dir, 'check');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('retention');
  });
});
