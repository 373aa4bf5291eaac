/**
 * Acceptance: the seed story and a second, differently worded report of the
 * same IS offensive become one takeover event with both sources and the
 * date disagreement listed; splitting gives two events again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { ingestDocument, lazyExtractor } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';

const SEED = new URL('../examples/aleppo-2016-05.txt', import.meta.url);
const SECOND = new URL('./fixtures/ingest/second-report.txt', import.meta.url);
const TAKEOVER = 'Non-state actor overtakes territory';

test('two reports of the IS offensive become one event, with both sources and the date disagreement; split undoes it', async () => {
  assert.ok(existsSync(SEED), 'examples/aleppo-2016-05.txt is bundled');
  const extract = lazyExtractor();
  const store = openStore(':memory:');
  const seed = await ingestDocument(store, { id: 'seed', text: readFileSync(SEED, 'utf8'), published: '2016-05-29', source: 'composite wire' }, extract);
  const second = await ingestDocument(store, { id: 'second', text: readFileSync(SECOND, 'utf8'), published: '2016-05-28', source: 'Test Wire' }, extract);
  const takeovers = (await store.listEvents({ limit: 50, offset: 0, sub_event_type: TAKEOVER })).items;
  assert.equal(takeovers.length, 1, 'one takeover event');
  const id = takeovers[0].id;
  assert.ok(seed.events.includes(id) && second.events.includes(id));
  const event = (await store.getEvent(id))!;
  assert.deepEqual([...event.document_ids].sort(), ['second', 'seed']);
  assert.equal(event.source_count, 2);
  assert.ok(event.sources.some((s) => s.document_id === 'seed') && event.sources.some((s) => s.document_id === 'second'));
  const dates = event.disagreements.find((d) => d.field === 'event_date');
  assert.ok(dates, `date disagreement listed: ${JSON.stringify(event.disagreements)}`);
  assert.ok(dates.values.length >= 2);
  for (const v of dates.values) assert.ok(v.claim_ids.length >= 1);
  assert.ok(event.date.start! <= '2016-05-26' && event.date.end! >= '2016-05-27', 'the date range covers both reports');

  const merges = (await store.getMerges(id))!;
  assert.equal(merges.length, 1);
  assert.deepEqual(merges[0].document_ids, ['second']);
  assert.ok(merges[0].features.location_km !== null && merges[0].features.location_km < 50);

  const parts = (await store.splitEvent(id))!;
  assert.equal(parts.length, 2);
  const after = (await store.listEvents({ limit: 50, offset: 0, sub_event_type: TAKEOVER })).items;
  assert.equal(after.length, 2, 'two takeover events again');
  assert.deepEqual(after.map((e) => e.document_ids.join()).sort(), ['second', 'seed']);
  await store.close();
});

test('re-processing a document keeps its events and the reviewer\'s corrections, and adds nothing twice', async () => {
  const extract = lazyExtractor();
  const store = openStore(':memory:');
  const seed = { id: 'seed', text: readFileSync(SEED, 'utf8'), published: '2016-05-29' };
  const first = await ingestDocument(store, seed, extract);
  const [takeover] = (await store.listEvents({ limit: 5, offset: 0, sub_event_type: TAKEOVER })).items;
  await store.reviewEvent(takeover.id, { fields: { fatalities: { low: 0, best: 0, high: 0, text: 'none reported' } }, note: 'checked' });
  const before = await store.counts();
  const again = await ingestDocument(store, seed, extract, { reprocess: true });
  assert.equal(again.duplicate_of, null);
  assert.deepEqual([...again.events].sort(), [...first.events].sort(), 'same events');
  assert.deepEqual(await store.counts(), before, 'nothing stored twice');
  const after = (await store.getEvent(takeover.id))!;
  assert.equal(after.review.state, 'corrected');
  assert.equal(after.fatalities!.text, 'none reported');
  assert.equal((await ingestDocument(store, seed, extract)).duplicate_of, 'seed', 'without --reprocess it is a duplicate');
  await store.close();
});
