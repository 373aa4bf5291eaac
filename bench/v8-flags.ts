/**
 * A benchmark of what a command does runs with the V8 flags bin/sitrep.js
 * sets for every command (V8_FLAGS in bin/bundle.js): started without them,
 * it starts again with them and exits with that run's status.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { V8_FLAGS } from '../bin/bundle.js';

/** Call first thing with the script's import.meta.url; returns only in a run that has the flags. */
export function restartWithV8Flags(script: string): void {
  if (V8_FLAGS.every((f) => process.execArgv.includes(f))) return;
  const again = spawnSync(process.execPath, [...V8_FLAGS, ...process.execArgv, fileURLToPath(script), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
