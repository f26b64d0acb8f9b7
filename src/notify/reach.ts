import type { ProjectDiff } from '../classify/project-diff.js';
import { maxSeverity, type Severity } from '../classify/severity.js';
import type { ClassifiedChange } from '../classify/types.js';
import type { FactChange as DiffFactChange } from '../diff/facts-diff.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import { regionFactChanges } from './facts-changes.js';
import { regionTextChanges } from './text-changes.js';
import type { FactChange, NoticeChange } from './types.js';

/** A facts change of the project diff with its classification. */
interface ClassifiedFact {
  fact: DiffFactChange;
  classified: ClassifiedChange;
}

/** Pairs every facts change of the diff with its classification (by kind and path in the file). */
export function classifiedFacts(pd: ProjectDiff): ClassifiedFact[] {
  const byKey = new Map<string, ClassifiedChange>();
  for (const c of pd.report.changes) if (c.source === 'facts' && c.fact) byKey.set(`${c.kind}|${c.fact.path}`, c);
  const out: ClassifiedFact[] = [];
  for (const f of pd.facts) {
    const classified = byKey.get(`${f.kind}|${f.path}`);
    if (classified) out.push({ fact: f, classified });
  }
  return out;
}

/** Whether a sentence-level change of a region tells the reader about a facts change of the diff. */
function tells(m: FactChange, f: DiffFactChange, oldR: ResolvedRegion, newR: ResolvedRegion): boolean {
  switch (m.kind) {
    case 'purpose_added':
    case 'purpose_removed':
      return f.area === 'purpose' && f.id === m.id && f.kind === (m.kind === 'purpose_added' ? 'added' : 'removed');
    case 'purpose_changed':
      return f.area === 'purpose' && f.id === m.id && f.field === 'data_categories';
    case 'legal_basis_changed':
      return f.area === 'purpose' && f.id === m.id && (f.field?.startsWith('legal_basis.') ?? false);
    case 'retention_longer':
    case 'retention_shorter':
      return f.area === 'purpose' && f.id === m.id && f.field === 'retention';
    case 'category_added':
    case 'category_removed':
      return f.area === 'data-category' && f.id === m.id && f.kind === (m.kind === 'category_added' ? 'added' : 'removed');
    case 'recipient_added':
    case 'recipient_removed':
    case 'recipient_changed':
      return f.area === 'recipient' && f.id === m.id;
    case 'transfer_added':
    case 'transfer_removed':
      return f.area === 'transfer';
    case 'right_added':
    case 'right_removed':
      return f.area === 'right' && f.id === m.id;
    case 'controller_changed':
      return (f.area === 'entity' && (f.id === oldR.entity.id || f.id === newR.entity.id)) || (f.area === 'region' && f.field === 'entity' && f.id === newR.region.id);
    case 'children_changed':
      return f.area === 'children';
    case 'facts_changed':
      return false;
  }
}

export interface RegionChanges {
  /** The region's severity: the highest of the changes that reach it (the diff's impact matrix). */
  severity: Severity;
  changes: NoticeChange[];
}

/**
 * What one region's notice must tell: the facts changes in plain words (values as this region
 * sees them: its legal bases, its transfers, its rights, its controller), each with the severity
 * the diff's rules gave it; a sentence per section for material facts changes no sentence kind
 * covers (cookies, storage, contacts, …); and the material text changes, by section. The region's
 * severity is the one in the diff's region × language matrix, so `notify` and `diff` agree.
 */
export function regionChanges(pd: ProjectDiff, facts: readonly ClassifiedFact[], oldR: ResolvedRegion, newR: ResolvedRegion): RegionChanges {
  const id = newR.region.id;
  const reaching = facts.filter((f) => f.classified.regions?.includes(id));
  const mine = regionFactChanges(oldR, newR);
  const changes: FactChange[] = [];
  for (const m of mine) {
    const told = reaching.filter((f) => tells(m, f.fact, oldR, newR));
    changes.push(told.length ? { ...m, severity: maxSeverity(...told.map((f) => f.classified.severity)) } : m);
  }
  const mentioned = new Set(changes.flatMap((m) => [...(m.categories ?? []), ...(m.kind === 'category_added' ? [m.id] : [])]));
  const generic = new Map<string, FactChange>();
  for (const f of reaching) {
    if (f.classified.severity !== 'material') continue;
    if (changes.some((m) => tells(m, f.fact, oldR, newR))) continue;
    // a new data category, or data added to a purpose, that a sentence already names
    if (f.fact.area === 'data-category' && f.fact.kind === 'added' && mentioned.has(f.fact.id)) continue;
    if (f.fact.area === 'purpose' && f.fact.field === 'data_categories' && (f.fact.gained ?? []).every((c) => mentioned.has(c))) continue;
    const section = f.classified.section;
    const g = generic.get(section.id);
    if (g) g.rules!.push(f.classified.rule);
    else generic.set(section.id, { kind: 'facts_changed', severity: 'material', id: section.id, section, rules: [f.classified.rule] });
  }
  const impact = pd.report.impact.regions.find((r) => r.id === id);
  return { severity: impact?.severity ?? 'none', changes: [...changes, ...generic.values(), ...regionTextChanges(pd, id)] };
}
