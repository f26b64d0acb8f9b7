/** The compliance check (`noticekit check`): library entry points. */
export { checkProject, CHECK_RULES } from './check.js';
export { formatText } from './format-text.js';
export { formatJson } from './format-json.js';
export { formatMarkdown } from './format-markdown.js';
export type { CheckOptions, CheckReport, Finding, FindingSeverity, RegionReport } from './types.js';
