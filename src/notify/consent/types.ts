import type { ComposedJurisdiction } from '../../jurisdictions/index.js';
import type { ConsentDecision, NoticeChange } from '../types.js';

/** The legal bases that are a form of consent. */
export const CONSENT_BASES: ReadonlySet<string> = new Set(['consent', 'explicit_consent', 'separate_consent']);

/**
 * A rule that decides, for one group of jurisdictions, whether the changes that reach a region need
 * new consent. Rules are code, not the packs' prose: the prose (`notice_changes.reconsent`) is quoted
 * in the decision for the reviewer, the code decides.
 */
export interface ConsentRule {
  /** The file name: `gdpr`, `pipl`, `pipa`, `coppa`. */
  id: string;
  /** Whether the rule applies to a region with these jurisdictions (members and parents included). */
  covers(j: ComposedJurisdiction): boolean;
  /** The pack whose `notice_changes.reconsent` the rule implements, for this region. */
  packId(j: ComposedJurisdiction): string;
  /** The decision, or null when none of the changes needs consent. */
  decide(changes: readonly NoticeChange[], j: ComposedJurisdiction): Omit<ConsentDecision, 'rule' | 'packRule'> | null;
}
