/** Fixed vocabularies of the policy facts (kept apart from the schemas so rendering does not load them). */
export const LEGAL_BASES = ['consent', 'separate_consent', 'explicit_consent', 'contract', 'legal_obligation', 'legitimate_interests', 'vital_interests', 'public_interest', 'not_required'] as const;
export const RECIPIENT_TYPES = ['affiliate', 'processor', 'partner', 'authority', 'successor', 'advertiser'] as const;
export const SAFEGUARDS = ['adequacy', 'scc', 'uk_idta', 'bcr', 'dpf', 'consent', 'contract', 'certification', 'standard_contract', 'security_assessment'] as const;
export const COOKIE_CATEGORIES = ['strictly_necessary', 'functional', 'analytics', 'advertising'] as const;
export const TECHNOLOGIES = ['cookie', 'local_storage', 'web_beacon', 'pixel_tag', 'sdk'] as const;
export const RETENTION_TRIGGERS = ['collection', 'account_closure', 'last_activity', 'consent_withdrawal', 'purchase', 'end_of_contract'] as const;
export const CONTINENTS = ['africa', 'americas', 'asia', 'europe', 'oceania'] as const;

