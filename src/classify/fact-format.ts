import { durationDays, type FactChange } from '../diff/facts-diff.js';

/** Country and jurisdiction codes as written in notices: `us` → `US`, `us-ca` → `US-CA`, `all` → `all`. */
export function codes(list: unknown): string {
  const xs = Array.isArray(list) ? list : list === undefined || list === null ? [] : [list];
  return xs.map((c) => (c === 'all' ? 'all' : String(c).toUpperCase())).join(', ');
}

/** A fact value in one line: lists comma-separated, objects as `key: value; …`. */
export function formatValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? `{${formatValue(x)}}` : String(x))).join(', ');
  return Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${k}: ${Array.isArray(x) ? `[${formatValue(x)}]` : typeof x === 'object' && x !== null ? `{${formatValue(x)}}` : String(x)}`)
    .join('; ');
}

/** A field of the whole item (added/removed) or of its side of a change. */
export function itemField(c: FactChange, side: 'before' | 'after', key: string): unknown {
  const v = c[side];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

/** A retention or duration value in words a lawyer reads: `P3Y from collection`, `none`. */
export function retentionText(v: unknown): string {
  if (v && typeof v === 'object') {
    const r = v as { period?: string; from?: string };
    return `${r.period ?? '?'}${r.from ? ` from ${r.from.replace(/_/g, ' ')}` : ''}`;
  }
  return String(v);
}

/** Days of a retention object or a duration string. */
export function retentionDays(v: unknown): number | undefined {
  if (v && typeof v === 'object') return durationDays((v as { period?: string }).period);
  return durationDays(v);
}

export const quote = (s: string): string => `'${s}'`;

/** Readable list of ids: `identity, contact`. */
export const ids = (xs: readonly string[] | undefined): string => (xs ?? []).join(', ');
