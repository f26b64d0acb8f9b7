import type { Severity } from '../classify/severity.js';
import type { SectionRef } from '../diff/types.js';
import type { Unit } from '../model/document.js';

/** Kinds of change to the structured facts, as seen from one region. */
export const FACT_CHANGE_KINDS = [
  'controller_changed',
  'purpose_added',
  'purpose_removed',
  'purpose_changed',
  'legal_basis_changed',
  'category_added',
  'category_removed',
  'recipient_added',
  'recipient_changed',
  'recipient_removed',
  'transfer_added',
  'transfer_removed',
  'retention_longer',
  'retention_shorter',
  'right_added',
  'right_removed',
  'children_changed',
  'facts_changed',
] as const;
export type FactChangeKind = (typeof FACT_CHANGE_KINDS)[number];

/** Kinds of material change to the prose of the master text. */
export const TEXT_CHANGE_KINDS = ['text_changed', 'text_added', 'text_removed'] as const;
export type TextChangeKind = (typeof TEXT_CHANGE_KINDS)[number];

export type NoticeChangeKind = FactChangeKind | TextChangeKind;

/**
 * A change to the structured facts that reaches one region, by ids (labels are looked up per
 * language when the sentence is drafted). `before` / `after` hold the values that changed.
 */
export interface FactChange {
  kind: FactChangeKind;
  severity: Severity;
  /** The id of what changed: a purpose, recipient, data category, right, transfer destination, entity. */
  id: string;
  /** Data category ids involved (shared, used; for `*_changed`, only those added). */
  categories?: string[];
  /** Purpose ids involved. */
  purposes?: string[];
  /** Country codes involved (where a recipient is, a transfer's destination). */
  countries?: string[];
  /** Legal basis of the purpose in this region (purpose_added, purpose_changed). */
  legalBasis?: string;
  /** facts_changed: the section that shows the facts, and the rules that classified them material. */
  section?: SectionRef;
  rules?: string[];
  /** Recipient type (recipient_added/changed/removed): processor, partner, authority, … */
  recipientType?: string;
  /** Transfer safeguard id (transfer_added). */
  safeguard?: string;
  /** Retention `{period, from}`, legal basis ids, entity names, children settings: before and after. */
  before?: FactValue;
  after?: FactValue;
}

export type FactValue = string | number | boolean | { period: string; from?: string | undefined } | Record<string, unknown>;

/**
 * The material changes to the prose of one section that reach one region: `text_changed` when a
 * unit was edited (or edited and added/removed), `text_added` when units were only added,
 * `text_removed` when units were only removed.
 */
export interface TextChange {
  kind: TextChangeKind;
  severity: Severity;
  /** The classification rules that fired and their reasons (for the legal team, in English). */
  rules: string[];
  reasons: string[];
  section: SectionRef;
  /** The aligned units, in document order: old only (removed), new only (added), or both. */
  units: { old?: Unit; new?: Unit }[];
}

export type NoticeChange = FactChange | TextChange;

export function isTextChange(c: NoticeChange): c is TextChange {
  return c.kind === 'text_changed' || c.kind === 'text_added' || c.kind === 'text_removed';
}

/** What the law of a region asks for when the changes reach it. */
export type ConsentType = 'consent' | 'separate_consent' | 'parental_consent';

export interface ConsentDecision {
  /** The rule file that decided (`gdpr`, `pipl`, `pipa`, `coppa`). */
  rule: string;
  type: ConsentType;
  /** The law the rule applies, with article numbers a lawyer can check. */
  citation: string;
  /** Why, in words: which changes need consent and under which provision. */
  reason: string;
  /** The jurisdiction pack's own statement of the re-consent rule (`notice_changes.reconsent`). */
  packRule?: string;
  /** The changes that need consent (a subset of the region's changes). */
  changes: NoticeChange[];
}

/** One drafted change sentence in one language. */
export interface DraftedChange {
  kind: NoticeChangeKind;
  severity: Severity;
  /** The sentence as Markdown (values escaped; text changes keep their inline Markdown). */
  markdown: string;
  /** The sentence as plain text. */
  text: string;
  /** True when this change is one the consent request asks about. */
  consent: boolean;
  /** Text changes: the section id; fact changes: the id of what changed. */
  ref: string;
  /** True when the sentence quotes English master text because no current translation exists. */
  fallback?: boolean;
}

/** Every notice drafted for one region in one language. */
export interface DraftedNotice {
  locale: string;
  /** Writing direction of the language. */
  dir: 'ltr' | 'rtl';
  url: string;
  /** The effective date in the language's long date format. */
  effectiveText: string;
  changes: DraftedChange[];
  email: { subject: string; body: string };
  /** The in-product banner: plain text. */
  banner: string;
  /** The "what changed" summary for the site (Markdown). */
  changesPage: string;
  /** The consent request (Markdown), where the region's law asks for new consent. */
  consent?: string;
}

export type RegionStatus = 'notify' | 'no-notice' | 'new-region';

export interface RegionOutcome {
  region: string;
  name: string;
  locales: string[];
  jurisdictions: string[];
  /** The highest severity of the changes that reach the region. */
  severity: Severity;
  status: RegionStatus;
  /** Why the region is or is not notified, in words. */
  reason: string;
  noticePeriodDays: number;
  /** The last day to send the notice so that the notice period is kept (effective − period). */
  sendBy: string;
  changes: NoticeChange[];
  consent: ConsentDecision | null;
  notices: DraftedNotice[];
}

export interface NotifyResult {
  document: string;
  /** The published version compared from. */
  from: string;
  /** The version compared to, or `working` for the working tree. */
  to: string;
  effective: string;
  severity: Severity;
  regions: RegionOutcome[];
  /** Regions of the old version that the new one no longer has. */
  removedRegions: string[];
}

export type NotifyFormat = 'md' | 'json' | 'html';
