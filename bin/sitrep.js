#!/usr/bin/env node
// Runs the CLI from its esbuild bundle when that was built from the current
// sources (scripts/build-cli.ts, run at install and before the tests), else
// from the TypeScript sources through tsx. Commands that load .ts files by
// path at run time (ingest, serve, worker) always go through tsx.
import { setFlagsFromString } from 'node:v8';
import { freshBundle } from './bundle.js';

const BUNDLED = new Set(['extract', 'geoparse', 'dates']);
const bundle = BUNDLED.has(process.argv[2] ?? '') ? freshBundle() : null;
let main;
if (bundle) {
  // V8 first interprets a RegExp and compiles it again once it runs twice; the
  // lexicons' many large patterns then cost two compilations each, ~0.3 s of
  // a one-file `sitrep extract`. Compiling once changes no match. Only here,
  // before any pattern is compiled: V8 does not expect the flag to change
  // under code that already ran (a loader such as tsx) and may crash.
  setFlagsFromString('--no-regexp-tier-up');
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
