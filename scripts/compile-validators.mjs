// Build step: compiles the JSON Schemas of the project files into standalone validator code
// (dist/model/validators.cjs), so the CLI does not compile schemas with Ajv on every run.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('../', import.meta.url);
const schemas = JSON.parse(readFileSync(new URL('src/model/schemas.json', root), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
const refs = {};
for (const [name, schema] of Object.entries(schemas)) {
  ajv.addSchema(schema, name);
  refs[name] = name;
}
mkdirSync(new URL('dist/model/', root), { recursive: true });
writeFileSync(new URL('dist/model/validators.cjs', root), standaloneCode.default(ajv, refs));
