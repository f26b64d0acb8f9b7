import fc from 'fast-check';
import { FACTS_BLOCKS } from '../../src/parse/markdown.js';
import { PLACEHOLDERS } from '../../src/resolve/placeholders.js';

/**
 * fast-check generators of valid policy projects: a master text with sections, lists, tables,
 * quotes, code, generated blocks, placeholders and regional blocks, and regions and facts derived
 * from the example's (their ids must have labels in locales/en/ui.json) with generated values.
 */

/** Words, with the characters that Markdown, HTML and YAML treat specially, and other scripts. */
export const WORDS = [
  'data', 'privacy', 'share', 'keep', 'rights', 'cookies', 'partners', 'delete', 'access', 'security', 'transfer', 'children', 'consent', 'purpose',
  'contact', 'retain', 'process', 'store', 'we', 'you', 'your', 'may', 'never', 'always', 'only', 'with', 'for', 'the', 'a',
  'Ünïcödé', '数据', 'données', 'персональные', 'خصوصية', 'e-mail', "it's", '"quoted"', '*star*', '_under_', '**bold**', '`code`', 'a\\*b', '&amp;', 'R&D',
  '<b>x</b>', '<script>alert(1)</script>', '[link](https://example.com/a)', '[evil](javascript:alert(1))', '<https://example.org>', 'x<y', '100%', '$5', '#tag', '~tilde~',
];
const HEAD_WORDS = WORDS.filter((w) => !/[<>`[*_#\\&]/.test(w));
const CELL_WORDS = WORDS.filter((w) => !w.includes('|') && !w.includes('\\'));

const word = fc.constantFrom(...WORDS);
const placeholder = fc.constantFrom(...PLACEHOLDERS).map((p) => `{{${p}}}`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const sentence = fc
  .array(fc.oneof({ weight: 9, arbitrary: word }, { weight: 1, arbitrary: placeholder }), { minLength: 3, maxLength: 14 })
  .map((ws) => `${cap(ws.join(' '))}.`);
const plainSentence = fc.array(fc.constantFrom(...HEAD_WORDS.filter((w) => /^[a-z]/.test(w))), { minLength: 3, maxLength: 12 }).map((ws) => `${cap(ws.join(' '))}.`);
export const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const heading = fc.array(fc.constantFrom(...HEAD_WORDS), { minLength: 1, maxLength: 5 }).map((ws) => cap(ws.join(' ')));

const list = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(paragraph, fc.option(fc.array(plainSentence, { minLength: 1, maxLength: 3 }), { nil: undefined })), { minLength: 1, maxLength: 4 }))
  .map(([ordered, items]) => items.map(([text, sub], i) => `${ordered ? `${i + 1}.` : '-'} ${text}${sub ? `\n${sub.map((s) => `${ordered ? '   ' : '  '}- ${s}`).join('\n')}` : ''}`).join('\n'));
const cell = fc.array(fc.constantFrom(...CELL_WORDS), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const table = fc.integer({ min: 1, max: 4 }).chain((cols) =>
  fc.tuple(fc.array(cell, { minLength: cols, maxLength: cols }), fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 4 }), fc.constantFrom('---', ':--', ':-:', '--:')).map(([head, rows, align]) =>
    [`| ${head.join(' | ')} |`, `|${head.map(() => align).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'),
  ),
);
const quote = fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((ps) => ps.map((p) => `> ${p}`).join('\n>\n'));
const code = fc.array(fc.constantFrom('let x = 1;', '{{controller.name}}', '<script>x</script>', ':::only{regions="de"}', '# not a heading'), { minLength: 1, maxLength: 3 }).map((ls) => `\`\`\`\n${ls.join('\n')}\n\`\`\``);
const facts = fc.constantFrom(...FACTS_BLOCKS).map((b) => `::facts{show="${b}"}`);

const JURISDICTIONS = ['eu', 'gb', 'us', 'us-ca', 'cn', 'ru', 'ca', 'ch', 'au', 'de', 'fr', 'gdpr', 'ccpa', 'pipl'];

/** A block of the master; regional blocks name regions of `regionIds`. */
function block(regionIds: string[]): fc.Arbitrary<string> {
  const simple = fc.oneof({ weight: 6, arbitrary: paragraph }, { weight: 2, arbitrary: list }, { weight: 1, arbitrary: table }, { weight: 1, arbitrary: quote }, { weight: 1, arbitrary: code }, { weight: 2, arbitrary: facts });
  const conditional = fc
    .tuple(fc.constantFrom('only', 'except'), fc.subarray(regionIds, { maxLength: Math.min(2, regionIds.length) }), fc.subarray(JURISDICTIONS, { maxLength: 2 }), fc.array(simple, { minLength: 1, maxLength: 2 }))
    .filter(([, r, j]) => r.length + j.length > 0)
    .map(([mode, r, j, inner]) => {
      const attrs = [r.length ? `regions="${r.join(' ')}"` : '', j.length ? `jurisdictions="${j.join(' ')}"` : ''].filter(Boolean).join(' ');
      return `:::${mode}{${attrs}}\n\n${inner.join('\n\n')}\n\n:::`;
    });
  return fc.oneof({ weight: 8, arbitrary: simple }, { weight: 1, arbitrary: conditional });
}

/** A whole master text for regions `regionIds`. */
export function master(regionIds: string[]): fc.Arbitrary<string> {
  const section = fc.tuple(fc.constantFrom(2, 2, 3), heading, fc.boolean(), fc.array(block(regionIds), { minLength: 1, maxLength: 4 }));
  return fc.tuple(paragraph, fc.array(section, { minLength: 1, maxLength: 6 }), fc.constantFrom('2026-03-01', '2027-12-31', '')).map(([intro, sections, effective]) => {
    const parts = [`---\ntitle: Privacy Policy\n${effective ? `effective: ${effective}\n` : ''}---`, '# Privacy Policy {#top}', intro];
    sections.forEach(([depth, title, explicitId, blocks], i) => {
      parts.push(`${'#'.repeat(depth)} ${title}${explicitId ? ` {#s${i}}` : ` {#sec-${i}}`}`);
      parts.push(...blocks);
    });
    return `${parts.join('\n\n')}\n`;
  });
}

export interface RegionLike {
  id: string;
  name: string;
  local_name?: string;
  continent: string;
  locales: string[];
  jurisdictions: string[];
  entity: string;
}

const NAMES = ['Land', 'Région 1', 'Ärger & Co', '<b>Bold</b>', 'O\'Brien "Q"', '数据区', 'a|b', '*x*', 'Name: with colon', '#hash'];

/** A non-empty subset of the example's regions, shuffled, with generated names and locale subsets. */
export function regions(all: RegionLike[]): fc.Arbitrary<RegionLike[]> {
  return fc
    .tuple(fc.shuffledSubarray(all, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.boolean(), fc.integer({ min: 0, max: 7 })), { minLength: 4, maxLength: 4 }))
    .map(([rs, names]) =>
      rs.map((r, i) => {
        const [name, local, pick] = names[i]!;
        const locales = r.locales.filter((_, k) => k === 0 || (pick >> k) % 2 === 1);
        return { ...r, name: `${r.name} ${name}`, ...(local ? { local_name: name } : {}), locales };
      }),
    );
}

/** Generated values for the example's facts: names and addresses with odd characters, other periods and bases. */
export const factsTweaks = fc.record({
  company: fc.constantFrom('Lumora', 'Lümora & Söhne', 'Lumora <Ltd>', 'L*u*m|o"r\'a', '露莫拉', 'Lumora {{ not.a.placeholder }}'),
  entityName: fc.constantFrom('Lumora Inc.', 'Lumora | Group', '**Lumora**', '<script>x</script> Lumora', 'Lumora\\Backslash'),
  period: fc.constantFrom('P1Y', 'P6M', 'P30D', 'P2W', 'P1Y6M', 'none', 'P10Y'),
  basis: fc.constantFrom('consent', 'contract', 'legal_obligation', 'legitimate_interests', 'vital_interests', 'public_interest'),
  minimumAge: fc.integer({ min: 0, max: 21 }),
  responseDays: fc.integer({ min: 1, max: 365 }),
});
