import type { FactRule } from '../types.js';
import { ids, quote } from '../fact-format.js';

export const factsPurposeDataAdded: FactRule = {
  id: 'facts-purpose-data-added',
  severity: 'material',
  description: 'A purpose now uses more data categories, or data from more sources.',
  appliesTo(c) {
    if (c.area !== 'purpose' || c.kind !== 'changed' || (c.field !== 'data_categories' && c.field !== 'sources') || !c.gained?.length) return undefined;
    const what = c.field === 'sources' ? 'data from sources' : 'data categories';
    const lost = c.lost?.length ? ` (and no longer ${ids(c.lost)})` : '';
    return `Purpose ${quote(c.label)} now also uses ${what} ${ids(c.gained)}${lost}`;
  },
};
