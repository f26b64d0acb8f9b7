import type { Severity } from '../classify/severity.js';
import type { Facts } from '../model/schema.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { FACT_CHANGE_KINDS, type FactChange, type FactChangeKind } from './types.js';

/**
 * How much a change of each kind matters to the people the notice is for: a change that takes
 * something away from them or adds a use of their data is material; one that only narrows what we
 * do (a recipient removed, a shorter retention, a new right) is minor. A region is notified only for
 * material changes, but once notified, its notice lists the minor ones too.
 */
export const FACT_SEVERITY: Record<FactChangeKind, Severity> = {
  controller_changed: 'material',
  purpose_added: 'material',
  purpose_removed: 'minor',
  purpose_changed: 'material',
  legal_basis_changed: 'material',
  category_added: 'material',
  category_removed: 'minor',
  recipient_added: 'material',
  recipient_changed: 'material',
  recipient_removed: 'minor',
  transfer_added: 'material',
  transfer_removed: 'minor',
  retention_longer: 'material',
  retention_shorter: 'minor',
  right_added: 'minor',
  right_removed: 'material',
  children_changed: 'material',
  facts_changed: 'material',
};

/** Rough length of an ISO 8601 duration in days (`none` = 0), to tell longer from shorter. */
export function durationDays(iso: string): number {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!m) return 0;
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
}

const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));
const added = (before: readonly string[] | undefined, after: readonly string[] | undefined): string[] => (after ?? []).filter((x) => !(before ?? []).includes(x));

/**
 * The changes to the structured facts that reach one region, from the region as resolved in the
 * old and in the new version: purposes with this region's legal bases, the transfers from this
 * region, the rights that apply here, this region's controller. Recipients, data categories,
 * retention and children's settings are the same for every region.
 */
export function regionFactChanges(oldR: ResolvedRegion, newR: ResolvedRegion): FactChange[] {
  const out: FactChange[] = [];
  const push = (c: Omit<FactChange, 'severity'>) => out.push({ ...c, severity: FACT_SEVERITY[c.kind] });
  const oldF = oldR.facts;
  const newF = newR.facts;

  if (oldR.entity.id !== newR.entity.id || oldR.entity.name !== newR.entity.name) {
    push({ kind: 'controller_changed', id: newR.entity.id, before: oldR.entity.name, after: newR.entity.name });
  }

  const oldPurposes = new Map(oldR.purposes.map((p) => [p.purpose.id, p]));
  const newPurposes = new Map(newR.purposes.map((p) => [p.purpose.id, p]));
  const newCategoryIds = new Set(added(oldF.data_categories.map((c) => c.id), newF.data_categories.map((c) => c.id)));
  for (const [id, p] of newPurposes) {
    const o = oldPurposes.get(id);
    if (!o) {
      push({ kind: 'purpose_added', id, categories: [...p.purpose.data_categories], legalBasis: p.legalBasis, after: { ...p.purpose.retention } });
      continue;
    }
    const more = added(o.purpose.data_categories, p.purpose.data_categories).filter((c) => !newCategoryIds.has(c));
    if (more.length) push({ kind: 'purpose_changed', id, categories: more, legalBasis: p.legalBasis });
    if (o.legalBasis !== p.legalBasis) push({ kind: 'legal_basis_changed', id, before: o.legalBasis, after: p.legalBasis });
    const ro = o.purpose.retention;
    const rn = p.purpose.retention;
    if (ro.period !== rn.period || (ro.from ?? '') !== (rn.from ?? '')) {
      const dOld = ro.period === 'none' ? 0 : durationDays(ro.period);
      const dNew = rn.period === 'none' ? 0 : durationDays(rn.period);
      push({ kind: dNew < dOld ? 'retention_shorter' : 'retention_longer', id, before: { ...ro }, after: { ...rn } });
    }
  }
  for (const id of oldPurposes.keys()) if (!newPurposes.has(id)) push({ kind: 'purpose_removed', id });

  const oldCats = byId(oldF.data_categories);
  for (const c of newF.data_categories) {
    if (oldCats.has(c.id)) continue;
    const users = newR.purposes.filter((p) => p.purpose.data_categories.includes(c.id)).map((p) => p.purpose.id);
    // a category used only by new purposes is told with those purposes
    if (users.length && users.every((u) => !oldPurposes.has(u))) continue;
    push({ kind: 'category_added', id: c.id, purposes: users.filter((u) => oldPurposes.has(u)) });
  }
  const newCats = byId(newF.data_categories);
  for (const c of oldF.data_categories) if (!newCats.has(c.id)) push({ kind: 'category_removed', id: c.id });

  const oldRec = byId(oldF.recipients);
  for (const rc of newF.recipients) {
    const o = oldRec.get(rc.id);
    const values = { categories: [...(rc.data_categories ?? [])], purposes: [...(rc.purposes ?? [])], countries: [...(rc.countries ?? [])], recipientType: rc.type };
    if (!o) {
      push({ kind: 'recipient_added', id: rc.id, ...values });
      continue;
    }
    // what the recipient gets now that it did not get before
    const more = { categories: added(o.data_categories, rc.data_categories), purposes: added(o.purposes, rc.purposes), countries: added(o.countries, rc.countries), recipientType: rc.type };
    const gained = more.categories.length > 0 || more.purposes.length > 0 || more.countries.length > 0 || (!o.sale && rc.sale === true) || (!o.sharing && rc.sharing === true);
    if (gained) push({ kind: 'recipient_changed', id: rc.id, ...more, before: recipientValue(o), after: recipientValue(rc) });
  }
  const newRec = byId(newF.recipients);
  for (const rc of oldF.recipients) if (!newRec.has(rc.id)) push({ kind: 'recipient_removed', id: rc.id, recipientType: rc.type, categories: [...(rc.data_categories ?? [])] });

  const oldDest = destinations(oldR.transfers);
  const newDest = destinations(newR.transfers);
  for (const [to, t] of newDest) {
    if (!oldDest.has(to)) push({ kind: 'transfer_added', id: to, countries: [to], safeguard: t.safeguard });
  }
  for (const to of oldDest.keys()) if (!newDest.has(to)) push({ kind: 'transfer_removed', id: to, countries: [to] });

  const oldRights = new Set(oldR.rights.map((x) => x.id));
  const newRights = new Set(newR.rights.map((x) => x.id));
  for (const id of newRights) if (!oldRights.has(id)) push({ kind: 'right_added', id });
  for (const id of oldRights) if (!newRights.has(id)) push({ kind: 'right_removed', id });

  const ch = (c: Facts['children']) => ({ directed_to_children: c.directed_to_children, minimum_age: c.minimum_age, family_accounts: c.family_accounts ?? false });
  const co = ch(oldF.children);
  const cn = ch(newF.children);
  if (co.directed_to_children !== cn.directed_to_children || co.minimum_age !== cn.minimum_age || co.family_accounts !== cn.family_accounts) {
    push({ kind: 'children_changed', id: 'children', before: co, after: cn });
  }
  return sortChanges(out);
}

function recipientValue(rc: Facts['recipients'][number]): Record<string, unknown> {
  return { data_categories: rc.data_categories ?? [], purposes: rc.purposes ?? [], countries: rc.countries ?? [], sale: rc.sale ?? false, sharing: rc.sharing ?? false };
}

/** The region's transfers by destination: the first safeguard named for it and every recipient. */
function destinations(transfers: Facts['transfers']): Map<string, { safeguard: string; recipients: string[] }> {
  const out = new Map<string, { safeguard: string; recipients: string[] }>();
  for (const t of transfers) {
    const d = out.get(t.to);
    if (d) d.recipients.push(...(t.recipients ?? []).filter((x) => !d.recipients.includes(x)));
    else out.set(t.to, { safeguard: t.safeguard, recipients: [...(t.recipients ?? [])] });
  }
  return out;
}

/** Orders changes by kind (the order of FACT_CHANGE_KINDS), keeping the facts' order within a kind. */
export function sortChanges(list: FactChange[]): FactChange[] {
  const rank = (k: FactChangeKind) => FACT_CHANGE_KINDS.indexOf(k);
  return list.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.kind) - rank(b.c.kind) || a.i - b.i).map((x) => x.c);
}
