#!/usr/bin/env node
// Runs the CLI from its esbuild bundle when that was built from the current
// sources (scripts/build-cli.ts, run at install and before the tests), else
// from the TypeScript sources through tsx. Commands that load .ts files by
// path at run time (ingest, serve, worker) always go through tsx; their
// extraction still runs the bundle's pipeline when it is fresh
// (src/ingest/extractor.ts).
import { setFlagsFromString } from 'node:v8';
import { V8_FLAGS, freshBundle } from './bundle.js';

// see V8_FLAGS. Here, before any pattern is compiled or function optimised
// (before tsx or the bundle loads): V8 does not expect these flags to change
// under code that already ran and may crash.
for (const flag of V8_FLAGS) setFlagsFromString(flag);
const BUNDLED = new Set(['extract', 'geoparse', 'dates']);
const bundle = BUNDLED.has(process.argv[2] ?? '') ? freshBundle() : null;
let main;
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
