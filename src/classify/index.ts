export { classify, classifyChange, classificationReport, changesOf } from './classify.js';
export { SEVERITIES, maxSeverity, severityRank, type Severity } from './severity.js';
export { RULES } from './rules/index.js';
export type { Change, ChangeKind, ClassifiedChange, ClassificationReport, Rule } from './types.js';
