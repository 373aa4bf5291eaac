import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../src/text/index.ts';
import type { Extractor } from '../src/ingest/index.ts';
import type { CountField, EventRecord } from '../src/events/types.ts';
import { buildApp } from '../src/serve/app.ts';

const KAFR = { text: 'Kafr Naya', name: 'Kafr Naya', geonameid: 170900, lat: 36.4, lon: 37.0, admin1: 'Aleppo', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 1 as const };
const HOMS = { text: 'Homs', name: 'Homs', geonameid: 169577, lat: 34.73, lon: 36.72, admin1: 'Homs', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 2 as const };

interface Coded { sub: string; type: string; day: string; actor1: string; location: typeof KAFR | typeof HOMS; fatalities?: CountField }

/**
 * Extraction stands in for the pipeline here: makeDoc gives the real Doc, and
 * each report's event is coded as a careful coder would, so the test checks
 * the store → derive → API path on its own.
 */
function extractorFor(coding: Record<string, Coded>): Extractor {
  return (input) => {
    const doc = makeDoc(input);
    const c = coding[input.id];
    const s = doc.sentences[0];
    const ev: EventRecord = {
      id: `${input.id}-e`, document_id: input.id, event_date: c.day, date: { start: c.day, end: c.day, precision: 1, text: null },
      event_type: c.type, sub_event_type: c.sub, disorder_type: 'Political violence',
      actor1: { name: c.actor1, inter: 2, text: c.actor1 }, actor2: null, assoc_actors: [], interaction: 20, civilian_targeting: false,
      location: c.location, fatalities: c.fatalities ?? null, injuries: null,
      sources: [{ outlet: input.source ?? null, claimed_by: null, document_id: input.id, sentence: s.text, start: s.start, end: s.end }],
      confidence: 0.7, notes: '', plover: { event: 'SEIZE', mode: null },
    };
    return { doc, result: { document_id: input.id, events: [ev], displacement: [], control: [], warnings: [] } };
  };
}

const take = { sub: 'Non-state actor overtakes territory', type: 'Battles' };
const strike = { sub: 'Air/drone strike', type: 'Explosions/Remote violence', day: '2016-06-03', actor1: 'Military Forces of Syria (2000-)', location: HOMS };
const CODING: Record<string, Coded> = {
  a: { ...take, day: '2016-06-01', actor1: 'Islamic State (Syria)', location: KAFR },
  b: { ...take, day: '2016-06-08', actor1: 'Opposition Rebels (Syria)', location: KAFR },
  c: { ...strike, fatalities: { low: 4, best: 4, high: 4, text: 'four' } },
  d: { ...strike, fatalities: { low: 6, best: 6, high: 6, text: 'six' } },
};
const TEXTS: Record<string, string> = {
  a: 'Islamic State fighters captured the village of Kafr Naya from rebels on Wednesday.',
  b: 'Rebels retook Kafr Naya from Islamic State fighters on Wednesday, a week after losing it.',
  c: 'Government air strikes on a market in Homs killed four people on Friday.',
  d: 'An air strike on a Homs market killed six people on Friday, activists said.',
};

async function setup() {
  const app = await buildApp({ db: ':memory:', extractor: extractorFor(CODING) });
  const published: Record<string, string> = { a: '2016-06-02', b: '2016-06-09', c: '2016-06-04', d: '2016-06-04' };
  const add = async (id: string): Promise<string[]> => {
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: { id, text: TEXTS[id], published: published[id], source: id === 'd' ? 'AFP' : 'Reuters' } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().events;
  };
  return { app, add };
}

const controllers = (body: { items: { controller: string }[] }) => body.items.map((p) => p.controller);

test('control history, control on a date, and recompute after a new report and a reviewer rejection', async () => {
  const { app, add } = await setup();
  await add('a');
  assert.deepEqual(controllers((await app.inject('/api/control?date=2016-06-09&format=json')).json()), ['Islamic State (Syria)']);
  const [retake] = await add('b');
  assert.deepEqual(controllers((await app.inject('/api/control?date=2016-06-09&format=json')).json()), ['Opposition Rebels (Syria)']);
  const history = await app.inject('/api/control/Kafr%20Naya/history');
  assert.equal(history.statusCode, 200);
  assert.deepEqual(
    history.json().periods.map((p: { controller: string; since: string; until: string | null }) => [p.controller, p.since, p.until]),
    [['Islamic State (Syria)', '2016-06-01', '2016-06-08'], ['Opposition Rebels (Syria)', '2016-06-08', null]],
  );
  const geo = await app.inject('/api/control?date=2016-06-05&bbox=36,35,38,37');
  assert.match(geo.headers['content-type'] as string, /geo\+json/);
  assert.equal(geo.json().features.length, 1);
  assert.equal((await app.inject('/api/control/Nowhere/history')).statusCode, 404);
  assert.equal((await app.inject('/api/control?date=2016-13-01')).statusCode, 400);

  const rejected = await app.inject({ method: 'PATCH', url: `/api/events/${retake}`, payload: { review_state: 'rejected' } });
  assert.equal(rejected.statusCode, 200, rejected.body);
  assert.deepEqual(controllers((await app.inject('/api/control?date=2016-06-09&format=json')).json()), ['Islamic State (Syria)'], 'a rejected takeover no longer counts');
  await app.close();
});

test('one strike reported as 4 and 6 killed is one event in the tallies: low 4, high 6; a split makes two', async () => {
  const { app, add } = await setup();
  await add('c');
  const [merged] = await add('d');
  assert.equal((await app.store.counts()).events, 1, 'the store merges the two reports');
  const res = (await app.inject('/api/tallies?by=admin1')).json();
  assert.deepEqual(res.rows.map((r: { key: unknown; events: number; low: number; high: number }) => [r.key, r.events, r.low, r.high]), [[{ admin1: 'Homs' }, 1, 4, 6]]);
  assert.equal(res.rows[0].best, 5, 'the best estimate lies between the two reports');
  assert.equal(res.rows[0].disputed, 1);
  assert.equal((await app.inject('/api/tallies?by=planet')).statusCode, 400);

  assert.equal((await app.inject({ method: 'POST', url: `/api/events/${merged}/split`, payload: {} })).statusCode, 200);
  const split = (await app.inject('/api/tallies?by=admin1')).json();
  assert.deepEqual(split.rows.map((r: { events: number; low: number; high: number }) => [r.events, r.low, r.high]), [[2, 10, 10]]);
  await app.close();
});

test('displacement route: flows and stocks apart, HXL on request', async () => {
  const { app } = await setup();
  assert.deepEqual((await app.inject('/api/displacement')).json(), { flows: [], stocks: [] });
  const hxl = await app.inject('/api/displacement?format=hxl');
  assert.match(hxl.headers['content-type'] as string, /text\/csv/);
  assert.match(hxl.body.split('\n')[1], /#affected\+idps/);
  await app.close();
});
