import type { DiffView } from './view.js';

/**
 * `--format json`: the versioned report. Top level: schemaVersion (1), from and to, severity,
 * summary (count per severity), changes[] (kind, severity, rule, reason, section {id, path},
 * before, after; source, fact, oldSection and regions where they apply), and impact for a project.
 */
export function formatJson(view: DiffView): string {
  const { report } = view;
  const out = {
    schemaVersion: report.schemaVersion,
    from: view.from,
    to: view.to,
    severity: report.severity,
    summary: report.summary,
    changes: report.changes.map((c) => ({
      kind: c.kind,
      severity: c.severity,
      rule: c.rule,
      reason: c.reason,
      section: { id: c.section.id, path: c.section.path },
      before: c.before,
      after: c.after,
      source: c.source ?? 'text',
      ...(c.oldSection ? { oldSection: { id: c.oldSection.id, path: c.oldSection.path } } : {}),
      ...(c.fact ? { fact: c.fact } : {}),
      ...(c.regions ? { regions: c.regions } : {}),
    })),
    ...(report.impact ? { impact: report.impact } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
