import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDiagnosticError } from '../../src/model/diagnostics.js';
import { REPO } from '../helpers/project.js';
import { flatten } from '../../src/i18n/locales.js';
import { loadNotifyTexts } from '../../src/notify/texts.js';

/** The notice texts of every language: complete, with the English placeholders and every plural form. */
const LOCALES = join(REPO, 'locales');
const PARTIAL = new Set(['fr-CA', 'es-MX']);
const read = (lng: string) => flatten(JSON.parse(readFileSync(join(LOCALES, lng, 'notify.json'), 'utf8')) as Record<string, unknown>);
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!).filter((p) => p !== 'count'))].sort();

describe('locales/<lng>/notify.json', () => {
  const languages = readdirSync(LOCALES).filter((d) => /^[a-z]{2,3}(-[A-Z]{2})?$/.test(d)).sort();
  const en = read('en');
  const enBases = new Set([...en.keys()].map((k) => k.replace(PLURAL, '')));
  const pluralBases = new Set([...en.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));

  it('exists for every language folder under locales/', () => {
    for (const lng of languages) expect(existsSync(join(LOCALES, lng, 'notify.json')), `locales/${lng}/notify.json`).toBe(true);
  });

  for (const lng of languages.filter((l) => l !== 'en')) {
    it(`${lng}: ${PARTIAL.has(lng) ? 'only keys that differ from its base language' : 'every English key'}, the same placeholders, every plural form`, () => {
      const texts = read(lng);
      const bases = new Set([...texts.keys()].map((k) => k.replace(PLURAL, '')));
      for (const b of bases) expect(enBases.has(b), `${lng}: unknown key ${b}`).toBe(true);
      if (!PARTIAL.has(lng)) for (const b of enBases) expect(bases.has(b), `${lng}: missing ${b}`).toBe(true);
      for (const [k, v] of texts) {
        const source = en.get(k) ?? en.get(k.replace(PLURAL, '_other'));
        expect(source, `${lng}: ${k} has no English text`).toBeDefined();
        expect(placeholders(v), `${lng}: placeholders of ${k}`).toEqual(placeholders(source!));
        expect(v.trim(), `${lng}: ${k} is empty`).not.toBe('');
      }
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      for (const b of pluralBases) {
        if (!bases.has(b)) continue;
        for (const c of categories) expect(texts.has(`${b}_${c}`), `${lng}: ${b}_${c}`).toBe(true);
      }
    });
  }

  it('loads into i18next with plurals and falls back fr-CA → fr → en', () => {
    const texts = loadNotifyTexts(REPO);
    const ru = texts.forLanguage('ru');
    expect(ru('banner.text', { count: 1, date: 'D', url: 'U' })).toContain('1 важное изменение');
    expect(ru('banner.text', { count: 3, date: 'D', url: 'U' })).toContain('3 важных изменения');
    expect(ru('banner.text', { count: 5, date: 'D', url: 'U' })).toContain('5 важных изменений');
    const frCA = texts.forLanguage('fr-CA');
    expect(frCA('format.personal_data')).toBe('des renseignements personnels');
    expect(frCA('email.subject', { date: 'D' })).toBe('Modification de notre politique de confidentialité à compter du D');
    expect(texts.forLanguage('es-MX')('email.subject', { date: 'D' })).toBe('Cambios en nuestro aviso de privacidad a partir del D');
    expect(texts.forLanguage('es-MX')('email.changes_heading')).toBe('Qué cambia');
  });
});

describe("a project's notify.json with bad content", () => {
  const project = (content: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'nk-notify-texts-'));
    mkdirSync(join(dir, 'locales', 'de'), { recursive: true });
    writeFileSync(join(dir, 'locales', 'de', 'notify.json'), content);
    return dir;
  };
  const problems = (content: string) => {
    try {
      loadNotifyTexts(project(content));
    } catch (e) {
      if (isDiagnosticError(e)) return e.diagnostics;
      throw e;
    }
    return [];
  };

  it('names the line and column of a JSON syntax error', () => {
    expect(problems('{\n  "email": {\n    "subject": "x",\n  }\n}\n')[0]).toMatchObject({ rule: 'locale-json-syntax', file: 'locales/de/notify.json', line: 4, column: 3 });
  });

  it('refuses a "__proto__" key and a value that is not a text, as the label files do', () => {
    expect(problems('{\n  "__proto__": { "email": "x" }\n}\n')[0]).toMatchObject({ rule: 'locale-json-syntax', file: 'locales/de/notify.json', line: 2, message: 'a "__proto__" key' });
    expect(problems('{\n  "email": { "subject": 42 }\n}\n')[0]).toMatchObject({ rule: 'locale-json-syntax', line: 2, message: expect.stringContaining('"email.subject" is a number') });
  });
});
