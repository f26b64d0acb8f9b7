#!/usr/bin/env node
// The CLI as bundled by `npm run build` (scripts/bundle-cli.mjs): it loads much faster than the
// ~300 separate modules of dist/cli/main.js and its dependencies.
import { run } from '../dist/bundle/main.js';

process.exitCode = await run(process.argv.slice(2));
