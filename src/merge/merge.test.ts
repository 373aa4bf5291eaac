import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignClaims, combineCounts, mergeFeatures, mergeScore, MERGE_THRESHOLD } from './index.ts';
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

test('a date range longer than a week is coarse: overlapping it is no better than an unknown date, a gap still counts against', () => {
  const year = { start: '2007-01-01', end: '2007-12-31', precision: 3 as const, text: 'in 2007' };
  const vague = event({ id: 'v', document_id: 'v', sentence: 'Six minors testified in rape trials in 2007.', event_date: '2007-12-31', date: year, location: null });
  const june = event({ id: 'j', document_id: 'j', sentence: 'Reward raised in murder case.', event_date: '2007-06-01', date: { start: '2007-06-01', end: '2007-06-01', precision: 1, text: null } });
  const f = mergeFeatures(june, vague);
  assert.equal(f.coarse_date, true);
  assert.equal(f.date_gap_days, 0);
  const asUnknown = mergeScore({ ...f, coarse_date: false, date_gap_days: null });
  assert.equal(mergeScore(f), asUnknown);
  const later = event({ id: 'l', document_id: 'l', sentence: 'x', event_date: '2008-03-01', date: { start: '2008-03-01', end: '2008-03-01', precision: 1, text: null }, location: null });
  assert.ok(mergeScore(mergeFeatures(later, vague)) < mergeScore(f), 'two months after the range scores lower than inside it');
  const day = mergeFeatures(june, { ...june, id: 'j2', document_id: 'j2' });
  assert.equal(day.coarse_date, false);
});

test("a document's claims are matched together, best pairs first: the claim that fits a stored event best gets it, whatever the claims' order", () => {
  const s = (sentence: string, doc: string) => [{ outlet: doc, claimed_by: null, document_id: doc, sentence, start: 0, end: sentence.length }];
  const stored = event({ id: 'e1', document_id: 'a', sentence: 'x', sub_event_type: 'Attack', event_type: 'Violence against civilians',
    sources: s('Security sources said the handlers of the attack are based abroad.', 'a') });
  const abduction = event({ id: 'b1', document_id: 'b', sentence: 'x', sub_event_type: 'Abduction/forced disappearance', event_type: 'Violence against civilians',
    sources: s('The train with 450 people on board was seized by gunmen.', 'b') });
  const attack = event({ id: 'b2', document_id: 'b', sentence: 'x', sub_event_type: 'Attack', event_type: 'Violence against civilians',
    sources: s('Security sources said those involved in the attack are based abroad.', 'b') });
  const candidates = [{ id: 'e1', record: stored }];
  assert.ok(mergeScore(mergeFeatures(abduction, stored)) >= MERGE_THRESHOLD, 'the first claim alone would join e1');
  const [first, second] = assignClaims([abduction, attack], [candidates, candidates]);
  assert.equal(first, null);
  assert.equal(second?.eventId, 'e1');
  const [a, b] = assignClaims([attack, abduction], [candidates, candidates]);
  assert.equal(a?.eventId, 'e1');
  assert.equal(b, null);
  assert.deepEqual(assignClaims([abduction], [[]]), [null]);
});
