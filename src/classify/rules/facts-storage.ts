import type { FactRule } from '../types.js';
import { codes } from '../fact-format.js';

export const factsStorage: FactRule = {
  id: 'facts-storage',
  severity: 'material',
  description: 'Where the data of some regions is stored (data localisation) changed.',
  appliesTo(c) {
    if (c.area !== 'storage') return undefined;
    const where = (v: unknown) => codes((v as { location?: string } | null)?.location);
    const regions = c.id.replace(/\+/g, ', ');
    if (c.kind === 'added') return `Data of regions ${regions} is now stored in ${where(c.after)}`;
    if (c.kind === 'removed') return `Data of regions ${regions} is no longer required to be stored in ${where(c.before)}`;
    if (c.field === 'location') return `Data of regions ${regions} is now stored in ${codes(c.after)} (was ${codes(c.before)})`;
    return undefined;
  },
};
