/**
 * `npm run bench:ingest [-- --db URL|PATH] [--reverse] [--limit N] [--extract-only] [--store-only] [--per-document] [--pages] [--total-only]`:
 * ingest throughput on one core, in CPU time (the machine is shared), split
 * into extraction and everything around it (fingerprints, duplicate check,
 * merge, store), over the corpus of bench:store (the seed, the VOA stories
 * and, when ../shared is present, the geoparsing corpora's news articles),
 * through the batch ingest of `sitrep ingest` (ingestAll, its commits of
 * several documents). Extraction is also split by corpus, so it can be set
 * beside bench:speed. Against PostgreSQL it also counts the round trips per document.
 *
 * It runs as `sitrep ingest` does: with bin/sitrep.js's V8 flags, and the
 * CLI bundle's pipeline when the bundle is fresh (prebench:ingest builds it).
 *
 * Two figures: the whole corpus from a cold process, and then, in a fresh
 * process, the steady state of a long-running ingest: the examples
 * (seed and VOA) and the other news of bench:speed's warm-up
 * (bench/warm-up.ts: TimeBank/AQUAINT, WikiEvents) ingested first,
 * untimed, then the geoparsing articles timed into a store that already
 * holds their events.
 *
 * --extract-only runs extraction alone on the same inputs (no store), to see
 * whether ingest makes extraction dearer; --store-only extracts every
 * document first, untimed, and times the ingest around it alone;
 * --total-only times the whole run alone, without the system calls that
 * time each extraction and store call (a few per document, which also
 * cool the processor's caches for the code after them);
 * --per-document commits each document on its own (as the API and the
 * queue's workers do); --pages counts the pages each commit writes (it
 * checkpoints after every commit to count them, so its CPU figures are not
 * the headline). --reverse ingests in reverse order
 * and prints a digest of the events, to check that merging does not depend
 * on arrival order (compare the digest of both runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BATCH, ingestAll, loadExtractor } from '../src/ingest/index.ts';
import type { Extractor, Item } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { ingestCorpus, type CorpusDocument } from './corpus.ts';
import { restartWithV8Flags } from './v8-flags.ts';
import { mainThreadClock } from './clock.ts';
import { otherNews } from './warm-up.ts';
import type { Store } from '../src/store/index.ts';

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string' }, reverse: { type: 'boolean', default: false }, limit: { type: 'string' },
    'extract-only': { type: 'boolean', default: false }, 'store-only': { type: 'boolean', default: false },
    'per-document': { type: 'boolean', default: false }, pages: { type: 'boolean', default: false },
    steady: { type: 'boolean', default: false }, 'no-steady': { type: 'boolean', default: false },
    'total-only': { type: 'boolean', default: false },
  },
});
// `sitrep ingest` runs with bin/sitrep.js's V8 flags
restartWithV8Flags(import.meta.url);
/** the examples a steady-state run ingests first, untimed, before the other news of bench/warm-up.ts */
const WARM_GROUPS = new Set(['seed', 'VOA']);

/**
 * The main thread's own CPU time in seconds (bench/clock.ts), or null where
 * the kernel does not say. Process CPU also counts V8's background threads
 * (compiling, marking), which run whenever they run, mostly for extraction's
 * code and garbage. Read for the whole run only: the kernel brings the
 * figure up to date at its ticks (4 ms) and when the thread sleeps, so the
 * time of one call is not in it (of 200 calls of 200 µs, 182 read 0), and
 * summed over calls it credits the waits' callers (the commits, in "the
 * rest") with the work done since the last tick (extraction's).
 */
const mainMs = mainThreadClock();
const schedstat = mainMs && (() => mainMs() / 1000);

function cpuSeconds(since?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}

/** Every query a pg client sends is one round trip (multi-statement strings included). */
let roundTrips = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  roundTrips++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** What the events say, independent of ids and order: for comparing a forward and a reverse run. */
async function digest(store: Store): Promise<{ events: number; hash: string; groups: string[] }> {
  const groups: string[] = [];
  for await (const e of store.eachEvent({})) {
    groups.push(`${e.event_type}|${e.event_date}|${e.location?.name ?? ''}|${[...e.document_ids].sort().join(',')}`);
  }
  groups.sort();
  return { events: groups.length, hash: createHash('sha1').update(groups.join('\n')).digest('hex').slice(0, 12), groups };
}

let docs = ingestCorpus();
if (opts.limit) docs = docs.slice(0, Number(opts.limit));
if (opts.reverse) docs.reverse();
if (opts.steady && !docs.some((d) => !WARM_GROUPS.has(d.group))) {
  console.log('bench:ingest, steady state: skipped (the geoparsing articles of ../shared are missing)');
  process.exit(0);
}
const warmup = opts.steady ? [...docs.filter((d) => WARM_GROUPS.has(d.group)), ...otherNews().map((d): CorpusDocument => ({ ...d, group: 'warm-up' }))] : [];
if (opts.steady) docs = docs.filter((d) => !WARM_GROUPS.has(d.group));
const t0 = performance.now();
const extract = await loadExtractor();
const loadSecs = (performance.now() - t0) / 1000;

/** --store-only: each document's extraction, done before the clock starts */
const extracted = new Map<string, ReturnType<Extractor>>();
if (opts['store-only']) {
  for (const d of [...warmup, ...docs]) extracted.set(d.id!, extract({ id: d.id!, text: d.text.replace(/\r\n?/g, '\n'), published: d.published ?? null, title: d.title ?? null, source: d.source ?? null, url: d.url ?? null }));
}

const perGroup = new Map<string, { n: number; chars: number; cpu: number }>();
let extractCpu = 0;
/** which corpus each document came from (the batch reads ahead, so the one read last is not the one extracted) */
const groupOf = new Map(docs.map((d) => [d.id!, d.group]));
/** extraction calls' spans of time, to tell the garbage collector's pauses inside them from those outside */
const extracting: [number, number][] = [];
const timed: Extractor = (input) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = extracted.get(input.id) ?? extract(input);
  extracting.push([t0, performance.now()]);
  const s = cpuSeconds(c0);
  extractCpu += s;
  const group = groupOf.get(input.id) ?? '?';
  const g = perGroup.get(group) ?? { n: 0, chars: 0, cpu: 0 };
  g.n++;
  g.chars += input.text.length;
  g.cpu += s;
  perGroup.set(group, g);
  return out;
};

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
/** a PostgreSQL URL gets a fresh schema of its own, dropped at the end */
async function freshSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
const schema = opts.db?.startsWith('postgres') ? await freshSchema(opts.db) : null;
const location = schema?.url ?? opts.db ?? join(dir, 'ingest.db');
const store = opts['extract-only'] ? null : openStore(location);
if (store && 'ready' in store) await (store as { ready(): Promise<unknown> }).ready();
/** CPU inside the store's calls; with asynchronous engines this includes other work done while awaiting */
let storeCpu = 0;
/** --pages: SQLite's own checkpoints off, one after each commit instead, which tells the pages the commit wrote */
const sqlite = opts.pages && store && 'db' in store ? (store as unknown as { db: { raw: import('better-sqlite3').Database } }).db.raw : null;
sqlite?.pragma('wal_autocheckpoint = 0');
const pages = { commits: 0, frames: 0 };
const checkpoint = () => {
  if (!sqlite) return;
  const [r] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  pages.commits++;
  pages.frames += r.log;
};
let checkCpu = 0;
const timedCall = async <T>(f: () => Promise<T>, check = false): Promise<T> => {
  const c0 = process.cpuUsage();
  try { return await f(); } finally {
    const s = cpuSeconds(c0);
    storeCpu += s;
    if (check) checkCpu += s;
  }
};
const measured: Store | null = store && Object.assign(Object.create(store) as Store, {
  findDuplicate: (keys: Parameters<Store['findDuplicate']>[0]) => timedCall(() => store.findDuplicate(keys), true),
  findDuplicates: store.findDuplicates && ((keys: Parameters<Store['findDuplicate']>[0][]) => timedCall(() => store.findDuplicates!(keys), true)),
  addDocument: (bundle: Parameters<Store['addDocument']>[0]) => timedCall(() => store.addDocument(bundle)).finally(checkpoint),
  addDocuments: store.addDocuments && !opts['per-document']
    ? (bundles: Parameters<Store['addDocument']>[0][]) => timedCall(() => store.addDocuments!(bundles)).finally(checkpoint)
    : undefined,
});
const bounds = opts['per-document'] ? { documents: 1, ms: 0 } : BATCH;
async function* items(list: typeof docs): AsyncIterable<Item> {
  for (const d of list) yield { origin: d.id!, doc: d };
}
if (measured && warmup.length) {
  await ingestAll(measured, items(warmup), async () => (input) => extracted.get(input.id) ?? extract(input), {}, () => {}, bounds);
  storeCpu = 0;
  checkCpu = 0;
  Object.assign(pages, { commits: 0, frames: 0 });
}
const before = store ? await store.counts() : null;
/** the collector's pauses on the main thread (its concurrent work on other threads counts in CPU but not here) */
const pauses: { start: number; ms: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
});
gcObserver.observe({ entryTypes: ['gc'] });
const trips0 = roundTrips;
const main0 = schedstat?.() ?? 0;
const wall0 = performance.now();
const cpu0 = process.cpuUsage();
// --total-only: no timing around each call (its system calls cost a little and chill the caches); the total alone
const bare = opts['total-only'] && !opts['store-only'];
if (measured) await ingestAll(bare ? store! : measured, items(docs), async () => (bare ? extract : timed), {}, () => {}, bounds);
else {
  for (const d of docs) {
    timed({ id: d.id!, text: d.text.replace(/\r\n?/g, '\n'), published: d.published ?? null, title: d.title ?? null, source: d.source ?? null, url: d.url ?? null });
  }
}
const cpu = cpuSeconds(cpu0);
const main = (schedstat?.() ?? 0) - main0;
const wall = (performance.now() - wall0) / 1000;
await new Promise((r) => setTimeout(r, 10));
gcObserver.disconnect();
const timedPauses = pauses.filter((p) => p.start >= wall0);
const gcMs = timedPauses.reduce((a, p) => a + p.ms, 0);
let inside = 0;
for (const p of timedPauses) if (extracting.some(([a, b]) => p.start >= a && p.start <= b)) inside += p.ms;
const trips = roundTrips - trips0;
const rest = cpu - extractCpu;
const n = docs.length;
const chars = docs.reduce((s, d) => s + d.text.length, 0);

const what = opts.steady
  ? `steady state: ${warmup.length} other documents ingested first, untimed (the examples, TimeBank/AQUAINT, WikiEvents: ${before!.events} events stored), then`
  : 'whole corpus, cold process:';
const how = opts['per-document'] || !store?.addDocuments ? 'one commit per document' : `commits of up to ${BATCH.documents} documents or ${BATCH.ms} ms`;
console.log(`bench:ingest, ${what} ${n} documents (${(chars / n / 1000).toFixed(1)}k chars avg), ${opts['extract-only'] ? 'extraction only' : `${opts['store-only'] ? 'extracted beforehand, ' : ''}into ${location.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}, ${how}`}${opts.reverse ? ', reverse order' : ''}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; resources loaded in ${loadSecs.toFixed(1)} s`);
console.log(`  CPU ${cpu.toFixed(2)} s = ${(n / cpu).toFixed(0)} docs per CPU-second (target ≥ 300); wall ${wall.toFixed(1)} s = ${(n / wall).toFixed(0)} docs/s`);
if (bare) console.log('  (--total-only: extraction and the rest not timed apart)');
else console.log(`  extraction ${extractCpu.toFixed(2)} s = ${(extractCpu / n * 1000).toFixed(2)} ms/doc; the rest ${rest.toFixed(2)} s = ${(rest / n * 1000).toFixed(2)} ms/doc = ${(n / Math.max(rest, 1e-3)).toFixed(0)} docs per CPU-second without extraction`);
if (store && !bare) console.log(`    of the rest: store calls ${(storeCpu / n * 1000).toFixed(2)} ms/doc (duplicate check ${(checkCpu / n * 1000).toFixed(2)}, merge and write ${((storeCpu - checkCpu) / n * 1000).toFixed(2)}), outside them (fingerprints, bundle, GC) ${((rest - storeCpu) / n * 1000).toFixed(2)} ms/doc`);
if (schedstat && !bare) {
  console.log(`  main thread alone: ${(main / n * 1000).toFixed(2)} ms/doc; V8's other threads ${((cpu - main) / n * 1000).toFixed(2)} ms/doc`);
}
console.log(`  garbage collector pauses ${(gcMs / n).toFixed(2)} ms/doc: ${(inside / n).toFixed(2)} inside extraction calls, ${((gcMs - inside) / n).toFixed(2)} outside (in "the rest", though mostly extraction's garbage when extraction runs)`);
for (const [g, v] of perGroup) console.log(`    extraction, ${g.padEnd(16)} ${String(v.n).padStart(4)} docs, ${(v.chars / v.n / 1000).toFixed(1)}k chars avg, ${(v.cpu / v.n * 1000).toFixed(2)} ms/doc`);
if (store) {
  if (pages.commits) console.log(`  pages written: ${(pages.frames / pages.commits).toFixed(1)} per commit (${pages.commits} commits), ${(pages.frames / n).toFixed(1)} per document`);
  if (trips) console.log(`  PostgreSQL round trips: ${trips} = ${(trips / n).toFixed(1)} per document`);
  const c = await store.counts();
  const d = await digest(store);
  console.log(`  stored ${c.documents} documents, ${c.claims} claims → ${c.events} events; event digest ${d.hash}`);
  await store.close();
}
await schema?.drop();
rmSync(dir, { recursive: true, force: true });

// the steady-state figure comes from a fresh process, which has not seen the articles it times
if (!opts.steady && !opts['no-steady'] && !opts['extract-only'] && !opts.reverse && !opts.limit) {
  console.log('');
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--steady'], { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
}
