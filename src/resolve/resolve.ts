import type { Block } from '../model/document.js';
import type { Entity, Facts, Purpose, Region } from '../model/schema.js';
import type { Project } from '../parse/project.js';
import type { ComposedJurisdiction } from '../jurisdictions/index.js';
import { DiagnosticBag } from '../model/diagnostics.js';

export interface ResolvedPurpose {
  purpose: Purpose;
  legalBasis: string;
}

/** A region's view of the policy: only what applies there, with every choice made. */
export interface ResolvedRegion {
  region: Region;
  /** Jurisdiction ids with parents, then law ids: what `:::only{jurisdictions=…}` matches. */
  matchIds: Set<string>;
  jurisdiction: ComposedJurisdiction;
  entity: Entity;
  blocks: Block[];
  purposes: ResolvedPurpose[];
  facts: Facts;
  rights: Facts['rights'];
  transfers: Facts['transfers'];
  storage: NonNullable<Facts['storage']>;
  dpo: Facts['contacts']['dpo'] | undefined;
  officers: NonNullable<Facts['contacts']['officers']>;
  representatives: NonNullable<Facts['contacts']['representatives']>;
  ageOfConsent: number | null;
  noticePeriodDays: number;
}

const appliesTo = (list: string[] | undefined, ids: Set<string>) => !list || list.includes('all') || list.some((j) => ids.has(j));

/** Keeps the blocks that apply to the region; conditional blocks are replaced by their content. */
export function resolveBlocks(blocks: Block[], regionId: string, matchIds: Set<string>): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'conditional') {
      const hit = b.regions.includes(regionId) || b.jurisdictions.some((j) => matchIds.has(j));
      if (hit === (b.mode === 'only')) out.push(...resolveBlocks(b.blocks, regionId, matchIds));
    } else if (b.type === 'list') {
      out.push({ ...b, items: b.items.map((it) => resolveBlocks(it, regionId, matchIds)).filter((it) => it.length > 0) });
    } else if (b.type === 'blockquote') {
      out.push({ ...b, blocks: resolveBlocks(b.blocks, regionId, matchIds) });
    } else out.push(b);
  }
  return out;
}

/** Resolves every region of the project; a purpose without a legal basis for a region is an error. */
export function resolveRegions(project: Project, regionIds?: string[]): ResolvedRegion[] {
  const diags = new DiagnosticBag();
  const out: ResolvedRegion[] = [];
  const selected = regionIds ? project.regions.filter((r) => regionIds.includes(r.id)) : project.regions;
  for (const region of selected) {
    const r = resolveRegion(project, region, diags);
    if (r) out.push(r);
  }
  diags.throwIfErrors();
  return out;
}

export function resolveRegion(project: Project, region: Region, diags: DiagnosticBag): ResolvedRegion | undefined {
  const { facts, jurisdictions } = project;
  const jurisdiction = jurisdictions.compose(region.jurisdictions);
  const matchIds = new Set<string>([...jurisdiction.ids, ...jurisdiction.lawIds]);
  const order = [...jurisdiction.ids, ...jurisdiction.lawIds, 'default'];
  const purposes: ResolvedPurpose[] = [];
  facts.purposes.forEach((purpose, i) => {
    const key = order.find((k) => purpose.legal_basis[k] !== undefined);
    if (!key) {
      const at = project.sources.facts.locate(['purposes', i, 'legal_basis']);
      diags.add({ rule: 'missing-legal-basis', file: project.sources.facts.file, line: at.line, column: at.column, message: `purpose "${purpose.id}" has no legal basis for region "${region.id}" (jurisdictions ${jurisdiction.ids.join(', ')})`, expected: `a legal_basis entry for ${jurisdiction.ids[0]} or a default`, hint: 'add `default: <basis>` or an entry for the jurisdiction' });
      return;
    }
    purposes.push({ purpose, legalBasis: purpose.legal_basis[key]! });
  });
  const entity = facts.entities.find((e) => e.id === region.entity)!;
  const override = project.config.noticePeriodOverrides[region.id];
  return {
    region,
    matchIds,
    jurisdiction,
    entity,
    blocks: resolveBlocks(project.master.blocks, region.id, matchIds),
    purposes,
    facts,
    rights: facts.rights.filter((r) => appliesTo(r.jurisdictions, matchIds)),
    transfers: facts.transfers.filter((t) => appliesTo(t.from, matchIds)),
    storage: (facts.storage ?? []).filter((s) => s.regions.includes(region.id)),
    dpo: facts.contacts.dpo && appliesTo(facts.contacts.dpo.jurisdictions, matchIds) ? facts.contacts.dpo : undefined,
    officers: (facts.contacts.officers ?? []).filter((o) => matchIds.has(o.jurisdiction)),
    representatives: (facts.contacts.representatives ?? []).filter((o) => matchIds.has(o.jurisdiction)),
    ageOfConsent: jurisdiction.ageOfConsent,
    noticePeriodDays: override ?? Math.max(jurisdiction.noticePeriodDays ?? 0, project.config.noticePeriodDays),
  };
}
