import i18next, { type TOptions } from 'i18next';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticBag } from '../model/diagnostics.js';
import { flatten, readLocaleJson, type Resources } from '../i18n/locales.js';

/** noticekit's own notice texts; a project's `locales/<lng>/notify.json` overrides them key by key. */
export const PACKAGE_LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url));
export const NOTIFY_NS = 'notify';

/** The notice texts of one language: i18next lookups with plurals, falling back fr-CA → fr → en. */
export interface NotifyT {
  lng: string;
  (key: string, opts?: TOptions): string;
}

export interface NotifyTexts {
  /** Languages that have a notify.json (project or noticekit). */
  languages: string[];
  forLanguage(lng: string): NotifyT;
  /** Where each language's texts came from, for reports. */
  files: Map<string, string[]>;
}

const TAG_RE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;
const PLACEHOLDER_RE = /\{\{\s*([^}]+?)\s*\}\}/g;

function deepMerge(base: Resources, over: Resources): Resources {
  const out: Resources = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? deepMerge(b as Resources, v as Resources) : v;
  }
  return out;
}

function tagsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => TAG_RE.test(d) && existsSync(join(dir, d, 'notify.json')));
}

const placeholders = (s: string) => [...new Set([...s.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!).filter((p) => p !== 'count'))].sort().join(',');

/**
 * Loads `locales/<lng>/notify.json` of noticekit and of the project (the project's keys win) into
 * one i18next instance. A translated text must keep the English placeholders, or the value it
 * names would silently go missing from a notice sent to users: that is an error.
 */
export function loadNotifyTexts(projectRoot: string, diags: DiagnosticBag = new DiagnosticBag()): NotifyTexts {
  const projectLocales = join(projectRoot, 'locales');
  const samePlace = relative(PACKAGE_LOCALES, projectLocales) === '';
  const resources: Record<string, Record<string, Resources>> = {};
  const files = new Map<string, string[]>();
  const tags = [...new Set([...tagsIn(PACKAGE_LOCALES), ...(samePlace ? [] : tagsIn(projectLocales))])].sort();
  for (const lng of tags) {
    let merged: Resources = {};
    const from: string[] = [];
    const sources: [string, string][] = samePlace
      ? [[join(projectLocales, lng, 'notify.json'), `locales/${lng}/notify.json`]]
      : [
          [join(PACKAGE_LOCALES, lng, 'notify.json'), `(noticekit)/locales/${lng}/notify.json`],
          [join(projectLocales, lng, 'notify.json'), `locales/${lng}/notify.json`],
        ];
    for (const [path, rel] of sources) {
      const data = readLocaleJson(path, rel, diags, { optional: true, labels: true });
      if (data) {
        merged = deepMerge(merged, data);
        from.push(rel);
      }
    }
    resources[lng] = { [NOTIFY_NS]: merged };
    files.set(lng, from);
  }
  if (!resources.en) {
    diags.add({ rule: 'file-missing', file: 'locales/en/notify.json', message: 'no English notice texts (locales/en/notify.json), the texts every other language falls back to', expected: 'the file in the project or in noticekit' });
  } else {
    const en = flatten(resources.en[NOTIFY_NS]!);
    for (const [lng, res] of Object.entries(resources)) {
      if (lng === 'en') continue;
      for (const [key, value] of flatten(res[NOTIFY_NS]!)) {
        const source = en.get(key) ?? en.get(key.replace(/_(zero|one|two|few|many|other)$/, '_other'));
        if (source === undefined) continue;
        if (placeholders(source) !== placeholders(value)) {
          diags.add({ rule: 'placeholder-mismatch', file: files.get(lng)?.slice(-1)[0] ?? `locales/${lng}/notify.json`, message: `"${key}" has placeholders {{${placeholders(value) || '—'}}} but the English text has {{${placeholders(source) || '—'}}}`, expected: 'the same placeholders as locales/en/notify.json', hint: 'keep placeholders exactly as in English; translate only the words around them' });
        }
      }
    }
  }
  diags.throwIfErrors();
  const i18n = i18next.createInstance();
  void i18n.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: [NOTIFY_NS],
    defaultNS: NOTIFY_NS,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof i18n.init>[0]);
  const cache = new Map<string, NotifyT>();
  return {
    languages: tags,
    files,
    forLanguage(lng) {
      let t = cache.get(lng);
      if (!t) {
        const fixed = i18n.getFixedT(lng, NOTIFY_NS);
        t = Object.assign((key: string, opts?: TOptions) => fixed(key, opts ?? {}) as string, { lng });
        cache.set(lng, t);
      }
      return t;
    },
  };
}
