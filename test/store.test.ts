import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minhash, NEAR_DUPLICATE, openStore, similarity } from '../src/store/index.ts';
import { bundle, event } from './store-fixtures.ts';

const A = 'IS swept through rebel-held territory near Marea on Friday, cutting the road to Azaz, a monitor said.';
const B = 'Islamic State militants seized several villages from Syrian rebels close to Marea on Thursday, residents reported.';

test('a second report of the same event merges, keeps the date disagreement, and splits back', async () => {
  const store = openStore(':memory:');
  const a = await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A })]));
  const b = await store.addDocument(bundle('b', B, [event({
    id: 'y', document_id: 'b', sentence: B, event_date: '2016-05-26',
    date: { start: '2016-05-26', end: '2016-05-26', precision: 1, text: 'on Thursday' },
    location: { text: 'Azaz', name: 'Azaz', geonameid: 170017, lat: 36.5866, lon: 37.0463, admin1: 'Aleppo', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 1 },
  })]));
  assert.deepEqual(b.events, a.events, 'one event');
  const detail = (await store.getEvent(a.events[0]))!;
  assert.equal(detail.source_count, 2);
  assert.deepEqual(detail.document_ids.sort(), ['a', 'b']);
  assert.equal(detail.date.start, '2016-05-26');
  assert.equal(detail.date.end, '2016-05-27');
  const dates = detail.disagreements.find((d) => d.field === 'event_date');
  assert.ok(dates, 'date disagreement listed');
  assert.deepEqual(dates.values.map((v) => v.value).sort(), ['2016-05-26', '2016-05-27']);
  const merges = (await store.getMerges(a.events[0]))!;
  assert.equal(merges.length, 1);
  assert.ok(merges[0].features.location_km! > 10 && merges[0].features.location_km! < 25);
  assert.equal(merges[0].features.date_gap_days, 1);
  assert.ok(merges[0].score >= 0.65);

  const split = (await store.splitEvent(a.events[0]))!;
  assert.equal(split.length, 2);
  const [left, right] = await Promise.all(split.map((id) => store.getEvent(id)));
  assert.deepEqual([left!.document_ids, right!.document_ids], [['a'], ['b']]);
  assert.equal((await store.getMerges(a.events[0]))![0].split_at !== null, true);
  assert.equal((await store.counts()).events, 2);
});

test('corrections survive a later merge; rejected events leave the default list', async () => {
  const store = openStore(':memory:');
  const a = await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A })]));
  const id = a.events[0];
  const corrected = (await store.reviewEvent(id, { fields: { fatalities: { low: 3, best: 3, high: 3, text: 'three' } }, note: 'per monitor' }))!;
  assert.equal(corrected.review.state, 'corrected');
  assert.deepEqual(corrected.review.corrected_fields, ['fatalities']);
  await store.addDocument(bundle('b', B, [event({ id: 'y', document_id: 'b', sentence: B, fatalities: { low: 10, best: 10, high: 10, text: 'ten' } })]));
  const after = (await store.getEvent(id))!;
  assert.equal(after.source_count, 2, 'merged');
  assert.equal(after.fatalities!.best, 3, 'correction kept over the new claim');
  await store.reviewEvent(id, { review_state: 'rejected' });
  assert.equal((await store.listEvents({ limit: 10, offset: 0 })).total, 0);
  assert.equal((await store.listEvents({ limit: 10, offset: 0, review: 'rejected' })).total, 1);
});

test('figures from two outlets quoting one monitor are not double counted; different figures give a range', async () => {
  const store = openStore(':memory:');
  const f = (n: number, claimed: string, doc: string, s: string) => event({
    id: doc, document_id: doc, sentence: s, fatalities: { low: n, best: n, high: n, text: String(n) },
    sources: [{ outlet: doc, claimed_by: claimed, document_id: doc, sentence: s, start: 0, end: s.length }],
  });
  const s1 = 'Four people were killed near Marea, the Observatory said, in fighting between IS and rebels.';
  const s2 = 'The Observatory reported four dead as Islamic State fighters attacked rebel positions at Marea.';
  const s3 = 'Six were killed in the Marea fighting, according to local activists who spoke to reporters.';
  const r = await store.addDocument(bundle('d1', s1, [f(4, 'SOHR', 'd1', s1)]));
  await store.addDocument(bundle('d2', s2, [f(4, 'SOHR', 'd2', s2)]));
  let e = (await store.getEvent(r.events[0]))!;
  assert.deepEqual([e.fatalities!.low, e.fatalities!.best, e.fatalities!.high], [4, 4, 4]);
  await store.addDocument(bundle('d3', s3, [f(6, 'activists', 'd3', s3)]));
  e = (await store.getEvent(r.events[0]))!;
  assert.equal(e.source_count, 3);
  assert.deepEqual([e.fatalities!.low, e.fatalities!.high], [4, 6]);
  assert.ok(e.disagreements.some((d) => d.field === 'fatalities'));
});

test('events far apart in space, time or type stay apart; claims of one document never merge', async () => {
  const store = openStore(':memory:');
  const far = event({ id: 'f', document_id: 'c', sentence: B, location: { text: 'Mosul', name: 'Mosul', geonameid: 99072, lat: 36.335, lon: 43.119, admin1: 'Nineveh', admin2: null, country: 'Iraq', iso3: 'IRQ', geo_precision: 1 } });
  const late = event({ id: 'l', document_id: 'd', sentence: B, event_date: '2016-06-20', date: { start: '2016-06-20', end: '2016-06-20', precision: 1, text: 'June 20' } });
  const twice = [event({ id: 'p', document_id: 'e', sentence: A }), event({ id: 'q', document_id: 'e', sentence: A })];
  await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A })]));
  await store.addDocument(bundle('c', B + ' Mosul.', [far]));
  await store.addDocument(bundle('d', B + ' June.', [late]));
  const e = await store.addDocument(bundle('e', A + ' Again.', twice));
  assert.equal(new Set(e.events).size, 2, 'the two claims of one document are two events');
  assert.equal((await store.counts()).events, 5 - 1, 'only one of document e\'s claims joins event a');
});

test('the same document twice, or a near copy, is stored once and recorded as a copy', async () => {
  const store = openStore(':memory:');
  const text = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: IS fighters advanced on villages north of Aleppo while rebels fell back toward the border crossing at Bab al-Salameh.`).join('\n');
  const first = await store.addDocument(bundle('w1', text, [event({ id: 'x', document_id: 'w1', sentence: A })], { url: 'https://one.example/a', canonical_url: 'https://one.example/a' }));
  const again = await store.addDocument(bundle('w1', text, [event({ id: 'x', document_id: 'w1', sentence: A })]));
  assert.equal(again.duplicate_of, 'w1');
  const copy = await store.addDocument(bundle('w2', 'Share\n' + text + '\nAdvertisement\nRead more at two.example', [], { url: 'https://two.example/b', canonical_url: 'https://two.example/b' }));
  assert.equal(copy.duplicate_of, 'w1');
  assert.deepEqual(copy.events, first.events);
  const counts = await store.counts();
  assert.deepEqual([counts.documents, counts.claims], [1, 1]);
  const doc = (await store.getDocument('w1'))!;
  assert.deepEqual(doc.copies.map((c) => c.url), ['https://two.example/b']);
});

test('filters bind every value: SQL metacharacters find nothing and break nothing', async () => {
  const store = openStore(':memory:');
  await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A })]));
  const nasty = ["'; DROP TABLE events; --", '" OR 1=1 --', '%', '_', '\\', 'NEAR(', '*', 'a) OR (b', '"unterminated'];
  for (const v of nasty) {
    for (const key of ['country', 'admin1', 'actor', 'event_type', 'sub_event_type'] as const) {
      const r = await store.listEvents({ limit: 5, offset: 0, [key]: v });
      assert.equal(r.total, 0, `${key}=${v}`);
    }
    // q searches the words of the value, so only its punctuation must be harmless
    await store.listEvents({ limit: 5, offset: 0, q: v });
    assert.equal((await store.listEvents({ limit: 5, offset: 0, q: `zzyzx ${v}` })).total, 0, `q=${v}`);
  }
  assert.equal((await store.listEvents({ limit: 5, offset: 0, q: 'Marea' })).total, 1);
  assert.equal((await store.listEvents({ limit: 5, offset: 0, actor: 'islamic state' })).total, 1, 'actor prefix, any case');
  assert.equal((await store.listEvents({ limit: 5, offset: 0, bbox: [36, 35, 38, 37] })).total, 1);
  assert.equal((await store.listEvents({ limit: 5, offset: 0, bbox: [40, 35, 42, 37] })).total, 0);
  assert.equal((await store.counts()).events, 1);
});

test('large result sets page the same whether the set is looked up or probed in sort order', async () => {
  const store = openStore(':memory:');
  const day = (i: number) => new Date(Date.UTC(2010, 0, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10);
  const events = Array.from({ length: 2100 }, (_, i) => event({
    id: `e${i}`, document_id: 'big', sentence: A, event_date: day(i), date: { start: day(i), end: day(i), precision: 1, text: null },
    actor2: i % 3 ? null : { name: 'Opposition Rebels (Syria)', inter: 2, text: 'rebels' },
  }));
  await store.addDocument(bundle('big', A, events));
  const all = await store.listEvents({ limit: 20, offset: 40, actor: 'Islamic State', sort: '-event_date' });
  assert.equal(all.total, 2100);
  assert.deepEqual(all.items.map((e) => e.event_date), Array.from({ length: 20 }, (_, i) => day(2099 - 40 - i)));
  const few = await store.listEvents({ limit: 5, offset: 0, actor: 'Opposition', sort: 'event_date' });
  assert.equal(few.total, 700);
  assert.deepEqual(few.items.map((e) => e.event_date), [0, 3, 6, 9, 12].map(day));
  await store.close();
});

test('counts over actor, bbox and q leave rejected events out, alone or with other filters', async () => {
  const store = openStore(':memory:');
  const day = (i: number) => `2016-05-${String(10 + i).padStart(2, '0')}`;
  const events = Array.from({ length: 6 }, (_, i) => event({
    id: `e${i}`, document_id: 'six', sentence: A, event_date: day(i), date: { start: day(i), end: day(i), precision: 1, text: null },
  }));
  const { events: ids } = await store.addDocument(bundle('six', A, events));
  await store.reviewEvent(ids[0], { review_state: 'rejected' });
  await store.reviewEvent(ids[1], { review_state: 'rejected' });
  for (const f of [{ actor: 'Islamic State' }, { bbox: [36, 35, 38, 37] as [number, number, number, number] }, { q: 'Marea' }]) {
    const visible = await store.listEvents({ limit: 2, offset: 0, ...f });
    assert.deepEqual([visible.total, visible.total_exact, visible.items.length], [4, true, 2], JSON.stringify(f));
    assert.ok(visible.items.every((e) => e.review.state !== 'rejected'));
    assert.equal((await store.listEvents({ limit: 10, offset: 0, ...f, review: 'rejected' })).total, 2);
    assert.equal((await store.listEvents({ limit: 10, offset: 0, ...f, from: day(3) })).total, 3);
  }
  await store.close();
});

test('short formulaic reports that differ only in the weekday and a figure are two documents, not copies', async () => {
  const store = openStore(':memory:');
  const report = (day: string, n: string) => `KABUL (AP) — On ${day}, ${n} people were killed when a roadside bomb struck a minibus carrying civilians on the main road near the central market in Lashkar Gah, the capital of Helmand province, the provincial police spokesman told reporters at a news conference in the city. No group claimed responsibility for the attack, which also wounded several bystanders, the spokesman said.`;
  const [a, b] = [report('Monday', '3'), report('Tuesday', '5')];
  assert.ok(similarity(minhash(a)!, minhash(b)!) >= NEAR_DUPLICATE, 'the signatures alone would call them copies');
  await store.addDocument(bundle('mon', a, []));
  const second = await store.addDocument(bundle('tue', b, []));
  assert.equal(second.duplicate_of, null);
  const same = await store.addDocument(bundle('mon-copy', 'Advertisement\n' + a + '\nShare this story', []));
  assert.equal(same.duplicate_of, 'mon', 'the same report with page litter is still a copy');
  assert.equal((await store.counts()).documents, 2);
  await store.close();
});
