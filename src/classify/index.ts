export { classify, classifyChange, classificationReport, changesOf } from './classify.js';
export { SEVERITIES, maxSeverity, severityRank, type Severity } from './severity.js';
export { RULES } from './rules/index.js';
export type { Change, ChangeKind, ClassifiedChange, ClassificationReport, Rule } from './types.js';
export { classifyFacts, classifyFactChange, factsSections } from './classify-facts.js';
export { FACT_RULES } from './rules/index.js';
export type { FactRule } from './types.js';
export { diffProjects, regionContexts, type ProjectDiff, type ProjectReport, type ProjectVersion } from './project-diff.js';
export { buildImpact, conditionsOf, visibleIn, type Impact, type RegionContext, type RegionImpact, type StaleUnit, type TranslationImpact } from './impact.js';
