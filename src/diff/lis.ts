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
    // Aligned documents give nearly sorted sequences: most values extend the longest run.
    if (len > 0 && seq[tails[len - 1]!]! < v) lo = len;
    else {
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (seq[tails[mid]!]! < v) lo = mid + 1;
        else hi = mid;
      }
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

/** The matched pairs of an alignment in new-side order: `news[k]` is matched to `olds[k]`. */
export function matchedPairs(newToOld: Int32Array): { news: Int32Array; olds: Int32Array } {
  let n = 0;
  for (let j = 0; j < newToOld.length; j++) if (newToOld[j]! >= 0) n++;
  const news = new Int32Array(n);
  const olds = new Int32Array(n);
  for (let j = 0, k = 0; j < newToOld.length; j++) {
    if (newToOld[j]! >= 0) {
      news[k] = j;
      olds[k++] = newToOld[j]!;
    }
  }
  return { news, olds };
}
