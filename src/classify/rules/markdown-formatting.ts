import { plainText, remember } from '../lexicon.js';
import type { Rule } from '../types.js';

/** Plain text with obfuscated e-mail addresses ("name [at] host [dot] com") written normally. */
export function canonicalText(md: string): string {
  return remember('canonical', md, (t) =>
    plainText(t)
      .replace(/\s*[[(]\s*at\s*[\])]\s*/gi, '@')
      .replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.')
      .replace(/^AUTOTITLE$/, '')
      .trim(),
  );
}

export const markdownFormatting: Rule = {
  id: 'markdown-formatting',
  severity: 'editorial',
  description: 'Only Markdown formatting changed (emphasis, links, escapes, table layout, e-mail written as [at]/[dot]).',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    return canonicalText(c.before) === canonicalText(c.after) ? 'the text reads the same once Markdown formatting (emphasis, link syntax, escapes, e-mail obfuscation) is removed' : undefined;
  },
};
