import type { Rule } from '../types.js';

/** Link targets replaced, spacing normalised; a replacement is skipped when its pattern cannot match (it would change nothing). */
const strip = (s: string): string => {
  let out = s;
  if (out.includes('[')) out = out.replace(/(!?\[[^\]]*\])\([^)]*\)/g, '$1').replace(/(\[[^\]]*\])\[[^\]]*\]/g, '$1');
  if (out.includes('<')) out = out.replace(/<https?:[^>]*>/g, '<url>');
  if (out.includes('http')) out = out.replace(/https?:\/\/\S+/g, 'url');
  // = .replace(/\s+/g, ' '), without building a new string when the spacing is already single spaces
  return out.replace(/\s{2,}|[^\S ]/g, ' ').trim();
};

export const linkTarget: Rule = {
  id: 'link-target',
  severity: 'editorial',
  description: 'Only link targets (URLs or anchors) changed; the visible text is the same.',
  appliesTo(c) {
    if (c.before === null || c.after === null) return undefined;
    return strip(c.before) === strip(c.after) ? 'only the targets of links (URLs or anchors) changed; the wording the reader sees is identical' : undefined;
  },
};
