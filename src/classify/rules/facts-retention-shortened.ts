import type { FactChange } from '../../diff/facts-diff.js';
import type { FactRule } from '../types.js';
import { quote, retentionDays, retentionText } from '../fact-format.js';

/** Cookie examples present on both sides whose duration changed. */
export function cookieDurations(c: FactChange): { name: string; before: number; after: number; beforeText: string; afterText: string }[] {
  const list = (v: unknown) => (Array.isArray(v) ? (v as { name: string; duration: string }[]) : []);
  const old = new Map(list(c.before).map((x) => [x.name, x.duration]));
  const out: { name: string; before: number; after: number; beforeText: string; afterText: string }[] = [];
  for (const x of list(c.after)) {
    const was = old.get(x.name);
    if (was === undefined || was === x.duration) continue;
    out.push({ name: x.name, before: retentionDays(was) ?? 0, after: retentionDays(x.duration) ?? 0, beforeText: was, afterText: x.duration });
  }
  return out;
}

export const factsRetentionShortened: FactRule = {
  id: 'facts-retention-shortened',
  severity: 'minor',
  description: 'Data (or a cookie) is kept for a shorter time than before.',
  appliesTo(c) {
    if (c.kind !== 'changed') return undefined;
    if (c.area === 'purpose' && c.field === 'retention') {
      const a = c.before as { from?: string };
      const b = c.after as { from?: string };
      const d0 = retentionDays(c.before);
      const d1 = retentionDays(c.after);
      if (a.from !== b.from || d0 === undefined || d1 === undefined || d1 >= d0) return undefined;
      return `Retention for purpose ${quote(c.label)} shortened from ${retentionText(c.before)} to ${retentionText(c.after)}`;
    }
    if (c.area === 'cookie' && c.field === 'examples') {
      const d = cookieDurations(c);
      const list = (v: unknown) => (Array.isArray(v) ? (v as { name: string }[]).map((x) => x.name).sort().join() : '');
      if (!d.length || d.some((x) => x.after > x.before) || list(c.before) !== list(c.after)) return undefined;
      return `Cookie ${d.map((x) => `${quote(x.name)} kept ${x.afterText} (was ${x.beforeText})`).join(', ')} in ${quote(c.label)}: lifetime shortened`;
    }
    return undefined;
  },
};
