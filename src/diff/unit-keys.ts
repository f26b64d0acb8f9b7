import type { Unit } from '../model/document.js';

/** Value of a lower-case hex digit by character code; -1 for any other character. */
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[97 + c] = 10 + c;

/**
 * Numbers units by (kind, hash): two units get the same small integer exactly when they have the
 * same kind and the same hash string, so alignment compares and indexes integers.
 *
 * An open-addressing table sized once for both documents, instead of string-keyed maps that grow
 * (rehashing every key) as they fill. A hash as `unitHash` makes it (16 lower-case hex digits) is
 * read as two 32-bit numbers: equal numbers are equal strings, so a key is found without comparing
 * strings, and without going back to the memory of the unit that first had it (on a large
 * document, fetching units from memory is most of the cost of this step). A hash of any other form
 * (a hand-built document's) is hashed character by character and confirmed by comparing strings.
 */
export class UnitKeys {
  /** Key id + 1 in each slot; 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Per key id: the two numbers read from the hash, and the kind's code. */
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  private readonly kinds: Int32Array;
  /** Per key id, for a hash that is not 16 hex digits: the hash (compared in full). */
  private readonly irregular = new Map<number, string>();
  private readonly otherKinds = new Map<string, number>();
  private size = 0;

  /** `capacity`: the most units that will be numbered (both documents). */
  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.kinds = new Int32Array(capacity);
  }

  private kindCode(kind: string): number {
    if (kind === 'paragraph') return 0;
    if (kind === 'heading') return 1;
    if (kind === 'cell') return 2;
    let code = this.otherKinds.get(kind);
    if (code === undefined) this.otherKinds.set(kind, (code = 3 + this.otherKinds.size));
    return code;
  }

  /** The key of every unit of `list`, numbering keys not seen before in order of appearance. */
  keysOf(list: readonly Unit[]): Int32Array {
    const out = new Int32Array(list.length);
    const { slots, mask, hi: his, lo: los, kinds } = this;
    for (let k = 0; k < list.length; k++) {
      const u = list[k]!;
      const h = u.hash;
      const kind = this.kindCode(u.kind);
      let hi = 0;
      let lo = 0;
      // Any character that is not a lower-case hex digit makes `bad` negative.
      let bad = 0;
      if (h.length === 16) {
        for (let c = 0; c < 8; c++) {
          const ch = h.charCodeAt(c);
          const d = ch < 128 ? HEX[ch]! : -1;
          bad |= d;
          hi = (hi << 4) | (d & 15);
        }
        for (let c = 8; c < 16; c++) {
          const ch = h.charCodeAt(c);
          const d = ch < 128 ? HEX[ch]! : -1;
          bad |= d;
          lo = (lo << 4) | (d & 15);
        }
      }
      const regular = bad >= 0 && h.length === 16;
      if (!regular) {
        // FNV-1a over the characters; the length as the second number.
        hi = 0x811c9dc5 | 0;
        for (let c = 0; c < h.length; c++) hi = Math.imul(hi ^ h.charCodeAt(c), 0x01000193);
        lo = h.length;
      }
      // Mix the three numbers into a slot (a regular hash is uniform already, an irregular one may not be).
      let x = hi ^ Math.imul(lo, 0x9e3779b1) ^ Math.imul(kind + 1, 0x85ebca6b);
      x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
      x ^= x >>> 15;
      let s = x & mask;
      let id: number;
      for (;;) {
        const v = slots[s]!;
        if (v === 0) {
          if (this.size === his.length) throw new RangeError('UnitKeys: more units than its capacity');
          id = this.size++;
          slots[s] = id + 1;
          his[id] = hi;
          los[id] = lo;
          kinds[id] = kind;
          if (!regular) this.irregular.set(id, h);
          break;
        }
        id = v - 1;
        // Same numbers and kind, and both regular (equal strings) or both irregular with equal strings.
        if (his[id] === hi && los[id] === lo && kinds[id] === kind) {
          const irregular = this.irregular.size === 0 ? undefined : this.irregular.get(id);
          if (regular ? irregular === undefined : irregular === h) break;
        }
        s = (s + 1) & mask;
      }
      out[k] = id;
    }
    return out;
  }
}
