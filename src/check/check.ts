/**
 * `noticekit check` as a library function: per region, the notice elements its law requires and
 * whether the region's notice (the master after :::only/:::except, plus generated blocks)
 * discloses them, with the other legal checks (languages, age of consent, complaint authority,
 * data localization). Pure: reads nothing but the loaded project.
 */
import { DiagnosticBag, DiagnosticError } from '../model/diagnostics.js';
import type { Project } from '../parse/project.js';
import { resolveRegion } from '../resolve/resolve.js';
import { regionCoverage } from './coverage.js';
import type { CheckRule, RuleContext } from './context.js';
import { ELEMENT_IDS } from './elements.js';
import { childrenAge } from './rules/children-age.js';
import { complaintAuthority } from './rules/complaint-authority.js';
import { coversUnknownId } from './rules/covers-unknown-id.js';
import { dataLocalization } from './rules/data-localization.js';
import { legalBasis } from './rules/legal-basis.js';
import { noticeElement } from './rules/notice-element.js';
import { requiredLanguage } from './rules/required-language.js';
import { translations } from './rules/translations.js';
import { rawHtml } from './rules/raw-html.js';
import type { CheckOptions, CheckReport, Finding, RegionReport } from './types.js';

/** The rules, in the order their findings are listed within a severity. */
export const CHECK_RULES: readonly { id: string; run: CheckRule }[] = [
  { id: 'legal-basis', run: legalBasis },
  { id: 'notice-element', run: noticeElement },
  { id: 'required-language', run: requiredLanguage },
  { id: 'children-age', run: childrenAge },
  { id: 'complaint-authority', run: complaintAuthority },
  { id: 'data-localization', run: dataLocalization },
  { id: 'covers-unknown-id', run: coversUnknownId },
  { id: 'translation', run: translations },
  { id: 'raw-html', run: rawHtml },
];

const RANK = { error: 0, warning: 1, note: 2 } as const;

export function checkProject(project: Project, opts: CheckOptions = {}): CheckReport {
  const known = new Set(project.regions.map((r) => r.id));
  const unknown = (opts.regions ?? []).filter((id) => !known.has(id));
  if (unknown.length) {
    throw new DiagnosticError(unknown.map((id) => ({
      severity: 'error' as const,
      rule: 'unknown-id',
      file: project.sources.regions.file,
      message: `unknown region "${id}"`,
      expected: `one of the regions in policy/regions.yaml: ${[...known].join(', ')}`,
    })));
  }
  const selected = opts.regions ? project.regions.filter((r) => opts.regions!.includes(r.id)) : project.regions;
  const reg = project.jurisdictions;
  const knownElements = new Set<string>(ELEMENT_IDS);
  for (const id of reg.ids()) for (const e of reg.get(id)!.noticeElements) knownElements.add(e.id);

  const regions: RegionReport[] = [];
  for (const region of selected) {
    const diags = new DiagnosticBag();
    const r = resolveRegion(project, region, diags);
    if (!r) continue;
    const cov = regionCoverage(project.master, r);
    const ctx: RuleContext = {
      project,
      r,
      cov,
      factsFile: project.sources.facts.file,
      masterFile: project.master.file,
      resolution: diags.items,
      knownElements,
      pack: (id) => {
        const p = reg.get(id);
        if (!p) throw new Error(`check: unknown jurisdiction pack "${id}"`);
        return p;
      },
      element: (id) => r.jurisdiction.noticeElements.find((e) => e.id === id),
      low: (packId, path, conf) => conf === 'low' || (reg.get(packId)?.lowConfidence ?? []).some((p) => p === path || p.startsWith(`${path}.`)),
    };
    const findings: Finding[] = [];
    for (const rule of CHECK_RULES) findings.push(...rule.run(ctx));
    findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
    const errors = count('error');
    regions.push({
      region: region.id,
      name: region.name,
      jurisdictions: [...r.jurisdiction.ids],
      status: errors ? 'fail' : 'pass',
      errors,
      warnings: count('warning'),
      notes: count('note'),
      findings,
    });
  }
  const sum = (k: 'errors' | 'warnings' | 'notes') => regions.reduce((n, x) => n + x[k], 0);
  return {
    schemaVersion: 1,
    document: project.config.document,
    regions,
    summary: {
      regions: regions.length,
      passed: regions.filter((x) => x.status === 'pass').length,
      failed: regions.filter((x) => x.status === 'fail').length,
      errors: sum('errors'),
      warnings: sum('warnings'),
      notes: sum('notes'),
    },
  };
}
