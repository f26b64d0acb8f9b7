import type { ComposedJurisdiction, JurisdictionRegistry } from '../../jurisdictions/index.js';
import type { ConsentDecision, NoticeChange } from '../types.js';
import { coppa } from './coppa.js';
import { gdpr } from './gdpr.js';
import { pipa } from './pipa.js';
import { pipl } from './pipl.js';
import type { ConsentRule } from './types.js';

export type { ConsentRule } from './types.js';
export { CONSENT_BASES } from './types.js';

/** One rule per group of jurisdictions; a region matched by none needs no consent request. */
export const CONSENT_RULES: readonly ConsentRule[] = [gdpr, pipl, pipa, coppa];

/**
 * Whether the changes that reach a region need new consent there, and why. The first rule that
 * covers the region and finds changes needing consent decides.
 */
export function consentFor(changes: readonly NoticeChange[], j: ComposedJurisdiction, registry: JurisdictionRegistry): ConsentDecision | null {
  for (const rule of CONSENT_RULES) {
    if (!rule.covers(j)) continue;
    const d = rule.decide(changes, j);
    if (!d) continue;
    const packRule = registry.get(rule.packId(j))?.noticeChanges.reconsent;
    return { rule: rule.id, ...d, ...(packRule ? { packRule } : {}) };
  }
  return null;
}
