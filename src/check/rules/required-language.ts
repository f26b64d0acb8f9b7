/**
 * required-language: the region's locales include every language its law requires
 * (pack `languages.required`), compared by base language: fr-FR is satisfied by fr or fr-CA.
 */
import type { CheckRule } from '../context.js';
import type { Finding } from '../types.js';

const base = (tag: string) => tag.split('-')[0]!.toLowerCase();

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(base(tag)) ?? tag;
  } catch {
    return tag;
  }
}

export const requiredLanguage: CheckRule = (ctx) => {
  const { r } = ctx;
  const have = new Set(r.region.locales.map(base));
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const id of r.jurisdiction.ids) {
    const pack = ctx.pack(id);
    for (const tag of pack.languages.required) {
      const b = base(tag);
      if (have.has(b) || reported.has(b)) continue;
      reported.add(b);
      out.push({
        severity: 'error',
        element: null,
        rule: 'required-language',
        cite: pack.languages.rule ?? `languages.required: ${pack.languages.required.join(', ')}`,
        pack: pack.id,
        message: `the law requires the notice in ${languageName(tag)} (${tag}), but region ${r.region.id} is published only in ${r.region.locales.join(', ')}`,
        fix: `add ${tag} to the locales of region ${r.region.id} in policy/regions.yaml, with locales/${b}/ui.json and translations of the policy`,
        lowConfidence: ctx.low(pack.id, 'languages', pack.languages.conf),
      });
    }
  }
  return out;
};
