/**
 * The seed story (../shared/seed/aleppo-2016-05.txt, published 2016-05-29)
 * against SEED-EXPECTED.md, field by field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadResources, extract } from '../src/pipeline.ts';
import { distanceKm } from '../src/geo/index.ts';
import type { EventRecord } from '../src/events/types.ts';

const SEED = new URL('../../shared/seed/aleppo-2016-05.txt', import.meta.url);
const skip = existsSync(SEED) ? false : 'needs ../shared/seed/aleppo-2016-05.txt (the shared folder is missing)';

function coded() {
  const res = loadResources();
  return extract({ id: 'seed', text: readFileSync(SEED, 'utf8'), published: '2016-05-29' }, res);
}

test('seed: the four records of SEED-EXPECTED, and no background events', { skip }, () => {
  const { doc, result } = coded();
  const bySub = (s: string) => result.events.filter((e) => e.sub_event_type === s);

  const [takeover, ...moreTakeovers] = bySub('Non-state actor overtakes territory');
  assert.ok(takeover, 'event 1: IS takes rebel-held ground');
  assert.equal(moreTakeovers.length, 0, 'the reports of the offensive are one event');
  assert.equal(takeover.event_type, 'Battles');
  assert.equal(takeover.actor1?.name, 'Islamic State (Syria)');
  assert.equal(takeover.actor2?.name, 'Opposition Rebels (Syria)');
  assert.equal(takeover.interaction, 22);
  assert.equal(takeover.disorder_type, 'Political violence');
  const l = takeover.location!;
  assert.ok(l && l.lat !== null && l.lon !== null, 'event 1 is located');
  const near = Math.min(distanceKm(l.lat!, l.lon!, 36.48, 37.2), distanceKm(l.lat!, l.lon!, 36.59, 37.05));
  assert.ok(near <= 25, `event 1 within 25 km of Marea or Azaz (is ${near.toFixed(1)} km)`);
  assert.ok(l.geo_precision <= 2);
  assert.equal(l.admin1, 'Aleppo');
  assert.equal(takeover.date.start, '2016-05-26', '"launched the offensive Thursday"');
  assert.equal(takeover.date.end, '2016-05-28', '"early yesterday"');
  assert.ok(takeover.event_date! >= '2016-05-26' && takeover.event_date! <= '2016-05-28');
  assert.ok(takeover.sources.length >= 2, 'supported by at least two sentences');
  assert.ok(takeover.sources.some((s) => s.claimed_by === 'Syrian Observatory for Human Rights'));
  const reportDates = new Set(takeover.sources.map((s) => (s as { date?: { start: string } }).date?.start));
  assert.ok(reportDates.has('2016-05-27') && reportDates.has('2016-05-28'), 'the disagreement is visible in the sources');

  const road = result.control.find((c) => c.place.kind === 'road');
  assert.ok(road, 'control record for the Marea–Azaz road');
  assert.equal(road.controller, 'Islamic State (Syria)');
  assert.deepEqual(road.evidence, [takeover.id]);
  assert.ok(road.since && road.since >= takeover.date.start! && road.since <= takeover.date.end!, `control since ${road.since}, within the takeover's dates`);
  assert.deepEqual(new Set([road.place.name, road.place.to?.name]).size, 2);

  const [strikes, ...moreStrikes] = bySub('Air/drone strike');
  assert.ok(strikes, 'event 2: strikes on al-Waer');
  assert.equal(moreStrikes.length, 0);
  assert.equal(strikes.event_type, 'Explosions/Remote violence');
  assert.ok(strikes.actor1 === null || /Unidentified/.test(strikes.actor1.name), 'nobody is named for the strikes');
  assert.equal(strikes.fatalities?.best, 4);
  assert.equal(strikes.injuries?.best, 17);
  assert.ok(strikes.location, 'al-Waer is located');
  assert.equal(strikes.location.text, 'al-Waer');
  assert.ok(strikes.location.iso3 === 'SYR', 'never a place in another country');
  if (strikes.location.geo_precision === 2) assert.ok(distanceKm(strikes.location.lat!, strikes.location.lon!, 34.73, 36.72) < 10, 'resolved to Homs');
  assert.ok(strikes.sources.some((s) => s.claimed_by === 'Local Coordination Committees'));

  const flows = result.displacement.filter((d) => d.kind === 'flow');
  assert.equal(flows.length, 1, 'event 3: one displacement flow');
  const flow = flows[0];
  assert.equal(flow.cause_event_id, takeover.id);
  assert.ok(flow.people && flow.people.low! >= 2000 && flow.people.best === null, 'thousands: ≥ 2,000, no fixed best');
  assert.ok(flow.to.some((p) => p.text === 'Azaz'), 'toward Azaz');
  assert.match(flow.to_text ?? '', /Kurdish-led alliance/);
  assert.match(flow.to_text ?? '', /border/);
  assert.equal(flow.date.end, '2016-05-29');
  assert.ok(flow.sources.some((s) => s.claimed_by === 'a monitor'));

  const [shelling, ...moreShelling] = bySub('Shelling/artillery/missile attack');
  assert.ok(shelling, 'event 4: Turkish shelling');
  assert.equal(moreShelling.length, 0);
  assert.match(shelling.actor1?.name ?? '', /^Military Forces of Turkey/);
  assert.equal(shelling.actor2?.name, 'Islamic State (Syria)');
  assert.deepEqual([shelling.fatalities?.low, shelling.fatalities?.best, shelling.fatalities?.high], [28, 28, null]);
  assert.equal(shelling.location?.name, 'Aleppo');
  assert.equal(shelling.location?.iso3, 'SYR');

  assert.equal(result.events.length, 3, 'three events; the rest is context');
  const said = (e: EventRecord) => e.sources.map((s) => s.sentence).join(' ');
  for (const e of result.events) {
    assert.doesNotMatch(said(e), /4\.8 million|peace talks|since late in 2015/);
  }
  assert.equal(bySub('Armed clash').length, 0, '"entrenched in fighting" is ongoing background');
  for (const stock of result.displacement.filter((d) => d.kind === 'stock')) assert.equal(stock.cause_event_id, null);
  assert.ok(!doc.sentences.some((s) => s.text === 'Share' || s.text === 'Advertisement'), 'page litter is not text');
});

test('seed: every evidence span slices back to its text', { skip }, () => {
  const { doc, result } = coded();
  const spans: { start?: number; end?: number; text?: string; sentence?: string }[] = [];
  for (const e of result.events) {
    spans.push(...[e.actor1, e.actor2, ...e.assoc_actors, e.location, e.fatalities, e.injuries].filter((x) => x && x.start !== undefined) as typeof spans);
    for (const s of e.sources) assert.equal(doc.text.slice(s.start, s.end), s.sentence);
  }
  for (const d of result.displacement) {
    if (d.people?.start !== undefined) spans.push(d.people);
    for (const s of d.sources) assert.equal(doc.text.slice(s.start, s.end), s.sentence);
  }
  assert.ok(spans.length > 8);
  for (const s of spans) assert.equal(doc.text.slice(s.start, s.end), s.text);
});

test('seed: ids are stable across runs', { skip }, () => {
  const a = coded().result;
  const b = coded().result;
  assert.deepEqual(a.events.map((e) => e.id), b.events.map((e) => e.id));
  assert.equal(new Set(a.events.map((e) => e.id)).size, a.events.length);
});
