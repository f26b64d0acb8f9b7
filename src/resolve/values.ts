import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from './resolve.js';
import type { Localizer } from '../i18n/localizer.js';

/** The value of every placeholder for one region in one language. */
export function placeholderValues(project: Project, r: ResolvedRegion, l: Localizer): Record<string, string> {
  const { facts } = project;
  const auth = r.jurisdiction.authority;
  const base = l.lng.split('-')[0];
  const authName = auth ? authorityName(auth, base!) : '';
  const localName = r.region.local_name && r.region.locales[0]?.split('-')[0] === base ? r.region.local_name : undefined;
  return {
    'company.name': facts.company.name,
    'company.legal_name': facts.company.legal_name ?? facts.company.name,
    'company.website': facts.company.website ?? '',
    'controller.name': r.entity.name,
    'controller.address': r.entity.address,
    'controller.email': r.entity.email,
    'controller.phone': r.entity.phone ?? '',
    'contacts.privacy.email': facts.contacts.privacy.email ?? '',
    'contacts.privacy.url': facts.contacts.privacy.url ?? '',
    'contacts.privacy.address': facts.contacts.privacy.address ?? '',
    'contacts.dpo.email': r.dpo?.email ?? facts.contacts.privacy.email ?? '',
    'contacts.dpo.name': r.dpo?.name ?? '',
    'contacts.dpo.address': r.dpo?.address ?? '',
    'rights.url': facts.rights_requests.url,
    'rights.email': facts.rights_requests.email,
    'rights.response_days': String(facts.rights_requests.response_days),
    'authority.name': authName,
    'authority.website': auth?.website ?? '',
    'children.age': String(r.ageOfConsent ?? facts.children.minimum_age),
    'children.minimum_age': String(facts.children.minimum_age),
    'notice.period_days': String(r.noticePeriodDays),
    'region.name': localName ?? l.country(r.region.id),
  };
}

/**
 * The authority's name in the reader's language where the data has it: the local name when the
 * page is in a local language (for several languages, the matching one of the `; `-separated
 * names), else the English name; only the first `; `-separated part, which names the authority
 * itself (the reference data appends related bodies after it).
 */
export function authorityName(auth: NonNullable<ResolvedRegion['jurisdiction']['authority']>, lang: string): string {
  const langs = auth.localLangs ?? (auth.localLang ? [auth.localLang] : []);
  const i = langs.findIndex((l) => l.split('-')[0] === lang);
  const local = auth.nameLocal?.split(/;\s+|\s+\/\s+/);
  const pick = i >= 0 && local ? (local.length === langs.length ? local[i] : local[0]) : auth.nameEn.split(/;\s+|\s+\/\s+/)[0];
  return (pick ?? auth.nameEn).trim();
}
