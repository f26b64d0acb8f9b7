/** Indexes (into `seq`) of one longest strictly increasing subsequence, O(n log n), in typed arrays. */
export function longestIncreasing(seq: ArrayLike<number>): Int32Array {
  const n = seq.length;
  const tails = new Int32Array(n);
  const prev = new Int32Array(n);
  let len = 0;
  for (let i = 0; i < n; i++) {
    const v = seq[i]!;
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
    if (lo === len) len++;
  }
  const out = new Int32Array(len);
  let k = len ? tails[len - 1]! : -1;
  for (let at = len - 1; at >= 0; at--) {
    out[at] = k;
    k = prev[k]!;
  }
  return out;
}
