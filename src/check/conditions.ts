/**
 * When a `conditional` notice element applies to a region, decided from the facts (and, for the
 * DPO and the representative, from what the master text itself says). `holds: undefined` means
 * noticekit cannot tell; the element is then reported as a note when missing.
 */
import type { ResolvedRegion } from '../resolve/resolve.js';
import type { Coverage } from './coverage.js';
import { CONSENT_BASES, rightElement, rightIdFor, sensitiveCategories } from './elements.js';

export interface Condition {
  holds: boolean | undefined;
  /** Why, in words: "purposes personalization, marketing rely on consent". */
  why: string;
}

const list = (ids: string[], max = 4) => (ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', '));

/** Sections that survive for the region and declare the element in covers="…", or units that use one of the placeholders. */
function declaredBy(cov: Coverage, element: string, placeholderPrefix?: string): string[] {
  const out = cov.sections.filter((s) => s.covers.includes(element)).map((s) => `section #${s.id}`);
  if (placeholderPrefix) for (const p of cov.placeholders) if (p.startsWith(placeholderPrefix)) out.push(`{{${p}}}`);
  return out;
}

export function conditionFor(element: string, r: ResolvedRegion, cov: Coverage): Condition {
  const f = r.facts;
  const purposesWith = (pred: (basis: string) => boolean) => r.purposes.filter((p) => pred(p.legalBasis)).map((p) => p.purpose.id);
  switch (element) {
    case 'international_transfers':
    case 'transfer_safeguards':
      return r.transfers.length
        ? { holds: true, why: `the facts list transfers from this region (${list(r.transfers.map((t) => t.id))})` }
        : { holds: false, why: 'the facts list no transfers from this region' };
    case 'right_withdraw_consent': {
      const ids = purposesWith((b) => CONSENT_BASES.includes(b));
      return ids.length ? { holds: true, why: `purposes ${list(ids)} rely on consent here` } : { holds: false, why: 'no purpose relies on consent here' };
    }
    case 'legitimate_interests': {
      const ids = purposesWith((b) => b === 'legitimate_interests');
      return ids.length ? { holds: true, why: `purposes ${list(ids)} rely on legitimate interests here` } : { holds: false, why: 'no purpose relies on legitimate interests here' };
    }
    case 'legal_basis': {
      const ids = purposesWith((b) => b !== 'not_required' && !CONSENT_BASES.includes(b));
      return ids.length ? { holds: true, why: `purposes ${list(ids)} rely on a basis other than consent here` } : { holds: undefined, why: '' };
    }
    case 'law_requiring_collection': {
      const ids = purposesWith((b) => b === 'legal_obligation');
      return ids.length ? { holds: true, why: `purposes ${list(ids)} rely on a legal obligation here` } : { holds: undefined, why: '' };
    }
    case 'consent_duration': {
      const ids = purposesWith((b) => CONSENT_BASES.includes(b));
      return ids.length ? { holds: true, why: `purposes ${list(ids)} rely on consent here` } : { holds: false, why: 'no purpose relies on consent here' };
    }
    case 'sensitive_data': {
      const ids = sensitiveCategories(r);
      return ids.length ? { holds: true, why: `data categories ${list(ids)} are sensitive here` } : { holds: false, why: 'no data category is sensitive here' };
    }
    case 'right_opt_out_sale_sharing':
    case 'sale_sharing_disclosure': {
      const ids = f.recipients.filter((x) => x.sale || x.sharing).map((x) => x.id);
      if (!r.matchIds.has('us-ca')) return { holds: undefined, why: '' };
      return ids.length ? { holds: true, why: `recipients ${list(ids)} are marked sale/sharing` } : { holds: false, why: 'no recipient is marked sale or sharing' };
    }
    case 'automated_decision_making': {
      const ids = r.purposes.filter((p) => p.purpose.automated_decisions).map((p) => p.purpose.id);
      return ids.length ? { holds: true, why: `purposes ${list(ids)} involve automated decisions` } : { holds: false, why: 'no purpose has automated_decisions: true' };
    }
    case 'dpo_contact': {
      const who = [...(r.dpo ? ['contacts.dpo'] : []), ...r.officers.map((o) => `officer ${o.role} (${o.jurisdiction})`)];
      if (who.length) return { holds: true, why: `the facts name ${list(who)} for this region` };
      if (r.jurisdiction.dpoRequired === true) return { holds: true, why: `the law requires a DPO or responsible person (${r.jurisdiction.ids.join(', ')})` };
      const decl = declaredBy(cov, 'dpo_contact', 'contacts.dpo.');
      if (decl.length) return { holds: true, why: `the notice says there is a DPO (${list(decl)})` };
      return { holds: false, why: 'the facts name no DPO or officer for this region' };
    }
    case 'representative': {
      if (r.representatives.length) return { holds: true, why: `the facts name a representative for ${list(r.representatives.map((x) => x.jurisdiction))}` };
      const decl = declaredBy(cov, 'representative');
      if (decl.length) return { holds: true, why: `the notice says there is a representative (${list(decl)})` };
      return { holds: false, why: 'the facts name no representative for this region' };
    }
    case 'cookies':
      return f.cookies.length ? { holds: true, why: `the facts list cookies (${list(f.cookies.map((c) => c.id))})` } : { holds: false, why: 'the facts list no cookies' };
    case 'data_localization':
      if (r.jurisdiction.localization === true) return { holds: true, why: 'the law requires data to be stored locally' };
      if (r.storage.length) return { holds: true, why: 'the facts list a local storage location for this region' };
      return { holds: r.jurisdiction.localization === 'partial' ? undefined : false, why: '' };
    case 'recipients':
      return f.recipients.length ? { holds: true, why: `the facts list recipients (${list(f.recipients.map((x) => x.id))})` } : { holds: false, why: 'the facts list no recipients' };
    case 'processors': {
      const ids = f.recipients.filter((x) => x.type === 'processor').map((x) => x.id);
      return ids.length ? { holds: true, why: `the facts list processors (${list(ids)})` } : { holds: false, why: 'the facts list no processors' };
    }
    case 'children':
      return f.children.directed_to_children ? { holds: true, why: 'the facts say the service is directed to children' } : { holds: undefined, why: '' };
    default: {
      const right = rightIdFor(element);
      if (right && r.rights.some((x) => rightElement(x.id) === element)) return { holds: true, why: `the facts list the right "${right}" for this region` };
      return { holds: undefined, why: '' };
    }
  }
}
