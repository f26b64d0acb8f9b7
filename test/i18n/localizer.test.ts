import { describe, it, expect } from 'vitest';
import i18next from 'i18next';
import { loadLocales, flatten } from '../../src/i18n/locales.js';
import { localizer, directLookup } from '../../src/i18n/localizer.js';
import { DiagnosticBag } from '../../src/model/diagnostics.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function i18nFor(resources: Record<string, Record<string, unknown>>) {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: Object.fromEntries(Object.entries(resources).map(([l, r]) => [l, { ui: r }])), lng: 'en', fallbackLng: 'en', ns: ['ui'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false }, returnNull: false, showSupportNotice: false } as Parameters<typeof i18n.init>[0]);
  return i18n;
}

describe('localizer labels without values', () => {
  it('reads every label of every language of the example exactly as i18next does', () => {
    const set = loadLocales(ROOT, 'locales', new DiagnosticBag());
    const keys = new Set<string>();
    for (const res of set.ui.values()) for (const k of flatten(res).keys()) keys.add(k);
    // and keys that are missing, groups rather than texts, or namespaced
    keys.add('no.such.label');
    keys.add('archive');
    keys.add('ui:archive.read');
    const langs = [...set.ui.keys(), 'fr-CA', 'es-MX', 'pt-BR', 'xx'];
    let direct = 0;
    for (const lng of langs) {
      const l = localizer(set, lng);
      const i18n = i18nFor(Object.fromEntries(set.ui));
      const t = i18n.getFixedT(lng, 'ui');
      const read = directLookup(i18n, lng);
      for (const key of keys) {
        expect(l.t(key), `${lng} ${key}`).toBe(t(key));
        if (read(key) !== undefined) direct++;
      }
    }
    // the direct path answers most of them (texts with placeholders go to i18next)
    expect(direct).toBeGreaterThan(keys.size * langs.length * 0.5);
  });

  it('leaves to i18next what it resolves differently: dotted flat keys, nesting, interpolation, null', () => {
    const i18n = i18nFor({
      en: { a: { b: 'nested' }, 'a.c': 'flat', n: null, s: '$t(a.b) too', v: 'Hello {{name}}', e: '' },
      de: { a: { b: 'verschachtelt' }, e: 'leer' },
    });
    for (const lng of ['en', 'de', 'de-AT']) {
      const t = i18n.getFixedT(lng, 'ui');
      const read = directLookup(i18n, lng);
      for (const key of ['a.b', 'a.c', 'n', 's', 'v', 'e', 'missing']) {
        const d = read(key);
        if (d !== undefined) expect(d, `${lng} ${key}`).toBe(t(key));
      }
    }
    // the English resources have a key with a dot: English and every language falling back to it go to i18next
    expect(directLookup(i18n, 'de')('a.b')).toBeUndefined();
    const plain = i18nFor({ en: { a: { b: 'x' }, v: 'Hi {{name}}', s: '$t(a.b)' }, fr: { a: { b: 'y' } } });
    expect(directLookup(plain, 'fr-CA')('a.b')).toBe('y');
    expect(directLookup(plain, 'fr')('v')).toBeUndefined();
    expect(directLookup(plain, 'fr')('s')).toBeUndefined();
  });
});
