import { UsageError } from '../cli/usage-error.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (2027-02-30 does not); throws a usage error naming the flag otherwise. */
export function parseIsoDate(value: string, flag: string): string {
  const m = ISO_DATE.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${flag} "${value}" is not a date: expected YYYY-MM-DD, e.g. ${flag} 2027-03-01`);
  }
  return value;
}

/** The date `days` days after `iso` (UTC calendar arithmetic). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in UTC, `YYYY-MM-DD`: the default publication date. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
