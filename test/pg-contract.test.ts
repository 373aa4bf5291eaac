/**
 * The store contract, once, run against every engine: SQLite always,
 * PostgreSQL when SITREP_TEST_PG is set. The last test feeds both engines
 * the same documents and compares what the API would return.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../src/store/index.ts';
import { buildApp } from '../src/serve/app.ts';
import { ENGINES, PG_SKIP, type Engine } from './pg-engines.ts';
import { bundle, event } from './store-fixtures.ts';

const A = 'IS swept through rebel-held territory near Marea on Friday, cutting the road to Azaz, a monitor said.';
const B = 'Islamic State militants seized several villages from Syrian rebels close to Marea on Thursday, residents reported.';
const AZAZ = { text: 'Azaz', name: 'Azaz', geonameid: 170017, lat: 36.5866, lon: 37.0463, admin1: 'Aleppo', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 1 as const };
const MOSUL = { text: 'Mosul', name: 'Mosul', geonameid: 99072, lat: 36.335, lon: 43.119, admin1: 'Nineveh', admin2: null, country: 'Iraq', iso3: 'IRQ', geo_precision: 1 as const };

async function withStore(engine: Engine, fn: (store: Store, location: string) => Promise<void>): Promise<void> {
  const o = await engine.open();
  try {
    await fn(o.store, o.location);
  } finally {
    await o.cleanup();
  }
}

/** A small corpus touching merges, figures, places far apart, copies and records. */
async function feed(store: Store): Promise<void> {
  const f = (n: number, claimed: string, doc: string, s: string, extra = {}) => event({
    id: doc, document_id: doc, sentence: s, fatalities: { low: n, best: n, high: n, text: String(n) },
    sources: [{ outlet: doc, claimed_by: claimed, document_id: doc, sentence: s, start: 0, end: s.length }], ...extra,
  });
  await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A, fatalities: { low: 28, best: 28, high: null, text: 'at least 28' } })]));
  await store.addDocument(bundle('b', B, [event({ id: 'y', document_id: 'b', sentence: B, event_date: '2016-05-26', date: { start: '2016-05-26', end: '2016-05-26', precision: 1, text: 'Thursday' }, location: AZAZ })]));
  await store.addDocument(bundle('c', B + ' Mosul.', [f(4, 'SOHR', 'c', B, { location: MOSUL, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' })]));
  await store.addDocument(bundle('d', A + ' Mosul too.', [f(6, 'activists', 'd', A, { location: MOSUL, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' })]));
  await store.addDocument(bundle('e', B + ' June.', [event({ id: 'l', document_id: 'e', sentence: B, event_date: '2016-06-20', date: { start: '2016-06-20', end: '2016-06-20', precision: 1, text: 'June 20' }, location: null })]));
}

for (const engine of ENGINES) {
  describe(`store contract: ${engine.name}`, { skip: engine.skip }, () => {
    test('a second report merges, keeps the date disagreement, and splits back', () => withStore(engine, async (store) => {
      const a = await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A })]));
      const b = await store.addDocument(bundle('b', B, [event({ id: 'y', document_id: 'b', sentence: B, event_date: '2016-05-26', date: { start: '2016-05-26', end: '2016-05-26', precision: 1, text: 'on Thursday' }, location: AZAZ })]));
      assert.deepEqual(b.events, a.events, 'one event');
      const detail = (await store.getEvent(a.events[0]))!;
      assert.deepEqual([detail.source_count, detail.date.start, detail.date.end], [2, '2016-05-26', '2016-05-27']);
      assert.ok(detail.disagreements.some((d) => d.field === 'event_date'));
      const merges = (await store.getMerges(a.events[0]))!;
      assert.equal(merges.length, 1);
      assert.equal(merges[0].features.date_gap_days, 1);
      const split = (await store.splitEvent(a.events[0]))!;
      assert.equal(split.length, 2);
      assert.deepEqual((await Promise.all(split.map((id) => store.getEvent(id)))).map((e) => e!.document_ids), [['a'], ['b']]);
      assert.notEqual((await store.getMerges(a.events[0]))![0].split_at, null);
      assert.equal((await store.counts()).events, 2);
      assert.equal(await store.splitEvent('nope'), null);
      await assert.rejects(store.splitEvent(split[0], ['nope']), (e: Error & { code?: string }) => e.code === 'bad_split');
    }));

    test('corrections survive a later merge; rejected events leave the default list', () => withStore(engine, async (store) => {
      const id = (await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A })]))).events[0];
      const corrected = (await store.reviewEvent(id, { fields: { fatalities: { low: 3, best: 3, high: 3, text: 'three' } }, note: 'per monitor' }))!;
      assert.deepEqual(corrected.review, { state: 'corrected', corrected_fields: ['fatalities'] });
      await assert.rejects(store.reviewEvent(id, { fields: { id: 'z' } as never }), (e: Error & { code?: string }) => e.code === 'bad_correction');
      await store.addDocument(bundle('b', B, [event({ id: 'y', document_id: 'b', sentence: B, fatalities: { low: 10, best: 10, high: 10, text: 'ten' } })]));
      const after = (await store.getEvent(id))!;
      assert.deepEqual([after.source_count, after.fatalities!.best], [2, 3]);
      await store.reviewEvent(id, { review_state: 'rejected' });
      assert.equal((await store.listEvents({ limit: 10, offset: 0 })).total, 0);
      assert.equal((await store.listEvents({ limit: 10, offset: 0, review: 'rejected' })).total, 1);
    }));

    test('the same document twice, or a near copy, is stored once and recorded as a copy', () => withStore(engine, async (store) => {
      const text = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: IS fighters advanced on villages north of Aleppo while rebels fell back toward the border crossing at Bab al-Salameh.`).join('\n');
      const first = await store.addDocument(bundle('w1', text, [event({ id: 'x', document_id: 'w1', sentence: A })], { url: 'https://one.example/a', canonical_url: 'https://one.example/a' }));
      assert.equal((await store.addDocument(bundle('w1', text, [event({ id: 'x', document_id: 'w1', sentence: A })]))).duplicate_of, 'w1');
      const copy = await store.addDocument(bundle('w2', 'Share\n' + text + '\nAdvertisement\nRead more at two.example', [], { url: 'https://two.example/b', canonical_url: 'https://two.example/b' }));
      assert.deepEqual([copy.duplicate_of, copy.events], ['w1', first.events]);
      const counts = await store.counts();
      assert.deepEqual([counts.documents, counts.claims], [1, 1]);
      assert.deepEqual((await store.getDocument('w1'))!.copies.map((c) => c.url), ['https://two.example/b']);
      await assert.rejects(store.addDocument(bundle('w1', 'A different text entirely, about something else.', [])), (e: Error & { code?: string }) => e.code === 'document_id_taken');
    }));

    test('re-processing replaces a document\'s claims in place; the revision moves with every write', () => withStore(engine, async (store) => {
      const r0 = await store.revision!();
      const first = await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A })]));
      const r1 = await store.revision!();
      assert.notEqual(r1, r0);
      const again = await store.addDocument({ ...bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A, fatalities: { low: 7, best: 7, high: 7, text: 'seven' } })]), replace: true });
      assert.deepEqual([again.duplicate_of, again.events], [null, first.events], 'same event, not a copy');
      assert.equal((await store.getEvent(first.events[0]))!.fatalities!.best, 7);
      assert.deepEqual(await store.counts(), { documents: 1, events: 1, claims: 1 });
      assert.notEqual(await store.revision!(), r1);
      await store.reviewEvent(first.events[0], { review_state: 'confirmed' });
      assert.notEqual(await store.revision!(), r1);
    }));

    test('filters bind every value; bbox, actor prefix and words work', () => withStore(engine, async (store) => {
      await feed(store);
      const points = await store.points!({ country: 'iraq' });
      assert.deepEqual(points.map((p) => [p.country, p.lat, p.fatalities_low]), [['Iraq', 36.335, 4]]);
      for (const v of ["'; DROP TABLE events; --", '" OR 1=1 --', '%', '_', '\\', 'NEAR(', '*', 'a) OR (b']) {
        for (const key of ['country', 'admin1', 'actor', 'event_type', 'sub_event_type'] as const) {
          assert.equal((await store.listEvents({ limit: 5, offset: 0, [key]: v })).total, 0, `${key}=${v}`);
        }
        assert.equal((await store.listEvents({ limit: 5, offset: 0, q: `zzyzx ${v}` })).total, 0, `q=${v}`);
      }
      const total = (f: object) => store.listEvents({ limit: 50, offset: 0, ...f }).then((r) => r.total);
      assert.equal(await total({ q: 'Marea' }), 3);
      assert.equal(await total({ q: 'Mosul Marea' }), 1, 'every word');
      assert.equal(await total({ actor: 'islamic state' }), 3, 'actor prefix, any case');
      assert.equal(await total({ country: 'syria' }), 1, 'country, any case');
      assert.equal(await total({ bbox: [36, 35, 38, 37] }), 1);
      assert.equal(await total({ bbox: [42, 35, 44, 37] }), 1);
      assert.equal(await total({ bbox: [170, -10, -170, 10] }), 0, 'a box across the antimeridian');
      assert.equal(await total({ min_fatalities: 5 }), 1);
      assert.equal(await total({ from: '2016-06-01' }), 1);
      const agg = await store.aggregate('event_type', {});
      assert.deepEqual(agg.map((r) => [r.key, r.events]), [['Battles', 2], ['Explosions/Remote violence', 1]]);
      assert.equal(agg[0].fatalities_high, null, 'open-ended figure');
      const mosul = (await store.listEvents({ limit: 5, offset: 0, country: 'Iraq' })).items[0];
      assert.deepEqual([mosul.fatalities!.low, mosul.fatalities!.high, mosul.source_count], [4, 6, 2]);
      const sorted = [];
      for await (const e of store.eachEvent({}, '-event_date')) sorted.push(e.event_date);
      assert.deepEqual(sorted, ['2016-06-20', '2016-05-27', '2016-05-26']);
    }));

    test('documents are found by every word of q and by publication day, newest first', () => withStore(engine, async (store) => {
      await feed(store);
      await store.addDocument(bundle('late', 'Shelling of Mosul resumed at dawn, residents said.', [], { published: '2016-07-02T09:30:00Z', title: 'Mosul dawn' }));
      const search = (q: object) => store.searchDocuments({ limit: 10, offset: 0, ...q });
      const mosul = await search({ q: 'mosul' });
      assert.deepEqual([mosul.total, mosul.total_exact], [3, true]);
      assert.deepEqual(mosul.items.map((d) => d.id), ['late', 'd', 'c'], 'newest first, then latest stored');
      assert.match(mosul.items[1].snippet, /Mosul too\.$/);
      assert.deepEqual((await search({ q: 'Marea June' })).items.map((d) => d.id), ['e'], 'every word');
      assert.equal((await search({ q: 'zzyzx' })).total, 0);
      assert.equal((await search({ q: '%_*"' })).total, 0, 'no words, no documents');
      assert.equal((await search({ from: '2016-07-02' })).items[0]?.id, 'late', 'a timestamp falls on its day');
      assert.equal((await search({ to: '2016-07-01' })).total, 5);
      assert.deepEqual((await search({ limit: 2, offset: 1 })).items.map((d) => d.id), ['e', 'd']);
    }));
  });
}

/** What the API returns for a set of requests, with the volatile parts (timestamps) removed. */
async function answers(location: string): Promise<unknown[]> {
  const app = await buildApp({ db: location });
  try {
    const urls = ['/api/events?sort=event_date', '/api/events.points', '/api/events?sort=-fatalities&limit=2', '/api/events?q=Marea', '/api/events?bbox=36,35,38,37',
      '/api/events?actor=Islamic', '/api/aggregates?by=week', '/api/aggregates?by=actor', '/api/aggregates?by=admin1', '/api/documents/a', '/api/documents?q=Mosul', '/api/documents?from=2016-02-30', '/api/events.geojson'];
    const out: unknown[] = [];
    for (const url of urls) {
      const r = await app.inject(url);
      out.push([url, r.statusCode, JSON.parse(r.body.replace(/"(merged_at|split_at|created_at|updated_at)":"[^"]*"/g, '"$1":"-"'))]);
    }
    const first = (out[0] as [string, number, { items: { id: string }[] }])[2].items[0].id;
    const merges = await app.inject(`/api/events/${first}/merges`);
    out.push([merges.statusCode, JSON.parse(merges.body.replace(/"(merged_at|split_at)":"[^"]*"/g, '"$1":"-"'))]);
    out.push(JSON.parse((await app.inject(`/api/events/${first}`)).body.replace(/"updated_at":"[^"]*"/g, '"updated_at":"-"')));
    return out;
  } finally {
    await app.close();
  }
}

test('both engines give the same API answers for the same documents', { skip: PG_SKIP }, async () => {
  const results: unknown[][] = [];
  for (const engine of ENGINES) {
    const o = await engine.open();
    try {
      await feed(o.store);
      await o.store.close();
      results.push(await answers(o.location));
    } finally {
      await o.cleanup();
    }
  }
  assert.deepEqual(results[1], results[0]);
});
