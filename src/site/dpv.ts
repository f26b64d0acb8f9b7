/**
 * W3C Data Privacy Vocabulary (DPV 2.x) terms for the ids of the policy facts, as full IRIs.
 * Core terms: https://w3id.org/dpv#, personal data: https://w3id.org/dpv/pd#, GDPR articles:
 * https://w3id.org/dpv/legal/eu/gdpr#. An id without a fitting term maps to null.
 */
export const DPV = 'https://w3id.org/dpv#';
export const DPV_PD = 'https://w3id.org/dpv/pd#';
export const DPV_GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';

const core = (term: string) => `${DPV}${term}`;
const pd = (term: string) => `${DPV_PD}${term}`;
const gdpr = (term: string) => `${DPV_GDPR}${term}`;

export const DPV_LEGAL_BASES: Record<string, string | null> = {
  consent: core('Consent'),
  separate_consent: core('Consent'),
  explicit_consent: core('ExplicitlyExpressedConsent'),
  contract: core('Contract'),
  legal_obligation: core('LegalObligation'),
  legitimate_interests: core('LegitimateInterest'),
  vital_interests: core('VitalInterest'),
  public_interest: core('PublicInterest'),
  not_required: null,
};

export const DPV_PURPOSES: Record<string, string | null> = {
  provide_services: core('ServiceProvision'),
  account_management: core('AccountManagement'),
  orders_delivery: core('CustomerOrderManagement'),
  customer_support: core('CustomerCare'),
  device_diagnostics: core('RepairImpairments'),
  product_improvement: core('ImproveExistingProductsAndServices'),
  personalization: core('ServicePersonalisation'),
  personalisation: core('ServicePersonalisation'),
  marketing: core('Marketing'),
  advertising: core('PersonalisedAdvertising'),
  voice_assistant: core('RequestedServiceProvision'),
  health_features: core('RequestedServiceProvision'),
  security_fraud: core('FraudPreventionAndDetection'),
  legal_compliance: core('LegalCompliance'),
  business_transfers: null,
};

export const DPV_DATA_CATEGORIES: Record<string, string | null> = {
  identity: pd('Identifying'),
  contact: pd('Contact'),
  account: pd('Authenticating'),
  payment: pd('PaymentCard'),
  transaction: pd('Purchase'),
  device: pd('DeviceBased'),
  usage: pd('ServiceConsumptionBehavior'),
  diagnostics: null,
  location: pd('Location'),
  precise_location: pd('GPSCoordinate'),
  content: null,
  voice: null,
  biometric: pd('Biometric'),
  health: pd('Health'),
  support: pd('Communication'),
  marketing_preferences: pd('Preference'),
  inferences: pd('IndividualProfile'),
  online_identifiers: pd('Identifier'),
  social_profile: pd('SocialMedia'),
};

export const DPV_RECIPIENT_TYPES: Record<string, string | null> = {
  affiliate: core('Recipient'),
  processor: core('DataProcessor'),
  partner: core('ThirdParty'),
  authority: core('Authority'),
  successor: core('Recipient'),
  advertiser: core('ThirdParty'),
};

/** Rights as GDPR articles: only meaningful where the GDPR applies. */
export const DPV_GDPR_RIGHTS: Record<string, string> = {
  access: gdpr('A15'),
  rectification: gdpr('A16'),
  erasure: gdpr('A17'),
  restriction: gdpr('A18'),
  portability: gdpr('A20'),
  object: gdpr('A21'),
  automated_decisions: gdpr('A22'),
  withdraw_consent: gdpr('A7-3'),
  complaint: gdpr('A77'),
};

/** Transfer safeguards as GDPR Chapter V legal bases, where the GDPR applies. */
export const DPV_GDPR_SAFEGUARDS: Record<string, string> = {
  adequacy: gdpr('A45-3'),
  bcr: gdpr('A46-2-b'),
  scc: gdpr('A46-2-c'),
  certification: gdpr('A46-2-f'),
  consent: gdpr('A49-1-a'),
};

/** Safeguards with a DPV core term anywhere. */
export const DPV_SAFEGUARDS: Record<string, string | null> = {
  consent: core('Consent'),
};

export const DPV_CONTROLLER = core('DataController');
export const DPV_DATA_SUBJECT_RIGHT = core('DataSubjectRight');

export function dpvTerm(table: Record<string, string | null>, id: string): string | null {
  return Object.prototype.hasOwnProperty.call(table, id) ? table[id]! : null;
}
