import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import type { LocaleSet } from './locales.js';

/** Everything a page needs to speak one language: labels, dates, lists, names, plurals. */
export interface Localizer {
  lng: string;
  dir: 'ltr' | 'rtl';
  t(key: string, opts?: TOptions): string;
  /** True when the key exists in this language or its base language, without falling back to English. */
  hasOwn(key: string): boolean;
  date(iso: string): string;
  list(items: string[], type?: 'conjunction' | 'disjunction' | 'unit'): string;
  country(code: string): string;
  language(tag: string): string;
  duration(iso: string): string;
}

/** Entries a localizer's memo of labels keeps at most (then it starts over). */
const MEMO_LIMIT = 20_000;

const cache = new WeakMap<LocaleSet, { i18n: I18n; byLng: Map<string, Localizer> }>();

function instance(set: LocaleSet): { i18n: I18n; byLng: Map<string, Localizer> } {
  let entry = cache.get(set);
  if (!entry) {
    const resources: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const [lng, res] of set.ui) resources[lng] = { ui: res };
    const i18n = i18next.createInstance();
    void i18n.init({
      resources,
      lng: 'en',
      fallbackLng: 'en',
      ns: ['ui'],
      defaultNS: 'ui',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    } as Parameters<I18n['init']>[0]);
    entry = { i18n, byLng: new Map() };
    cache.set(set, entry);
  }
  return entry;
}

export function localizer(set: LocaleSet, lng: string): Localizer {
  const { i18n, byLng } = instance(set);
  const hit = byLng.get(lng);
  if (hit) return hit;
  const t = i18n.getFixedT(lng, 'ui');
  const direct = directLookup(i18n, lng);
  const base = lng.split('-')[0]!;
  // made on first use: each loads ICU data for the language (a few ms apiece in a fresh process)
  let dates: Intl.DateTimeFormat | undefined;
  let regionNames: Intl.DisplayNames | undefined;
  let languageNames: Intl.DisplayNames | undefined;
  const lists = new Map<string, Intl.ListFormat>();
  const memo = new Map<string, string>();
  const countries = new Map<string, string>();
  const durations = new Map<string, string>();
  const loc: Localizer = {
    lng,
    dir: i18n.dir(lng) === 'rtl' ? 'rtl' : 'ltr',
    t: (key, opts) => {
      const k = opts ? `${key}\u0000${JSON.stringify(opts)}` : key;
      let v = memo.get(k);
      if (v === undefined) {
        v = (opts ? undefined : direct(key)) ?? (t(key, opts ?? {}) as string);
        // bounded: labels with values (dates, counts, names) could otherwise grow it without end
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(k, v);
      }
      return v;
    },
    hasOwn: (key) => i18n.exists(key, { lng, fallbackLng: lng === base ? [] : [base] } as TOptions),
    date: (iso) => {
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : (dates ??= new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' })).format(d);
    },
    list: (items, type = 'conjunction') => {
      let f = lists.get(type);
      if (!f) {
        f = new Intl.ListFormat(lng, { style: 'long', type });
        lists.set(type, f);
      }
      return f.format(items);
    },
    country: (code) => {
      let v = countries.get(code);
      if (v === undefined) {
        v = (regionNames ??= new Intl.DisplayNames([lng], { type: 'region', fallback: 'code' })).of(code.split('-')[0]!.toUpperCase()) ?? code;
        countries.set(code, v);
      }
      return v;
    },
    language: (tag) => (languageNames ??= new Intl.DisplayNames([lng], { type: 'language', fallback: 'code' })).of(tag) ?? tag,
    duration: (iso) => {
      let v = durations.get(iso);
      if (v !== undefined) return v;
      const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
      if (!m) return iso;
      const parts: string[] = [];
      if (m[1]) parts.push(t('retention.years', { count: Number(m[1]) }) as string);
      if (m[2]) parts.push(t('retention.months', { count: Number(m[2]) }) as string);
      if (m[3]) parts.push(t('retention.days', { count: Number(m[3]) * 7 }) as string);
      if (m[4]) parts.push(t('retention.days', { count: Number(m[4]) }) as string);
      v = loc.list(parts, 'unit');
      if (durations.size >= MEMO_LIMIT) durations.clear();
      durations.set(iso, v);
      return v;
    },
  };
  byLng.set(lng, loc);
  return loc;
}

/**
 * What i18next's `t(key)` gives for a key without options, read straight from the resources along
 * i18next's own language hierarchy (e.g. fr-CA, fr, en): the first language whose nested resources
 * hold a text for the key. A call into i18next costs some 40 µs in a fresh process, and a build asks
 * for thousands of labels once each. Undefined (i18next decides) for a namespaced key, a text that
 * interpolates or nests (`{{`, `$t(`), anything that is not a text, and any language whose resources
 * have keys with dots in them (i18next also finds those as flat keys). A test compares both for
 * every label of every language.
 */
export function directLookup(i18n: I18n, lng: string): (key: string) => string | undefined {
  const store = i18n.store.data as Record<string, Record<string, unknown> | undefined>;
  const codes = i18n.services.languageUtils.toResolveHierarchy(lng) as string[];
  const resources = codes.map((c) => (store[c] as Record<string, unknown> | undefined)?.ui);
  if (resources.some((r) => r !== null && typeof r === 'object' && hasDottedKey(r as Record<string, unknown>))) return () => undefined;
  return (key) => {
    if (key.includes(':')) return undefined;
    const path = key.split('.');
    for (const res of resources) {
      let v: unknown = res;
      for (const k of path) {
        if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) {
          v = undefined;
          break;
        }
        v = (v as Record<string, unknown>)[k];
      }
      if (v === undefined) continue;
      return typeof v === 'string' && !v.includes('{{') && !v.includes('$t(') ? v : undefined;
    }
    return undefined;
  };
}

function hasDottedKey(obj: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(obj)) {
    if (k.includes('.')) return true;
    if (v !== null && typeof v === 'object' && hasDottedKey(v as Record<string, unknown>)) return true;
  }
  return false;
}
