import type { FactArea, FactChange } from '../diff/facts-diff.js';
import type { SectionRef } from '../diff/types.js';
import type { Block, MasterDocument } from '../model/document.js';
import { sectionPaths } from '../diff/context.js';
import { FACT_RULES } from './rules/index.js';
import { formatValue } from './fact-format.js';
import type { ClassifiedChange, FactRule } from './types.js';

/** The `::facts{show="…"}` block that renders each area of the facts. */
export const SHOW: Record<FactArea, string | undefined> = {
  company: 'controller',
  entity: 'controller',
  'data-category': 'data-categories',
  source: 'sources',
  purpose: 'purposes',
  recipient: 'recipients',
  transfer: 'transfers',
  cookie: 'cookies',
  right: 'rights',
  'rights-requests': 'rights',
  children: 'children',
  security: 'security',
  storage: 'storage',
  contact: 'contacts',
  region: undefined,
  block: undefined,
};

const AREA_TITLE: Record<FactArea, string> = {
  company: 'Company',
  entity: 'Controller entities',
  'data-category': 'Data categories',
  source: 'Sources',
  purpose: 'Purposes',
  recipient: 'Recipients',
  transfer: 'Transfers',
  cookie: 'Cookies',
  right: 'Rights',
  'rights-requests': 'Rights requests',
  children: 'Children',
  security: 'Security measures',
  storage: 'Storage',
  contact: 'Contacts',
  region: 'Regions',
  block: 'Generated blocks',
};

/**
 * Where a facts change shows in the master: the section holding the `::facts{show=…}` block that
 * renders its area (the retention block for a purpose's retention), else a pseudo-section
 * `facts` named after the area.
 */
export function factsSections(master: MasterDocument | undefined, older?: MasterDocument): (c: FactChange) => SectionRef {
  const byShow = new Map<string, string>();
  const paths = new Map<string, string[]>();
  for (const doc of [master, older]) {
    if (!doc) continue;
    let current = 'top';
    const visit = (blocks: Block[]): void => {
      for (const b of blocks) {
        if (b.type === 'heading') current = b.id;
        else if (b.type === 'facts' && !byShow.has(b.show)) byShow.set(b.show, current);
        else if (b.type === 'conditional' || b.type === 'blockquote') visit(b.blocks);
        else if (b.type === 'list') for (const item of b.items) visit(item);
      }
    };
    visit(doc.blocks);
    for (const [id, path] of sectionPaths(doc)) if (!paths.has(id)) paths.set(id, path);
  }
  return (c) => {
    const show = c.area === 'block' ? c.id : c.area === 'purpose' && c.field === 'retention' ? 'retention' : SHOW[c.area];
    const id = show ? byShow.get(show) : undefined;
    if (id !== undefined) return { id, path: paths.get(id) ?? [] };
    return { id: `facts:${c.area}`, path: [c.area === 'region' ? 'Regions' : 'Facts', AREA_TITLE[c.area]] };
  };
}

/** Classifies one facts change: the first rule that applies, in FACT_RULES order, decides. */
export function classifyFactChange(c: FactChange, section: SectionRef, rules: readonly FactRule[] = FACT_RULES): ClassifiedChange {
  for (const r of rules) {
    const reason = r.appliesTo(c);
    if (reason !== undefined) return toClassified(c, section, r.severity, r.id, reason);
  }
  return toClassified(c, section, 'minor', 'facts-other', `${c.path} changed`);
}

function toClassified(c: FactChange, section: SectionRef, severity: ClassifiedChange['severity'], rule: string, reason: string): ClassifiedChange {
  return {
    kind: c.kind,
    severity,
    rule,
    reason,
    section,
    before: formatValue(c.before),
    after: formatValue(c.after),
    source: 'facts',
    fact: { area: c.area, id: c.id, ...(c.field ? { field: c.field } : {}), path: c.path },
  };
}

/** Classifies every facts change; `master` (the new one) places each in the section that shows it. */
export function classifyFacts(changes: readonly FactChange[], master?: MasterDocument, rules: readonly FactRule[] = FACT_RULES): ClassifiedChange[] {
  const sectionOf = factsSections(master);
  return changes.map((c) => classifyFactChange(c, sectionOf(c), rules));
}
