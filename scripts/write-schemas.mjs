// `npm run schemas`: regenerates src/model/schemas.json from the TypeBox definitions in
// src/model/schema.ts (run after editing them; a test fails while the two disagree).
import { writeFileSync } from 'node:fs';
import { SCHEMAS } from '../dist/model/schema.js';

const out = {};
for (const [name, schema] of Object.entries(SCHEMAS)) out[name] = JSON.parse(JSON.stringify(schema));
writeFileSync(new URL('../src/model/schemas.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log('wrote src/model/schemas.json');
