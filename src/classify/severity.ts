/** Severity scale, lowest first: `material` > `minor` > `editorial` > `none`. */
export const SEVERITIES = ['none', 'editorial', 'minor', 'material'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** The highest of the given severities (`none` for none). */
export function maxSeverity(...list: Severity[]): Severity {
  let best: Severity = 'none';
  for (const s of list) if (severityRank(s) > severityRank(best)) best = s;
  return best;
}
