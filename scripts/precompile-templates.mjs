// Build step: precompiles noticekit's own templates (templates/**/*.hbs) into
// dist/templates.precompiled.json: for each, its syntax tree and its Handlebars spec, keyed by name
// and source. A project that uses these templates unchanged renders them with Handlebars' runtime
// alone; parsing and compiling ~20 templates cost a one-off command ~130 ms, and loading the
// compiler ~40 ms more. Any other template set is compiled as it loads, as before.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PACKAGE_TEMPLATES, PRECOMPILED_FILE, precompileTemplate, precompiledKey } from '../dist/render/templates.js';
import { readTextFile } from '../dist/util/read-text.js';

const list = (dir, prefix = '') =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? list(join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.hbs') ? [`${prefix}${e.name}`] : []));

const templates = {};
for (const name of list(PACKAGE_TEMPLATES)) {
  const source = readTextFile(join(PACKAGE_TEMPLATES, name), `templates/${name}`);
  templates[precompiledKey(name, source)] = precompileTemplate(name, source);
}
const { VERSION } = createRequire(import.meta.url)('handlebars/runtime.js');
writeFileSync(PRECOMPILED_FILE, `${JSON.stringify({ handlebars: VERSION, templates })}\n`);
