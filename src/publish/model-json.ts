import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { walkUnits } from '../model/document.js';
import { canonicalJson } from './canonical-json.js';
import { noticePeriodSource } from './notice-period.js';

/**
 * `model.json`: the policy as published, resolved: the master's sections and units (with their
 * stable ids), the facts, and per region what applied there (jurisdictions, laws, controller,
 * legal bases, rights, transfers, notice period, the units its notice shows). Canonical JSON.
 */
export function resolvedModelJson(project: Project, regions: ResolvedRegion[], meta: { version: string; effective: string }): string {
  const m = project.master;
  return canonicalJson({
    schemaVersion: 1,
    document: project.config.document,
    version: meta.version,
    effective: meta.effective,
    master: {
      title: m.title,
      frontMatter: m.frontMatter,
      sourceHash: m.sourceHash,
      sections: m.sections.map((s) => ({ id: s.id, depth: s.depth, heading: s.heading, attrs: s.attrs })),
      units: m.units.map((u) => ({ id: u.id, hash: u.hash, kind: u.kind, section: u.section, text: u.text })),
    },
    facts: project.facts,
    regions: regions.map((r) => ({
      id: r.region.id,
      name: r.region.name,
      locales: r.region.locales,
      jurisdictions: r.jurisdiction.ids,
      laws: r.jurisdiction.lawIds,
      entity: r.entity.id,
      purposes: r.purposes.map((p) => ({ id: p.purpose.id, legalBasis: p.legalBasis })),
      rights: r.rights.map((x) => x.id),
      transfers: r.transfers.map((t) => t.id),
      ageOfConsent: r.ageOfConsent,
      noticePeriodDays: r.noticePeriodDays,
      noticePeriodSource: noticePeriodSource(project, r),
      units: [...walkUnits(r.blocks)].map((u) => u.id),
    })),
  });
}
