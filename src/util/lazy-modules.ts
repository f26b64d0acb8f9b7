import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type * as Jsonc from 'jsonc-parser';

/*
 * Libraries needed only to say where a problem is: `yaml` (source positions of YAML values) and
 * jsonc-parser (positions in JSON files). Valid input is read by js-yaml and JSON.parse, so a
 * build of a sound project never needs them; they load on first use (their CommonJS builds, as
 * Node 20 cannot load an ES module synchronously). Together they were a quarter of the code a
 * build loads.
 */
const load = createRequire(import.meta.url);

let yaml: typeof Yaml | undefined;
/** The `yaml` package. */
export function yamlLib(): typeof Yaml {
  return (yaml ??= load('yaml') as typeof Yaml);
}

let jsonc: typeof Jsonc | undefined;
/** The `jsonc-parser` package. */
export function jsoncLib(): typeof Jsonc {
  return (jsonc ??= load('jsonc-parser') as typeof Jsonc);
}
