/**
 * complaint-authority: where the region's law requires telling people of their right to complain
 * to the supervisory authority, the jurisdiction data gives the authority a website and the
 * notice names it: {{authority.name}} and {{authority.website}} in text that survives for the region.
 */
import { conditionFor } from '../conditions.js';
import type { CheckRule } from '../context.js';
import type { Finding, FindingSeverity } from '../types.js';

export const complaintAuthority: CheckRule = (ctx) => {
  const { r, cov } = ctx;
  const el = ctx.element('right_complaint');
  if (!el || el.req === 'on_request') return [];
  let severity: FindingSeverity;
  if (el.req === 'required') severity = 'error';
  else if (el.req === 'conditional') {
    const c = conditionFor(el.id, r, cov);
    if (c.holds === false) return [];
    severity = c.holds ? 'error' : 'note';
  } else severity = 'note';

  const auth = r.jurisdiction.authority;
  const authPack = r.jurisdiction.ids.map((id) => ctx.pack(id)).find((p) => p.authority && p.authority === auth);
  const lowConfidence = ctx.low(el.from, 'notice_elements.right_complaint', el.conf) || (authPack ? ctx.low(authPack.id, 'authority', auth?.conf) : false);
  const base = { severity, element: el.id, rule: 'complaint-authority', cite: el.cite, pack: el.from, lowConfidence };
  if (!auth?.website) {
    return [{
      ...base,
      message: `the jurisdiction data gives no supervisory authority with a website for ${r.jurisdiction.ids.join(', ')}, so the notice cannot say where to complain`,
      fix: `add authority.website to src/jurisdictions/data/${r.jurisdiction.primary.id}.yaml (report it to the noticekit maintainers), or name the authority and its website in the complaints section for region ${r.region.id}`,
    }];
  }
  const missing = ['authority.name', 'authority.website'].filter((p) => !cov.placeholders.has(p));
  if (!missing.length) return [];
  const f: Finding = {
    ...base,
    message: `the notice does not name the supervisory authority (${auth.nameEn}, ${auth.website}): no text that applies to region ${r.region.id} uses ${missing.map((p) => `{{${p}}}`).join(' or ')}`,
    fix: `write "{{authority.name}} ({{authority.website}})" in the complaints section, in text that applies to region ${r.region.id}`,
  };
  return [f];
};
