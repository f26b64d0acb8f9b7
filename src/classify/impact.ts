import type { FactScope } from '../diff/facts-diff.js';
import type { Block, ConditionalBlock, MasterDocument, Unit } from '../model/document.js';
import { maxSeverity, type Severity } from './severity.js';

/** What the impact step needs to know about a region. */
export interface RegionContext {
  id: string;
  name: string;
  locales: string[];
  /** Jurisdiction ids with parents, then law ids: what `:::only{jurisdictions=…}` matches. */
  matchIds: Set<string>;
  /** Keys tried for a purpose's legal basis, most specific first, ending with `default`. */
  basisOrder: string[];
  entity: string;
}

/** The conditional blocks (`:::only` / `:::except`) around each unit and each `::facts` block of a document. */
export interface Conditions {
  units: Map<Unit, ConditionalBlock[]>;
  /** `show` → the condition chains of every `::facts{show=…}` block. */
  facts: Map<string, ConditionalBlock[][]>;
}

export function conditionsOf(doc: MasterDocument): Conditions {
  const units = new Map<Unit, ConditionalBlock[]>();
  const facts = new Map<string, ConditionalBlock[][]>();
  const visit = (blocks: Block[], chain: ConditionalBlock[]): void => {
    for (const b of blocks) {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          if (chain.length) units.set(b.unit, chain);
          break;
        case 'table':
          if (chain.length) for (const u of [...b.header, ...b.rows.flat()]) units.set(u, chain);
          break;
        case 'list':
          for (const item of b.items) visit(item, chain);
          break;
        case 'blockquote':
          visit(b.blocks, chain);
          break;
        case 'conditional':
          visit(b.blocks, [...chain, b]);
          break;
        case 'facts': {
          const list = facts.get(b.show) ?? [];
          list.push(chain);
          facts.set(b.show, list);
          break;
        }
        default:
          break;
      }
    }
  };
  visit(doc.blocks, []);
  return { units, facts };
}

/** True when content under these conditions is in the region's notice (as `resolveBlocks` decides). */
export function visibleIn(chain: readonly ConditionalBlock[] | undefined, r: RegionContext): boolean {
  if (!chain) return true;
  for (const b of chain) {
    const hit = b.regions.includes(r.id) || b.jurisdictions.some((j) => r.matchIds.has(j));
    if (hit !== (b.mode === 'only')) return false;
  }
  return true;
}

/** Regions (ids) whose notice shows content under these conditions. */
export function regionsShowing(chain: readonly ConditionalBlock[] | undefined, regions: readonly RegionContext[]): string[] {
  return regions.filter((r) => visibleIn(chain, r)).map((r) => r.id);
}

/** A short description of a condition chain: `:::only{jurisdictions="eu gb"}`. */
export function describeConditions(chain: readonly ConditionalBlock[] | undefined): string {
  if (!chain?.length) return 'every region';
  return chain
    .map((b) => {
      const attrs = [b.jurisdictions.length ? `jurisdictions="${b.jurisdictions.join(' ')}"` : '', b.regions.length ? `regions="${b.regions.join(' ')}"` : ''].filter(Boolean).join(' ');
      return `:::${b.mode}{${attrs}}`;
    })
    .join(' > ');
}

const appliesTo = (list: readonly string[], r: RegionContext): boolean => list.includes('all') || list.some((j) => r.matchIds.has(j));

/** The legal basis a region gets from a `legal_basis` map (first key of its order that is present). */
export function effectiveBasis(map: Record<string, string>, r: RegionContext): string | undefined {
  for (const k of r.basisOrder) if (map[k] !== undefined) return map[k];
  return undefined;
}

/** Regions (ids) a facts change reaches, from where the fact applies. */
export function regionsForScope(scope: FactScope, regions: readonly RegionContext[], entityOf: (regionId: string) => string[] = (id) => [regions.find((r) => r.id === id)?.entity ?? '']): string[] {
  if ('all' in scope) return regions.map((r) => r.id);
  if ('jurisdictions' in scope) return regions.filter((r) => appliesTo(scope.jurisdictions, r)).map((r) => r.id);
  if ('regions' in scope) return [...scope.regions];
  if ('entity' in scope) return regions.filter((r) => entityOf(r.id).includes(scope.entity)).map((r) => r.id);
  const { before, after } = scope.legalBasis;
  return regions.filter((r) => effectiveBasis(before, r) !== effectiveBasis(after, r)).map((r) => r.id);
}

/** One change as the impact step sees it: its severity and the regions it reaches. */
export interface ReachingChange {
  severity: Severity;
  regions: readonly string[];
  /** For text changes: the ids of units whose translations the change makes stale. */
  staleUnits?: readonly StaleUnit[];
}

export interface StaleUnit {
  /** Stable unit id (policy/<doc>.units.json). */
  unit: string;
  /** The locale whose translation was made from the text that changed. */
  locale: string;
  kind: 'changed' | 'removed' | 'moved';
  severity: Severity;
  section: string;
  /** Regions using this locale where the unit is shown. */
  regions: string[];
}

export interface LocaleImpact {
  locale: string;
  /** Translated units of this locale made stale (changed or removed) and shown in this region. */
  staleTranslations: number;
}

export interface RegionImpact {
  id: string;
  name: string;
  /** Highest severity of the changes that reach the region's notice (`none` when nothing changes). */
  severity: Severity;
  /** Number of changes that reach it. */
  changes: number;
  summary: { material: number; minor: number; editorial: number };
  locales: LocaleImpact[];
}

export interface TranslationImpact {
  locale: string;
  stale: StaleUnit[];
}

/** The region × language matrix of a project diff. */
export interface Impact {
  regions: RegionImpact[];
  translations: TranslationImpact[];
}

/** Builds the matrix: each region's severity (highest of the changes reaching it), and stale translations per locale. */
export function buildImpact(changes: readonly ReachingChange[], regions: readonly RegionContext[]): Impact {
  const rows = new Map<string, RegionImpact>();
  for (const r of regions) {
    rows.set(r.id, { id: r.id, name: r.name, severity: 'none', changes: 0, summary: { material: 0, minor: 0, editorial: 0 }, locales: r.locales.map((locale) => ({ locale, staleTranslations: 0 })) });
  }
  const stale = new Map<string, StaleUnit[]>();
  for (const c of changes) {
    for (const id of c.regions) {
      const row = rows.get(id);
      if (!row) continue;
      row.changes++;
      row.severity = maxSeverity(row.severity, c.severity);
      if (c.severity !== 'none') row.summary[c.severity]++;
    }
    for (const s of c.staleUnits ?? []) {
      const list = stale.get(s.locale) ?? [];
      list.push(s);
      stale.set(s.locale, list);
      for (const id of s.regions) {
        const cell = rows.get(id)?.locales.find((l) => l.locale === s.locale);
        if (cell) cell.staleTranslations++;
      }
    }
  }
  return {
    regions: [...rows.values()],
    translations: [...stale.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([locale, list]) => ({ locale, stale: list })),
  };
}
