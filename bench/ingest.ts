/**
 * `npm run bench:ingest [-- --db URL|PATH] [--reverse] [--limit N] [--extract-only]`:
 * ingest throughput on one core, in CPU time (the machine is shared), split
 * into extraction and everything around it (fingerprints, duplicate check,
 * merge, store), over the corpus of bench:store (the seed, the VOA stories
 * and, when ../shared is present, the geoparsing corpora's news articles).
 * Extraction is also split by corpus, so it can be set beside bench:speed.
 * Against PostgreSQL it also counts the round trips per document.
 *
 * --extract-only runs extraction alone on the same inputs (no store), to see
 * whether ingest makes extraction dearer; --store-only extracts every
 * document first, untimed, and times the ingest around it alone. --reverse ingests in reverse order
 * and prints a digest of the events, to check that merging does not depend
 * on arrival order (compare the digest of both runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ingestDocument, loadExtractor } from '../src/ingest/index.ts';
import type { Extractor } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { ingestCorpus } from './corpus.ts';
import type { Store } from '../src/store/index.ts';

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string' }, reverse: { type: 'boolean', default: false }, limit: { type: 'string' },
    'extract-only': { type: 'boolean', default: false }, 'store-only': { type: 'boolean', default: false },
  },
});

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
const t0 = performance.now();
const extract = await loadExtractor();
const loadSecs = (performance.now() - t0) / 1000;

/** --store-only: each document's extraction, done before the clock starts */
const extracted = new Map<string, ReturnType<Extractor>>();
if (opts['store-only']) {
  for (const d of docs) extracted.set(d.id!, extract({ id: d.id!, text: d.text.replace(/\r\n?/g, '\n'), published: d.published ?? null, title: d.title ?? null, source: d.source ?? null, url: d.url ?? null }));
}

const perGroup = new Map<string, { n: number; chars: number; cpu: number }>();
let extractCpu = 0;
let current = '';
const timed: Extractor = (input) => {
  const c0 = process.cpuUsage();
  const out = extracted.get(input.id) ?? extract(input);
  const s = cpuSeconds(c0);
  extractCpu += s;
  const g = perGroup.get(current) ?? { n: 0, chars: 0, cpu: 0 };
  g.n++;
  g.chars += input.text.length;
  g.cpu += s;
  perGroup.set(current, g);
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
const measured: Store | null = store && Object.assign(Object.create(store) as Store, {
  findDuplicate: async (keys: Parameters<Store['findDuplicate']>[0]) => {
    const c0 = process.cpuUsage();
    try { return await store.findDuplicate(keys); } finally { storeCpu += cpuSeconds(c0); }
  },
  addDocument: async (bundle: Parameters<Store['addDocument']>[0]) => {
    const c0 = process.cpuUsage();
    try { return await store.addDocument(bundle); } finally { storeCpu += cpuSeconds(c0); }
  },
});
const trips0 = roundTrips;
const wall0 = performance.now();
const cpu0 = process.cpuUsage();
for (const d of docs) {
  current = d.group;
  if (measured) await ingestDocument(measured, d, async () => timed);
  else timed({ id: d.id!, text: d.text.replace(/\r\n?/g, '\n'), published: d.published ?? null, title: d.title ?? null, source: d.source ?? null, url: d.url ?? null });
}
const cpu = cpuSeconds(cpu0);
const wall = (performance.now() - wall0) / 1000;
const trips = roundTrips - trips0;
const rest = cpu - extractCpu;
const n = docs.length;
const chars = docs.reduce((s, d) => s + d.text.length, 0);

console.log(`bench:ingest — ${n} documents (${(chars / n / 1000).toFixed(1)}k chars avg), ${opts['extract-only'] ? 'extraction only' : `${opts['store-only'] ? 'extracted beforehand, ' : ''}into ${location.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`}${opts.reverse ? ', reverse order' : ''}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; resources loaded in ${loadSecs.toFixed(1)} s`);
console.log(`  CPU ${cpu.toFixed(2)} s = ${(n / cpu).toFixed(0)} docs per CPU-second (target ≥ 300); wall ${wall.toFixed(1)} s = ${(n / wall).toFixed(0)} docs/s`);
console.log(`  extraction ${extractCpu.toFixed(2)} s = ${(extractCpu / n * 1000).toFixed(2)} ms/doc; the rest ${rest.toFixed(2)} s = ${(rest / n * 1000).toFixed(2)} ms/doc = ${(n / Math.max(rest, 1e-3)).toFixed(0)} docs per CPU-second without extraction`);
if (store) console.log(`    of the rest: store calls (duplicate check, merge, write) ${(storeCpu / n * 1000).toFixed(2)} ms/doc, outside them (fingerprints, bundle, GC) ${((rest - storeCpu) / n * 1000).toFixed(2)} ms/doc`);
for (const [g, v] of perGroup) console.log(`    extraction, ${g.padEnd(16)} ${String(v.n).padStart(4)} docs, ${(v.chars / v.n / 1000).toFixed(1)}k chars avg, ${(v.cpu / v.n * 1000).toFixed(2)} ms/doc`);
if (store) {
  if (trips) console.log(`  PostgreSQL round trips: ${trips} = ${(trips / n).toFixed(1)} per document`);
  const c = await store.counts();
  const d = await digest(store);
  console.log(`  stored ${c.documents} documents, ${c.claims} claims → ${c.events} events; event digest ${d.hash}`);
  await store.close();
}
await schema?.drop();
rmSync(dir, { recursive: true, force: true });
