import type { DiagnosticBag } from '../model/diagnostics.js';
import type { MasterDocument } from '../model/document.js';
import { locateKey, type LocaleSet } from './locales.js';
import { placeholdersIn } from '../resolve/placeholders.js';

const STATES = new Set(['translated', 'reviewed', 'final']);

/** Inline structure a translation must keep: placeholders and link targets, as sorted lists. */
export function inlineStructure(text: string): { placeholders: string[]; links: string[] } {
  return {
    placeholders: placeholdersIn(text).sort(),
    links: [...text.matchAll(/\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1]!).sort(),
  };
}

/**
 * Checks `locales/<lng>/privacy.json`: every entry is a known unit with text, a source hash and a
 * state, and keeps the English unit's placeholders and link targets. Problems are errors: a
 * translation that drops `{{authority.name}}` would publish a notice without the authority.
 */
export function checkTranslations(master: MasterDocument, locales: LocaleSet, diags: DiagnosticBag): void {
  const byId = new Map(master.units.map((u) => [u.id, u]));
  for (const [lng, res] of locales.privacy) {
    const file = locales.files.get(`${lng}/privacy`) ?? `locales/${lng}/privacy.json`;
    const units = res.units;
    if (typeof units !== 'object' || units === null || Array.isArray(units)) {
      diags.add({ rule: 'translation-format', file, line: 1, column: 1, message: 'no "units" object', expected: '{ "units": { "u0001": { "text": "…", "source": "<hash>", "state": "translated" } } }' });
      continue;
    }
    for (const [id, entry] of Object.entries(units as Record<string, unknown>)) {
      // where the entry is, looked up only for a diagnostic (it parses the file into a tree)
      const at = () => locateKey(locales, `${lng}/privacy`, `units.${id}`);
      const e = entry as { text?: unknown; source?: unknown; state?: unknown };
      if (typeof e !== 'object' || e === null || typeof e.text !== 'string' || typeof e.source !== 'string' || typeof e.state !== 'string' || !STATES.has(e.state)) {
        diags.add({ rule: 'translation-format', file, ...at(), message: `translation of unit ${id} is malformed`, expected: '{ "text": "…", "source": "<16 hex digits>", "state": "translated" | "reviewed" | "final" }' });
        continue;
      }
      const unit = byId.get(id);
      if (!unit) {
        diags.add({ severity: 'warning', rule: 'unknown-unit', file, ...at(), message: `unit ${id} is not in the master text any more`, hint: 'remove it, or run `noticekit translate import` which drops such units' });
        continue;
      }
      const want = inlineStructure(unit.text);
      const got = inlineStructure(e.text);
      if (want.placeholders.join() !== got.placeholders.join()) {
        diags.add({ rule: 'placeholder-mismatch', file, ...at(), message: `translation of unit ${id} has placeholders ${fmt(got.placeholders)} but the English has ${fmt(want.placeholders)}`, expected: 'the same placeholders as the English unit', hint: 'keep every {{placeholder}} exactly as in English' });
      }
      if (want.links.join() !== got.links.join()) {
        diags.add({ rule: 'link-mismatch', file, ...at(), message: `translation of unit ${id} links to ${fmt(got.links)} but the English links to ${fmt(want.links)}`, expected: 'the same link targets as the English unit', hint: 'translate the link text, keep the (URL)' });
      }
    }
  }
}

function fmt(xs: string[]): string {
  return xs.length ? xs.map((x) => (x.startsWith('http') || x.startsWith('mailto') ? x : `{{${x}}}`)).join(' ') : 'none';
}
