/**
 * `npm run bench:geo-speed`: how fast the geoparser and the gazetteer are.
 * Times geoparse alone (CPU time of the process, V8's compiler and GC
 * threads included) over the GeoWebNews and LGL article texts
 * (../shared/bench/geoparsing, evaluation only) on first sight of their
 * names (a freshly opened gazetteer) in a fresh process, where the code is
 * compiled on the way: once as `sitrep geoparse` runs it (a child process
 * loading the CLI's esbuild bundle, built by prebench:geo-speed, with the
 * V8 flags bin/sitrep.js sets) and once from the TypeScript sources through
 * tsx (this process); then again in a second gazetteer once the code is warm,
 * and once warm; the time until the gazetteer is ready, process start with a
 * first lookup, and RSS.
 * Options: --import also times importing all of ../shared/gazetteer into a
 * temporary copy of the gazetteer; --dump FILE writes every geoparse result
 * as JSON lines, so that two versions of the code can be diffed.
 */
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshBundle, V8_FLAGS } from '../bin/bundle.js';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeDoc } from '../src/text/index.ts';
import { geoparse, openGazetteer } from '../src/geo/index.ts';
import { importDump, importWithoutSkeletonIndexes } from '../src/geo/import.ts';
import { writeLookupIndex } from '../src/geo/index-write.ts';
import { lookupPath } from '../src/geo/index-format.ts';
import type { Gazetteer } from '../src/geo/gazetteer.ts';

const CORPORA = new URL('../../shared/bench/geoparsing/', import.meta.url).pathname;
const DUMPS = new URL('../../shared/gazetteer/', import.meta.url).pathname;
const CLI = new URL('../bin/sitrep.js', import.meta.url).pathname;

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** The article texts of both corpora (their annotations are not needed here). */
function articles(): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  for (const file of ['GeoWebNews_GWN.xml', 'lgl.xml']) {
    for (const a of readFileSync(join(CORPORA, file), 'utf8').matchAll(/<article [a-z]+="(\d+)">([\s\S]*?)<\/article>/g)) {
      const raw = a[2].match(/<text[^>]*>([\s\S]*?)<\/text>/)?.[1] ?? '';
      out.push({ id: `${file.slice(0, 3)}-${a[1]}`, text: raw.startsWith('<![CDATA[') ? raw.slice(9, -3) : unescapeXml(raw) });
    }
  }
  return out;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

function load(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

async function timeImport(path: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-geo-speed-'));
  try {
    const copy = join(dir, 'gazetteer.db');
    copyFileSync(path, copy);
    const gaz = openGazetteer({ path: copy, lookupFile: false });
    const files = readdirSync(DUMPS).filter((f) => f.endsWith('.txt')).sort((a, b) => Number(a.startsWith('admin')) - Number(b.startsWith('admin')));
    const cpu = process.cpuUsage();
    const wall = performance.now();
    let rows = 0;
    // as `sitrep gazetteer import` does with many files: skeleton indexes rebuilt once at the end
    await importWithoutSkeletonIndexes(gaz.db, async () => {
      for (const f of files) rows += (await importDump(gaz.db, join(DUMPS, f))).rows;
    });
    const lookupWall = performance.now();
    const lookupCpu = process.cpuUsage();
    writeLookupIndex(gaz.db, copy);
    const lookup = `lookup file ${((performance.now() - lookupWall) / 1000).toFixed(1)} s wall, ${(cpuMs(lookupCpu) / 1000).toFixed(1)} s CPU, ${(statSync(lookupPath(copy)).size / 1e6).toFixed(0)} MB`;
    console.log(`import of ${files.length} files of ../shared/gazetteer (${rows} rows, indexes rebuilt, then the lookup file): ${((performance.now() - wall) / 1000).toFixed(1)} s wall, ${(cpuMs(cpu) / 1000).toFixed(1)} s CPU (load ${load()}); of which ${lookup}`);
    const ready = performance.now();
    gaz.close();
    const again = openGazetteer({ path: copy });
    again.byKey('aleppo');
    console.log(`  imported gazetteer ready with a first lookup in ${(performance.now() - ready).toFixed(0)} ms (${again.indexed ? 'lookup file' : 'SQL'})`);
    const texts = articles();
    const chars = texts.reduce((n, a) => n + a.text.length, 0);
    const ms = pass(texts, again).ms;
    console.log(`  geoparse with the imported gazetteer, first sight, warm code: ${((ms / chars) * 3000).toFixed(2)} ms CPU per 3 KB`);
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A fresh process geoparsing the texts with the CLI bundle's geo and text
 * modules (the chunks `sitrep geoparse` runs), under bin/sitrep.js's V8
 * flags; CPU ms over all texts and over the first 100. The documents are
 * made first: process CPU time counts V8's compiler threads, which would
 * otherwise charge geoparse with compiling wink's code.
 */
const BUNDLE_CHILD = `
import { readFileSync } from 'node:fs';
const [geoUrl, textUrl, file] = process.argv.slice(1);
const { geoparse, openGazetteer } = await import(geoUrl);
const { makeDoc } = await import(textUrl);
const texts = JSON.parse(readFileSync(file, 'utf8'));
const docs = texts.map((a) => makeDoc({ id: a.id, text: a.text }));
const gaz = openGazetteer();
let ms = 0;
let first100 = 0;
docs.forEach((doc, i) => {
  const t = process.cpuUsage();
  geoparse(doc, gaz);
  const u = process.cpuUsage(t);
  ms += (u.user + u.system) / 1000;
  if (i === 99) first100 = ms;
});
console.log(JSON.stringify({ ms, first100 }));
`;

function bundleFirstSight(texts: { id: string; text: string }[]): { ms: number; first100: number } | string {
  const main = freshBundle();
  if (!main) return 'no fresh CLI bundle (npm run build:cli)';
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-geo-speed-'));
  try {
    const file = join(dir, 'texts.json');
    writeFileSync(file, JSON.stringify(texts));
    const url = (name: string) => pathToFileURL(join(dirname(main), name)).href;
    const out = execFileSync(process.execPath, [...V8_FLAGS, '--input-type=module', '-e', BUNDLE_CHILD, url('geo.js'), url('text.js'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out) as { ms: number; first100: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Geoparses every text; documents are made one at a time and dropped, so that RSS is the geoparser's and not the corpus'. */
function pass(texts: { id: string; text: string }[], gaz: Gazetteer, keep = false): { ms: number; kept: string[] } {
  let ms = 0;
  const kept: string[] = [];
  for (const a of texts) {
    const doc = makeDoc({ id: a.id, text: a.text });
    const t = process.cpuUsage();
    const places = geoparse(doc, gaz);
    ms += cpuMs(t);
    if (keep) kept.push(JSON.stringify({ id: a.id, places }));
  }
  return { ms, kept };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { import: { type: 'boolean', default: false }, dump: { type: 'string' } } });
  if (!existsSync(join(CORPORA, 'GeoWebNews_GWN.xml'))) {
    console.log(`bench:geo-speed: ${CORPORA} not found (needs ../shared); nothing measured`);
    return;
  }
  const texts = articles();
  const chars = texts.reduce((n, a) => n + a.text.length, 0);
  const per3k = (ms: number) => `${((ms / chars) * 3000).toFixed(2)} ms CPU per 3 KB (${(ms / texts.length).toFixed(2)} ms per article)`;
  console.log(`${texts.length} articles, ${(chars / texts.length).toFixed(0)} characters on average; load ${load()}`);

  const bundled = bundleFirstSight(texts);
  if (typeof bundled === 'string') console.log(`geoparse, first sight, fresh process, CLI bundle: not measured (${bundled})`);
  else console.log(`geoparse, first sight, fresh process, CLI bundle (as sitrep geoparse runs, ${V8_FLAGS.join(' ')}; documents made first): ${per3k(bundled.ms)}; first 100 articles ${(bundled.first100 / 100).toFixed(2)} ms per article`);

  let wall = performance.now();
  const cpu = process.cpuUsage();
  const gaz = openGazetteer();
  console.log(`gazetteer ready in ${(performance.now() - wall).toFixed(0)} ms wall, ${cpuMs(cpu).toFixed(0)} ms CPU`);
  console.log(`lookups from ${gaz.indexed ? 'the lookup file' : 'SQL (no current lookup file)'}`);
  wall = performance.now();
  const cold = pass(texts, gaz, !!values.dump);
  console.log(`geoparse, first sight, fresh process, sources through tsx: ${per3k(cold.ms)}; ${((performance.now() - wall) / 1000).toFixed(1)} s wall with makeDoc`);
  console.log(`geoparse, warm (tsx):                  ${per3k(pass(texts, gaz).ms)}`);
  console.log(`RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB after geoparsing`);
  // a second gazetteer (its own connection and memos) sees every name for the first time; the code is compiled by now
  const second = openGazetteer();
  console.log(`geoparse, first sight, warm code (tsx):  ${per3k(pass(texts, second).ms)}`);
  console.log(`RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB with two gazetteers open`);
  second.close();
  if (values.dump) {
    writeFileSync(values.dump, `${cold.kept.join('\n')}\n`);
    console.log(`wrote ${values.dump}`);
  }
  const path = gaz.path;
  gaz.close();

  wall = performance.now();
  const out = execFileSync(process.execPath, [CLI, 'gazetteer', 'lookup', 'Aleppo'], { encoding: 'utf8' });
  console.log(`process start + first lookup (sitrep gazetteer lookup Aleppo): ${(performance.now() - wall).toFixed(0)} ms wall → ${JSON.parse(out).name}`);
  if (values.import) await timeImport(path);
  console.log(`load at the end ${load()}`);
}

await main();
