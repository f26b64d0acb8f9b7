/** Combines several jurisdiction packs for one region (e.g. ['ca','ca-qc'] or ['us','us-ca']). */
import type { ComposedJurisdiction, JurisdictionPack, NoticeElement, Requirement } from './types.js';

const REQ_RANK: Record<Requirement, number> = { required: 3, conditional: 2, on_request: 1, recommended: 0 };

export interface ComposeContext {
  get(id: string): JurisdictionPack | undefined;
  chain(id: string): string[];
  /** The pack a member state inherits from (`inherits:`), whose values it replaces rather than adds to. */
  inheritsFrom(id: string): string | undefined;
}

export function composePacks(given: string[], ctx: ComposeContext): ComposedJurisdiction {
  if (given.length === 0) throw new Error('compose: no jurisdiction ids given');
  const canonical = given.map((g) => {
    const p = ctx.get(g);
    if (!p) throw new Error(`compose: unknown jurisdiction id "${g}"`);
    return p.id;
  });

  // Every id with its parents, most specific first: depth-descending, ties by reverse given order.
  const seen: string[] = [];
  for (const g of [...canonical].reverse()) for (const c of ctx.chain(g)) if (!seen.includes(c)) seen.push(c);
  const depth = (id: string) => ctx.chain(id).length;
  const ids = seen.map((id, i) => ({ id, i })).sort((a, b) => depth(b.id) - depth(a.id) || a.i - b.i).map((x) => x.id);
  const packs = ids.map((id) => ctx.get(id)!);

  const isAncestorOf = (anc: string, of: string) => of !== anc && ctx.chain(of).includes(anc);
  const primaryId = [...canonical].reverse().find((g) => !canonical.some((o) => isAncestorOf(g, o)))!;
  const primary = ctx.get(primaryId)!;

  // Packs whose values a member state in the set already replaces (eu under de): inherits ancestors.
  const inheritedBy = (id: string): string[] => {
    const out: string[] = [];
    for (let p = ctx.inheritsFrom(id); p && !out.includes(p); p = ctx.inheritsFrom(p)) out.push(p);
    return out;
  };
  const covered = new Set(ids.flatMap(inheritedBy));
  const own = packs.filter((p) => !covered.has(p.id));

  const lawIds: string[] = [];
  for (const p of packs) for (const l of p.laws) if (!lawIds.includes(l.id)) lawIds.push(l.id);

  const authority = packs.find((p) => p.authority?.website)?.authority;

  const ages = own.map((p) => p.ageOfConsent.age).filter((a): a is number => a !== null);
  const ageOfConsent = ages.length ? Math.max(...ages) : null;

  const byId = new Map<string, NoticeElement>();
  for (const p of own) {
    for (const e of p.noticeElements) {
      const cur = byId.get(e.id);
      if (!cur || REQ_RANK[e.req] > REQ_RANK[cur.req]) byId.set(e.id, e);
    }
  }

  const periods = packs.map((p) => p.noticeChanges.noticePeriodDays).filter((d): d is number => d !== null);
  const noticePeriodDays = periods.length ? Math.max(...periods) : null;

  const loc = packs.map((p) => p.crossBorder.localization);
  const localization = loc.includes(true) ? true : loc.includes('partial') ? 'partial' : false;

  const languagesRequired: string[] = [];
  for (const p of packs) for (const l of p.languages.required) if (!languagesRequired.includes(l)) languagesRequired.push(l);

  const dpo = packs.map((p) => p.dpo?.required ?? false);
  const dpoRequired = dpo.includes(true) ? true : dpo.includes('conditional') ? 'conditional' : false;

  return {
    ids,
    lawIds,
    primary,
    ...(authority ? { authority } : {}),
    ageOfConsent,
    noticeElements: [...byId.values()],
    noticePeriodDays,
    localization,
    languagesRequired,
    dpoRequired,
  };
}
