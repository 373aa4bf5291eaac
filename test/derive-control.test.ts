import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../src/text/index.ts';
import type { Doc } from '../src/text/types.ts';
import type { EventRecord, LocationField } from '../src/events/types.ts';
import { controlAt, controlGeoJSON, controlHistory, controlTimeline, findControl, findControlStatements } from '../src/derive/index.ts';

const PLACES: Record<string, { geonameid: number; lat: number; lon: number; featureCode: string }> = {
  Marea: { geonameid: 167245, lat: 36.48, lon: 37.2, featureCode: 'PPL' },
  Azaz: { geonameid: 170017, lat: 36.59, lon: 37.05, featureCode: 'PPLA2' },
  Aleppo: { geonameid: 170063, lat: 36.2, lon: 37.16, featureCode: 'PPLA' },
  Hodeidah: { geonameid: 79415, lat: 14.8, lon: 42.95, featureCode: 'PPLA' },
  Kafr: { geonameid: 900001, lat: 35.9, lon: 36.6, featureCode: 'PPL' },
};

/** makeDoc plus actor/place mentions at the first occurrence of each text, as the pipeline would fill them. */
function annotate(text: string, actors: [string, string][], places: string[], published = '2016-05-29'): Doc {
  const doc = makeDoc({ id: 'd1', text, published, source: 'Wire' });
  const at = (t: string, from = 0) => {
    const start = text.indexOf(t, from);
    assert.ok(start >= 0, `"${t}" not in text`);
    const sentence = doc.sentences.findIndex((s) => s.start <= start && start < s.end);
    return { start, end: start + t.length, text: t, sentence };
  };
  doc.mentions.actors = actors.map(([t, name]) => ({ ...at(t), name, inter: 2, country: 'SY', via: 'alias', actorId: null }));
  doc.mentions.places = places.map((t) => {
    const p = PLACES[t];
    const resolved = { ...p, name: t, admin1: 'Aleppo', admin2: null, country: 'Syria', iso2: 'SY', iso3: 'SYR', population: 1000, geoPrecision: 1 as const };
    return { ...at(t), resolved, score: 1, reason: 'test', candidates: [], via: 'name' as const };
  });
  return doc;
}

function loc(name: string): LocationField {
  const p = PLACES[name];
  return { text: name, name, geonameid: p.geonameid, lat: p.lat, lon: p.lon, admin1: 'Aleppo', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 1 };
}

function takeover(id: string, day: string, actor1: string, place: string, sub = 'Non-state actor overtakes territory'): EventRecord {
  return {
    id,
    document_id: `doc-${id}`,
    event_date: day,
    date: { start: day, end: day, precision: 1, text: null },
    event_type: 'Battles',
    sub_event_type: sub,
    disorder_type: 'Political violence',
    actor1: { name: actor1, inter: 2, text: actor1 },
    actor2: null,
    assoc_actors: [],
    interaction: 20,
    civilian_targeting: false,
    location: loc(place),
    fatalities: null,
    injuries: null,
    sources: [{ outlet: 'Wire', claimed_by: null, document_id: `doc-${id}`, sentence: '…', start: 0, end: 1 }],
    confidence: 0.7,
    notes: '',
    plover: { event: 'SEIZE', mode: null },
  };
}

test('a road cut between two places is a road segment held by the sentence agent, not by the "-held" actor', () => {
  const doc = annotate('IS swept through rebel-held territory in a shock offensive, cutting off the main road between Marea and Azaz.', [
    ['IS', 'Islamic State (Syria)'],
    ['rebel', 'Opposition Rebels (Syria)'],
  ], ['Marea', 'Azaz']);
  const st = findControlStatements(doc);
  const road = st.find((s) => s.pattern === 'road');
  assert.ok(road, JSON.stringify(st));
  assert.equal(road.controller.name, 'Islamic State (Syria)');
  assert.deepEqual([road.place?.text, road.to?.text], ['Marea', 'Azaz']);
  assert.equal(doc.text.slice(road.start, road.end), road.text);
  const held = st.find((s) => s.pattern === 'held');
  assert.ok(held);
  assert.equal(held.controller.name, 'Opposition Rebels (Syria)');
  assert.equal(held.prior, true, 'rebel-held territory being swept through was held before');
});

test('statement records take the date and id of the takeover event whose sentence they share', () => {
  const text = 'IS swept through rebel-held territory on Friday, cutting off the main road between Marea and Azaz.';
  const doc = annotate(text, [['IS', 'Islamic State (Syria)'], ['rebel', 'Opposition Rebels (Syria)']], ['Marea', 'Azaz']);
  const event = { ...takeover('e1', '2016-05-27', 'Islamic State (Syria)', 'Marea'), document_id: 'd1' };
  event.sources = [{ outlet: 'Wire', claimed_by: null, document_id: 'd1', sentence: text, start: 0, end: text.length }];
  const records = findControl(doc, [event]);
  const road = records.find((r) => r.place.kind === 'road');
  assert.ok(road, JSON.stringify(records));
  assert.equal(road.controller, 'Islamic State (Syria)');
  assert.equal(road.since, '2016-05-27');
  assert.deepEqual(road.evidence, ['e1']);
  assert.equal(road.place.to?.name, 'Azaz');
  const prior = records.find((r) => r.controller === 'Opposition Rebels (Syria)');
  assert.ok(prior);
  assert.equal(prior.since, null);
  assert.equal(prior.until, '2016-05-27');
  assert.equal(prior.place.geonameid, PLACES.Marea.geonameid, 'the former holder held what the event took');
  for (const r of records) for (const s of r.sources ?? []) assert.equal(doc.text.slice(s.start, s.end), s.sentence);
});

test('held-by, under-control and "controls" wordings; no statement without an actor', () => {
  const doc = annotate(
    'The port of Hodeidah, held by the Houthis, was quiet. Aleppo is under government control. The rebels who control Azaz said so. Marea was calm.',
    [['Houthis', 'Ansar Allah'], ['government', 'Military Forces of Syria (2000-)'], ['rebels', 'Opposition Rebels (Syria)']],
    ['Hodeidah', 'Aleppo', 'Azaz', 'Marea'],
  );
  const st = findControlStatements(doc).map((s) => [s.pattern, s.controller.name, s.place?.text]);
  assert.deepEqual(st, [
    ['held-by', 'Ansar Allah', 'Hodeidah'],
    ['under', 'Military Forces of Syria (2000-)', 'Aleppo'],
    ['controls', 'Opposition Rebels (Syria)', 'Azaz'],
  ]);
});

test('a road cut in the passive names its cutter; "-controlled" and a country are handled', () => {
  const doc = annotate(
    'The highway linking Marea with Azaz was cut by the Houthis on Monday. Kafr is a government-controlled town. Rebels hold Syria.',
    [['Houthis', 'Ansar Allah'], ['government', 'Military Forces of Syria (2000-)'], ['Rebels', 'Opposition Rebels (Syria)']],
    ['Marea', 'Azaz', 'Kafr'],
  );
  assert.deepEqual(
    findControlStatements(doc).map((s) => [s.pattern, s.controller.name, s.place?.text ?? null, s.to?.text ?? null]),
    [['road', 'Ansar Allah', 'Marea', 'Azaz'], ['held', 'Military Forces of Syria (2000-)', null, null]],
    'the passive road cut; "a government-controlled town" names no place; a country is not held',
  );
  assert.equal(findControl(doc, []).length, 1, 'a statement without a place makes no record');
  const road = 'The highway linking Marea with Azaz was cut by the Houthis';
  const doc2 = annotate(`${road.replace('The highway linking', 'They cut the highway linking').replace(' was cut by the Houthis', '')}, the Houthis said.`, [['Houthis', 'Ansar Allah']], ['Marea', 'Azaz']);
  assert.deepEqual(findControlStatements(doc2).map((s) => s.pattern), [], 'no agent before the verb, none after "by": no statement');
  const doc3 = annotate('Rebels cut the highway linking Marea with Azaz, and the government-controlled town of Kafr is next.', [['Rebels', 'Opposition Rebels (Syria)'], ['government', 'Military Forces of Syria (2000-)']], ['Marea', 'Azaz', 'Kafr']);
  assert.deepEqual(findControlStatements(doc3).map((s) => [s.pattern, s.controller.name, s.place?.text, s.to?.text ?? null]), [
    ['road', 'Opposition Rebels (Syria)', 'Marea', 'Azaz'],
    ['held', 'Military Forces of Syria (2000-)', 'Kafr', null],
  ]);
});

test('a town taken and retaken a week later has two periods; a takeover closes the previous holder', () => {
  const periods = controlTimeline(
    [
      takeover('a', '2016-06-01', 'Islamic State (Syria)', 'Kafr'),
      takeover('a2', '2016-06-02', 'Islamic State (Syria)', 'Kafr'),
      takeover('b', '2016-06-08', 'Opposition Rebels (Syria)', 'Kafr'),
    ],
    [],
  );
  const history = controlHistory(periods, 'Kafr');
  assert.deepEqual(
    history.map((p) => [p.controller, p.since, p.until, p.evidence]),
    [
      ['Islamic State (Syria)', '2016-06-01', '2016-06-08', ['a', 'a2']],
      ['Opposition Rebels (Syria)', '2016-06-08', null, ['b']],
    ],
  );
  assert.equal(controlAt(periods, '2016-06-05')[0].controller, 'Islamic State (Syria)');
  assert.equal(controlAt(periods, '2016-06-09')[0].controller, 'Opposition Rebels (Syria)');
  assert.equal(controlAt(periods, '2016-05-01').length, 0);
  assert.deepEqual(controlAt(periods, null).map((p) => p.controller), ['Opposition Rebels (Syria)'], 'no date: the latest picture');
  assert.equal(controlAt(periods, '2016-06-09', [0, 0, 10, 10]).length, 0, 'bbox filters');
});

test('a conflicting statement is kept beside the holder and both are marked disputed', () => {
  const periods = controlTimeline([takeover('a', '2016-06-01', 'Islamic State (Syria)', 'Kafr')], [
    {
      record: 'control', id: 'c1', document_id: 'd9', controller: 'Opposition Rebels (Syria)', since: '2016-06-03', until: null,
      evidence: [], confidence: 0.6, place: { ...loc('Kafr'), kind: 'point' },
    },
  ]);
  assert.equal(periods.length, 2);
  assert.deepEqual(periods.map((p) => p.disputed_by.length), [1, 1]);
  assert.ok(periods.every((p) => p.until === null), 'an observation does not close the other claim');
});

test('road periods become LineStrings on the map', () => {
  const periods = controlTimeline([], [
    {
      record: 'control', id: 'r', document_id: 'd', controller: 'Islamic State (Syria)', since: '2016-05-27', until: null, evidence: [],
      confidence: 0.7, place: { ...loc('Marea'), kind: 'road', to: loc('Azaz') },
    },
  ]);
  const fc = controlGeoJSON(periods) as { features: { geometry: { type: string; coordinates: number[][] } }[] };
  assert.equal(fc.features[0].geometry.type, 'LineString');
  assert.deepEqual(fc.features[0].geometry.coordinates, [[37.2, 36.48], [37.05, 36.59]]);
  assert.equal(controlHistory(periods, 'azaz').length, 1, 'either end of a road finds it');
});
