export { formatText, redlineText } from './format-text.js';
export { formatJson } from './format-json.js';
export { formatMarkdown, GITHUB_COMMENT_LIMIT, mdInline } from './format-markdown.js';
export { formatHtml, escapeHtml } from './format-html.js';
export { viewOfDocuments, partsOf, trimParts, type DiffView, type VersionLabel } from './view.js';
