/** Notice element ids and what the generated `::facts{show=…}` blocks disclose by construction. */
import type { ResolvedRegion } from '../resolve/resolve.js';

/** The canonical element ids plus the ids added for local laws (shared/reference/jurisdictions-notes.md). */
export const ELEMENT_IDS: readonly string[] = [
  'controller_identity', 'controller_contact', 'dpo_contact', 'representative', 'purposes', 'legal_basis',
  'legitimate_interests', 'categories_of_data', 'sources_of_data', 'recipients', 'international_transfers',
  'transfer_safeguards', 'retention_period', 'right_access', 'right_rectification', 'right_erasure',
  'right_restriction', 'right_portability', 'right_object', 'right_withdraw_consent', 'right_complaint',
  'right_opt_out_sale_sharing', 'right_limit_sensitive', 'automated_decision_making',
  'statutory_or_contractual_requirement', 'children', 'cookies', 'security_measures', 'policy_changes',
  'effective_date', 'data_localization',
  'collection_fact', 'collection_means', 'processing_methods', 'processors', 'rights_request_methods',
  'law_requiring_collection', 'risks_of_processing', 'sensitive_data', 'pseudonymized_data', 'deletion_procedure',
  'consent_duration', 'published_processing_policy', 'sale_sharing_disclosure', 'right_non_discrimination',
  'opt_out_preference_signals', 'financial_incentive', 'request_metrics', 'do_not_track',
  'direct_marketing_disclosure', 'complaint_to_controller', 'grievance_redressal', 'right_nominate',
  'post_mortem_directives', 'joint_controller_arrangement', 'layered_basic_information',
  'governance_policy_summary', 'agents_responsibilities', 'consequences_of_refusing_consent',
  'compensation_right', 'paia_manual', 'simplified_notice',
];

const RIGHT_ELEMENTS: Record<string, string> = {
  automated_decisions: 'automated_decision_making',
  post_mortem_directives: 'post_mortem_directives',
};

/** The notice element a right id of the facts discloses: access -> right_access, automated_decisions -> automated_decision_making. */
export function rightElement(rightId: string): string {
  return RIGHT_ELEMENTS[rightId] ?? `right_${rightId}`;
}

/** Consent-type legal bases (withdrawal of consent applies). */
export const CONSENT_BASES: readonly string[] = ['consent', 'separate_consent', 'explicit_consent'];

/** Data categories that are sensitive in the region (sensitive everywhere, or in one of its jurisdictions). */
export function sensitiveCategories(r: ResolvedRegion): string[] {
  return r.facts.data_categories.filter((c) => c.sensitive || (c.sensitive_in ?? []).some((j) => r.matchIds.has(j))).map((c) => c.id);
}

/**
 * The elements a generated block discloses for the region, by construction of its template
 * (templates/facts/<name>.md.hbs with the context of src/render/facts-context.ts).
 * Facts-backed elements (retention_period, dpo_contact, representative) are further checked
 * against the facts by the notice-element rule.
 */
export function blockElements(show: string, r: ResolvedRegion): string[] {
  const f = r.facts;
  switch (show) {
    case 'controller':
      return ['controller_identity', 'controller_contact'];
    case 'data-categories':
      return ['categories_of_data', ...(sensitiveCategories(r).length ? ['sensitive_data'] : [])];
    case 'sources':
      return f.sources.length ? ['sources_of_data'] : [];
    case 'purposes':
      return ['purposes', 'legal_basis', 'retention_period'];
    case 'retention':
      return ['retention_period'];
    case 'recipients':
      return [
        'recipients',
        ...(f.recipients.some((x) => x.type === 'processor') ? ['processors'] : []),
        ...(r.matchIds.has('us-ca') ? ['sale_sharing_disclosure'] : []),
      ];
    case 'transfers':
      return ['international_transfers', 'transfer_safeguards'];
    case 'cookies':
      return f.cookies.length ? ['cookies'] : [];
    case 'rights':
      return r.rights.map((x) => rightElement(x.id));
    case 'children':
      return ['children'];
    case 'security':
      return f.security_measures.length ? ['security_measures'] : [];
    case 'contacts':
      return [
        'controller_contact',
        ...(r.dpo || r.officers.length ? ['dpo_contact'] : []),
        ...(r.representatives.length ? ['representative'] : []),
      ];
    case 'storage':
      return r.storage.length ? ['data_localization'] : [];
    default:
      return [];
  }
}

/** For a fix message: the generated block that would disclose an element, if one does. */
export function blockFor(element: string): string | undefined {
  if (element.startsWith('right_') || element === 'post_mortem_directives') return 'rights';
  const map: Record<string, string> = {
    controller_identity: 'controller',
    controller_contact: 'contacts',
    dpo_contact: 'contacts',
    representative: 'contacts',
    purposes: 'purposes',
    legal_basis: 'purposes',
    retention_period: 'purposes',
    categories_of_data: 'data-categories',
    sensitive_data: 'data-categories',
    sources_of_data: 'sources',
    recipients: 'recipients',
    processors: 'recipients',
    sale_sharing_disclosure: 'recipients',
    international_transfers: 'transfers',
    transfer_safeguards: 'transfers',
    cookies: 'cookies',
    children: 'children',
    security_measures: 'security',
    data_localization: 'storage',
  };
  return map[element];
}

/** The facts right id that discloses an element, if the element is a right: right_access -> access. */
export function rightIdFor(element: string): string | undefined {
  for (const [id, el] of Object.entries(RIGHT_ELEMENTS)) if (el === element) return id;
  return element.startsWith('right_') ? element.slice('right_'.length) : undefined;
}
