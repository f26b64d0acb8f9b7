import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { addDays } from './dates.js';
import type { SnapshotChanges } from './manifest.js';

/**
 * Where a region's notice period comes from, mirroring `resolveRegion`: a per-region override in
 * noticekit.config.yaml wins; else the longer of the law's fixed period and the configured default.
 */
export function noticePeriodSource(project: Project, r: ResolvedRegion): string {
  if (project.config.noticePeriodOverrides[r.region.id] !== undefined) return 'override';
  const law = r.jurisdiction.noticePeriodDays;
  if (law !== null && law >= project.config.noticePeriodDays && law > 0) {
    const pack = r.jurisdiction.ids.find((id) => project.jurisdictions.get(id)?.noticeChanges.noticePeriodDays === law) ?? r.jurisdiction.primary.id;
    return `law:${pack}`;
  }
  return 'config';
}

export function describeSource(source: string, days: number): string {
  if (source === 'override') return `publishing.notice_period_overrides in noticekit.config.yaml sets ${days} days for this region`;
  if (source.startsWith('law:')) return `the law of jurisdiction "${source.slice(4)}" fixes ${days} days' notice`;
  return `publishing.notice_period_days in noticekit.config.yaml (default 30) sets ${days} days`;
}

export interface NoticePeriodViolation {
  region: string;
  noticePeriodDays: number;
  source: string;
  /** The earliest effective date the period allows. */
  required: string;
  /** Rules of the material changes that reach the region, e.g. `recipients`, `table-row`. */
  rules: string[];
  /** One material change that reaches the region, for the message. */
  example: string;
}

/**
 * Regions where a material change would take effect before its notice period has run: effective
 * earlier than publication + the region's notice period.
 */
export function noticePeriodViolations(changes: SnapshotChanges | undefined, regions: ResolvedRegion[], project: Project, published: string, effective: string): NoticePeriodViolation[] {
  if (!changes) return [];
  const out: NoticePeriodViolation[] = [];
  for (const r of regions) {
    const rc = changes.regions[r.region.id];
    if (!rc || rc.added || rc.severity !== 'material') continue; // a new region had no earlier notice to change
    const required = addDays(published, r.noticePeriodDays);
    if (effective >= required) continue;
    const material = rc.changes.map((k) => changes.changes[k]!).filter((c) => c.severity === 'material');
    const first = material[0];
    out.push({
      region: r.region.id,
      noticePeriodDays: r.noticePeriodDays,
      source: noticePeriodSource(project, r),
      required,
      rules: [...new Set(material.map((c) => c.rule))].sort(),
      example: first ? `${first.reason} (section "${first.section.path.join(' › ') || first.section.id}")` : '',
    });
  }
  return out;
}

/** The earliest effective date per region: publication + notice period for a material change, else the publication date. */
export function earliestEffective(severity: string, published: string, days: number): string {
  return severity === 'material' ? addDays(published, days) : published;
}
