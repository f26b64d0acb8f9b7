import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { checkProject } from '../check/check.js';
import { translationStatus } from '../i18n/status.js';

/** A reason not to publish, from the compliance check or the translation status. */
export interface PublishProblem {
  check: 'compliance' | 'translations' | 'history';
  region: string | null;
  rule: string;
  message: string;
  fix: string;
}

/**
 * The checks `publish` runs after the project loaded (the model, the references and the locale
 * files are checked by loading it; templates when rendering): the compliance check of every region
 * (`noticekit check`: errors block, warnings and notes do not) and the translation status (a
 * language with stale units cannot be published in the regions that show them).
 */
export function preflight(project: Project, regions: ResolvedRegion[]): PublishProblem[] {
  const out: PublishProblem[] = [];
  for (const r of checkProject(project).regions) {
    for (const f of r.findings) {
      if (f.severity !== 'error') continue;
      out.push({ check: 'compliance', region: r.region, rule: f.rule, message: `${f.element ? `${f.element}: ` : ''}${f.message}`, fix: f.fix });
    }
  }
  for (const s of translationStatus(project, { regions })) {
    if (!s.blockedRegions.length) continue;
    out.push({
      check: 'translations',
      region: null,
      rule: 'stale-translation',
      message: `${s.locale}: ${s.counts.stale} stale unit${s.counts.stale === 1 ? '' : 's'} (the English changed materially since translation) block region${s.blockedRegions.length === 1 ? '' : 's'} ${s.blockedRegions.join(', ')}`,
      fix: `noticekit translate export --locale ${s.locale}, then noticekit translate import the translated file`,
    });
  }
  return out;
}

export function formatProblems(problems: PublishProblem[]): string {
  return problems.map((p) => `${p.check}${p.region ? ` ${p.region}` : ''}: error [${p.rule}] ${p.message}\n  fix: ${p.fix}`).join('\n');
}
