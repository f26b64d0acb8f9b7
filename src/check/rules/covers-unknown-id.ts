/**
 * covers-unknown-id: every id in a section's covers="…" is a notice element id known to the
 * jurisdiction data; a misspelt id covers nothing.
 */
import type { CheckRule } from '../context.js';
import type { Finding } from '../types.js';
import { distance } from 'fastest-levenshtein';

export const coversUnknownId: CheckRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.cov.sections) {
    for (const id of s.covers) {
      if (ctx.knownElements.has(id)) continue;
      let best: string | undefined;
      let bestD = Infinity;
      for (const k of ctx.knownElements) {
        const d = distance(id, k);
        if (d < bestD) [best, bestD] = [k, d];
      }
      const suggestion = best && bestD <= Math.max(2, Math.floor(id.length / 4)) ? best : undefined;
      out.push({
        severity: 'warning',
        element: null,
        rule: 'covers-unknown-id',
        cite: '',
        pack: null,
        message: `section #${s.id} (${ctx.masterFile}:${s.position.line}) covers "${id}", which is not a notice element id, so it covers nothing`,
        fix: suggestion ? `did you mean "${suggestion}"? Fix the id in covers="…"` : 'use an element id from shared/reference/jurisdictions-notes.md in covers="…"',
        lowConfidence: false,
      });
    }
  }
  return out;
};
