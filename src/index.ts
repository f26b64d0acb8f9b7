/**
 * noticekit's library API: what the CLI is built from, for scripts and other tools. Named
 * re-exports only (test/index.test.ts pins the list, so a change to it is a deliberate one).
 *
 *   import { loadProject, buildSite, diffDocuments, classificationReport } from 'noticekit';
 */

// the policy model: parse a master, load a whole project
export { parseMaster, type ParseOptions } from './parse/markdown.js';
export { loadProject, type Project, type LoadOptions } from './parse/project.js';
export { assignUnitIds } from './parse/units.js';
export type { MasterDocument, Block, Unit, UnitKind, SectionInfo, SourcePosition } from './model/document.js';
export { DiagnosticError, formatDiagnostic, isDiagnosticError, type Diagnostic, type DiagnosticSeverity } from './model/diagnostics.js';

// regional notices and the site
export { resolveRegions, type ResolvedRegion } from './resolve/resolve.js';
export { buildSite, renderSite, type BuildOptions, type BuildResult, type RenderOptions, type RenderedSite } from './build/build.js';
export { mergeShards } from './build/merge-shards.js';

// diffing and classifying changes
export { diffDocuments, parsePlainMarkdown, wordDiff } from './diff/index.js';
export type { DocumentDiff, UnitPair, WordPart } from './diff/types.js';
export { diffFacts, diffRegions } from './diff/facts-diff.js';
export { classify, classificationReport, diffProjects, buildImpact, RULES, FACT_RULES, SEVERITIES, maxSeverity } from './classify/index.js';
export type { ClassifiedChange, ClassificationReport, Rule, FactRule, Severity, ProjectDiff, ProjectReport, Impact } from './classify/index.js';
export {
  formatText as formatDiffText,
  formatJson as formatDiffJson,
  formatMarkdown as formatDiffMarkdown,
  formatHtml as formatDiffHtml,
  viewOfDocuments,
  type DiffView,
} from './classify/format/index.js';

// compliance check
export {
  checkProject,
  CHECK_RULES,
  formatText as formatCheckText,
  formatJson as formatCheckJson,
  formatMarkdown as formatCheckMarkdown,
  type CheckOptions,
  type CheckReport,
  type Finding,
} from './check/index.js';
export { loadJurisdictions } from './jurisdictions/index.js';

// translations
export { translationStatus } from './i18n/status.js';
export { exportXliff, importXliff } from './i18n/xliff.js';

// publishing and notices to users
export { publishVersion, PublishBlocked, NoticePeriodRefused, type PublishOptions, type PublishResult } from './publish/publish.js';
export { verifySnapshots, type VerifyReport } from './publish/verify.js';
export { notify, type NotifyOptions, type NotifyRun } from './notify/index.js';
