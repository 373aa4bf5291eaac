/**
 * Derived-picture benchmark: store N synthetic events (default 10,000) in a
 * SQLite file, then time (1) recomputing control periods and tallies from the
 * store, as the API does after every change, and (2) the derived API routes
 * served from the recomputed state (p50/p95 over many requests).
 *
 * Events are synthetic but shaped like ACLED data: 2,000 places on a grid over
 * Syria/Iraq, a third of events are takeovers, figures missing for a quarter.
 * Usage: npm run bench:derive [-- --events 10000 --queries 400 --db FILE]
 * (--db keeps the store in FILE and reuses it when it exists, to skip the ingest on re-runs)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { openStore, contentHash } from '../src/store/index.ts';
import type { DocumentBundle } from '../src/store/index.ts';
import type { ControlRecord, EventRecord } from '../src/events/types.ts';
import { claimsIn, controlTimeline, tally } from '../src/derive/index.ts';
import derived, { computeDerived } from '../src/serve/derived.ts';
import { mulberry32 } from './random.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '10000' }, queries: { type: 'string', default: '400' }, db: { type: 'string' } } });
const N = Number(values.events);
const Q = Number(values.queries);

const rand = mulberry32(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const ACTORS = ['Islamic State (Syria)', 'Opposition Rebels (Syria)', 'Military Forces of Syria (2000-)', 'Syrian Democratic Forces', 'Military Forces of Turkey (2016-)', 'Hayat Tahrir al-Sham'];
const ADMIN1 = ['Aleppo', 'Idlib', 'Homs', 'Hama', 'Raqqa', 'Deir ez-Zor', 'Ninewa', 'Anbar'];
const TYPES: [string, string][] = [
  ['Battles', 'Non-state actor overtakes territory'],
  ['Battles', 'Government regains territory'],
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Violence against civilians', 'Attack'],
];
const PLACES = Array.from({ length: 2000 }, (_, i) => ({
  text: `Place ${i}`, name: `Place ${i}`, geonameid: 1_000_000 + i, lat: 32 + (i % 50) * 0.1, lon: 36 + Math.floor(i / 50) * 0.15,
  admin1: ADMIN1[i % ADMIN1.length], admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 1 as const,
}));

function syntheticEvent(i: number): EventRecord {
  const [event_type, sub_event_type] = rand() < 0.33 ? TYPES[Math.floor(rand() * 2)] : pick(TYPES.slice(2));
  const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rand() * 365) * 86400000).toISOString().slice(0, 10);
  const low = Math.floor(rand() * 20);
  const fatalities = rand() < 0.25 ? null : { low, best: low + Math.floor(rand() * 3), high: rand() < 0.1 ? null : low + 5, text: String(low) };
  return {
    id: `e${i}`, document_id: `d${i}`, event_date: day, date: { start: day, end: day, precision: 1, text: null },
    event_type, sub_event_type, disorder_type: 'Political violence',
    actor1: { name: pick(ACTORS), inter: 2, text: 'x' }, actor2: rand() < 0.2 ? { name: 'Civilians (Syria)', inter: 7, text: 'civilians' } : { name: pick(ACTORS), inter: 2, text: 'y' },
    assoc_actors: [], interaction: 22, civilian_targeting: event_type === 'Violence against civilians',
    location: pick(PLACES), fatalities, injuries: null,
    sources: [{ outlet: 'Bench', claimed_by: null, document_id: `d${i}`, sentence: `report ${i}`, start: 0, end: 10 }],
    confidence: 0.7, notes: '', plover: { event: 'ASSAULT', mode: null },
  };
}

function bundle(i: number, ev: EventRecord, control: ControlRecord[]): DocumentBundle {
  const text = `report ${i} ${ev.sub_event_type} at ${ev.location?.name} on ${ev.event_date}`;
  const claimId = `cl${i}`;
  return {
    document: { id: `d${i}`, title: null, source: 'Bench', url: null, canonical_url: null, published: ev.event_date, language: 'en', text, content_hash: contentHash(text), minhash: null, warnings: [] },
    sentences: [{ start: 0, end: text.length }],
    spans: [],
    claims: [{ id: claimId, document_id: `d${i}`, outlet: 'Bench', claimed_by: null, sentence: text, start: 0, end: text.length, record: ev }],
    records: control.map((r) => ({ ...r, evidence: [claimId] })),
  };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'sitrep-bench-derive-'));
const dbPath = values.db ?? join(dir!, 'bench.db');
const reuse = existsSync(dbPath);
const store = openStore(dbPath);
try {
  let t = performance.now();
  for (let i = 0; i < (reuse ? 0 : N); i++) {
    const ev = syntheticEvent(i);
    const control: ControlRecord[] = rand() < 0.1
      ? [{ record: 'control', id: `c${i}`, document_id: `d${i}`, place: { ...pick(PLACES), kind: 'point' }, controller: pick(ACTORS), since: ev.event_date, until: null, evidence: [], confidence: 0.6 }]
      : [];
    await store.addDocument(bundle(i, ev, control));
  }
  const ingestS = (performance.now() - t) / 1000;
  const counts = await store.counts();

  // wall time and CPU time: on a shared machine the CPU time says what the work costs
  t = performance.now();
  let cpu = process.cpuUsage();
  const state = await computeDerived(store);
  const rows = tally(state.events, ['admin1', 'week'], { claims: claimsIn(state) });
  const recomputeMs = performance.now() - t;
  const recomputeCpu = cpuMs(process.cpuUsage(cpu));
  // where the time goes: reading from the store vs deriving
  t = performance.now();
  let read = 0;
  for await (const e of store.eachEvent({})) read += e.id.length > 0 ? 1 : 0;
  const readEventsMs = performance.now() - t;

  // the derive part alone, warm, median of 5 (the machine is shared, single runs are noisy)
  const control = await store.listRecords('control');
  const pure: number[] = [];
  const pureCpu: number[] = [];
  for (let k = 0; k < 5; k++) {
    t = performance.now();
    cpu = process.cpuUsage();
    controlTimeline(state.events, control);
    tally(state.events, ['admin1', 'week']);
    tally(state.events, ['actor', 'side']);
    pure.push(performance.now() - t);
    pureCpu.push(cpuMs(process.cpuUsage(cpu)));
  }
  const pureMs = percentile(pure, 50);

  const app = Fastify();
  app.decorate('store', store);
  await app.register(derived);
  // measured over real HTTP (inject copies big bodies slowly and would measure itself)
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const get = async (url: string) => {
    const res = await fetch(base + url);
    await res.arrayBuffer();
    return res.status;
  };
  await get('/api/control'); // the first request builds the state, as after an ingest
  const routes = [
    () => `/api/control?date=2016-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
    () => `/api/control?date=2016-06-01&bbox=36,32,38,35&format=json`,
    () => `/api/control/${encodeURIComponent(pick(PLACES).name)}/history`,
    () => '/api/tallies?by=admin1,week',
    () => '/api/tallies?by=side&from=2016-03-01&to=2016-06-30',
    () => '/api/displacement',
  ];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const byRoute: number[][] = routes.map(() => []);
  for (let q = 0; q < Q; q++) {
    const url = routes[q % routes.length]();
    const s = performance.now();
    const c = process.cpuUsage();
    const status = await get(url);
    cpuTimes.push(cpuMs(process.cpuUsage(c)));
    times.push(performance.now() - s);
    byRoute[q % routes.length].push(performance.now() - s);
    if (status !== 200 && status !== 404) throw new Error(`${url}: ${status}`);
  }
  await app.close();

  const periods = state.periods.length;
  console.log(`derive bench: ${counts.events} events stored (${N} generated, ${counts.documents} documents), ingest ${ingestS.toFixed(1)} s`);
  console.log(`| measure | value | target |`);
  console.log(`| --- | --- | --- |`);
  console.log(`| recompute from store (read events+records+merged claims, control timeline, tally admin1×week): wall / CPU | ${recomputeMs.toFixed(0)} / ${recomputeCpu.toFixed(0)} ms | ≤ 2000 ms |`);
  console.log(`| of which reading ${read} events from the store (eachEvent) | ${readEventsMs.toFixed(0)} ms | – |`);
  console.log(`| derive only, warm median of 5 (timeline + tallies admin1×week and actor×side): wall / CPU | ${pureMs.toFixed(0)} / ${percentile(pureCpu, 50).toFixed(0)} ms | – |`);
  console.log(`| control periods / tally rows | ${periods} / ${rows.length} | – |`);
  console.log(`| API query p50 / p95 / max (${Q} requests over ${routes.length} routes) | ${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} / ${Math.max(...times).toFixed(1)} ms | p95 ≤ 50 ms |`);
  console.log(`| API query CPU time (server + client in this process) p50 / p95 | ${percentile(cpuTimes, 50).toFixed(1)} / ${percentile(cpuTimes, 95).toFixed(1)} ms | – |`);
  const names = ['control on a month day (GeoJSON)', 'control in bbox (JSON)', 'control history of a place', 'tallies admin1×week', 'tallies side, date range', 'displacement'];
  for (const [i, name] of names.entries()) console.log(`| ${name}: p50 / p95 | ${percentile(byRoute[i], 50).toFixed(1)} / ${percentile(byRoute[i], 95).toFixed(1)} ms | – |`);
  console.log(`(load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
  process.exitCode = recomputeMs <= 2000 && percentile(times, 95) <= 50 ? 0 : 1;
} finally {
  await store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
