import { pairDeltasOf, termDelta, textTerms } from './plain.js';

/**
 * Privacy-practice vocabulary, by category. Terms are general privacy-policy language (GDPR,
 * CCPA/CPRA, PIPL, LGPD notices), not any one publisher's wording. Each entry is a regular
 * expression source matched case-insensitively on word boundaries.
 */
export type PracticeCategory =
  | 'data-collected'
  | 'recipients'
  | 'purposes'
  | 'tracking'
  | 'transfers'
  | 'retention'
  | 'rights'
  | 'children';

export const CATEGORY_LABEL: Record<PracticeCategory, string> = {
  'data-collected': 'personal data collected or accessed',
  recipients: 'recipients, vendors or sale of data',
  purposes: 'purposes of processing',
  tracking: 'tracking technologies and cookies',
  transfers: 'transfers and processing locations',
  retention: 'retention and deletion',
  rights: 'user rights and how to exercise them',
  children: "children's data",
};

const COUNTRIES = [
  'united states', 'u\\.s\\.a?', 'usa', 'canada', 'mexico', 'brazil', 'argentina', 'chile', 'colombia', 'peru',
  'united kingdom', 'u\\.k\\.', 'ireland', 'france', 'germany', 'netherlands', 'belgium', 'luxembourg', 'spain',
  'portugal', 'italy', 'switzerland', 'austria', 'poland', 'czech republic', 'czechia', 'sweden', 'norway',
  'denmark', 'finland', 'iceland', 'estonia', 'latvia', 'lithuania', 'romania', 'bulgaria', 'greece', 'hungary',
  'croatia', 'slovakia', 'slovenia', 'cyprus', 'malta', 'ukraine', 'russia', 'turkey', 'israel', 'egypt',
  'south africa', 'nigeria', 'kenya', 'morocco', 'united arab emirates', 'uae', 'saudi arabia', 'qatar', 'india',
  'pakistan', 'bangladesh', 'sri lanka', 'china', 'hong kong', 'taiwan', 'japan', 'south korea', 'korea',
  'singapore', 'malaysia', 'indonesia', 'philippines', 'vietnam', 'thailand', 'australia', 'new zealand',
  'european union', 'european economic area', 'eea', 'asia', 'europe', 'africa', 'latin america',
];

export const LEXICON: Record<PracticeCategory, string[]> = {
  'data-collected': [
    'collect(?:s|ed|ing|ion)?', 'gather(?:s|ed|ing)?', 'obtain(?:s|ed|ing)?', 
    'scan(?:s|ned|ning)?', 'monitor(?:s|ed|ing)?', 'telemetry', 'geo-?location', 'precise location', 'location data',
    'gps', 'biometric(?:s)?', 'face(?:print)?s?', 'voice', 'audio', 'microphone', 'camera', 'photos?', 'contacts? list',
    'address book', 'ip address(?:es)?', 'device (?:id|identifiers?|information)', 'advertising id(?:entifier)?s?',
    'browsing history', 'search history', 'purchase history', 'payment (?:information|details|card)',
    'credit card', 'financial (?:information|data)', 'bank account', 'health', 'medical', 'genetic',
    'racial', 'ethnic(?:ity)?', 'religio(?:n|us)', 'sexual', 'political', 'trade union', 'criminal',
    'social security', 'government[- ]issued id', 'passport', "driver'?s licen[cs]e", 'date of birth',
    'sensitive (?:personal )?(?:data|information)', 'inferences?', 'keystrokes?', 'private repositor(?:y|ies)',
    'private content', 'messages', 'usage data', 'log data', 'metadata',
  ],
  recipients: [
    'shar(?:e|es|ed|ing)', 'disclos(?:e|es|ed|ing|ure|ures)', 'sell(?:s|ing)?', 'sold', 'sale(?:s)?',
    'third[- ]part(?:y|ies)', 'partners?', 'resellers?', 'affiliates?', 'subsidiar(?:y|ies)', 'vendors?',
    '(?:sub-?)?processors?', 'service providers?', 'advertisers?', 'ad networks?', 'data brokers?',
    'law enforcement', 'government (?:agencies|authorities|requests?)', 'acquir(?:er|ers|ing)', 'merger',
    'access(?:es|ed)? (?:to )?(?:your|the|private|user)', 'contractors?',
  ],
  purposes: [
    'advertis(?:ing|ements?|ers?)', 'ads', 'marketing', 'market(?:s|ed)? to', 'promotional', 'profil(?:e|es|ing)',
    'personali[sz](?:e|ed|ation|ing)', 'targeted', 'behavio(?:u)?ral', 'cross-context', 'train(?:s|ed|ing)?',
    '(?:machine|deep) learning', 'artificial intelligence', 'ai', 'models?', 'inference', 'research',
    'automated decision(?:-making| making)?', 'scor(?:e|es|ing)', 'analytics', 'statistic(?:s|al)',
    'professional services', 'develop (?:new )?products',
  ],
  tracking: [
    'cookies?', 'track(?:s|ed|er|ers|ing)?', 'pixels?', 'web beacons?', 'beacons?', 'sdks?',
    'local ?storage', 'session storage', 'fingerprint(?:s|ing)?', 'do not track', 'dnt',
    'global privacy control', 'gpc', 'cross-site', 'across (?:other )?(?:sites|websites|services|apps)',
  ],
  transfers: [
    'transfer(?:s|red|ring)?', 'cross-border', 'international(?:ly)?', 'outside (?:of )?(?:the )?',
    'countr(?:y|ies)', 'locations? of processing', 'processing locations?', 'data cent(?:er|re)s?', 'hosted in',
    'stored in', 'privacy shield', 'data privacy framework', 'dpf', 'standard contractual clauses', 'sccs?',
    'adequacy', 'binding corporate rules', 'locali[sz]ation',
    ...COUNTRIES,
  ],
  retention: [
    'retain(?:s|ed|ing)?', 'retention', 'stor(?:e|es|ed|ing|age)', 'delet(?:e|es|ed|ing|ion)',
    'eras(?:e|ed|ure)', 'anonymi[sz](?:e|ed|ation)', 'de-?identif(?:y|ied|ication)', 'archiv(?:e|ed|es)',
    '\\d+ (?:days?|weeks?|months?|years?)', '(?:days?|months?|years?) after',
  ],
  rights: [
    'rights?', 'opt[- ]?(?:out|in)', 'withdraw(?:al)?', 'consent', 'object(?:ion)?', 'restrict(?:ion)?', 'portab(?:le|ility)',
    'rectif(?:y|ication)', 'correct(?:ion)?', 'access (?:request|your)', 'request(?:s)? (?:access|deletion|a copy)',
    'complaints?', 'supervisory authorit(?:y|ies)', 'data protection authorit(?:y|ies)', 'regulators?', 'appeal(?:s)?',
    'arbitration', 'dispute resolution', 'recourse', 'non-?discriminat(?:e|ion)', 'do not (?:sell|share)',
    'limit the use', 'authori[sz]ed agent', 'respond within', '\\d+ days',
  ],
  children: [
    'child(?:ren)?', "children's", 'minors?', 'under (?:the age of )?(?:13|16|18)', 'under \\d+', 'age of \\d+',
    'parent(?:s|al)?', 'guardians?', 'coppa', 'teen(?:s|agers?)?',
  ],
};

/** Negation and modality: flipping these around a practice changes what is promised. */
export const NEGATION_MODALITY = [
  'not', 'no', 'never', 'none', 'neither', 'nor', 'without', "don't", "doesn't", "won't", 'cannot', "can't",
  'may', 'might', 'can', 'could', 'will', 'shall', 'must', 'should', 'only', 'except', 'unless', 'always',
  'sometimes', 'occasionally', 'solely', 'exclusively', 'including', 'limited',
];

/**
 * A term and its patterns. A pattern with the `iu` flags and Unicode classes takes a while to
 * compile, and a text holds few of the terms, so each pattern is made when first needed.
 */
interface Term {
  src: string;
  /** Letters every match starts with (a match needs them in the text), or '' when unknown. */
  prefix: string;
  /** The term on word boundaries, global: counts the occurrences in a whole text. */
  re?: RegExp;
  /** The same pattern, sticky: tests one position. */
  sticky?: RegExp;
}

const termSource = (src: string): string => `(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`;

function term(src: string): Term {
  return { src, prefix: literalPrefix(src) };
}

/** One pattern for a whole list of terms: a text with no match has no occurrence of any of them. */
const anyCompiled = new Map<readonly string[], RegExp>();
function anyOf(list: readonly string[]): RegExp {
  let r = anyCompiled.get(list);
  if (!r) {
    r = new RegExp(termSource(list.map((src) => `(?:${src})`).join('|')), 'iu');
    anyCompiled.set(list, r);
  }
  return r;
}

/**
 * The literal lower-case letters a term's pattern starts with, when it has no top-level
 * alternative: `collect(?:s|ed)?` → `collect`, `e-?mail` → `e`, `(?:sub-?)?processors?` → ''.
 * A text without them cannot match, which skips most of the lexicon for most texts.
 */
export function literalPrefix(src: string): string {
  let depth = 0;
  for (let k = 0; k < src.length; k++) {
    const ch = src[k]!;
    if (ch === '\\') k++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === '|' && depth === 0) return '';
  }
  let out = '';
  for (let k = 0; k < src.length; k++) {
    const ch = src[k]!;
    if (!/[a-z0-9 ',-]/.test(ch)) break;
    const next = src[k + 1];
    if (next === '?' || next === '*' || next === '{') break;
    out += ch;
  }
  return out;
}

/** Lower-case ASCII letter or digit → 0..35; anything else → -1 (the texts are lower-cased). */
function alnum(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}

/**
 * Word-start codes, from the `alnum` values c0, c1, c2 of a word's first characters:
 * (c0·36 + c1)·36 + c2 for three, C2 + c0·36 + c1 for two, C1 + c0 for one.
 */
const C2 = 36 * 36 * 36;
const C1 = C2 + 36 * 36;
const CODES = C1 + 36;

/**
 * Texts the word-start index cannot filter: with an upper-case ASCII letter (the prefix test is
 * case-sensitive, the patterns are not; the texts here are lower-cased, so this is a safeguard),
 * or with U+017F (ſ) or U+212A (Kelvin sign), which the `iu` patterns match as `s` and `k`.
 */
const UNFILTERED = /[A-Z\u017f\u212a]/;

/** What `TermList.scan` finds in a text: the terms that may occur in it, and where. */
export interface TextTerms {
  text: string;
  /** Indexes of the terms that may occur, ascending; the others do not occur. */
  terms: number[];
  /**
   * Where the term `terms[i]` can start: the positions (ascending) where its prefix stands at a
   * word start, `pos[from[i]]` up to `pos[from[i + 1]]`. An empty range means the whole text has
   * to be searched (a term found by the index has a position).
   */
  from: number[];
  pos: number[];
}

/** Writes the first `n` of `xs` and all of `ys` into `out`, sorted (insertion sort: the lists are short); returns the count. */
function sortedUnion(xs: readonly number[], n: number, ys: readonly number[], out: number[]): number {
  const m = n + ys.length;
  for (let i = 0; i < m; i++) {
    const v = i < n ? xs[i]! : ys[i - n]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = v;
  }
  return m;
}

/**
 * A list of terms and an index of them by how their matches start, to find the few terms a text
 * can contain, and where, without running every term's pattern over the whole text.
 *
 * A match starts where no letter or digit precedes it, and with the term's literal prefix. So
 * when the prefix begins with an ASCII letter or digit, the text holds the prefix at an ASCII
 * word start (a letter or digit not preceded by one). One pass over the text visits its word
 * starts and, for each, only the terms filed under its first three characters (or two, or one,
 * for a shorter prefix), checking the prefix there. A term found nowhere does not occur (the 0
 * the prefix test and the pattern would give); one found is then tried only where it was found.
 * Terms without such a prefix are searched for in the whole text.
 */
class TermList {
  readonly terms: Term[];
  /**
   * Term indexes filed by the code of the first three, two or one characters of their prefix (as
   * many as it has): those of code `c` are `filed[at[c]]` up to `filed[at[c + 1]]`.
   */
  private readonly at = new Int32Array(CODES + 1);
  private readonly filed: Int32Array;
  /** Terms whose prefix does not begin with an ASCII letter or digit. */
  private readonly anywhere: Uint8Array;
  /**
   * Scratch for `scan`, reused from text to text: per term, a stamp (the term was found in the
   * current text when it is `gen`), a count of positions and a cursor; and the (term, position)
   * hits in text order.
   */
  private readonly stamp: Int32Array;
  private readonly hitsOf: Int32Array;
  private readonly cursor: Int32Array;
  private gen = 0;
  private hitTerm = new Int32Array(256);
  private hitPos = new Int32Array(256);
  private hits = 0;
  /** The terms found in the current text, in the order found; and the terms searched for everywhere. */
  private readonly found: number[] = [];
  private nFound = 0;
  private readonly anywhereList: number[] = [];
  /** Where `scan` builds the lists of a `TextTerms`. */
  private readonly scratch: number[] = [];
  private readonly scratchFrom: number[] = [];
  private readonly scratchPos: number[] = [];

  constructor(srcs: readonly string[]) {
    this.terms = srcs.map(term);
    this.stamp = new Int32Array(srcs.length);
    this.hitsOf = new Int32Array(srcs.length);
    this.cursor = new Int32Array(srcs.length);
    this.anywhere = new Uint8Array(srcs.length);
    const codes = this.terms.map((t) => {
      const [c0, c1, c2] = [0, 1, 2].map((i) => (i < t.prefix.length ? alnum(t.prefix.charCodeAt(i)) : -1)) as [number, number, number];
      if (c0 < 0) return -1;
      if (c1 < 0) return C1 + c0;
      return c2 < 0 ? C2 + c0 * 36 + c1 : (c0 * 36 + c1) * 36 + c2;
    });
    codes.forEach((c, k) => {
      if (c >= 0) this.at[c + 1]!++;
      else {
        this.anywhere[k] = 1;
        this.anywhereList.push(k);
      }
    });
    for (let c = 0; c < CODES; c++) this.at[c + 1]! += this.at[c]!;
    this.filed = new Int32Array(srcs.length);
    const next = this.at.slice(0, CODES);
    codes.forEach((c, k) => {
      if (c >= 0) this.filed[next[c]!++] = k;
    });
  }

  scan(text: string): TextTerms {
    const { anywhere, hitsOf, cursor, scratch, scratchFrom, scratchPos } = this;
    if (UNFILTERED.test(text)) {
      // Every term, each to be searched in the whole text (an empty range).
      for (let k = 0; k < this.terms.length; k++) {
        scratch[k] = k;
        scratchFrom[k] = 0;
      }
      scratchFrom[this.terms.length] = 0;
      return textTerms(text, scratch.slice(0, this.terms.length), scratchFrom.slice(0, this.terms.length + 1), []);
    }
    const gen = ++this.gen;
    this.hits = 0;
    this.nFound = 0;
    const n = text.length;
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const c = alnum(text.charCodeAt(i));
      if (c >= 0 && prev < 0) {
        this.check(C1 + c, text, i, gen);
        const c1 = i + 1 < n ? alnum(text.charCodeAt(i + 1)) : -1;
        if (c1 >= 0) {
          this.check(C2 + c * 36 + c1, text, i, gen);
          const c2 = i + 2 < n ? alnum(text.charCodeAt(i + 2)) : -1;
          if (c2 >= 0) this.check((c * 36 + c1) * 36 + c2, text, i, gen);
        }
      }
      prev = c;
    }
    // The candidates in order, each with its slice of `pos`; then the hits sorted into the slices
    // (in text order, so each slice is ascending). Built in scratch arrays and copied out with
    // `slice`: see src/diff/plain.ts.
    const m = sortedUnion(this.found, this.nFound, this.anywhereList, scratch);
    let size = 0;
    for (let i = 0; i < m; i++) {
      const k = scratch[i]!;
      scratchFrom[i] = size;
      if (!anywhere[k]) {
        cursor[k] = size;
        size += hitsOf[k]!;
      }
    }
    scratchFrom[m] = size;
    for (let h = 0; h < this.hits; h++) scratchPos[cursor[this.hitTerm[h]!]!++] = this.hitPos[h]!;
    return textTerms(text, scratch.slice(0, m), scratchFrom.slice(0, m + 1), scratchPos.slice(0, size));
  }

  /** Records the terms of `code` whose prefix the text holds at `at`. */
  private check(code: number, text: string, at: number, gen: number): void {
    for (let f = this.at[code]!, end = this.at[code + 1]!; f < end; f++) {
      const k = this.filed[f]!;
      if (!text.startsWith(this.terms[k]!.prefix, at)) continue;
      if (this.stamp[k] !== gen) {
        this.stamp[k] = gen;
        this.hitsOf[k] = 0;
        this.found[this.nFound++] = k;
      }
      this.hitsOf[k]!++;
      if (this.hits === this.hitTerm.length) {
        const terms = new Int32Array(this.hits * 2);
        const pos = new Int32Array(this.hits * 2);
        terms.set(this.hitTerm);
        pos.set(this.hitPos);
        this.hitTerm = terms;
        this.hitPos = pos;
      }
      this.hitTerm[this.hits] = k;
      this.hitPos[this.hits++] = at;
    }
  }
}

let memo: Map<string, string> | null = null;
let lowerMemo: Map<string, string> | null = null;
let derived: Map<string, Map<string, string>> | null = null;
let pairMemo: Map<string, Map<string, PairDeltas>> | null = null;
let mentionMemo: Map<string, number> | null = null;

/** `fn(text)`, remembered under `kind` while a `withTextMemo` run lasts (computed afresh outside one). */
export function remember(kind: string, text: string, fn: (t: string) => string): string {
  if (!derived) return fn(text);
  let m = derived.get(kind);
  if (!m) derived.set(kind, (m = new Map()));
  let v = m.get(text);
  if (v === undefined) m.set(text, (v = fn(text)));
  return v;
}

/**
 * Runs `fn` with the plain texts it computes remembered (one classification run asks for the
 * plain text of the same unit from many rules, and each practice rule asks for the term deltas
 * of the same pair of texts). The memory is dropped when `fn` returns.
 */
export function withTextMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  lowerMemo = new Map();
  derived = new Map();
  pairMemo = new Map();
  mentionMemo = new Map();
  try {
    return fn();
  } finally {
    memo = null;
    lowerMemo = null;
    derived = null;
    pairMemo = null;
    mentionMemo = null;
  }
}

const CURLY_QUOTE = /[\u2018\u2019\u201c\u201d]/;

/** Plain text of inline Markdown: link targets, emphasis markers and HTML tags removed. */
export function plainText(md: string): string {
  const hit = memo?.get(md);
  if (hit !== undefined) return hit;
  // Each replacement is skipped when the character its pattern needs is absent (it would change nothing).
  let out = md;
  if (out.includes('[')) out = out.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  if (out.includes('<')) out = out.replace(/<(https?:[^>]*|[^>@\s]+@[^>\s]+)>/g, '$1').replace(/<\/?[a-zA-Z][^>]*>/g, ' ');
  out = out.replace(/[*_`~]+/g, '');
  if (out.includes('\\')) out = out.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  if (CURLY_QUOTE.test(out)) out = out.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  out = out
    // = .replace(/\s+/g, ' '), without building a new string when the spacing is already single spaces
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
  memo?.set(md, out);
  return out;
}

/** Lower-cased plain text (remembered like `plainText`). */
function lowerPlain(md: string): string {
  const hit = lowerMemo?.get(md);
  if (hit !== undefined) return hit;
  const out = plainText(md).toLowerCase();
  lowerMemo?.set(md, out);
  return out;
}

/**
 * Occurrences of a term in a text, and the first occurrence's text. `pos[from]` up to `pos[to]`:
 * the only positions a match can start (`TextTerms`); there the sticky pattern finds the same
 * matches, in the same order, as the global one searching the whole text. Without them (an empty
 * range), a text without the prefix counts 0 without running the pattern.
 */
function count(text: string, t: Term, pos: readonly number[], from: number, to: number): { n: number; first: string | undefined } {
  let n = 0;
  let first: string | undefined;
  let m: RegExpExecArray | null;
  if (from < to) {
    const r = (t.sticky ??= new RegExp(termSource(t.src), 'iuy'));
    let end = 0;
    for (let k = from; k < to; k++) {
      const q = pos[k]!;
      if (q < end) continue;
      r.lastIndex = q;
      if ((m = r.exec(text))) {
        if (n++ === 0) first = m[0];
        end = q + Math.max(1, m[0].length);
      }
    }
    return n ? { n, first } : NONE;
  }
  if (t.prefix && !text.includes(t.prefix)) return NONE;
  const r = (t.re ??= new RegExp(termSource(t.src), 'giu'));
  r.lastIndex = 0;
  while ((m = r.exec(text))) {
    if (n++ === 0) first = m[0];
    if (m[0] === '') r.lastIndex++;
  }
  return n ? { n, first } : NONE;
}

/** Occurrences of the term `terms[i]` of a scanned text (see `count`). */
function countAt(tt: TextTerms, t: Term, i: number): { n: number; first: string | undefined } {
  return count(tt.text, t, tt.pos, tt.from[i]!, tt.from[i + 1]!);
}
const NONE = { n: 0, first: undefined };

/** Context kept on each side of the edited stretch when two long texts are compared (longer than any term). */
const WINDOW = 80;

/**
 * The stretch of two texts that differs, with WINDOW characters of shared context on each side.
 * A term occurs equally often in the common prefix and suffix of both texts, so counting it in
 * these windows gives the same difference as counting it in the whole texts.
 */
export function editWindows(a: string, b: string): [string, string] {
  const max = Math.min(a.length, b.length);
  if (max < 4 * WINDOW) return [a, b];
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  const from = Math.max(0, p - WINDOW);
  return [a.slice(from, Math.min(a.length, a.length - s + WINDOW)), b.slice(from, Math.min(b.length, b.length - s + WINDOW))];
}

export interface TermDelta {
  category: PracticeCategory;
  term: string;
  /** Occurrences gained (> 0) or lost (< 0). */
  delta: number;
}

/**
 * Every category's terms in one list, in LEXICON order, and where each category's run of it
 * starts and ends (built on first use).
 */
let practice: { list: TermList; from: Record<string, number>; to: Record<string, number> } | undefined;
function practiceTerms(): NonNullable<typeof practice> {
  if (!practice) {
    const srcs: string[] = [];
    const from: Record<string, number> = {};
    const to: Record<string, number> = {};
    for (const c of Object.keys(LEXICON) as PracticeCategory[]) {
      from[c] = srcs.length;
      srcs.push(...LEXICON[c]);
      to[c] = srcs.length;
    }
    practice = { list: new TermList(srcs), from, to };
  }
  return practice;
}

/** The edit windows of two texts, the terms each may hold, and the deltas of each category once computed. */
export interface PairDeltas {
  a: TextTerms;
  b: TextTerms;
  byCategory: Partial<Record<PracticeCategory, TermDelta[]>>;
}

function pairDeltas(before: string, after: string): PairDeltas {
  let inner = pairMemo?.get(before);
  let p = inner?.get(after);
  if (!p) {
    const { list } = practiceTerms();
    const [a, b] = editWindows(lowerPlain(before), lowerPlain(after));
    const inA = list.scan(a);
    p = pairDeltasOf(inA, b === a ? inA : list.scan(b));
    if (pairMemo) {
      if (!inner) pairMemo.set(before, (inner = new Map()));
      inner.set(after, p);
    }
  }
  return p;
}

/**
 * Calls `fn(k, i, j)` for each term index k in [lo, hi) that may occur in either text, in order,
 * with its place among the candidates of each (`a.terms[i] === k`; -1: it does not occur there).
 */
function eachCandidate(a: TextTerms, b: TextTerms, lo: number, hi: number, fn: (k: number, i: number, j: number) => void): void {
  let i = lowerBound(a.terms, lo);
  let j = lowerBound(b.terms, lo);
  for (;;) {
    const x = i < a.terms.length ? Math.min(a.terms[i]!, hi) : hi;
    const y = j < b.terms.length ? Math.min(b.terms[j]!, hi) : hi;
    const k = Math.min(x, y);
    if (k >= hi) return;
    fn(k, x === k ? i++ : -1, y === k ? j++ : -1);
  }
}

/** The deltas of one category: its terms that may occur in either text, in LEXICON order, counted in both. */
function categoryDeltas(p: PairDeltas, c: PracticeCategory): TermDelta[] {
  let out = p.byCategory[c];
  if (out) return out;
  // Gathered in a scratch array and copied out (kept in the memo: see src/diff/plain.ts).
  let n = 0;
  const { list, from, to } = practiceTerms();
  eachCandidate(p.a, p.b, from[c]!, to[c]!, (k, i, j) => {
    const t = list.terms[k]!;
    const ca = i < 0 ? NONE : countAt(p.a, t, i);
    const cb = j < 0 ? NONE : countAt(p.b, t, j);
    const d = cb.n - ca.n;
    if (d !== 0) deltaScratch[n++] = termDelta(c, (d > 0 ? cb.first : ca.first) ?? t.src, d);
  });
  out = deltaScratch.slice(0, n);
  p.byCategory[c] = out;
  return out;
}
const deltaScratch: TermDelta[] = [];

function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The practice terms whose number of occurrences differs between two texts (plain text compared). */
export function practiceDeltas(before: string, after: string, category?: PracticeCategory): TermDelta[] {
  const p = pairDeltas(before, after);
  if (category) return categoryDeltas(p, category).slice();
  const out: TermDelta[] = [];
  for (const c of Object.keys(LEXICON) as PracticeCategory[]) out.push(...categoryDeltas(p, c));
  return out;
}

/** True when the text mentions any practice term (of one category, or of any). */
export function mentionsPractice(text: string, category?: PracticeCategory): boolean {
  const t = lowerPlain(text);
  const cats = category ? [category] : (Object.keys(LEXICON) as PracticeCategory[]);
  return cats.some((c) => mentions(t, c));
}

const CATEGORY_BIT = Object.fromEntries(Object.keys(LEXICON).map((c, k) => [c, 1 << (2 * k)])) as Record<PracticeCategory, number>;

/**
 * Whether a (lower-cased plain) text matches a category, remembered while a memo run lasts: per
 * text two bits per category, "known" and "matches".
 */
function mentions(t: string, c: PracticeCategory): boolean {
  const bit = CATEGORY_BIT[c];
  const known = mentionMemo?.get(t) ?? 0;
  if (known & bit) return (known & (bit << 1)) !== 0;
  const yes = anyOf(LEXICON[c]).test(t);
  mentionMemo?.set(t, known | bit | (yes ? bit << 1 : 0));
  return yes;
}

let modality: TermList | undefined;

/** Negation/modality words gained or lost between two texts. */
export function modalityDeltas(before: string, after: string): string[] {
  const [a, b] = editWindows(lowerPlain(before).replace(/n't\b/g, ' not'), lowerPlain(after).replace(/n't\b/g, ' not'));
  const out: string[] = [];
  const list = (modality ??= new TermList(NEGATION_MODALITY));
  const inA = list.scan(a);
  const inB = b === a ? inA : list.scan(b);
  eachCandidate(inA, inB, 0, list.terms.length, (k, i, j) => {
    const t = list.terms[k]!;
    if (t.src.includes("'")) return;
    const d = (j < 0 ? 0 : countAt(inB, t, j).n) - (i < 0 ? 0 : countAt(inA, t, i).n);
    if (d > 0) out.push(`+${t.src}`);
    else if (d < 0) out.push(`-${t.src}`);
  });
  return out;
}
