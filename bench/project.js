// A generated policy project for the benchmarks: 30 regions × 14 languages (420 pages) and a
// master of the given size, with a (pseudo) translation of every unit in every language, so the
// build does the work of a fully translated site. Deterministic: the same call gives the same files.
import { cpSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMaster } from './generate.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const LANGS = ['en', 'de', 'fr', 'it', 'es', 'nl', 'ro', 'ru', 'uk', 'tr', 'zh-CN', 'ko', 'th', 'vi'];
const JURISDICTIONS = ['de', 'fr', 'it', 'nl', 'es', 'ro', 'gb', 'ch', 'us', 'ca', 'cn', 'kr', 'th', 'vn', 'tr', 'ru', 'ua', 'au', 'nz', 'za', 'mx', 'my', 'ke', 'kz', 'uz', 'by', 'jp', 'in', 'br', 'eu'];
const CONTINENTS = ['europe', 'americas', 'asia', 'africa', 'oceania'];

export async function createBenchProject(dir, masterBytes) {
  const { parseMaster } = await import('../dist/parse/markdown.js');
  const { assignUnitIds } = await import('../dist/parse/units.js');
  mkdirSync(join(dir, 'policy'), { recursive: true });
  cpSync(join(ROOT, 'policy/privacy.facts.yaml'), join(dir, 'policy/privacy.facts.yaml'));
  writeFileSync(join(dir, 'noticekit.config.yaml'), 'document: privacy\nout: out\nbase_url: https://www.example.com/privacy/\n');
  const master = generateMaster(masterBytes, 11);
  writeFileSync(join(dir, 'policy/privacy.md'), master);
  const regions = JURISDICTIONS.map((j, i) => ({
    id: j === 'eu' ? 'eu' : `${j}`,
    name: `Region ${i}`,
    continent: CONTINENTS[i % CONTINENTS.length],
    locales: LANGS,
    jurisdictions: [j],
    entity: 'lumora_inc',
  }));
  writeFileSync(join(dir, 'policy/regions.yaml'), `regions:\n${regions.map((r) => `  - id: ${r.id}\n    name: ${r.name}\n    continent: ${r.continent}\n    locales: [${r.locales.join(', ')}]\n    jurisdictions: [${r.jurisdictions.join(', ')}]\n    entity: ${r.entity}\n`).join('')}`);
  const doc = parseMaster(master, 'policy/privacy.md');
  const lock = assignUnitIds(doc, undefined, 'policy/privacy.units.json');
  writeFileSync(join(dir, 'policy/privacy.units.json'), lock.serialize());
  for (const lng of LANGS) {
    mkdirSync(join(dir, 'locales', lng), { recursive: true });
    cpSync(join(ROOT, 'locales', lng, 'ui.json'), join(dir, 'locales', lng, 'ui.json'));
    if (lng === 'en') continue;
    const units = {};
    for (const u of doc.units) units[u.id] = { text: `${lng}: ${u.text}`, source: u.hash, state: 'translated' };
    writeFileSync(join(dir, 'locales', lng, 'privacy.json'), `${JSON.stringify({ units }, null, 2)}\n`);
  }
  return { dir, pages: regions.length * LANGS.length, masterBytes: Buffer.byteLength(master) };
}

export function readJson(p) {
  return JSON.parse(readFileSync(p, 'utf8'));
}
