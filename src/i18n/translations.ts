import type { Unit } from '../model/document.js';
import type { LocaleSet } from './locales.js';

export type TranslationState = 'translated' | 'reviewed' | 'final';

/** One translated unit in `locales/<lng>/privacy.json`. */
export interface UnitTranslation {
  /** The translated inline Markdown, placeholders kept. */
  text: string;
  /** Hash of the English unit it translates. */
  source: string;
  state: TranslationState;
}

export type Lookup =
  | { state: 'current'; text: string; entry: UnitTranslation }
  | { state: 'needs-review'; text: string; entry: UnitTranslation }
  | { state: 'missing' };

/** The translation of a unit for a language: exact tag first, then its base language. */
export function translationFor(set: LocaleSet, lng: string, unit: Unit): Lookup {
  for (const tag of lng.includes('-') ? [lng, lng.split('-')[0]!] : [lng]) {
    const entry = (set.privacy.get(tag)?.units as Record<string, UnitTranslation> | undefined)?.[unit.id];
    if (entry && typeof entry.text === 'string') {
      return entry.source === unit.hash ? { state: 'current', text: entry.text, entry } : { state: 'needs-review', text: entry.text, entry };
    }
  }
  return { state: 'missing' };
}
