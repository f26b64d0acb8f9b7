/** What every check rule receives for one region. */
import type { Diagnostic } from '../model/diagnostics.js';
import type { Project } from '../parse/project.js';
import type { ResolvedRegion } from '../resolve/resolve.js';
import type { JurisdictionPack, NoticeElement } from '../jurisdictions/index.js';
import type { Coverage } from './coverage.js';
import type { Finding } from './types.js';

export interface RuleContext {
  project: Project;
  r: ResolvedRegion;
  cov: Coverage;
  /** Facts file path relative to the project root, for fix messages. */
  factsFile: string;
  /** Master file path relative to the project root. */
  masterFile: string;
  /** Diagnostics raised while resolving the region (a purpose without a legal basis there). */
  resolution: Diagnostic[];
  /** Every element id known to the jurisdiction data or the reference list. */
  knownElements: ReadonlySet<string>;
  pack(id: string): JurisdictionPack;
  /** The region's composed element with this id, if its law names it. */
  element(id: string): NoticeElement | undefined;
  /** Whether the pack marks the fact at `path` (or the given conf) as low confidence. */
  low(packId: string, path: string, conf?: string): boolean;
}

export type CheckRule = (ctx: RuleContext) => Finding[];

/** `a, b and c`. */
export function words(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
