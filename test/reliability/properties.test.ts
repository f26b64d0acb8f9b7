import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadProject } from '../../src/parse/project.js';
import { parseMaster } from '../../src/parse/markdown.js';
import { assignUnitIds, parseUnitLock } from '../../src/parse/units.js';
import { renderSite } from '../../src/build/build.js';
import { diffDocuments } from '../../src/diff/index.js';
import { classificationReport } from '../../src/classify/index.js';
import type { MasterDocument } from '../../src/model/document.js';
import { REPO } from '../helpers/project.js';
import { master, regions, factsTweaks, paragraph, sentence, type RegionLike } from './arbitraries.js';

/**
 * Property-based tests (fast-check, fixed seeds, bounded runs): rendering never throws on
 * generated valid projects and never lets markup from the text through; diff(a, a) reports
 * nothing; a change and its reversal classify alike; unit-id invariants; determinism.
 */
const SEED = 20261129;

let gen: string;
let exampleRegions: RegionLike[];
let exampleFacts: Record<string, unknown>;

beforeAll(() => {
  // a project with the example's config, templates and labels, but no translations: generated
  // texts have no translation, so every other language shows the marked English fallback
  gen = mkdtempSync(join(tmpdir(), 'noticekit-prop-'));
  cpSync(join(REPO, 'templates'), join(gen, 'templates'), { recursive: true });
  cpSync(join(REPO, 'noticekit.config.yaml'), join(gen, 'noticekit.config.yaml'));
  for (const lng of readdirSync(join(REPO, 'locales'))) {
    mkdirSync(join(gen, 'locales', lng), { recursive: true });
    cpSync(join(REPO, 'locales', lng, 'ui.json'), join(gen, 'locales', lng, 'ui.json'));
  }
  exampleRegions = (parse(readFileSync(join(REPO, 'policy/regions.yaml'), 'utf8')) as { regions: RegionLike[] }).regions;
  exampleFacts = parse(readFileSync(join(REPO, 'policy/privacy.facts.yaml'), 'utf8')) as Record<string, unknown>;
});
afterAll(() => rmSync(gen, { recursive: true, force: true }));

interface Generated {
  md: string;
  regions: RegionLike[];
  tweaks: { company: string; entityName: string; period: string; basis: string; minimumAge: number; responseDays: number };
}

const project: fc.Arbitrary<Generated> = fc
  .constant(null)
  .chain(() => regions(exampleRegions))
  .chain((rs) => fc.record({ md: master(rs.map((r) => r.id)), regions: fc.constant(rs), tweaks: factsTweaks }));

/** The example's facts with the generated values, keeping only storage rules of the chosen regions. */
function factsYaml(g: Generated): string {
  const f = structuredClone(exampleFacts) as { company: { name: string }; entities: { name: string }[]; purposes: { retention: { period: string; from?: string }; legal_basis: Record<string, string> }[]; children: { minimum_age: number }; rights_requests: { response_days: number }; storage?: { regions: string[] }[] };
  const t = g.tweaks;
  f.company.name = t.company;
  f.entities[0]!.name = t.entityName;
  const p = f.purposes[0]!;
  p.retention = t.period === 'none' ? { period: 'none' } : { ...p.retention, period: t.period };
  p.legal_basis.default = t.basis;
  f.children.minimum_age = t.minimumAge;
  f.rights_requests.response_days = t.responseDays;
  const ids = new Set(g.regions.map((r) => r.id));
  if (f.storage) f.storage = f.storage.filter((s) => s.regions.every((r) => ids.has(r)));
  return stringify(f);
}

function load(g: Generated, regionsYaml = stringify({ regions: g.regions })) {
  const files: Record<string, string> = { 'policy/privacy.md': g.md, 'policy/privacy.facts.yaml': factsYaml(g), 'policy/regions.yaml': regionsYaml };
  return loadProject(gen, { readFile: (rel) => files[rel] });
}

function render(g: Generated, regionsYaml?: string): Map<string, string> {
  const site = renderSite(load(g, regionsYaml), { extras: true });
  return new Map([...site.files].map(([k, v]) => [k, typeof v === 'string' ? v : `reuse ${v.reuse}`]));
}


describe('rendering generated valid projects', () => {
  it('never throws, renders every page, and lets no markup or script from the text through', () => {
    fc.assert(
      fc.property(project, (g) => {
        const files = render(g);
        for (const r of g.regions) {
          for (const lng of r.locales) {
            const dir = `${r.id}/${lng.toLowerCase()}/`;
            const md = files.get(`${dir}index.md`);
            const html = files.get(`${dir}index.html`);
            expect(md, dir).toBeTruthy();
            expect(html, dir).toMatch(/^<!DOCTYPE html>/);
            // no text of the policy becomes live markup on a notice page
            expect(html).not.toMatch(/<script/i);
            expect(html).not.toMatch(/javascript:/i);
            expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
            expect(html).not.toMatch(/<b>x<\/b>|<b>Bold<\/b>/);
            // every placeholder of the text is filled
            expect(md!.replace(/```[\s\S]*?```/g, '')).not.toMatch(/\{\{\s*(controller|company|contacts|rights|authority|children|notice|region)\.[a-z_.]+\s*\}\}/);
          }
        }
      }),
      { numRuns: 6, seed: SEED, endOnFailure: true },
    );
  });

  it('is deterministic: rendering twice, or with the regions listed in another order, gives the same bytes', () => {
    fc.assert(
      fc.property(project, fc.integer(), (g, shuffleSeed) => {
        const a = render(g);
        const b = render(g);
        expect([...b.keys()]).toEqual([...a.keys()]);
        for (const [k, v] of a) expect(b.get(k), k).toBe(v);
        const shuffled = [...g.regions].sort((x, y) => ((x.id.charCodeAt(0) * 31 + x.id.charCodeAt(1) + shuffleSeed) % 17) - ((y.id.charCodeAt(0) * 31 + y.id.charCodeAt(1) + shuffleSeed) % 17) || (x.id < y.id ? 1 : -1));
        const c = render(g, stringify({ regions: shuffled }));
        expect(new Set(c.keys())).toEqual(new Set(a.keys()));
        for (const [k, v] of a) expect(c.get(k), `${k} with the regions in another order`).toBe(v);
      }),
      { numRuns: 2, seed: SEED + 1, endOnFailure: true },
    );
  });
});

const doc = (md: string) => parseMaster(md, 'policy/privacy.md');
const mastersOnly = master(['de', 'fr', 'us', 'cn', 'gb']);

describe('diff and classification', () => {
  it('diff(a, a) reports nothing, with and without unit ids', () => {
    fc.assert(
      fc.property(mastersOnly, (md) => {
        for (const [a, b] of [[doc(md), doc(md)], withIds(md, md)]) {
          const d = diffDocuments(a!, b!);
          expect(d.units.filter((u) => u.kind !== 'equal')).toEqual([]);
          expect(d.sections.filter((s) => s.kind !== 'equal')).toEqual([]);
          const r = classificationReport(d);
          expect(r.severity).toBe('none');
          expect(r.changes).toEqual([]);
        }
      }),
      { numRuns: 40, seed: SEED + 2 },
    );
  });

  /** An edit of one paragraph: a sentence added, removed or replaced, or a word swapped. */
  const edited = mastersOnly.chain((md) => {
    const paras = md.split('\n\n').map((p, i) => ({ p, i })).filter(({ p }) => /^[A-Z]/.test(p) && !p.includes('\n'));
    return fc.tuple(fc.constant(md), fc.constantFrom(...(paras.length ? paras : [{ p: '', i: -1 }])), fc.constantFrom('add', 'drop', 'replace', 'word'), sentence, paragraph);
  }).map(([md, { p, i }, how, s, para]) => {
    if (i < 0) return { a: md, b: `${md}\n${para}\n` };
    const parts = md.split('\n\n');
    const sentences = p.split(/(?<=\.) /);
    let q = p;
    if (how === 'add') q = `${p} ${s}`;
    else if (how === 'drop' && sentences.length > 1) q = sentences.slice(1).join(' ');
    else if (how === 'replace') q = para;
    else q = p.replace(/\b(data|never|only|may|always|share|keep)\b/, (w) => ({ data: 'information', never: 'sometimes', only: 'also', may: 'will', always: 'never', share: 'sell', keep: 'delete' })[w] ?? w);
    parts[i] = q;
    return { a: md, b: parts.join('\n\n') };
  });

  it('a change and its reversal classify with the same severity', () => {
    fc.assert(
      fc.property(edited, ({ a, b }) => {
        const forward = classificationReport(diffDocuments(doc(a), doc(b)));
        const back = classificationReport(diffDocuments(doc(b), doc(a)));
        expect(back.severity, `forward: ${JSON.stringify(forward.changes.map((c) => [c.rule, c.severity]))}, back: ${JSON.stringify(back.changes.map((c) => [c.rule, c.severity]))}`).toBe(forward.severity);
        expect(back.changes.length).toBe(forward.changes.length);
      }),
      { numRuns: 60, seed: SEED + 3 },
    );
  });
});

function withIds(a: string, b: string): [MasterDocument, MasterDocument] {
  const da = doc(a);
  const la = assignUnitIds(da, undefined, 'l.json');
  const db = doc(b);
  assignUnitIds(db, la.serialize(), 'l.json');
  return [da, db];
}

describe('unit-id invariants of assignUnitIds', () => {
  const history = fc.array(mastersOnly, { minLength: 2, maxLength: 4 });

  it('every unit gets an id, ids are unique, `next` only grows, new ids are never old ones, and re-running is a no-op', () => {
    fc.assert(
      fc.property(history, (versions) => {
        let lockText: string | undefined;
        let next = 1;
        const everIssued = new Set<string>();
        for (const md of versions) {
          const m = doc(md);
          const before = parseUnitLock(lockText, 'l.json');
          const lock = assignUnitIds(m, lockText, 'l.json');
          const ids = m.units.map((u) => u.id);
          expect(ids.every((id) => /^u\d{4,}$/.test(id)), 'every unit has an id').toBe(true);
          expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
          expect(lock.data.next, '`next` only grows').toBeGreaterThanOrEqual(next);
          for (const id of ids) {
            const n = Number(id.slice(1));
            expect(n, `${id} is below next`).toBeLessThan(lock.data.next);
            // an id not in the previous lock is a new one: at or above its `next`, never a deleted unit's
            if (!before.units[id]) {
              expect(n, `${id} is new`).toBeGreaterThanOrEqual(before.next);
              expect(everIssued.has(id), `${id} was issued before and deleted`).toBe(false);
            }
          }
          expect(Object.keys(lock.data.units).sort()).toEqual([...ids].sort());
          ids.forEach((id) => everIssued.add(id));
          // the same text against its own lock: nothing changes
          const again = doc(md);
          const same = assignUnitIds(again, lock.serialize(), 'l.json');
          expect(again.units.map((u) => u.id)).toEqual(ids);
          expect(same.changed).toBe(false);
          expect(same.added).toBe(0);
          expect(same.serialize()).toBe(lock.serialize());
          lockText = lock.serialize();
          next = lock.data.next;
        }
      }),
      { numRuns: 40, seed: SEED + 4 },
    );
  });
});
