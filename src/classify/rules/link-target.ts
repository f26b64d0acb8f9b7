import type { Rule } from '../types.js';

const strip = (s: string): string =>
  s
    .replace(/(!?\[[^\]]*\])\([^)]*\)/g, '$1')
    .replace(/(\[[^\]]*\])\[[^\]]*\]/g, '$1')
    .replace(/<https?:[^>]*>/g, '<url>')
    .replace(/https?:\/\/\S+/g, 'url')
    .replace(/\s+/g, ' ')
    .trim();

export const linkTarget: Rule = {
  id: 'link-target',
  severity: 'editorial',
  description: 'Only link targets (URLs or anchors) changed; the visible text is the same.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    return strip(c.before) === strip(c.after) ? 'only the targets of links (URLs or anchors) changed; the wording the reader sees is identical' : undefined;
  },
};
