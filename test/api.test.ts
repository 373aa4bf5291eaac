import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/serve/app.ts';
import { openStore } from '../src/store/index.ts';
import { bundle, event } from './store-fixtures.ts';

const A = 'IS swept through rebel-held territory near Marea on Friday, cutting the road to Azaz, a monitor said.';
const B = 'Islamic State militants seized several villages from Syrian rebels close to Marea on Thursday, residents reported.';
let dir: string;
let app: FastifyInstance;
let eventId: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
  const db = join(dir, 'api.db');
  const store = openStore(db);
  eventId = (await store.addDocument(bundle('a', A, [event({ id: 'x', document_id: 'a', sentence: A, fatalities: { low: 28, best: 28, high: null, text: 'at least 28' } })]))).events[0];
  await store.addDocument(bundle('b', B, [event({ id: 'y', document_id: 'b', sentence: B, event_date: '2016-05-26', date: { start: '2016-05-26', end: '2016-05-26', precision: 1, text: 'Thursday' } })]));
  await store.close();
  app = await buildApp({ db });
});

after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('GET /api/events lists, filters, sorts and pages', async () => {
  const r = await app.inject('/api/events?country=Syria&from=2016-05-01&to=2016-06-01&bbox=36,35,38,37&sort=-fatalities&limit=10');
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.equal(body.total, 1);
  assert.equal(body.items[0].id, eventId);
  assert.equal(body.items[0].source_count, 2);
  assert.equal(body.items[0].review.state, 'unreviewed');
  assert.equal((await app.inject('/api/events?country=Iraq')).json().total, 0);
});

test('bad filters are 400 with a message naming the parameter', async () => {
  for (const [q, word] of [['limit=5000', 'limit'], ['bbox=1,2,3', 'bbox'], ['from=2016-13-45', 'from'], ['sort=rowid', 'sort'], ['review=maybe', 'review'],
    ['min_fatalities=-1', 'min_fatalities'], ['bbox=10,80,20,70', 'bbox'], ['nope=1', 'nope'], ['from=2016-06-01&to=2016-05-01', 'from']]) {
    const r = await app.inject(`/api/events?${q}`);
    assert.equal(r.statusCode, 400, q);
    assert.match(r.json().message, new RegExp(word), q);
  }
});

test('one event: claims, disagreements, merges; split and review', async () => {
  const e = (await app.inject(`/api/events/${eventId}`)).json();
  assert.equal(e.claims.length, 2);
  assert.ok(e.disagreements.some((d: { field: string }) => d.field === 'event_date'));
  const merges = (await app.inject(`/api/events/${eventId}/merges`)).json();
  assert.equal(merges.length, 1);
  assert.ok('actor' in merges[0].features && 'text_similarity' in merges[0].features);
  assert.equal((await app.inject('/api/events/nope')).statusCode, 404);
  const patched = await app.inject({ method: 'PATCH', url: `/api/events/${eventId}`, payload: { fields: { event_date: '2016-05-27' }, note: 'checked' } });
  assert.equal(patched.statusCode, 200);
  assert.deepEqual(patched.json().review, { state: 'corrected', corrected_fields: ['event_date'] });
  const badField = await app.inject({ method: 'PATCH', url: `/api/events/${eventId}`, payload: { fields: { id: 'x' } } });
  assert.equal(badField.statusCode, 400);
  const split = await app.inject({ method: 'POST', url: `/api/events/${eventId}/split` });
  assert.equal(split.statusCode, 200);
  assert.equal(split.json().events.length, 2);
  assert.equal((await app.inject(`/api/events/${eventId}`)).json().event_date, '2016-05-27', 'correction kept');
});

test('aggregates, geojson, documents, openapi, health', async () => {
  const agg = (await app.inject('/api/aggregates?by=week')).json();
  assert.equal(agg.by, 'week');
  assert.ok(agg.rows.length >= 1 && agg.rows[0].key.startsWith('2016-W'));
  assert.equal((await app.inject('/api/aggregates?by=planet')).statusCode, 400);
  const geo = (await app.inject('/api/events.geojson')).json();
  assert.equal(geo.type, 'FeatureCollection');
  assert.deepEqual(geo.features[0].geometry.type, 'Point');
  const doc = (await app.inject('/api/documents/a')).json();
  assert.equal(doc.text, A);
  assert.equal(doc.spans[0].text, 'IS');
  const spec = (await app.inject('/api/openapi.json')).json();
  assert.ok(spec.paths['/api/events/{id}'].get);
  assert.equal((await app.inject('/api/health')).json().ok, true);
});

test('writes off loopback need the bearer token', async () => {
  const open = await buildApp({ db: join(dir, 'api.db'), host: '0.0.0.0', token: 's3cret' });
  try {
    const none = await open.inject({ method: 'PATCH', url: `/api/events/${eventId}`, payload: { review_state: 'confirmed' } });
    assert.equal(none.statusCode, 401);
    assert.match(none.json().message, /Bearer/);
    const wrong = await open.inject({ method: 'PATCH', url: `/api/events/${eventId}`, headers: { authorization: 'Bearer nope' }, payload: { review_state: 'confirmed' } });
    assert.equal(wrong.statusCode, 401);
    const right = await open.inject({ method: 'PATCH', url: `/api/events/${eventId}`, headers: { authorization: 'Bearer s3cret' }, payload: { review_state: 'confirmed' } });
    assert.equal(right.statusCode, 200);
    assert.equal((await open.inject('/api/events')).statusCode, 200, 'reads stay open');
  } finally {
    await open.close();
  }
  const tokenless = await buildApp({ db: join(dir, 'api.db'), host: '0.0.0.0' });
  try {
    const r = await tokenless.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x' } });
    assert.equal(r.statusCode, 401);
    assert.match(r.json().message, /SITREP_TOKEN/);
  } finally {
    await tokenless.close();
  }
});

test('GET /api/events.points: coordinates as columns, strings dictionary-coded, same filters', async () => {
  const r = (await app.inject('/api/events.points?country=Syria')).json();
  assert.equal(r.n, (await app.inject('/api/events?country=Syria')).json().total);
  assert.equal(r.lon.length, r.n);
  assert.equal(r.event_type.values[r.event_type.codes[0]], 'Battles');
  assert.equal((await app.inject('/api/events.points?country=Iraq')).json().n, 0);
  assert.equal((await app.inject('/api/events.points?bbox=1,2')).statusCode, 400);
});

test('GET /api/events.points answers again from the store once it changes', async () => {
  const url = '/api/events.points?country=Syria';
  const dateOf = (r: { id: string[]; date: { values: string[]; codes: number[] } }, id: string) => r.date.values[r.date.codes[r.id.indexOf(id)]];
  const first = (await app.inject(url)).json();
  const id = first.id[0] as string;
  assert.deepEqual((await app.inject(url)).json(), first, 'an unchanged store gives the same answer');
  const patched = await app.inject({ method: 'PATCH', url: `/api/events/${id}`, payload: { fields: { event_date: '2016-05-20' } } });
  assert.equal(patched.statusCode, 200);
  assert.equal(dateOf((await app.inject(url)).json(), id), '2016-05-20');
});
