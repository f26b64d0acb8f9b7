import type { SiteContext, SiteExtra, SitePage } from './extras.js';
import { absoluteUrl } from './hreflang.js';
import { lastUpdated, siteHistory } from './history.js';
import {
  DPV,
  DPV_PD,
  DPV_GDPR,
  DPV_CONTROLLER,
  DPV_DATA_CATEGORIES,
  DPV_GDPR_RIGHTS,
  DPV_GDPR_SAFEGUARDS,
  DPV_LEGAL_BASES,
  DPV_PURPOSES,
  DPV_RECIPIENT_TYPES,
  DPV_SAFEGUARDS,
  dpvTerm,
} from './dpv.js';

/** Version of the privacy.json format; raised on incompatible changes. */
export const NOTICE_JSON_FORMAT = 1;

type Contact = { name?: string | undefined; email?: string | undefined; url?: string | undefined; phone?: string | undefined; address?: string | undefined };

const contact = (c: Contact) => ({ name: c.name ?? null, address: c.address ?? null, email: c.email ?? null, phone: c.phone ?? null, url: c.url ?? null });

/** The machine-readable notice of one page: what `privacy.json` next to `index.html` holds. */
export function noticeJson(ctx: SiteContext, page: SitePage): Record<string, unknown> {
  const { project } = ctx;
  const r = page.region;
  const l = page.localizer;
  const facts = r.facts;
  const history = siteHistory(project);
  const effective = String(project.master.frontMatter.effective ?? '');
  const gdpr = r.matchIds.has('gdpr');
  const label = (key: string) => l.t(key);
  const retention = (p: { period: string; from?: string | undefined }) => ({
    period: p.period === 'none' ? null : p.period,
    from: p.from ?? null,
    text: p.period === 'none' ? l.t('retention.none') : p.from ? l.t(`retention.from.${p.from}`, { duration: l.duration(p.period) }) : l.duration(p.period),
  });
  const used = new Set(r.purposes.flatMap(({ purpose }) => purpose.data_categories));
  const recipientName = (id: string) => {
    const rc = facts.recipients.find((x) => x.id === id);
    return rc ? (rc.name ?? l.t(`recipient_types.${rc.type}`)) : id;
  };
  const url = (file: string) => (ctx.baseUrl ? absoluteUrl(ctx.baseUrl, `${page.dir}${file}`) : file);
  return {
    formatVersion: NOTICE_JSON_FORMAT,
    generator: 'noticekit',
    vocabularies: { dpv: DPV, pd: DPV_PD, 'eu-gdpr': DPV_GDPR },
    document: project.config.document,
    title: page.title,
    version: history.current?.version ?? null,
    language: page.locale,
    direction: l.dir,
    region: {
      id: r.region.id,
      name: r.region.name,
      localName: r.region.local_name ?? r.region.name,
      jurisdictions: r.jurisdiction.ids,
      laws: r.jurisdiction.lawIds,
    },
    effectiveDate: effective || null,
    lastUpdated: lastUpdated(project.master.frontMatter, history, undefined, effective) || null,
    contentHash: `sha256:${page.markdownHash}`,
    sourceHash: `sha256:${project.master.sourceHash}`,
    urls: { html: ctx.baseUrl ? absoluteUrl(ctx.baseUrl, page.dir) : 'index.html', markdown: url('index.md'), json: url('privacy.json') },
    controller: { ...contact(r.entity), country: r.entity.country, dpv: DPV_CONTROLLER },
    dataCategories: facts.data_categories
      .filter((c) => used.has(c.id))
      .map((c) => ({
        id: c.id,
        label: label(`data_categories.${c.id}.label`),
        description: label(`data_categories.${c.id}.description`),
        sensitive: c.sensitive || (c.sensitive_in ?? []).some((j) => r.matchIds.has(j)),
        dpv: dpvTerm(DPV_DATA_CATEGORIES, c.id),
      })),
    purposes: r.purposes.map(({ purpose, legalBasis }) => ({
      id: purpose.id,
      label: label(`purposes.${purpose.id}.label`),
      description: label(`purposes.${purpose.id}.description`),
      dpv: dpvTerm(DPV_PURPOSES, purpose.id),
      legalBasis: { id: legalBasis, label: label(`legal_bases.${legalBasis}`), dpv: dpvTerm(DPV_LEGAL_BASES, legalBasis) },
      dataCategories: purpose.data_categories,
      retention: retention(purpose.retention),
      consentRequired: purpose.consent_required ?? false,
      automatedDecisions: purpose.automated_decisions ?? false,
    })),
    recipients: facts.recipients.map((rc) => ({
      id: rc.id,
      name: rc.name ?? null,
      type: { id: rc.type, label: label(`recipient_types.${rc.type}`), dpv: dpvTerm(DPV_RECIPIENT_TYPES, rc.type) },
      dataCategories: rc.data_categories ?? [],
      purposes: rc.purposes ?? [],
      countries: rc.countries ?? [],
      sale: rc.sale ?? null,
      sharing: rc.sharing ?? null,
    })),
    transfers: r.transfers.map((tr) => ({
      id: tr.id,
      to: { country: tr.to, name: l.country(tr.to) },
      safeguard: {
        id: tr.safeguard,
        label: label(`safeguards.${tr.safeguard}`),
        dpv: (gdpr ? DPV_GDPR_SAFEGUARDS[tr.safeguard] : undefined) ?? dpvTerm(DPV_SAFEGUARDS, tr.safeguard),
      },
      recipients: (tr.recipients ?? []).map((id) => ({ id, name: recipientName(id) })),
    })),
    retention: r.purposes.map(({ purpose }) => ({ purpose: purpose.id, ...retention(purpose.retention) })),
    rights: r.rights.map((x) => ({
      id: x.id,
      label: label(`rights.${x.id}.label`),
      description: label(`rights.${x.id}.description`),
      dpv: gdpr ? (DPV_GDPR_RIGHTS[x.id] ?? null) : null,
    })),
    storage: r.storage.map((s) => ({ location: s.location, name: l.country(s.location) })),
    children: { minimumAge: facts.children.minimum_age, ageOfConsent: r.ageOfConsent },
    contacts: {
      privacy: contact(facts.contacts.privacy),
      dpo: r.dpo ? contact(r.dpo) : null,
      officers: r.officers.map((o) => ({ ...contact(o), jurisdiction: o.jurisdiction, role: o.role })),
      representatives: r.representatives.map((o) => ({ ...contact(o), jurisdiction: o.jurisdiction })),
      requests: { url: facts.rights_requests.url, email: facts.rights_requests.email, responseDays: facts.rights_requests.response_days },
    },
  };
}

/** Writes `privacy.json` next to every notice page. */
export const machineReadable: SiteExtra = (ctx) => {
  for (const page of ctx.pages) ctx.files.set(`${page.dir}privacy.json`, `${JSON.stringify(noticeJson(ctx, page), null, 2)}\n`);
};
