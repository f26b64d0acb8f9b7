// Build step: bundles the compiled CLI (dist/cli/main.js and the commands it loads on demand) into
// dist/bundle/, one module per command plus shared chunks. Loading some 300 small ES modules of
// noticekit and its dependencies (micromark alone is about 150) cost a one-off command about
// 0.4 s of resolving and linking; the bundle loads in a fraction of that. The library API
// (dist/index.js) stays unbundled.
//
// The bundle sits two folders below the package root, like every compiled module, so paths made
// from import.meta.url (package.json, templates/, locales/, jurisdiction data) resolve the same.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ES build is "module"
  mainFields: ['module', 'main'],
  // dependencies written as CommonJS (handlebars, yaml's CJS helpers) call require()
  banner: { js: "import { createRequire as __nkCreateRequire } from 'node:module'; const require = __nkCreateRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
});
