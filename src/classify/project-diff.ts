import { diffDocuments } from '../diff/diff-documents.js';
import { diffFacts, diffRegions, type FactChange } from '../diff/facts-diff.js';
import type { DocumentDiff, UnitPair } from '../diff/types.js';
import type { JurisdictionRegistry } from '../jurisdictions/index.js';
import type { LocaleSet } from '../i18n/locales.js';
import { flatten } from '../i18n/locales.js';
import type { ConditionalBlock, MasterDocument } from '../model/document.js';
import type { Facts, Region } from '../model/schema.js';
import { changesOf, classifyChange } from './classify.js';
import { classifyFactChange, factsSections, SHOW } from './classify-facts.js';
import { withTextMemo } from './lexicon.js';
import { buildImpact, conditionsOf, type Conditions, describeConditions, regionsForScope, regionsShowing, type Impact, type ReachingChange, type RegionContext, type StaleUnit } from './impact.js';
import { maxSeverity, type Severity } from './severity.js';
import type { ClassificationReport, ClassifiedChange } from './types.js';

/** The parts of a loaded project a diff reads (a `Project` from `loadProject` has them all). */
export interface ProjectVersion {
  master: MasterDocument;
  facts: Facts;
  regions: Region[];
  jurisdictions: JurisdictionRegistry;
  locales: LocaleSet;
}

/** A classification report with the region × language impact: the JSON contract of a project diff. */
export interface ProjectReport extends ClassificationReport {
  impact: Impact;
}

export interface ProjectDiff {
  diff: DocumentDiff;
  facts: FactChange[];
  report: ProjectReport;
  /** The unit pair behind each of `report.changes` (same index); undefined for facts changes. */
  pairs: (UnitPair | undefined)[];
}

/** Areas whose facts only reach a notice through their `::facts{show=…}` block. */
const BLOCK_BOUND = new Set<string>(['data-category', 'source', 'purpose', 'recipient', 'transfer', 'cookie', 'right', 'rights-requests', 'children', 'security', 'storage']);

/** The regions of both versions (the newer definition of a region wins), with what conditions match. */
export function regionContexts(oldP: ProjectVersion, newP: ProjectVersion): RegionContext[] {
  const byId = new Map<string, Region>();
  for (const r of oldP.regions) byId.set(r.id, r);
  for (const r of newP.regions) byId.set(r.id, r);
  return [...byId.values()].map((r) => {
    let ids: string[];
    try {
      const j = newP.jurisdictions.compose(r.jurisdictions);
      ids = [...j.ids, ...j.lawIds];
    } catch {
      // A jurisdiction today's packs no longer know (an old version): match its ids as written.
      ids = [...r.jurisdictions];
    }
    return { id: r.id, name: r.name, locales: r.locales, matchIds: new Set(ids), basisOrder: [...new Set(ids), 'default'], entity: r.entity };
  });
}

/**
 * Diffs two versions of a policy project: the master text (aligned by unit id, word-level), the
 * facts and regions; classifies every change; and works out which regional notices each change
 * reaches after `:::only`/`:::except` resolution and where facts apply, each region's severity,
 * and which translations the change makes stale.
 */
export function diffProjects(oldP: ProjectVersion, newP: ProjectVersion): ProjectDiff {
  return withTextMemo(() => {
    const diff = diffDocuments(oldP.master, newP.master, { locale: 'en' });
    const regions = regionContexts(oldP, newP);
    const oldCond = conditionsOf(oldP.master);
    const newCond = conditionsOf(newP.master);
    const showOld = (u: UnitPair['old']) => (u ? regionsShowing(oldCond.units.get(u), regions) : []);
    const showNew = (u: UnitPair['new']) => (u ? regionsShowing(newCond.units.get(u), regions) : []);

    const changes: ClassifiedChange[] = [];
    const pairs: (UnitPair | undefined)[] = [];
    const reaching: ReachingChange[] = [];
    const push = (c: ClassifiedChange, regionIds: string[], staleUnits?: StaleUnit[], pair?: UnitPair): void => {
      c.regions = regionIds;
      changes.push(c);
      pairs.push(pair);
      reaching.push({ severity: c.severity, regions: regionIds, ...(staleUnits ? { staleUnits } : {}) });
    };

    // Text changes, and text whose scope (the regions that show it) changed.
    const textChanges = new Map(changesOf(diff).map((c) => [c.pair, c]));
    for (const p of diff.units) {
      const oldIn = showOld(p.old);
      const newIn = showNew(p.new);
      const both = oldIn.filter((id) => newIn.includes(id));
      const change = textChanges.get(p);
      if (change) {
        const c = classifyChange(change);
        const reach = p.kind === 'added' ? newIn : p.kind === 'removed' ? oldIn : both;
        push(c, reach, staleTranslations(p, c.severity, oldP, newP, regions, [...new Set([...oldIn, ...newIn])]), p);
      }
      if (p.old && p.new) {
        const gained = newIn.filter((id) => !oldIn.includes(id));
        const lost = oldIn.filter((id) => !newIn.includes(id));
        const was = describeConditions(oldCond.units.get(p.old));
        const now = describeConditions(newCond.units.get(p.new));
        if (gained.length) push(scopeChange(p, 'added', gained, was, now), gained, undefined, p);
        if (lost.length) push(scopeChange(p, 'removed', lost, was, now), lost, undefined, p);
      }
    }

    // Facts and regions.
    const en = flatten((newP.locales.ui.get('en') ?? {}) as Record<string, unknown>);
    const enOld = flatten((oldP.locales.ui.get('en') ?? {}) as Record<string, unknown>);
    const label = (k: string) => en.get(k) ?? enOld.get(k);
    const facts = [...diffFacts(oldP.facts, newP.facts, { label }), ...diffRegions(oldP.regions, newP.regions), ...blockChanges(oldCond, newCond, regions)];
    const sectionOf = factsSections(newP.master, oldP.master);
    const entityOf = (id: string) => [oldP.regions.find((r) => r.id === id)?.entity, newP.regions.find((r) => r.id === id)?.entity].filter((x): x is string => !!x);
    for (const f of facts) {
      let reach = regionsForScope(f.scope, regions, entityOf);
      const show = f.area === 'purpose' && f.field === 'retention' ? 'retention' : SHOW[f.area];
      if (show && BLOCK_BOUND.has(f.area)) {
        const chains = [...(oldCond.facts.get(show) ?? []), ...(newCond.facts.get(show) ?? [])];
        if (chains.length) {
          const shown = new Set(chains.flatMap((ch) => regionsShowing(ch, regions)));
          reach = reach.filter((id) => shown.has(id));
        }
      }
      push(classifyFactChange(f, sectionOf(f)), reach);
    }

    const summary = { material: 0, minor: 0, editorial: 0 };
    for (const c of changes) if (c.severity !== 'none') summary[c.severity]++;
    const severity: Severity = maxSeverity(...changes.map((c) => c.severity));
    const report: ProjectReport = { schemaVersion: 1, severity, summary, changes, impact: buildImpact(reaching, regions) };
    return { diff, facts, report, pairs };
  });
}

/** `::facts{show=…}` blocks added to or removed from some regions' notices (the master text around them may be unchanged). */
function blockChanges(oldCond: Conditions, newCond: Conditions, regions: readonly RegionContext[]): FactChange[] {
  const out: FactChange[] = [];
  const shownBy = (chains: ConditionalBlock[][] | undefined) => new Set((chains ?? []).flatMap((ch) => regionsShowing(ch, regions)));
  for (const show of [...new Set([...oldCond.facts.keys(), ...newCond.facts.keys()])].sort()) {
    const before = shownBy(oldCond.facts.get(show));
    const after = shownBy(newCond.facts.get(show));
    const gained = [...after].filter((id) => !before.has(id));
    const lost = [...before].filter((id) => !after.has(id));
    const path = `::facts{show="${show}"}`;
    if (gained.length) out.push({ area: 'block', kind: 'added', id: show, label: show, path, before: null, after: path, scope: { regions: gained } });
    if (lost.length) out.push({ area: 'block', kind: 'removed', id: show, label: show, path, before: path, after: null, scope: { regions: lost } });
  }
  return out;
}

/** A unit shown to more (or fewer) regions than before, classified as text added to (removed from) their notices. */
function scopeChange(p: UnitPair, kind: 'added' | 'removed', regionIds: string[], was: string, now: string): ClassifiedChange {
  const text = (kind === 'added' ? p.new : p.old)!.text;
  const c = classifyChange({ kind, pair: { ...p, kind }, before: kind === 'removed' ? text : null, after: kind === 'added' ? text : null, section: p.section });
  const where = regionIds.length > 6 ? `${regionIds.slice(0, 6).join(', ')} and ${regionIds.length - 6} more` : regionIds.join(', ');
  return {
    ...c,
    source: 'scope',
    reason: `${kind === 'added' ? 'now shown' : 'no longer shown'} in ${where} (was ${was}, now ${now}); as text ${kind} there: ${c.reason}`,
  };
}

/** Translations made from the old text of a changed or removed unit (their source hash is the old hash). */
function staleTranslations(p: UnitPair, severity: Severity, _oldP: ProjectVersion, newP: ProjectVersion, regions: readonly RegionContext[], shownIn: string[]): StaleUnit[] | undefined {
  const old = p.old;
  if (!old?.id || (p.new && p.new.hash === old.hash)) return undefined;
  const kind = p.kind === 'removed' ? 'removed' : p.kind === 'moved' ? 'moved' : 'changed';
  const out: StaleUnit[] = [];
  for (const [locale, res] of newP.locales.privacy) {
    const entry = (res.units as Record<string, { source?: string }> | undefined)?.[old.id];
    if (!entry || entry.source !== old.hash) continue;
    const regionIds = regions.filter((r) => r.locales.includes(locale) && shownIn.includes(r.id)).map((r) => r.id);
    out.push({ unit: old.id, locale, kind, severity, section: p.section.id, regions: regionIds });
  }
  return out.length ? out : undefined;
}
