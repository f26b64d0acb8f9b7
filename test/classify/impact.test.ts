import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { loadProject, type Project } from '../../src/parse/project.js';
import { parseMaster } from '../../src/parse/markdown.js';
import { diffProjects, conditionsOf, visibleIn, type RegionContext } from '../../src/classify/index.js';
import { exampleProject, cleanup, edit } from '../helpers/project.js';

const region = (id: string, match: string[]): RegionContext => ({ id, name: id, locales: ['en'], matchIds: new Set(match), basisOrder: [...match, 'default'], entity: 'e' });

describe('conditions', () => {
  it(':::only and :::except decide where a unit shows, nested conditions combine', () => {
    const doc = parseMaster('# P\n\nEverywhere.\n\n:::only{jurisdictions="eu"}\n\nEU only.\n\n:::\n\n:::except{regions="de"}\n\nNot in Germany.\n\n:::\n', 'x.md');
    const c = conditionsOf(doc);
    const [, all, eu, notDe] = doc.units;
    const de = region('de', ['de', 'eu', 'gdpr']);
    const us = region('us', ['us']);
    expect(visibleIn(c.units.get(all!), us)).toBe(true);
    expect(visibleIn(c.units.get(eu!), de)).toBe(true);
    expect(visibleIn(c.units.get(eu!), us)).toBe(false);
    expect(visibleIn(c.units.get(notDe!), de)).toBe(false);
    expect(visibleIn(c.units.get(notDe!), us)).toBe(true);
  });
});

describe('diffProjects on the example', () => {
  let dir: string;
  let base: Project;
  beforeAll(() => {
    dir = exampleProject();
    base = loadProject(dir);
  });
  afterAll(() => cleanup(dir));
  const after = (file: string, fn: (t: string) => string): Project => {
    const d = exampleProject();
    try {
      edit(d, file, fn);
      return loadProject(d);
    } finally {
      cleanup(d);
    }
  };

  it('a legal-basis change for one jurisdiction reaches only the regions that use it', () => {
    const next = after('policy/privacy.facts.yaml', (t) => t.replace('      cn: separate_consent\n      kr: consent\n      us: not_required\n    retention:\n      period: P13M', '      cn: consent\n      kr: consent\n      us: not_required\n    retention:\n      period: P13M'));
    const { report } = diffProjects(base, next);
    expect(report.changes).toHaveLength(1);
    const c = report.changes[0]!;
    expect(c).toMatchObject({ rule: 'facts-legal-basis-changed', severity: 'material', regions: ['cn'] });
    expect(c.reason).toBe("Legal basis of purpose 'Personalised advertising' for CN changed from separate_consent to consent");
    expect(report.impact.regions.filter((r) => r.severity !== 'none').map((r) => r.id)).toEqual(['cn']);
  });

  it('a new transfer from the EU reaches the EU regions only', () => {
    const next = after('policy/privacy.facts.yaml', (t) => t.replace('\ncookies:\n', '\n  - id: eu_to_br\n    from: [eu]\n    to: br\n    safeguard: scc\n    recipients: [group_companies]\n\ncookies:\n'));
    const { report } = diffProjects(base, next);
    const c = report.changes.find((x) => x.rule === 'facts-new-transfer')!;
    expect(c.severity).toBe('material');
    expect([...c.regions!].sort()).toEqual(['de', 'es', 'fr', 'it', 'nl', 'ro']);
  });

  it('a generated block dropped from the master is a material change for every region that showed it', () => {
    const next = after('policy/privacy.md', (t) => t.replace('::facts{show="transfers"}\n', ''));
    const { report } = diffProjects(base, next);
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({ rule: 'facts-block', kind: 'removed', severity: 'material', source: 'facts' });
    expect(report.changes[0]!.section.id).toBe('international-transfers');
    expect(report.changes[0]!.regions!.length).toBe(26);
  });

  it('the same project twice: no changes, every region none', () => {
    const { report } = diffProjects(base, loadProject(dir));
    expect(report.changes).toEqual([]);
    expect(report.severity).toBe('none');
    expect(report.impact.regions.every((r) => r.severity === 'none' && r.changes === 0)).toBe(true);
    expect(report.impact.translations).toEqual([]);
  });
});
