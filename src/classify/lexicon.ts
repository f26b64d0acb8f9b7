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

interface Term {
  re: RegExp;
  /** Letters every match starts with (a match needs them in the text), or '' when unknown. */
  prefix: string;
}

const compiled = new Map<string, Term>();
function term(src: string): Term {
  let t = compiled.get(src);
  if (!t) {
    t = { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`, 'giu'), prefix: literalPrefix(src) };
    compiled.set(src, t);
  }
  return t;
}
function re(src: string): RegExp {
  return term(src).re;
}

/** One pattern for a whole list of terms: a text with no match has no occurrence of any of them. */
const anyCompiled = new Map<readonly string[], RegExp>();
function anyOf(list: readonly string[]): RegExp {
  let r = anyCompiled.get(list);
  if (!r) {
    r = new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map((src) => `(?:${src})`).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
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

let memo: Map<string, string> | null = null;
let lowerMemo: Map<string, string> | null = null;
let derived: Map<string, Map<string, string>> | null = null;

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
 * plain text of the same unit from many rules). The memory is dropped when `fn` returns.
 */
export function withTextMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  lowerMemo = new Map();
  derived = new Map();
  try {
    return fn();
  } finally {
    memo = null;
    lowerMemo = null;
    derived = null;
  }
}

/** Plain text of inline Markdown: link targets, emphasis markers and HTML tags removed. */
export function plainText(md: string): string {
  const hit = memo?.get(md);
  if (hit !== undefined) return hit;
  const out = md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:[^>]*|[^>@\s]+@[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
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

function count(text: string, src: string): number {
  const t = term(src);
  if (t.prefix && !text.includes(t.prefix)) return 0;
  const r = t.re;
  r.lastIndex = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = r.exec(text))) {
    n++;
    if (m[0] === '') r.lastIndex++;
  }
  return n;
}

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

/** The practice terms whose number of occurrences differs between two texts (plain text compared). */
export function practiceDeltas(before: string, after: string, category?: PracticeCategory): TermDelta[] {
  const [a, b] = editWindows(lowerPlain(before), lowerPlain(after));
  const out: TermDelta[] = [];
  const cats = category ? [category] : (Object.keys(LEXICON) as PracticeCategory[]);
  for (const c of cats) {
    const any = anyOf(LEXICON[c]);
    if (!any.test(a) && !any.test(b)) continue;
    for (const src of LEXICON[c]) {
      const d = count(b, src) - count(a, src);
      if (d !== 0) {
        const m = (d > 0 ? b : a).match(re(src));
        out.push({ category: c, term: m?.[0] ?? src, delta: d });
      }
    }
  }
  return out;
}

/** True when the text mentions any practice term (of one category, or of any). */
export function mentionsPractice(text: string, category?: PracticeCategory): boolean {
  const t = lowerPlain(text);
  const cats = category ? [category] : (Object.keys(LEXICON) as PracticeCategory[]);
  return cats.some((c) => anyOf(LEXICON[c]).test(t));
}

/** Negation/modality words gained or lost between two texts. */
export function modalityDeltas(before: string, after: string): string[] {
  const [a, b] = editWindows(lowerPlain(before).replace(/n't\b/g, ' not'), lowerPlain(after).replace(/n't\b/g, ' not'));
  const out: string[] = [];
  const any = anyOf(NEGATION_MODALITY);
  if (!any.test(a) && !any.test(b)) return out;
  for (const w of NEGATION_MODALITY) {
    if (w.includes("'")) continue;
    const d = count(b, w) - count(a, w);
    if (d > 0) out.push(`+${w}`);
    else if (d < 0) out.push(`-${w}`);
  }
  return out;
}
