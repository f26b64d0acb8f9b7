/**
 * notice-element: every notice element the region's law names is disclosed by a section that
 * survives for the region (`covers="…"`) or by a generated block. Required elements missing are
 * errors; conditional ones are errors when their condition holds (decided from the facts), notes
 * when noticekit cannot tell; recommended ones are notes; on_request ones are ignored.
 *
 * Facts-backed elements: a claim counts only if the facts hold what the notice draws on:
 * retention_period (a period on every purpose), dpo_contact (a DPO or officer for the region),
 * representative (a representative for the region).
 */
import type { NoticeElement } from '../../jurisdictions/index.js';
import { conditionFor } from '../conditions.js';
import type { CheckRule, RuleContext } from '../context.js';
import { words } from '../context.js';
import { blockElements, blockFor, rightIdFor } from '../elements.js';
import type { Finding, FindingSeverity } from '../types.js';

interface Backing {
  lack: string;
  fix: string;
}

function factsBacking(id: string, ctx: RuleContext): Backing | undefined {
  const { r, factsFile } = ctx;
  const region = r.region.id;
  const declaring = ctx.cov.sections.filter((s) => s.covers.includes(id)).map((s) => `#${s.id}`);
  const orRemove = declaring.length ? `; if there is none, remove ${id} from covers="…" of section ${words(declaring)}` : '';
  switch (id) {
    case 'retention_period': {
      const none = r.purposes.filter((p) => !p.purpose.retention || p.purpose.retention.period === 'none').map((p) => p.purpose.id);
      if (!none.length) return undefined;
      return {
        lack: `purpose${none.length > 1 ? 's' : ''} ${words(none.map((x) => `"${x}"`))} ${none.length > 1 ? 'have' : 'has'} no retention period (retention.period: none)`,
        fix: `in ${factsFile}, give ${none.length > 1 ? 'each of these purposes' : `purpose "${none[0]}"`} a retention period: retention: {period: P2Y, from: collection} (an ISO 8601 duration, or the criteria that set it)`,
      };
    }
    case 'dpo_contact':
      if (r.dpo || r.officers.length) return undefined;
      return {
        lack: 'the facts name no DPO or officer for this region',
        fix: `in ${factsFile}, add contacts.dpo with jurisdictions including ${r.jurisdiction.ids[r.jurisdiction.ids.length - 1]} (or contacts.officers with jurisdiction: ${r.jurisdiction.primary.id}) so the contact is shown in region ${region}${orRemove}`,
      };
    case 'representative':
      if (r.representatives.length) return undefined;
      return {
        lack: 'the facts name no representative for this region',
        fix: `in ${factsFile}, add contacts.representatives with jurisdiction: ${r.jurisdiction.primary.id}${orRemove}`,
      };
    default:
      return undefined;
  }
}

function addFix(id: string, ctx: RuleContext): string {
  const { r } = ctx;
  const out: string[] = [];
  const block = blockFor(id);
  const right = rightIdFor(id);
  if (block && blockElements(block, r).includes(id)) {
    out.push(`add ::facts{show="${block}"} to a section that applies to region ${r.region.id}`);
  } else if (block === 'rights' && right) {
    out.push(`list the right "${right}" in the facts rights with jurisdictions including ${r.jurisdiction.primary.id} and keep ::facts{show="rights"} in a section that applies to region ${r.region.id}`);
  }
  out.push(`add ${id} to covers="…" of the section that discloses it, e.g. ## Heading {#section-id covers="${id}"}, in text that applies to region ${r.region.id}`);
  return out.join(', or ');
}

export const noticeElement: CheckRule = (ctx) => {
  const { r, cov, project } = ctx;
  const out: Finding[] = [];
  for (const el of r.jurisdiction.noticeElements) {
    if (el.req === 'on_request') continue;
    const claims = cov.claims.get(el.id) ?? [];
    const backing = factsBacking(el.id, ctx);
    if (claims.length && !backing) continue;

    let severity: FindingSeverity;
    let what: string;
    if (el.req === 'required') {
      severity = 'error';
      what = `required element "${el.id}"`;
    } else if (el.req === 'conditional') {
      const c = conditionFor(el.id, r, cov);
      if (c.holds === false) continue;
      severity = c.holds ? 'error' : 'note';
      what = c.holds ? `conditional element "${el.id}", which applies because ${c.why},` : `conditional element "${el.id}" (noticekit cannot tell from the facts whether it applies)`;
    } else {
      severity = 'note';
      what = `recommended element "${el.id}"`;
    }

    let message: string;
    let fix: string;
    if (claims.length && backing) {
      message = `${what} is not disclosed: ${words(claims)} ${claims.length > 1 ? 'claim' : 'claims'} it, but ${backing.lack}`;
      fix = backing.fix;
    } else {
      const elsewhere = project.master.sections.filter((s) => (s.attrs.covers ?? '').split(/[\s,]+/).includes(el.id) && !cov.sections.some((c) => c.id === s.id)).map((s) => `#${s.id}`);
      message = `${what} is not disclosed: no section that applies to this region covers it and no generated block shows it`;
      if (elsewhere.length) message += ` (section ${words(elsewhere)} covers it but is not part of this region's notice)`;
      if (backing) message += `; also, ${backing.lack}`;
      fix = addFix(el.id, ctx);
      if (backing) fix += `; and ${backing.fix}`;
    }
    out.push(finding(el, severity, message, fix, ctx));
  }
  return out;
};

function finding(el: NoticeElement, severity: FindingSeverity, message: string, fix: string, ctx: RuleContext): Finding {
  return {
    severity,
    element: el.id,
    rule: 'notice-element',
    cite: el.cite,
    pack: el.from,
    message,
    fix,
    lowConfidence: ctx.low(el.from, `notice_elements.${el.id}`, el.conf),
  };
}
