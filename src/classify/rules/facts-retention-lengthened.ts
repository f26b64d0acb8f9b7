import type { FactRule } from '../types.js';
import { quote, retentionDays, retentionText } from '../fact-format.js';
import { cookieDurations } from './facts-retention-shortened.js';

export const factsRetentionLengthened: FactRule = {
  id: 'facts-retention-lengthened',
  severity: 'material',
  description: 'Data (or a cookie) is kept longer than before.',
  appliesTo(c) {
    if (c.kind !== 'changed') return undefined;
    if (c.area === 'purpose' && c.field === 'retention') {
      const a = c.before as { from?: string };
      const b = c.after as { from?: string };
      const d0 = retentionDays(c.before);
      const d1 = retentionDays(c.after);
      if (a.from !== b.from || d0 === undefined || d1 === undefined || d1 <= d0) return undefined;
      return `Retention for purpose ${quote(c.label)} lengthened from ${retentionText(c.before)} to ${retentionText(c.after)}`;
    }
    if (c.area === 'cookie' && c.field === 'examples') {
      const longer = cookieDurations(c).filter((x) => x.after > x.before);
      if (!longer.length) return undefined;
      return `Cookie ${longer.map((x) => `${quote(x.name)} kept ${x.afterText} (was ${x.beforeText})`).join(', ')} in ${quote(c.label)}: lifetime lengthened`;
    }
    return undefined;
  },
};
