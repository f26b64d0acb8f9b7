import type { FactRule } from '../types.js';
import { quote, retentionDays, retentionText } from '../fact-format.js';

export const factsRetentionChanged: FactRule = {
  id: 'facts-retention-changed',
  severity: 'material',
  description: 'What a retention period runs from changed, so it cannot be called shorter or longer.',
  appliesTo(c) {
    if (c.area !== 'purpose' || c.kind !== 'changed' || c.field !== 'retention') return undefined;
    const from = (v: unknown) => (v as { from?: string } | null)?.from;
    if (from(c.before) === from(c.after) && retentionDays(c.before) !== undefined && retentionDays(c.after) !== undefined) return undefined;
    return `Retention for purpose ${quote(c.label)} changed from ${retentionText(c.before)} to ${retentionText(c.after)}; the period now runs from a different event`;
  },
};
