/**
 * covers-unknown-id: every id in a section's covers="…" is a notice element id known to the
 * jurisdiction data; a misspelt id covers nothing.
 */
import type { CheckRule } from '../context.js';
import type { Finding } from '../types.js';

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

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
