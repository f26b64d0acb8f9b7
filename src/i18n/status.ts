import type { Project } from '../parse/project.js';
import { walkUnits, type Unit } from '../model/document.js';
import { resolveRegions, type ResolvedRegion } from '../resolve/resolve.js';
import { translationFor, type Lookup } from './translations.js';

export const UNIT_STATES = ['final', 'reviewed', 'translated', 'needs-review', 'stale', 'missing'] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export interface UnitStatus {
  id: string;
  section: string;
  state: UnitState;
  /** For needs-review and stale: the rule and reason of the English change. */
  rule?: string;
  reason?: string;
  lookup: Lookup;
  unit: Unit;
}

export interface LocaleStatus {
  locale: string;
  /** Units read in this language: those in the notices of the regions that use it. */
  total: number;
  counts: Record<UnitState, number>;
  percent: Record<UnitState, number>;
  regions: string[];
  /** Regions that cannot publish in this language: a unit they show changed materially since it was translated. */
  blockedRegions: string[];
  units: UnitStatus[];
}

export function stateOf(l: Lookup): UnitState {
  if (l.state === 'current') return l.entry.state;
  return l.state;
}

/** Per language: how many units are final, reviewed, translated, need review, are stale or missing. */
export function translationStatus(project: Project, opts: { locales?: string[]; regions?: ResolvedRegion[] } = {}): LocaleStatus[] {
  const regions = opts.regions ?? resolveRegions(project);
  const byLocale = new Map<string, ResolvedRegion[]>();
  for (const r of regions) {
    for (const lng of r.region.locales) {
      if (lng.split('-')[0] === 'en') continue;
      if (opts.locales && !opts.locales.includes(lng)) continue;
      byLocale.set(lng, [...(byLocale.get(lng) ?? []), r]);
    }
  }
  const out: LocaleStatus[] = [];
  for (const [locale, rs] of [...byLocale].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const unitsOfRegion = new Map(rs.map((r) => [r.region.id, new Set([...walkUnits(r.blocks)].map((u) => u.id))]));
    const relevant = new Set<string>();
    for (const ids of unitsOfRegion.values()) for (const id of ids) relevant.add(id);
    const units: UnitStatus[] = [];
    for (const u of project.master.units) {
      if (!relevant.has(u.id)) continue;
      const lookup = translationFor(project.locales, locale, u, project.staleness);
      const st: UnitStatus = { id: u.id, section: u.section, state: stateOf(lookup), lookup, unit: u };
      if (lookup.state === 'needs-review' || lookup.state === 'stale') {
        st.rule = lookup.change.rule;
        st.reason = lookup.change.reason;
      }
      units.push(st);
    }
    const counts = Object.fromEntries(UNIT_STATES.map((s) => [s, 0])) as Record<UnitState, number>;
    for (const u of units) counts[u.state]++;
    const total = units.length;
    const percent = Object.fromEntries(UNIT_STATES.map((s) => [s, total ? Math.round((counts[s] / total) * 1000) / 10 : 0])) as Record<UnitState, number>;
    const stale = new Set(units.filter((u) => u.state === 'stale').map((u) => u.id));
    const blockedRegions = rs.filter((r) => [...unitsOfRegion.get(r.region.id)!].some((id) => stale.has(id))).map((r) => r.region.id);
    out.push({ locale, total, counts, percent, regions: rs.map((r) => r.region.id), blockedRegions, units });
  }
  return out;
}
