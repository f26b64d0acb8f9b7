/** The `{{path}}` placeholders the master text and translations may use. */
export const PLACEHOLDERS = [
  'company.name', 'company.legal_name', 'company.website',
  'controller.name', 'controller.address', 'controller.email', 'controller.phone',
  'contacts.privacy.email', 'contacts.privacy.url', 'contacts.privacy.address',
  'contacts.dpo.email', 'contacts.dpo.name', 'contacts.dpo.address',
  'rights.url', 'rights.email', 'rights.response_days',
  'authority.name', 'authority.website',
  'children.age', 'children.minimum_age',
  'notice.period_days',
  'region.name',
];

export const PLACEHOLDER_RE = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!);
}

/** Replaces placeholders with values, each passed through `escape` for the output format. */
export function fillPlaceholders(text: string, values: Record<string, string>, escape: (s: string) => string): string {
  return text.replace(PLACEHOLDER_RE, (_, key: string) => escape(values[key] ?? ''));
}
