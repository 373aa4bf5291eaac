/**
 * Bundles the CLI with esbuild into .cache/cli/<hash>/ (main.js; geo.js and
 * text.js expose the geo and text stages from the very chunks the CLI runs,
 * for bench:geo-speed to time geoparse as `sitrep geoparse` runs it) and names it in
 * .cache/cli/manifest.json with the digest and stamps of its inputs, so that
 * bin/sitrep.js starts without tsx and can tell a stale bundle (see
 * bin/bundle.js). Dependencies stay external; data JSON imported by the
 * sources is inlined, so it counts among the inputs. Files the sources find
 * through `import.meta.url` are still found next to the sources.
 * Usage: node --import tsx scripts/build-cli.ts
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_DIR, MANIFEST, ROOT, digest, stampOf } from '../bin/bundle.js';

/** A bundle replaced this long ago can no longer be in use by a running command. */
const KEEP_OLD_MS = 10 * 60 * 1000;

/** What the bundle was built from: the stamp taken before reading, and the bytes read. */
type Read = Map<string, { stamp: string; bytes: Buffer }>;

const projectPath = (path: string) => relative(ROOT, path).split(sep).join('/');

/**
 * Reads every source and data file itself, so that the digest is of the very
 * bytes bundled (a file edited during the build then reads as stale), and
 * gives each source its own `import.meta.url`, as seen from a bundle file two
 * levels under .cache/cli.
 */
function sources(read: Read): Plugin {
  const outDir = join(BUNDLE_DIR, 'x');
  return {
    name: 'sources',
    setup(b) {
      b.onLoad({ filter: /\.(ts|js|json)$/ }, (args) => {
        const stamp = stampOf(args.path);
        const bytes = readFileSync(args.path);
        read.set(projectPath(args.path), { stamp, bytes });
        if (args.path.endsWith('.json')) return { contents: bytes, loader: 'json' };
        const url = `new URL(${JSON.stringify(relative(outDir, args.path).split(sep).join('/'))}, import.meta.url).href`;
        return { contents: bytes.toString('utf8').replaceAll('import.meta.url', url), loader: args.path.endsWith('.js') ? 'js' : 'ts' };
      });
    },
  };
}

mkdirSync(BUNDLE_DIR, { recursive: true });
const tmp = mkdtempSync(join(BUNDLE_DIR, 'build-'));
try {
  const started = performance.now();
  const read: Read = new Map();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', geo: 'src/geo/index.ts', text: 'src/text/index.ts', pipeline: 'src/pipeline.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: tmp,
    metafile: true,
    logLevel: 'warning',
    plugins: [sources(read)],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')).sort();
  const unread = inputs.filter((f) => !read.has(f));
  if (unread.length > 0) throw new Error(`bundle inputs not read by the build: ${unread.join(', ')}`);
  const hash = digest(inputs.map((f) => [f, read.get(f)!.bytes]));
  const stamps = inputs.map((f) => read.get(f)!.stamp).join(' ');
  const dir = join(BUNDLE_DIR, hash);
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // the same sources bundled before, or by a build running alongside: that bundle serves
    if (!existsSync(join(dir, 'main.js'))) throw e;
    const now = new Date();
    utimesSync(dir, now, now); // in use again: not to be swept as old
  }
  const next = `${MANIFEST}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ hash, inputs, stamps }, null, 1));
  renameSync(next, MANIFEST);
  for (const name of readdirSync(BUNDLE_DIR)) {
    const path = join(BUNDLE_DIR, name);
    if (name !== hash && name !== 'manifest.json' && Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
  console.log(`sitrep CLI bundled: ${inputs.length} sources → ${relative(ROOT, dir)} in ${(performance.now() - started).toFixed(0)} ms`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
