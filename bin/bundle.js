/**
 * The CLI's esbuild bundle (.cache/cli, written by scripts/build-cli.ts):
 * whether it was built from the sources as they are now. tsx transpiling
 * every file at each start costs about a second, so bin/sitrep.js runs the
 * bundle when it is fresh; a stale bundle never runs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * V8 flags the bundle runs with (bin/sitrep.js sets them before it loads the
 * bundle; benchmarks pass them on the command line to time what users get).
 * A regular expression is compiled once instead of interpreted and then
 * compiled again: the lexicons' many large patterns cost two compilations
 * each otherwise, ~0.3 s of a one-file `sitrep extract`. Optimised code does
 * not inline callees: a CLI run is short, and inlining made the optimising
 * compiler's background threads the larger part of its CPU time (geoparse of
 * the 788 GWN/LGL articles in a fresh process: ~25% less CPU without it, and
 * a one-shot `sitrep extract` of 300 articles ~15% less), while code that is
 * already hot runs ~10% slower, a loss that would take thousands of
 * articles in one run to repay. Every command runs with them: in a steady
 * ingest of 788 articles after 90 others, the optimising compiler's threads
 * still cost 1.2 ms a document with inlining and 0.75 without (bench:ingest),
 * so a long run does not repay it either. A function is optimised after
 * eight times V8's default interrupt budget: optimised early, on thin type
 * feedback, code was thrown away and compiled again and again. Extracting
 * 385 documents and then 788 articles: 408 optimising compilations and 85
 * deoptimisations by default, 154 and 35 with it; the compiler's threads
 * 0.40–0.53 → 0.17–0.24 ms an article, while the main thread, which runs
 * some code unoptimised for longer, takes 5–20% more. A steady ingest gains
 * (bench:ingest, side by side with the code before: 226–316 → 248–376
 * documents per CPU-second), bench:speed about evens out, and sixteen times
 * the budget was slower than eight in every pair. No flag changes a result.
 */
export const V8_FLAGS = ['--no-regexp-tier-up', '--no-turbo-inlining', '--interrupt-budget=540672'];
/** Where bundles and their manifest live. */
export const BUNDLE_DIR = join(ROOT, '.cache', 'cli');
/** Names the current bundle: `{ hash, inputs, stamps }`; the bundle is BUNDLE_DIR/<hash>/main.js. */
export const MANIFEST = join(BUNDLE_DIR, 'manifest.json');

/**
 * One digest over the paths and contents of files.
 * @param {[string, Uint8Array | string][]} files path and bytes of each
 * @returns {string}
 */
export function digest(files) {
  // node:crypto is loaded only when a digest is needed: most starts need none (see stamp)
  const h = createRequire(import.meta.url)('node:crypto').createHash('sha256');
  for (const [f, bytes] of files) h.update(f).update('\0').update(bytes).update('\0');
  return h.digest('hex');
}

/**
 * The digest of the bundle's input files as they are now.
 * @param {string[]} inputs paths relative to `root`
 * @param {string} [root]
 * @returns {string}
 */
export function inputsHash(inputs, root = ROOT) {
  return digest(inputs.map((f) => [f, readFileSync(join(root, f))]));
}

/**
 * Inode, change time and size of a file: any write or replacement changes
 * one of them (the change time cannot be set back, unlike the modification
 * time), so an equal stamp means an unchanged file.
 * @param {string} path
 * @returns {string}
 */
export function stampOf(path) {
  const s = statSync(path);
  return `${s.ino}:${s.ctimeMs}:${s.size}`;
}

/**
 * The stamps of the input files, in one string.
 * @param {string[]} inputs
 * @param {string} [root]
 * @returns {string}
 */
export function stamp(inputs, root = ROOT) {
  return inputs.map((f) => stampOf(join(root, f))).join(' ');
}

/**
 * The bundle's entry file if every input is as it was at build time, else null
 * (no bundle, a changed or missing source, SITREP_NO_BUNDLE set). Stamps
 * decide in a few milliseconds; when they differ, the contents' digest does.
 * @param {string} [dir] where the manifest and the bundles are
 * @param {string} [root] what the manifest's input paths are relative to
 * @returns {string | null}
 */
export function freshBundle(dir = BUNDLE_DIR, root = ROOT) {
  if (process.env.SITREP_NO_BUNDLE) return null;
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const entry = join(dir, m.hash, 'main.js');
    const fresh = stamp(m.inputs, root) === m.stamps || inputsHash(m.inputs, root) === m.hash;
    return fresh && existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}
