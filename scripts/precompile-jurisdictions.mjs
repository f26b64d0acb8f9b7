// Build step: reads and checks the jurisdiction packs (src/jurisdictions/data/*.yaml) once, and
// writes the registry's data to dist/jurisdictions.precompiled.json with the sha256 of every file
// it was made from. At run time the registry comes from there while the files are unchanged.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRECOMPILED_JURISDICTIONS, dataFileHashes, readRegistryData } from '../dist/jurisdictions/index.js';

const dir = fileURLToPath(new URL('../src/jurisdictions/data/', import.meta.url));
writeFileSync(PRECOMPILED_JURISDICTIONS, `${JSON.stringify({ files: dataFileHashes(dir), data: readRegistryData(dir) })}\n`);
