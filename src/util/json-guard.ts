import type { Node } from 'jsonc-parser';
import { jsoncLib } from './lazy-modules.js';

/** The deepest nesting of arrays and objects noticekit reads in a JSON file (the parser recurses). */
export const MAX_JSON_DEPTH = 64;

/**
 * Offset of the first `[` or `{` nested deeper than `max`, or -1. A linear scan that skips strings:
 * jsonc-parser recurses once per level and overflows the stack on a file of a few thousand `[`.
 */
export function jsonDepthOffset(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return -1;
}

/**
 * Offset of the first property named `__proto__` (escapes decoded), or -1. jsonc-parser builds
 * objects by assignment, so such a key would replace the object's prototype instead of adding a key.
 */
export function protoKeyOffset(text: string): number {
  const tree = jsoncLib().parseTree(text);
  if (!tree) return -1;
  const stack: Node[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'property' && n.children?.[0]?.value === '__proto__') return n.offset;
    if (n.children) stack.push(...n.children);
  }
  return -1;
}

/**
 * Whether a value parsed by jsonc-parser holds an object whose prototype was replaced, i.e. the
 * text had a `__proto__` key: a cheap walk of the value, so that only such texts are parsed again
 * (protoKeyOffset) to say where.
 */
export function hasReplacedPrototype(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > MAX_JSON_DEPTH + 1) return false;
  if (Array.isArray(value)) return value.some((v) => hasReplacedPrototype(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return true;
  for (const v of Object.values(value)) if (hasReplacedPrototype(v, depth + 1)) return true;
  return false;
}

/**
 * Whether a value from `JSON.parse` needs none of the guards above: arrays and objects nested at
 * most `max` levels (the top one counting 1, as in jsonDepthOffset) and no own `__proto__` key at
 * any depth. Stops at the first problem; recurses at most `max + 1` levels, whatever the value.
 */
/**
 * The value of a JSON text when native JSON.parse reads it exactly as jsonc-parser (with comments
 * and trailing commas refused) and its guards would, else undefined (the caller then takes the
 * jsonc-parser path, which says where the problem is). That holds when JSON.parse accepts the text
 * and the value is plain (isPlainJson):
 * - with those options jsonc-parser's grammar on JSON is JSON's (same whitespace, escapes, number
 *   syntax, decoded with Number()), so a text JSON.parse accepts has no parse error there;
 * - both build objects key by key in text order; a repeated key keeps its first place and its last
 *   value (JSON.parse defines the property again, jsonc-parser assigns it again); only a
 *   `__proto__` key assigns differently (jsonc-parser swaps the prototype, or drops the key when
 *   its value is not an object), hence none is allowed;
 * - in valid JSON every bracket outside strings opens or closes an array or object, so
 *   jsonDepthOffset(text) is -1 exactly when the value is at most MAX_JSON_DEPTH deep.
 * JSON.parse copes with deep input (V8's parser does not recurse).
 */
export function parsePlainJson(text: string): { value: unknown } | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return isPlainJson(value) ? { value } : undefined;
  } catch {
    return undefined;
  }
}

export function isPlainJson(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (max === 0) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (!isPlainJson(v, max - 1)) return false;
    return true;
  }
  if (Object.hasOwn(value, '__proto__')) return false;
  // for…in: JSON.parse's objects inherit only Object.prototype, whose keys are not enumerable
  for (const k in value) if (!isPlainJson((value as Record<string, unknown>)[k], max - 1)) return false;
  return true;
}
