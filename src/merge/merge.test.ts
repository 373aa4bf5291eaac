import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineCounts, haversineKm, mergeFeatures, mergeScore, MERGE_THRESHOLD } from './index.ts';
import { event } from '../../test/store-fixtures.ts';

test('combineCounts: one claimant repeated counts once; different figures widen the interval; open ends stay open', () => {
  const four = { low: 4, best: 4, high: 4, text: 'four' };
  const once = combineCounts([four, { ...four, text: '4' }], ['SOHR', 'SOHR'])!;
  assert.deepEqual([once.low, once.best, once.high], [4, 4, 4]);
  const r = combineCounts([four, { low: 6, best: 6, high: 6, text: 'six' }, { low: 28, best: null, high: null, text: 'at least 28' }], ['a', 'b', 'c'])!;
  assert.deepEqual([r.low, r.best, r.high], [4, 5, null], 'best lies between the disagreeing figures; the open claim beyond them keeps high open');
  assert.equal(combineCounts([null, null], [null, null]), null);
  const coded = combineCounts([{ ...four, acled: 4 }, { low: 6, best: 6, high: 6, acled: 6, text: 'six' }], ['a', 'b'])!;
  assert.equal(coded.acled, 4, "ACLED's figure across reports is the most conservative one");
});

test('haversineKm: Marea to Azaz is about 18 km', () => {
  const km = haversineKm(36.48259, 37.19709, 36.58662, 37.04628);
  assert.ok(km > 16 && km < 20, String(km));
});

test('a country-level location proves little: the same centroid does not carry a merge on its own', () => {
  const country = { text: 'Pakistan', name: 'Pakistan', geonameid: 1168579, lat: 30, lon: 70, admin1: null, admin2: null, country: 'Pakistan', iso3: 'PAK', geo_precision: 3 as const };
  const a = event({ id: 'a', document_id: 'a', sentence: 'Gunmen attacked a bus, police said.', location: country, actor1: null, actor2: null });
  const b = event({ id: 'b', document_id: 'b', sentence: 'A court sentenced three men in the capital.', location: country, actor1: null, actor2: null, sub_event_type: 'Armed clash' });
  const f = mergeFeatures(a, b);
  assert.equal(f.coarse_location, true);
  assert.equal(f.location_km, 0);
  assert.ok(mergeScore(f) < MERGE_THRESHOLD, String(mergeScore(f)));
});

test('the features of a pair do not depend on which report arrived first', () => {
  const s = (sentence: string, doc: string) => ({ outlet: doc, claimed_by: null, document_id: doc, sentence, start: 0, end: sentence.length });
  const a = event({ id: 'a', document_id: 'a', sentence: 'x', sources: [
    s('Islamic State fighters seized Marea on Friday after heavy clashes.', 'a'), s('Rebels said they lost several villages near the border.', 'a')] });
  const b = event({ id: 'b', document_id: 'b', sentence: 'x', event_date: '2016-05-26', date: { start: '2016-05-26', end: '2016-05-26', precision: 1, text: null },
    sources: [s('IS militants took villages near Marea, residents reported.', 'b')] });
  assert.deepEqual(mergeFeatures(a, b), mergeFeatures(b, a));
  assert.equal(mergeScore(mergeFeatures(a, b)), mergeScore(mergeFeatures(b, a)));
});
