/** Public types of the jurisdiction packs (see ./index.ts). */

export type Confidence = 'high' | 'medium' | 'low';
export type Requirement = 'required' | 'conditional' | 'on_request' | 'recommended';

export interface NoticeElement {
  id: string;
  req: Requirement;
  cite: string;
  conf: Confidence;
  /** The pack id the element came from (e.g. `eu` for an element a member state inherits). */
  from: string;
}

export interface JurisdictionPack {
  id: string;
  name: string;
  /** inherits/parent chain, nearest first: de -> ['eu'], us-ca -> ['us'], ca-qc -> ['ca'], gb -> []. */
  parents: string[];
  laws: { id: string; cite: string; conf: Confidence }[];
  authority?: {
    nameEn: string;
    nameLocal?: string;
    /** The first language when the data lists several (ch: de, ca: en, kz: kk, uz: uz). */
    localLang?: string;
    /** Every local language, in the order of the `; `-separated names in nameLocal (ch: de, fr, it). */
    localLangs?: string[];
    website?: string;
    otherWebsites?: string[];
    conf: Confidence;
    src: string[];
  };
  dpo?: { required: boolean | 'conditional'; rule: string; conf: Confidence };
  representative?: { required: boolean | 'conditional'; rule: string; conf: Confidence };
  /**
   * Composed: inherited (eu for member states, notice_elements_from for gb) + own + extras;
   * an extra with the same id replaces the inherited one in place.
   */
  noticeElements: NoticeElement[];
  ageOfConsent: { age: number | null; rule?: string; conf: Confidence; src: string[] };
  languages: { required: string[]; customary: string[]; rule?: string; conf: Confidence };
  noticeChanges: {
    materialChange?: string;
    notifyUsers?: string;
    method?: string;
    advanceNotice?: string;
    reconsent?: string;
    /** A member state's addition to the rules it inherits (fr: CNIL practice). */
    extra?: string;
    /** Fixed advance-notice period in days; null = the law fixes none (use the configured default). */
    noticePeriodDays: number | null;
    conf: Confidence;
    src: string[];
  };
  crossBorder: { summary?: string; localization: boolean | 'partial'; adequacyList?: string[]; conf: Confidence };
  siteLocales: string[];
  /**
   * Dotted paths, in the pack's own data file, of facts with `conf: low`. List items are named by
   * their `id` (or `state`), else by index: `digital_age_of_consent`, `notice_elements.controller_identity`,
   * `pending_changes.0`, `notice_period_days`.
   */
  lowConfidence: string[];
}

export interface ComposedJurisdiction {
  /** All ids incl. parents, most specific first, no duplicates. */
  ids: string[];
  lawIds: string[];
  /** The most specific pack: the last of the given ids that is not a parent of another given id. */
  primary: JurisdictionPack;
  /** From the most specific pack that has one with a website; member states over eu. */
  authority?: JurisdictionPack['authority'];
  /**
   * The highest age across the composed packs that set one (strictest). A member state's own age
   * replaces the one it inherits (fr 15 is not raised to eu's default 16); `parent` overlays
   * (us-ca, ca-qc) apply together with their parent, so the higher age wins.
   */
  ageOfConsent: number | null;
  /** Union by id, stricter req wins: required > conditional > on_request > recommended. */
  noticeElements: NoticeElement[];
  /** The largest fixed period across packs, else null. */
  noticePeriodDays: number | null;
  /** true if any pack is true, else 'partial' if any, else false. */
  localization: boolean | 'partial';
  languagesRequired: string[];
  /** Strictest across packs: true > 'conditional' > false. */
  dpoRequired: boolean | 'conditional';
}

export interface JurisdictionRegistry {
  /** Sorted pack ids (aliases such as `uk` are not listed, but get/has/chain accept them). */
  ids(): string[];
  get(id: string): JurisdictionPack | undefined;
  has(id: string): boolean;
  /** id then its parents: 'de' -> ['de','eu']. Throws on an unknown id. */
  chain(id: string): string[];
  /** Law ids of the chain, no duplicates: 'de' -> ['gdpr','bdsg','tdddg','ddg','eprivacy']. Throws on an unknown id. */
  lawIds(id: string): string[];
  /** For a region with several jurisdictions, e.g. ['us','us-ca'] or ['ca','ca-qc']. Throws on an unknown or empty list. */
  compose(ids: string[]): ComposedJurisdiction;
}
