/**
 * legal-basis: every purpose has a legal basis for the region (an entry for one of its
 * jurisdictions or laws, or `default`). Without one the purpose cannot be shown there.
 */
import type { CheckRule } from '../context.js';
import type { Finding } from '../types.js';

export const legalBasis: CheckRule = (ctx) => {
  const el = ctx.element('legal_basis');
  return ctx.resolution
    .filter((d) => d.rule === 'missing-legal-basis')
    .map((d): Finding => ({
      severity: 'error',
      element: 'legal_basis',
      rule: 'legal-basis',
      cite: el?.cite ?? '',
      pack: el?.from ?? ctx.r.jurisdiction.primary.id,
      message: `${d.message}${d.line ? ` (${d.file}:${d.line})` : ''}`,
      fix: `in ${ctx.factsFile}, ${d.hint ?? 'add a legal basis'} (${d.expected ?? 'a legal_basis entry'})`,
      lowConfidence: el ? ctx.low(el.from, 'notice_elements.legal_basis', el.conf) : false,
    }));
};
