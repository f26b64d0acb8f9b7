import type { Unit } from '../model/document.js';
import type { LocaleSet } from './locales.js';
import type { Staleness, UnitChange } from './staleness.js';

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
  | { state: 'current'; text: string; entry: UnitTranslation; tag: string }
  | { state: 'needs-review'; text: string; entry: UnitTranslation; tag: string; change: UnitChange }
  | { state: 'stale'; entry: UnitTranslation; tag: string; change: UnitChange }
  | { state: 'missing' };

export function entriesOf(set: LocaleSet, tag: string): Record<string, UnitTranslation> | undefined {
  return set.privacy.get(tag)?.units as Record<string, UnitTranslation> | undefined;
}

/**
 * The translation of a unit for a language (exact tag first, then its base language): current when
 * made from today's English; needs-review when the English changed since, but not materially;
 * stale when it changed materially (then it must not be shown).
 */
export function translationFor(set: LocaleSet, lng: string, unit: Unit, staleness: Staleness): Lookup {
  for (const tag of lng.includes('-') ? [lng, lng.split('-')[0]!] : [lng]) {
    const entry = entriesOf(set, tag)?.[unit.id];
    if (entry && typeof entry.text === 'string') {
      if (entry.source === unit.hash) return { state: 'current', text: entry.text, entry, tag };
      const change = staleness(unit, entry.source);
      return change.severity === 'material' ? { state: 'stale', entry, tag, change } : { state: 'needs-review', text: entry.text, entry, tag, change };
    }
  }
  return { state: 'missing' };
}
