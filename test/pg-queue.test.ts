/**
 * The PostgreSQL work queue and concurrency-safe merging (needs
 * SITREP_TEST_PG): concurrent writers end with one event per event and one
 * document per document; a poison document is dead-lettered after its
 * attempts while the rest is stored; a worker whose connections are cut
 * (as by a server restart) reconnects and goes on; a wrong password fails
 * at start with a clear message; dead jobs show in the API and the CLI.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import Fastify from 'fastify';
import { PgStore } from '../src/store/postgres/index.ts';
import { enqueue, enqueueCommand, jobCounts, listJobs, runWorker } from '../src/queue/index.ts';
import metricsPlugin from '../src/queue/metrics-plugin.ts';
import { errorHandler } from '../src/serve/errors.ts';
import type { Extractor } from '../src/ingest/index.ts';
import type { Item } from '../src/ingest/index.ts';
import { freshSchema, PG_SKIP, PG_URL } from './pg-engines.ts';
import { bundle, event } from './store-fixtures.ts';
import { emptyMentions } from '../src/mentions/types.ts';

const run = promisify(execFile);

/** Report k of event i: same place and day, different words, outlets and figures. */
function report(i: number, k: number) {
  const lat = 10 + (i % 10) * 3;
  const lon = 20 + Math.floor(i / 10) * 3;
  const day = `2020-0${1 + (i % 9)}-1${k % 3}`;
  const doc = `r${i}-${k}`;
  const s = `Report ${k} from outlet ${k}: fighting at place ${i} killed ${5 + k} people (${'x'.repeat(k)}).`;
  return bundle(doc, s, [event({
    id: 'e', document_id: doc, sentence: s, event_date: day, date: { start: day, end: day, precision: 1, text: 'that day' },
    location: { text: `P${i}`, name: `P${i}`, geonameid: 1000 + i, lat: lat + k * 0.01, lon, admin1: null, admin2: null, country: 'Testland', iso3: 'TST', geo_precision: 1 },
    fatalities: { low: 5 + k, best: 5 + k, high: 5 + k, text: String(5 + k) },
  })]);
}

/** A pipeline stand-in that codes nothing from the text and crashes on a poison marker. */
function extractorFrom(real: Extractor | null): Extractor {
  return (input) => {
    if (input.text.includes('POISON')) throw new Error('the coder crashed on this document');
    if (real) return real(input);
    return { doc: { id: input.id, text: input.text, sentences: [], mentions: emptyMentions(), language: 'en' } as never, result: { events: [], displacement: [], control: [], warnings: [] } as never };
  };
}

describe('PostgreSQL queue and concurrency', { skip: PG_SKIP }, () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  // each test its own empty schema
  beforeEach(async () => {
    schema = await freshSchema();
  });
  afterEach(async () => {
    await schema?.drop();
  });

  test('four writers storing reports of the same events at once end with one event each', async () => {
    const stores = Array.from({ length: 4 }, () => new PgStore(schema.url, { poolSize: 2 }));
    try {
      await Promise.all(stores.map((s) => s.ready()));
      const events = 12;
      const reports = 4;
      // every report of event i goes through a different writer, all at once
      await Promise.all(stores.map(async (store, w) => {
        for (let i = 0; i < events; i++) await store.addDocument(report(i, (w + i) % reports));
      }));
      const counts = await stores[0].counts();
      assert.deepEqual(counts, { documents: events * reports, events, claims: events * reports });
      const listed = await stores[0].listEvents({ limit: 100, offset: 0 });
      assert.ok(listed.items.every((e) => e.source_count === reports), 'each event has all its reports');
      // the same document from four writers at once is one document
      const same = await Promise.all(stores.map((s) => s.addDocument(report(99, 0))));
      assert.equal(same.filter((r) => r.duplicate_of === null).length, 1);
      assert.equal(new Set(same.map((r) => r.document_id)).size, 1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('a poison document is dead-lettered after its attempts; the rest is stored; API and CLI show it', async () => {
    const store = new PgStore(schema.url);
    try {
      const docs: Item[] = [
        ...Array.from({ length: 6 }, (_, i) => ({ origin: `t:${i}`, doc: { id: `q${i}`, text: `Queued document number ${i} about nothing in particular.` } })),
        { origin: 't:poison', doc: { id: 'poison', text: 'POISON: this text crashes the coder every time.' } },
        { origin: 't:again', doc: { id: 'q0', text: 'Queued document number 0 about nothing in particular.' } },
      ];
      const t = await enqueue(store, docs, { maxAttempts: 3 });
      assert.deepEqual([t.queued, t.already], [7, 1], 'the same document twice is one job');
      const lines: string[] = [];
      const tally = await runWorker(store, { extractor: extractorFrom(null), backoffMs: 20, pollMs: 20, exitWhenIdle: true, log: (l) => lines.push(l) });
      assert.equal(tally.done, 6);
      assert.equal(tally.dead, 1);
      assert.equal(tally.retried, 2, 'two retries before the third and last attempt');
      const counts = await jobCounts(store.pool);
      assert.equal(counts.dead, 1);
      assert.ok(counts.done >= 6);
      const [dead] = await listJobs(store.pool, 'dead', 10);
      assert.equal(dead.document_id, 'poison');
      assert.equal(dead.attempts, 3);
      assert.match(dead.last_error!, /crashed/);
      assert.equal((await store.counts()).documents, 6);

      const app = Fastify();
      app.decorate('store', store as never);
      app.setErrorHandler(errorHandler);
      await app.register(metricsPlugin);
      const api = (await app.inject('/api/queue/jobs?status=dead')).json();
      assert.equal(api[0].document_id, 'poison');
      assert.match(api[0].last_error, /crashed/);
      const metrics = (await app.inject('/metrics')).body;
      assert.match(metrics, /sitrep_documents_processed_total 6\n/);
      assert.match(metrics, /sitrep_documents_failed_total 1\n/);
      assert.match(metrics, /sitrep_coding_seconds_count 6\n/);
      assert.equal((await app.inject('/api/ready')).json().ready, true);
      await app.close();

      const cli = await run(process.execPath, ['bin/sitrep.js', 'worker', 'list', '--status', 'dead', '--db', schema.url]);
      assert.match(cli.stdout, /"document_id":"poison".*crashed/);
      await run(process.execPath, ['bin/sitrep.js', 'worker', 'retry', '--db', schema.url]);
      assert.equal((await jobCounts(store.pool)).queued, 1, 'retry puts the dead job back');
    } finally {
      await store.close();
    }
  });

  test('a worker whose connections are cut (as by a server restart) reconnects and goes on', async () => {
    const store = new PgStore(schema.url);
    const admin = new pg.Client({ connectionString: PG_URL! });
    await admin.connect();
    try {
      await enqueue(store, Array.from({ length: 30 }, (_, i) => ({ origin: `c:${i}`, doc: { id: `c${i}`, text: `Another queued document, number ${i}, with some words.` } })));
      const lines: string[] = [];
      let cut = 0;
      const slow: Extractor = (input) => {
        const end = Date.now() + 15;
        while (Date.now() < end);
        return extractorFrom(null)(input);
      };
      const working = runWorker(store, { extractor: slow, pollMs: 20, backoffMs: 20, exitWhenIdle: true, log: (l) => lines.push(l) });
      // cut every connection of this schema's users twice while it works, as a server restart would
      for (const wait of [80, 200]) {
        await new Promise((r) => setTimeout(r, wait));
        const r = await admin.query('SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = $1', [schema.name]);
        cut += Number(r.rows[0].n);
      }
      const tally = await working;
      assert.ok(cut > 0, 'connections were cut');
      assert.equal(tally.dead, 0);
      assert.equal((await jobCounts(store.pool)).done, 30, 'every job done');
      assert.equal((await store.counts()).documents, 30);
    } finally {
      await admin.end();
      await store.close();
    }
  });

  test('ingest --enqueue: a JSONL file on the queue, the bad line reported, the same file twice queued once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-enqueue-'));
    const store = new PgStore(schema.url);
    try {
      const file = join(dir, 'in.jsonl');
      writeFileSync(file, '{"id": "j1", "text": "First queued story."}\nnot json\n{"id": "j2", "text": "Second queued story."}\n');
      assert.equal(await enqueueCommand([file], { db: schema.url, quiet: true }), 1, 'exit 1: one line could not be read');
      assert.equal(await enqueueCommand([file], { db: schema.url, quiet: true }), 1);
      assert.equal((await jobCounts(store.pool)).queued, 2);
      assert.equal(await enqueueCommand([file], { db: join(dir, 'x.db'), quiet: true }), 2, 'SQLite has no queue');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a wrong password or port fails at start with a clear message', async () => {
    const u = new URL(PG_URL!);
    u.password = 'wrong-password';
    const bad = new PgStore(u.toString());
    await assert.rejects(bad.ready(), /cannot open PostgreSQL at postgres:\/\/[^:]+:\*\*\*@.*password was refused/);
    await bad.close();
    u.port = '1';
    const cli = await run(process.execPath, ['bin/sitrep.js', 'worker', '--db', u.toString()]).catch((e) => e);
    assert.equal(cli.code, 2);
    assert.match(cli.stderr, /no server is listening there/);
    assert.doesNotMatch(cli.stderr, /wrong-password/, 'the password is never printed');
  });
});
