import type { FactRule } from '../types.js';
import { ids, quote } from '../fact-format.js';

type Example = { name: string; provider: string; duration: string };

export const factsNewCookie: FactRule = {
  id: 'facts-new-cookie',
  severity: 'material',
  description: 'A category of cookies or trackers was added, uses new technologies or providers, or no longer needs consent.',
  appliesTo(c) {
    if (c.area !== 'cookie') return undefined;
    if (c.kind === 'added') {
      const k = c.after as { category: string; technologies: string[]; consent_required: boolean };
      return `Cookie category ${quote(c.label)} (${k.category}; ${ids(k.technologies)}; ${k.consent_required ? 'consent required' : 'no consent asked'}) added`;
    }
    if (c.kind !== 'changed') return undefined;
    if (c.field === 'technologies' && c.gained?.length) return `Cookie category ${quote(c.label)} now also uses ${ids(c.gained)}`;
    if (c.field === 'consent_required' && c.before === true && c.after !== true) return `Cookie category ${quote(c.label)} no longer asks for consent`;
    if (c.field === 'category') return `Cookies ${quote(c.label)} moved from category ${String(c.before)} to ${String(c.after)}`;
    if (c.field === 'examples') {
      const before = new Set(((c.before as Example[] | null) ?? []).map((x) => x.provider));
      const fresh = [...new Set(((c.after as Example[] | null) ?? []).map((x) => x.provider).filter((p) => !before.has(p)))];
      if (fresh.length) return `Cookie category ${quote(c.label)} now has cookies set by ${fresh.map(quote).join(', ')}`;
    }
    return undefined;
  },
};
