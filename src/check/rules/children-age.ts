/**
 * children-age: where the region's law sets a digital age of consent and the notice addresses
 * children, the notice states that age: the master uses {{children.age}} in text that survives
 * for the region, or the region's notice keeps ::facts{show="children"} (both render the age from
 * the jurisdiction data, never a hard-coded number).
 */
import type { CheckRule } from '../context.js';
import { words } from '../context.js';
import type { Finding } from '../types.js';

export const childrenAge: CheckRule = (ctx) => {
  const { r, cov } = ctx;
  const age = r.ageOfConsent;
  if (age === null) return [];
  const claims = cov.claims.get('children') ?? [];
  if (!claims.length) return [];
  if (cov.placeholders.has('children.age') || cov.factsBlocks.has('children')) return [];
  const pack = r.jurisdiction.ids.map((id) => ctx.pack(id)).find((p) => p.ageOfConsent.age === age) ?? r.jurisdiction.primary;
  const el = ctx.element('children');
  const f: Finding = {
    severity: 'error',
    element: 'children',
    rule: 'children-age',
    cite: pack.ageOfConsent.rule ?? pack.ageOfConsent.src.join('; '),
    pack: pack.id,
    message: `the notice addresses children (${words(claims)}) but does not state the age of consent, which is ${age} in region ${r.region.id}: no text that applies here uses {{children.age}} and ::facts{show="children"} is not part of this region's notice`,
    fix: `write the age as {{children.age}} in the children section, in text that applies to region ${r.region.id}, or add ::facts{show="children"} there (the age comes from the jurisdiction data)`,
    lowConfidence: ctx.low(pack.id, 'digital_age_of_consent', pack.ageOfConsent.conf) || (el ? ctx.low(el.from, 'notice_elements.children', el.conf) : false),
  };
  return [f];
};
