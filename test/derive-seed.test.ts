/**
 * The derived picture of the seed story (../shared/seed/aleppo-2016-05.txt,
 * published 2016-05-29): the pipeline's Doc and events, then derive's
 * control statements, control timeline and displacement records.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadResources, extract } from '../src/pipeline.ts';
import { controlHistory, controlTimeline, findControl, findDisplacement, splitDisplacement } from '../src/derive/index.ts';

const SEED = new URL('../../shared/seed/aleppo-2016-05.txt', import.meta.url);
const skip = existsSync(SEED) ? false : 'needs ../shared/seed/aleppo-2016-05.txt (the shared folder is missing)';

const dayDiff = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86400000;

function coded() {
  const { doc, result } = extract({ id: 'seed', text: readFileSync(SEED, 'utf8'), published: '2016-05-29', source: 'Reuters' }, loadResources());
  const takeovers = result.events.filter((e) => e.sub_event_type === 'Non-state actor overtakes territory');
  const takeover = takeovers.find((e) => e.actor1?.name === 'Islamic State (Syria)');
  assert.ok(takeover, 'the pipeline codes the IS takeover');
  return { doc, events: result.events, takeover, takeovers: new Set(takeovers.map((e) => e.id)) };
}

test('seed: IS holds ground on the Marea–Azaz road from 2016-05-27 (±1 day), with its evidence', { skip }, () => {
  const { doc, events, takeovers } = coded();
  const records = findControl(doc, events);
  const road = records.find((r) => r.place.kind === 'road');
  assert.ok(road, `a road segment: ${JSON.stringify(records.map((r) => [r.controller, r.place.kind, r.place.name]))}`);
  assert.equal(road.controller, 'Islamic State (Syria)');
  const ends = [road.place, road.place.to!].map((l) => [l.lat!, l.lon!]);
  assert.ok(ends.some(([lat, lon]) => Math.abs(lat - 36.48) < 0.1 && Math.abs(lon - 37.2) < 0.1), 'one end is Marea');
  assert.ok(ends.some(([lat, lon]) => Math.abs(lat - 36.59) < 0.1 && Math.abs(lon - 37.05) < 0.1), 'the other end is Azaz');
  assert.ok(road.since && dayDiff(road.since, '2016-05-27') <= 1, `since ${road.since}`);
  assert.ok(road.evidence.length > 0 && road.evidence.every((id) => takeovers.has(id)), 'the takeover event is the evidence');
  const evidence = road.sources ?? [];
  assert.ok(evidence.some((s) => /Marea and Azaz/.test(s.sentence)), 'the sentence that says so');
  for (const s of evidence) assert.equal(doc.text.slice(s.start, s.end), s.sentence);

  const periods = controlTimeline(events, records);
  const history = controlHistory(periods, 'Azaz').filter((p) => p.place.kind === 'road');
  assert.equal(history.length, 1);
  assert.equal(history[0].controller, 'Islamic State (Syria)');
  assert.equal(history[0].until, null);
  const before = periods.find((p) => p.controller === 'Opposition Rebels (Syria)' && p.until !== null);
  assert.ok(before, '"rebel-held territory": the rebels held the ground until the takeover');
  assert.ok(dayDiff(before.until!, '2016-05-27') <= 1);
});

test('seed: a flow toward Azaz / the border / SDF territory caused by the takeover; 4.8 million is a stock', { skip }, () => {
  const { doc, events, takeover } = coded();
  const { flows, stocks } = splitDisplacement(findDisplacement(doc, events));
  const flow = flows.find((f) => f.cause_event_id === takeover.id);
  assert.ok(flow, JSON.stringify(flows.map((f) => [f.to_text, f.cause_event_id])));
  assert.ok((flow.people?.low ?? 0) >= 2000, `people ${JSON.stringify(flow.people)}`);
  assert.equal(flow.people?.best, null, '"thousands" has no fixed best');
  const toAzaz = flow.to.some((t) => Math.abs(t.lat! - 36.59) < 0.1 && Math.abs(t.lon! - 37.05) < 0.1);
  assert.ok(toAzaz || /border|Kurdish-led/.test(flow.to_text ?? ''), `to ${JSON.stringify(flow.to.map((t) => t.name))} / ${flow.to_text}`);
  assert.match(flow.to_text ?? '', /Kurdish-led alliance/);
  assert.equal(flow.date.start, '2016-05-29');
  assert.ok(flow.sources.some((s) => s.claimed_by === 'a monitor'), 'reported by "a monitor"');
  assert.equal(flow.from?.admin1, 'Aleppo', 'from the offensive area');

  assert.equal(stocks.length, 1);
  assert.equal(stocks[0].people?.low, 4800001, '"more than 4.8 million"');
  assert.equal(stocks[0].cause_event_id, null);
  assert.ok(!flows.some((f) => (f.people?.low ?? 0) >= 1_000_000), 'the stock is never a flow');
});
