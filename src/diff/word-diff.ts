import { diffArrays } from 'diff';
import { tokenize } from './tokenize.js';
import { wordPart } from './plain.js';
import type { WordPart } from './types.js';

/** Beyond this many differing tokens in the middle of a pair, the middle is shown as replaced. */
const MAX_EDIT = 2000;

/**
 * Word-level diff of two token lists: the common prefix and suffix are cut off first (most edits
 * touch a few words of a long paragraph), and only the middle goes through jsdiff's Myers diff.
 */
export function wordDiffTokens(a: readonly string[], b: readonly string[]): WordPart[] {
  let pre = 0;
  const max = Math.min(a.length, b.length);
  while (pre < max && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < max - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const out: WordPart[] = [];
  const push = (type: WordPart['type'], text: string): void => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.type === type) last.text += text;
    else out.push(wordPart(type, text));
  };
  push('equal', a.slice(0, pre).join(''));
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  if (midA.length === 0 || midB.length === 0) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    const limit = Math.min(MAX_EDIT, Math.max(64, midA.length + midB.length));
    const changes = diffArrays(midA, midB, { maxEditLength: limit });
    if (!changes) {
      push('removed', midA.join(''));
      push('added', midB.join(''));
    } else {
      for (const c of changes) push(c.added ? 'added' : c.removed ? 'removed' : 'equal', c.value.join(''));
    }
  }
  push('equal', a.slice(a.length - suf).join(''));
  return out;
}

/** Word-level diff of two unit texts over locale-aware tokens. Only ever called on one aligned pair. */
export function wordDiff(oldText: string, newText: string, locale = 'en'): WordPart[] {
  return wordDiffTokens(tokenize(oldText, locale), tokenize(newText, locale));
}
