import type { Facts, Region } from '../model/schema.js';

/** Which part of the facts (or of regions.yaml) a change is in. */
export type FactArea =
  | 'company'
  | 'entity'
  | 'data-category'
  | 'source'
  | 'purpose'
  | 'recipient'
  | 'transfer'
  | 'cookie'
  | 'right'
  | 'rights-requests'
  | 'children'
  | 'security'
  | 'storage'
  | 'contact'
  | 'region'
  /** A `::facts{show=…}` block of the master shown to more or fewer regions. */
  | 'block';

/**
 * Where a fact applies, so the impact step can tell which regional notices it reaches:
 * everywhere; regions whose jurisdictions (with parents and law ids) match; named regions;
 * regions whose controller is an entity; or regions whose effective legal basis differs
 * between two `legal_basis` maps.
 */
export type FactScope =
  | { all: true }
  | { jurisdictions: string[] }
  | { regions: string[] }
  | { entity: string }
  | { legalBasis: { before: Record<string, string>; after: Record<string, string> } };

export interface FactChange {
  area: FactArea;
  kind: 'added' | 'removed' | 'changed';
  /** Id of the item (recipient id, purpose id, …); the key for single objects (`privacy`, `children`). */
  id: string;
  /** Readable name of the item: a recipient's name, a purpose's English label, else the id. */
  label: string;
  /** The field that changed, for `changed` (`countries`, `legal_basis.cn`, `retention`, …). */
  field?: string;
  /** Where it is in the file: `recipients.cloud_hosting.countries`. */
  path: string;
  /** The whole item (added/removed) or the field's value (changed); null on the side it is missing. */
  before: unknown;
  after: unknown;
  /** For list fields: the entries gained and lost. */
  gained?: string[];
  lost?: string[];
  scope: FactScope;
}

export interface FactsDiffOptions {
  /** English labels (`purposes.marketing.label` → "Marketing") for readable reasons. */
  label?: (key: string) => string | undefined;
}

const ALL: FactScope = { all: true };

/** Canonical JSON (sorted keys) for deep comparison. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function listDelta(a: unknown, b: unknown): { gained: string[]; lost: string[] } | undefined {
  if (!Array.isArray(a) && !Array.isArray(b)) return undefined;
  const x = (Array.isArray(a) ? a : []).map((v) => (typeof v === 'string' ? v : canonical(v)));
  const y = (Array.isArray(b) ? b : []).map((v) => (typeof v === 'string' ? v : canonical(v)));
  const sx = new Set(x);
  const sy = new Set(y);
  return { gained: y.filter((v) => !sx.has(v)), lost: x.filter((v) => !sy.has(v)) };
}

interface Item {
  id: string;
  [k: string]: unknown;
}

/**
 * The structured differences between two versions of the facts (and, when given, of the
 * regions): items added and removed by id, and each changed field of the items kept, with the
 * values before and after, the list entries gained and lost, and where the fact applies.
 */
export function diffFacts(oldFacts: Facts, newFacts: Facts, opts: FactsDiffOptions = {}): FactChange[] {
  const lbl = (key: string, fallback: string): string => opts.label?.(key) ?? fallback;
  const out: FactChange[] = [];

  const items = <T extends Item>(
    area: FactArea,
    key: string,
    a: readonly T[] | undefined,
    b: readonly T[] | undefined,
    label: (it: T) => string,
    scope: (before: T | undefined, after: T | undefined, field?: string) => FactScope,
  ): void => {
    const oldById = new Map((a ?? []).map((x) => [x.id, x]));
    const newById = new Map((b ?? []).map((x) => [x.id, x]));
    for (const [id, o] of oldById) {
      if (!newById.has(id)) out.push({ area, kind: 'removed', id, label: label(o), path: `${key}.${id}`, before: o, after: null, scope: scope(o, undefined) });
    }
    for (const [id, n] of newById) {
      const o = oldById.get(id);
      if (!o) {
        out.push({ area, kind: 'added', id, label: label(n), path: `${key}.${id}`, before: null, after: n, scope: scope(undefined, n) });
        continue;
      }
      fields(area, id, label(n), `${key}.${id}`, o, n, (field) => scope(o, n, field));
    }
  };

  const fields = (area: FactArea, id: string, label: string, path: string, o: Record<string, unknown>, n: Record<string, unknown>, scope: (field: string) => FactScope): void => {
    const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].filter((k) => k !== 'id');
    for (const k of keys) {
      const before = o[k];
      const after = n[k];
      if (same(before, after)) continue;
      if (k === 'legal_basis' && area === 'purpose') {
        // One change per jurisdiction key, so each reason names the law it concerns.
        const lb = (before ?? {}) as Record<string, string>;
        const la = (after ?? {}) as Record<string, string>;
        for (const j of [...new Set([...Object.keys(lb), ...Object.keys(la)])].sort()) {
          if (lb[j] === la[j]) continue;
          out.push({ area, kind: 'changed', id, label, field: `legal_basis.${j}`, path: `${path}.legal_basis.${j}`, before: lb[j] ?? null, after: la[j] ?? null, scope: { legalBasis: { before: lb, after: la } } });
        }
        continue;
      }
      const c: FactChange = { area, kind: 'changed', id, label, field: k, path: `${path}.${k}`, before: before ?? null, after: after ?? null, scope: scope(k) };
      const d = listDelta(before, after);
      if (d) {
        c.gained = d.gained;
        c.lost = d.lost;
      }
      out.push(c);
    }
  };

  // Company and controller entities.
  fields('company', 'company', 'company', 'company', oldFacts.company, newFacts.company, () => ALL);
  items('entity', 'entities', oldFacts.entities, newFacts.entities, (e) => e.name, (o, n) => ({ entity: (n ?? o)!.id }));

  items('data-category', 'data_categories', oldFacts.data_categories, newFacts.data_categories, (c) => lbl(`data_categories.${c.id}.label`, c.id), () => ALL);
  items('source', 'sources', oldFacts.sources, newFacts.sources, (s) => lbl(`sources.${s.id}`, s.id), () => ALL);
  items('purpose', 'purposes', oldFacts.purposes, newFacts.purposes, (p) => lbl(`purposes.${p.id}.label`, p.id), () => ALL);
  items('recipient', 'recipients', oldFacts.recipients, newFacts.recipients, (r) => r.name ?? lbl(`recipients.${r.id}.label`, r.id), () => ALL);
  items('transfer', 'transfers', oldFacts.transfers, newFacts.transfers, (t) => t.id, (o, n) => ({ jurisdictions: [...new Set([...(o?.from ?? []), ...(n?.from ?? [])])] }));
  items('cookie', 'cookies', oldFacts.cookies, newFacts.cookies, (c) => lbl(`cookies.${c.id}.label`, c.id), () => ALL);
  items('right', 'rights', oldFacts.rights, newFacts.rights, (r) => lbl(`rights.${r.id}.label`, r.id), (o, n) => ({ jurisdictions: [...new Set([...(o?.jurisdictions ?? []), ...(n?.jurisdictions ?? [])])] }));
  fields('rights-requests', 'rights_requests', 'rights requests', 'rights_requests', oldFacts.rights_requests, newFacts.rights_requests, () => ALL);
  fields('children', 'children', 'children', 'children', oldFacts.children, newFacts.children, () => ALL);

  const sec = listDelta(oldFacts.security_measures, newFacts.security_measures)!;
  for (const id of sec.gained) out.push({ area: 'security', kind: 'added', id, label: lbl(`security_measures.${id}`, id), path: `security_measures.${id}`, before: null, after: id, scope: ALL });
  for (const id of sec.lost) out.push({ area: 'security', kind: 'removed', id, label: lbl(`security_measures.${id}`, id), path: `security_measures.${id}`, before: id, after: null, scope: ALL });

  // Storage entries have no id: key them by the regions they cover.
  const storageItems = (s: Facts['storage']): Item[] => (s ?? []).map((x) => ({ ...x, id: [...x.regions].sort().join('+') }));
  items('storage', 'storage', storageItems(oldFacts.storage), storageItems(newFacts.storage), (s) => `storage for ${s.id.replace(/\+/g, ', ')}`, (o, n) => ({ regions: [...new Set([...((o?.regions as string[]) ?? []), ...((n?.regions as string[]) ?? [])])] }));

  // Contacts: the privacy contact, the DPO, officers and representatives.
  const oc = oldFacts.contacts;
  const nc = newFacts.contacts;
  fields('contact', 'privacy', 'privacy contact', 'contacts.privacy', oc.privacy, nc.privacy, () => ALL);
  const dpoScope = (): FactScope => {
    const j = [...new Set([...(oc.dpo?.jurisdictions ?? []), ...(nc.dpo?.jurisdictions ?? [])])];
    return j.length && !j.includes('all') ? { jurisdictions: j } : ALL;
  };
  if (oc.dpo && !nc.dpo) out.push({ area: 'contact', kind: 'removed', id: 'dpo', label: 'data protection officer', path: 'contacts.dpo', before: oc.dpo, after: null, scope: dpoScope() });
  else if (!oc.dpo && nc.dpo) out.push({ area: 'contact', kind: 'added', id: 'dpo', label: 'data protection officer', path: 'contacts.dpo', before: null, after: nc.dpo, scope: dpoScope() });
  else if (oc.dpo && nc.dpo) fields('contact', 'dpo', 'data protection officer', 'contacts.dpo', oc.dpo, nc.dpo, dpoScope);
  const keyed = <T extends { jurisdiction: string; role?: string }>(list: T[] | undefined): Item[] => (list ?? []).map((x) => ({ ...x, id: x.role ? `${x.jurisdiction}:${x.role}` : x.jurisdiction }));
  const byJurisdiction = (o: Item | undefined, n: Item | undefined): FactScope => ({ jurisdictions: [...new Set([o?.jurisdiction as string, n?.jurisdiction as string].filter(Boolean))] });
  items('contact', 'contacts.officers', keyed(oc.officers), keyed(nc.officers), (x) => `officer ${x.id}`, byJurisdiction);
  items('contact', 'contacts.representatives', keyed(oc.representatives), keyed(nc.representatives), (x) => `representative for ${x.id}`, byJurisdiction);
  return out;
}

/** Differences between two versions of regions.yaml, as fact changes of area `region`. */
export function diffRegions(oldRegions: readonly Region[], newRegions: readonly Region[]): FactChange[] {
  const out: FactChange[] = [];
  const oldById = new Map(oldRegions.map((r) => [r.id, r]));
  const newById = new Map(newRegions.map((r) => [r.id, r]));
  for (const [id, o] of oldById) if (!newById.has(id)) out.push({ area: 'region', kind: 'removed', id, label: o.name, path: `regions.${id}`, before: o, after: null, scope: { regions: [id] } });
  for (const [id, n] of newById) {
    const o = oldById.get(id);
    if (!o) {
      out.push({ area: 'region', kind: 'added', id, label: n.name, path: `regions.${id}`, before: null, after: n, scope: { regions: [id] } });
      continue;
    }
    for (const k of ['name', 'local_name', 'continent', 'locales', 'jurisdictions', 'entity'] as const) {
      if (same(o[k], n[k])) continue;
      const c: FactChange = { area: 'region', kind: 'changed', id, label: n.name, field: k, path: `regions.${id}.${k}`, before: o[k] ?? null, after: n[k] ?? null, scope: { regions: [id] } };
      const d = listDelta(o[k], n[k]);
      if (d) {
        c.gained = d.gained;
        c.lost = d.lost;
      }
      out.push(c);
    }
  }
  return out;
}

/**
 * Length of an ISO 8601 duration in days, a month being a twelfth of a year, so `P12M` equals
 * `P1Y`; `none` and `session` are 0; undefined for anything else.
 */
export function durationDays(period: unknown): number | undefined {
  if (period === 'none' || period === 'session') return 0;
  if (typeof period !== 'string') return undefined;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period);
  if (!m || period === 'P') return undefined;
  const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
  return months * (365.25 / 12) + Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
}
