// Deterministic generators of benchmark inputs: realistic privacy-policy Markdown of any size.
const WORDS = ('personal data information we use collect share process services products account device ' +
  'purposes legal basis consent contract legitimate interests retention period security measures ' +
  'recipients processors affiliates partners transfer countries safeguards rights access deletion ' +
  'correction portability objection complaint authority children cookies analytics advertising ' +
  'marketing support diagnostics location payment order delivery warranty repair cloud backup ' +
  'voice assistant health fitness wearables settings preferences identifiers crash reports logs').split(' ');

/** Mulberry32: a small, fast, seeded PRNG so every run generates the same bytes. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(r) {
  const n = 8 + Math.floor(r() * 18);
  const w = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(r() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  if (r() < 0.2) w.splice(2, 0, '**important**');
  if (r() < 0.1) w.push('([details](https://www.lumora.example/privacy))');
  return `${w.join(' ')}.`;
}

function paragraph(r) {
  const n = 2 + Math.floor(r() * 4);
  return Array.from({ length: n }, () => sentence(r)).join(' ');
}

/** A master policy of about `bytes` bytes, with sections, lists, tables and regional blocks. */
export function generateMaster(bytes, seed = 1) {
  const r = rng(seed);
  const out = ['---', 'title: Privacy Policy', 'effective: 2026-03-01', '---', '', '# Privacy Policy {#top}', '', paragraph(r), ''];
  let size = out.join('\n').length;
  let s = 0;
  while (size < bytes) {
    s++;
    const parts = [`## Section ${s} about ${WORDS[s % WORDS.length]} {#s${s}}`, ''];
    const blocks = 3 + Math.floor(r() * 5);
    for (let b = 0; b < blocks; b++) {
      const kind = r();
      if (kind < 0.6) parts.push(paragraph(r), '');
      else if (kind < 0.8) {
        for (let i = 0; i < 3 + Math.floor(r() * 4); i++) parts.push(`- ${sentence(r)}`);
        parts.push('');
      } else if (kind < 0.9) {
        parts.push('| Name | Purpose | Country |', '|---|---|---|');
        for (let i = 0; i < 3 + Math.floor(r() * 5); i++) parts.push(`| Vendor ${s}-${i} | ${sentence(r)} | ${['US', 'IE', 'SG', 'IN'][i % 4]} |`);
        parts.push('');
      } else {
        parts.push(':::only{jurisdictions="eu gb"}', paragraph(r), ':::', '');
      }
    }
    const text = parts.join('\n');
    out.push(text);
    size += text.length + 1;
  }
  return `${out.join('\n')}\n`;
}

/**
 * An edited copy of a master: about 2% of sentences reworded, some paragraphs inserted and
 * deleted, and one section moved, as in a real revision.
 */
export function reviseMaster(master, seed = 2) {
  const r = rng(seed);
  const sections = master.split(/\n(?=## )/);
  const head = sections.shift();
  const edited = sections.map((sec) =>
    sec
      .split('\n')
      .map((line) => {
        if (!line || line.startsWith('#') || line.startsWith(':::') || line.startsWith('|---')) return line;
        if (r() < 0.02) return line.replace(/\b(data|services|share)\b/, (w) => ({ data: 'information', services: 'offerings', share: 'disclose' })[w]);
        if (r() < 0.005) return null;
        if (r() < 0.005) return `${line}\n\n${paragraph(r)}`;
        return line;
      })
      .filter((l) => l !== null)
      .join('\n'),
  );
  if (edited.length > 4) {
    const [moved] = edited.splice(1, 1);
    edited.splice(edited.length - 2, 0, moved);
  }
  return [head, ...edited].join('\n');
}
