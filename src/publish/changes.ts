import type { Project } from '../parse/project.js';
import { diffProjects } from '../classify/project-diff.js';
import type { SnapshotChanges } from './manifest.js';

/**
 * What changed between the previous published version and this one: the project diff (master
 * text aligned by unit id, facts and regions), every change classified with the regions whose
 * notice it reaches, and each region's severity from the region × language impact matrix.
 */
export function computeChanges(input: { document: string; from: string; to: string; oldProject: Project; newProject: Project }): SnapshotChanges {
  const { report } = diffProjects(input.oldProject, input.newProject);
  const before = new Set(input.oldProject.regions.map((r) => r.id));
  const changes: SnapshotChanges['changes'] = report.changes.map((c) => ({
    kind: c.kind,
    severity: c.severity,
    rule: c.rule,
    reason: c.reason,
    source: c.source ?? 'text',
    section: { id: c.section.id, path: c.section.path },
    before: c.before,
    after: c.after,
    regions: c.regions ?? [],
  }));
  const regions: SnapshotChanges['regions'] = {};
  for (const r of report.impact.regions) {
    if (!input.newProject.regions.some((x) => x.id === r.id)) continue; // a region that was dropped
    const idx = changes.flatMap((c, k) => (c.regions.includes(r.id) ? [k] : []));
    regions[r.id] = { severity: r.severity, changes: idx, ...(before.has(r.id) ? {} : { added: true }) };
  }
  return { schemaVersion: 1, document: input.document, from: input.from, to: input.to, method: 'project-diff', severity: report.severity, summary: report.summary, regions, changes };
}
