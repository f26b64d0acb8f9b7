// Diff stages for bench/stage.js (`node bench/stage.js diff-2m 3`). Each entry does its setup
// (generate the pair, parse both documents) and returns the function that is timed.
import { diffWords } from 'diff';
import { generateMaster, reviseMaster } from './generate.js';

const K200 = 200 * 1024;
const M2 = 2 * 1024 * 1024;

function pairText(bytes) {
  const oldText = generateMaster(bytes, 7);
  return { oldText, newText: reviseMaster(oldText, 2) };
}

async function parsedPair(bytes) {
  const { parseMaster } = await import('../dist/parse/markdown.js');
  const { oldText, newText } = pairText(bytes);
  return { oldDoc: parseMaster(oldText, 'old.md'), newDoc: parseMaster(newText, 'new.md') };
}

/** diffDocuments + classify: the work `noticekit diff` does after parsing. */
async function diff(bytes) {
  const { diffDocuments } = await import('../dist/diff/index.js');
  const { classify } = await import('../dist/classify/index.js');
  const { oldDoc, newDoc } = await parsedPair(bytes);
  return () => classify(diffDocuments(oldDoc, newDoc));
}

/** Longest increasing subsequence (indexes), O(n log n). */
function lis(seq) {
  const tails = [];
  const prev = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.push(k);
  return out.reverse();
}

/**
 * The floor: the least work a block-aligned diff can do on the same parsed input. Units are
 * aligned on hashes unique in both documents (one patience level, no recursion, no similarity,
 * no moves); units left between two anchors are paired by position and word-diffed with jsdiff.
 */
async function anchoredFloor(bytes) {
  const { oldDoc, newDoc } = await parsedPair(bytes);
  return () => {
    const a = oldDoc.units;
    const b = newDoc.units;
    const count = new Map();
    for (const u of a) count.set(u.hash, (count.get(u.hash) ?? 0) + 1);
    const countB = new Map();
    for (const u of b) countB.set(u.hash, (countB.get(u.hash) ?? 0) + 1);
    const posA = new Map();
    a.forEach((u, i) => posA.set(u.hash, i));
    const candNew = [];
    const candOld = [];
    b.forEach((u, j) => {
      if (count.get(u.hash) === 1 && countB.get(u.hash) === 1) {
        candNew.push(j);
        candOld.push(posA.get(u.hash));
      }
    });
    let po = 0;
    let pn = 0;
    let parts = 0;
    const gap = (o, n) => {
      for (let k = 0; po + k < o && pn + k < n; k++) {
        const x = a[po + k];
        const y = b[pn + k];
        if (x.hash !== y.hash) parts += diffWords(x.text, y.text).length;
      }
    };
    for (const k of lis(candOld)) {
      gap(candOld[k], candNew[k]);
      po = candOld[k] + 1;
      pn = candNew[k] + 1;
    }
    gap(a.length, b.length);
    return parts;
  };
}

/** jsdiff's word diff of the whole text (no structure): the naive alternative. */
function wholeDiffWords(bytes) {
  const { oldText, newText } = pairText(bytes);
  return () => diffWords(oldText, newText).length;
}

export const stages = {
  'diff-200k': () => diff(K200),
  'diff-2m': () => diff(M2),
  'diff-anchored-floor-200k': () => anchoredFloor(K200),
  'diff-anchored-floor-2m': () => anchoredFloor(M2),
  'diffwords-whole-200k': () => wholeDiffWords(K200),
  // No 'diffwords-whole-2m': jsdiff's whole-text diffWords takes minutes on 2 MB.
};

