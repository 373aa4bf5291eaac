/**
 * Bundles the CLI with esbuild into .cache/cli/<hash>/ and names it in
 * .cache/cli/manifest.json with the digest of its inputs, so that
 * bin/sitrep.js starts without tsx and can tell a stale bundle (see
 * bin/bundle.js). Dependencies stay external; data JSON imported by the
 * sources is inlined, so it counts among the inputs. Files the sources find
 * through `import.meta.url` are still found next to the sources.
 * Usage: node --import tsx scripts/build-cli.ts
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_DIR, MANIFEST, ROOT, inputsHash } from '../bin/bundle.js';

/** A bundle replaced this long ago can no longer be in use by a running command. */
const KEEP_OLD_MS = 10 * 60 * 1000;

/** `import.meta.url` of a source file, as seen from a bundle file two levels under .cache/cli. */
function sourceUrls(): Plugin {
  const outDir = join(BUNDLE_DIR, 'x');
  return {
    name: 'source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const code = readFileSync(args.path, 'utf8');
        if (!code.includes('import.meta.url')) return undefined;
        const rel = relative(outDir, args.path).split(sep).join('/');
        return { contents: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

mkdirSync(BUNDLE_DIR, { recursive: true });
const tmp = mkdtempSync(join(BUNDLE_DIR, 'build-'));
try {
  const started = performance.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: tmp,
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrls()],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')).sort();
  const hash = inputsHash(inputs);
  const dir = join(BUNDLE_DIR, hash);
  if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
  else renameSync(tmp, dir);
  const next = `${MANIFEST}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ hash, inputs }, null, 1));
  renameSync(next, MANIFEST);
  for (const name of readdirSync(BUNDLE_DIR)) {
    const path = join(BUNDLE_DIR, name);
    if (name !== hash && name !== 'manifest.json' && Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
  console.log(`sitrep CLI bundled: ${inputs.length} sources → ${relative(ROOT, dir)} in ${(performance.now() - started).toFixed(0)} ms`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
