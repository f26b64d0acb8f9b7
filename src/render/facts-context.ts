import type { Localizer } from '../i18n/localizer.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { escapeMarkdown as md } from './markdown-html.js';
import type { Facts } from '../model/schema.js';

/**
 * The context each `templates/facts/<name>.md.hbs` partial receives: localized labels and
 * values, already escaped for Markdown. `h` holds the localized column headings.
 */
const HEADINGS = ['purpose', 'data_categories', 'legal_basis', 'retention', 'category', 'description', 'sensitivity', 'recipient', 'type', 'purposes', 'countries', 'destination', 'safeguard', 'recipients', 'technologies', 'examples', 'consent', 'right', 'source', 'role', 'contact', 'measure', 'storage_location'];

/** Per localizer: the column headings, and labels without values, escaped (every region's notice in a language asks for the same ones). */
const perLanguage = new WeakMap<Localizer, { h: Record<string, string>; labels: Map<string, string> }>();

function shared(l: Localizer): { h: Record<string, string>; labels: Map<string, string> } {
  let hit = perLanguage.get(l);
  if (!hit) {
    hit = { h: Object.fromEntries(HEADINGS.map((k) => [k, md(l.t(`facts.headings.${k}`))])), labels: new Map() };
    perLanguage.set(l, hit);
  }
  return hit;
}

/** Labels without values, escaped, from the per-language cache. */
function labelOf(l: Localizer, labels: Map<string, string>, k: string, o?: Record<string, unknown>): string {
  if (o) return md(l.t(k, o));
  let v = labels.get(k);
  if (v === undefined) {
    v = md(l.t(k));
    labels.set(k, v);
  }
  return v;
}

/**
 * Fact blocks that say the same in every region of a language: their context is made from the
 * facts and the language alone (it cannot see the region), so a renderer may make each once per
 * language.
 */
export const LANGUAGE_ONLY_FACTS: ReadonlySet<string> = new Set(['sources', 'cookies', 'security']);

/** The context of a block in LANGUAGE_ONLY_FACTS. */
export function languageFactsContext(name: string, facts: Facts, l: Localizer): Record<string, unknown> {
  const { h, labels } = shared(l);
  const t = (k: string, o?: Record<string, unknown>) => labelOf(l, labels, k, o);
  switch (name) {
    case 'sources':
      return { h, rows: facts.sources.map((s) => ({ label: t(`sources.${s.id}`) })) };
    case 'cookies':
      return {
        h,
        rows: facts.cookies.map((c) => ({
          category: t(`cookie_categories.${c.category}`),
          technologies: md(l.list(c.technologies.map((x) => l.t(`technologies.${x}`)))),
          examples: md(l.list((c.examples ?? []).map((e) => `${e.name} (${e.provider}, ${e.duration === 'session' ? l.t('ui.session') : l.duration(e.duration)})`), 'unit')),
          consent: c.consent_required ? t('ui.consent_needed') : t('ui.no_consent_needed'),
        })),
      };
    case 'security':
      return { h, rows: facts.security_measures.map((m) => ({ label: t(`security_measures.${m}`) })) };
    default:
      throw new Error(`"${name}" is not a language-only fact block`);
  }
}

export function factsContext(name: string, r: ResolvedRegion, l: Localizer): Record<string, unknown> {
  if (LANGUAGE_ONLY_FACTS.has(name)) return languageFactsContext(name, r.facts, l);
  const { h, labels } = shared(l);
  const t = (k: string, o?: Record<string, unknown>) => labelOf(l, labels, k, o);
  const label = (group: string, id: string) => t(`${group}.${id}.label`);
  const facts = r.facts;
  const catLabels = (ids: string[] | undefined) => md(l.list((ids ?? []).map((id) => l.t(`data_categories.${id}.label`))));
  const purposeLabels = (ids: string[] | undefined) => md(l.list((ids ?? []).map((id) => l.t(`purposes.${id}.label`))));
  const countries = (codes: string[] | undefined) => md(l.list((codes ?? []).map((c) => l.country(c))));
  const retention = (p: { period: string; from?: string | undefined }) =>
    p.period === 'none' ? t('retention.none') : p.from ? t(`retention.from.${p.from}`, { duration: l.duration(p.period) }) : md(l.duration(p.period));
  const sensitive = (c: (typeof facts.data_categories)[number]) => c.sensitive || (c.sensitive_in ?? []).some((j) => r.matchIds.has(j));
  switch (name) {
    case 'controller':
      return {
        h,
        intro: t('facts.controller.intro', { name: r.entity.name, address: r.entity.address }),
        contact: t('facts.controller.contact', { email: r.entity.email }),
      };
    case 'data-categories':
      return {
        h,
        rows: facts.data_categories.map((c) => ({ label: label('data_categories', c.id), description: t(`data_categories.${c.id}.description`), sensitive: sensitive(c) ? t('ui.sensitive') : '' })),
      };
    case 'purposes':
      return {
        h,
        rows: r.purposes.map(({ purpose, legalBasis }) => ({
          label: label('purposes', purpose.id),
          description: t(`purposes.${purpose.id}.description`),
          dataCategories: catLabels(purpose.data_categories),
          legalBasis: t(`legal_bases.${legalBasis}`),
          retention: retention(purpose.retention),
        })),
      };
    case 'retention':
      return { h, rows: r.purposes.map(({ purpose }) => ({ label: label('purposes', purpose.id), retention: retention(purpose.retention) })) };
    case 'recipients':
      return {
        h,
        rows: facts.recipients.map((rc) => ({
          name: rc.name ? md(rc.name) : t(`recipient_types.${rc.type}`),
          type: t(`recipient_types.${rc.type}`),
          dataCategories: catLabels(rc.data_categories),
          purposes: purposeLabels(rc.purposes),
          countries: countries(rc.countries),
        })),
        sale: r.matchIds.has('us-ca') ? t('facts.recipients.sale') : '',
        sharing: r.matchIds.has('us-ca') && !facts.recipients.some((x) => x.sharing) ? t('facts.recipients.sharing') : '',
      };
    case 'transfers':
      return {
        h,
        none: r.transfers.length === 0 ? t('facts.transfers.none') : '',
        rows: r.transfers.map((tr) => ({
          destination: md(l.country(tr.to)),
          safeguard: t(`safeguards.${tr.safeguard}`),
          recipients: md(l.list((tr.recipients ?? []).map((id) => facts.recipients.find((x) => x.id === id)?.name ?? l.t(`recipient_types.${facts.recipients.find((x) => x.id === id)?.type ?? 'processor'}`)))),
        })),
      };
    case 'rights':
      return { h, rows: r.rights.map((x) => ({ label: label('rights', x.id), description: t(`rights.${x.id}.description`) })) };
    case 'children': {
      const age = r.ageOfConsent;
      return {
        h,
        ageRule: age ? t('facts.children.age_rule', { age }) : t('facts.children.no_age_rule'),
        minimumAge: t('facts.children.minimum_age', { age: facts.children.minimum_age }),
        familyAccounts: facts.children.family_accounts ? t('facts.children.family_accounts') : '',
      };
    }
    case 'storage':
      return {
        h,
        rows: r.storage.map((s) => ({ statement: t('facts.storage.statement', { region: l.country(r.region.id), location: l.country(s.location) }) })),
      };
    case 'contacts': {
      const rows: { role: string; contact: string }[] = [];
      const line = (c: { name?: string | undefined; email?: string | undefined; url?: string | undefined; address?: string | undefined; phone?: string | undefined }) =>
        [c.name, c.address, c.email, c.phone, c.url].filter(Boolean).map((x) => md(x!)).join('; ');
      rows.push({ role: t('facts.contacts.privacy'), contact: line(facts.contacts.privacy) });
      if (r.dpo) rows.push({ role: t('facts.contacts.dpo'), contact: line(r.dpo) });
      for (const o of r.officers) rows.push({ role: t('facts.contacts.officer'), contact: line(o) });
      for (const o of r.representatives) rows.push({ role: t('facts.contacts.representative'), contact: line(o) });
      rows.push({ role: t('facts.contacts.requests'), contact: line({ url: facts.rights_requests.url, email: facts.rights_requests.email }) });
      return { h, rows, response: t('facts.contacts.response_days', { count: facts.rights_requests.response_days }) };
    }
    default:
      return { h };
  }
}
