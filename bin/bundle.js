/**
 * The CLI's esbuild bundle (.cache/cli, written by scripts/build-cli.ts):
 * whether it was built from the sources as they are now. tsx transpiling
 * every file at each start costs about a second, so bin/sitrep.js runs the
 * bundle when it is fresh; a stale bundle never runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where bundles and their manifest live. */
export const BUNDLE_DIR = join(ROOT, '.cache', 'cli');
/** Names the current bundle: `{ hash, inputs }`; the bundle is BUNDLE_DIR/<hash>/main.js. */
export const MANIFEST = join(BUNDLE_DIR, 'manifest.json');

/**
 * One digest over the paths and contents of the bundle's input files.
 * @param {string[]} inputs paths relative to `root`
 * @param {string} [root]
 * @returns {string}
 */
export function inputsHash(inputs, root = ROOT) {
  const h = createHash('sha256');
  for (const f of inputs) h.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}

/**
 * The bundle's entry file if every input is as it was at build time, else null
 * (no bundle, a changed or missing source, SITREP_NO_BUNDLE set).
 * @param {string} [dir] where the manifest and the bundles are
 * @param {string} [root] what the manifest's input paths are relative to
 * @returns {string | null}
 */
export function freshBundle(dir = BUNDLE_DIR, root = ROOT) {
  if (process.env.SITREP_NO_BUNDLE) return null;
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return inputsHash(m.inputs, root) === m.hash ? join(dir, m.hash, 'main.js') : null;
  } catch {
    return null;
  }
}
