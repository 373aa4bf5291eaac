import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CountField, EventRecord } from '../src/events/types.ts';
import { claimsOf, fuseCounts, tally, sideOf } from '../src/derive/index.ts';

const n = (low: number | null, best: number | null, high: number | null, text = 'x'): CountField => ({ low, best, high, text });

function event(id: string, fatalities: CountField | null, over: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    document_id: `doc-${id}`,
    event_date: '2016-05-27',
    date: { start: '2016-05-27', end: '2016-05-27', precision: 1, text: null },
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    disorder_type: 'Political violence',
    actor1: { name: 'Military Forces of Syria (2000-)', inter: 1, text: 'jets' },
    actor2: null,
    assoc_actors: [],
    interaction: 10,
    civilian_targeting: false,
    location: { text: 'Homs', name: 'Homs', geonameid: 169577, lat: 34.73, lon: 36.72, admin1: 'Homs', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 2 },
    fatalities,
    injuries: null,
    sources: [{ outlet: 'Wire', claimed_by: null, document_id: `doc-${id}`, sentence: '…', start: 0, end: 1 }],
    confidence: 0.7,
    notes: '',
    plover: { event: 'ASSAULT', mode: null },
    ...over,
  };
}

test('two outlets giving 4 and 6 for one strike fuse to 4..6 with a best between them', () => {
  const f = fuseCounts([n(4, 4, 4), n(6, 6, 6)]);
  assert.ok(f);
  assert.equal(f.low, 4);
  assert.equal(f.high, 6);
  assert.ok(f.best !== null && f.best > 4 && f.best < 6, `best ${f.best}`);
  assert.equal(f.disputed, true);
});

test('the same claim repeated by two outlets counts once', () => {
  const sohr = { low: 4, best: 4, high: 4, claimed_by: 'Syrian Observatory for Human Rights' };
  const f = fuseCounts([{ ...sohr, outlet: 'Reuters' }, { ...sohr, outlet: 'AFP' }, { low: 6, best: 6, high: 6, claimed_by: 'LCC' }]);
  assert.deepEqual(f, { low: 4, best: 5, high: 6, claims: 2, disputed: true });
});

test('open-ended claims stay open unless a closed figure is at least as high', () => {
  assert.deepEqual(fuseCounts([n(28, 28, null)]), { low: 28, best: 28, high: null, claims: 1, disputed: false });
  assert.equal(fuseCounts([n(28, 28, null), n(30, 30, 30)])?.high, 30);
  assert.equal(fuseCounts([n(35, 35, null), n(30, 30, 30)])?.high, null);
  assert.equal(fuseCounts([null, n(null, null, null)]), null);
});

test('tallies sum fused events once, keep ranges, and count events with no figure', () => {
  const strike = event('s', n(4, 4, 4));
  const claims = new Map([['s', [event('s1', n(4, 4, 4)), event('s2', n(6, 6, 6))]]]);
  const events = [
    strike,
    strike, // the same event handed twice is counted once
    event('t', n(28, 28, null, 'at least 28'), { event_date: '2016-05-29', location: { ...strike.location!, admin1: 'Aleppo' } }),
    event('u', null, { civilian_targeting: true }),
  ];
  const opts = { claims: (e: EventRecord) => claimsOf(claims.get(e.id) ?? [e]) };
  const byAdmin = tally(events, ['admin1'], opts);
  assert.deepEqual(byAdmin, [
    { key: { admin1: 'Aleppo' }, events: 1, low: 28, best: 28, high: null, no_figure: 0, disputed: 0 },
    { key: { admin1: 'Homs' }, events: 2, low: 4, best: 5, high: 6, no_figure: 1, disputed: 1 },
  ]);
  const bySide = tally(events, ['side', 'week'], opts);
  assert.deepEqual(
    bySide.map((r) => [r.key.side, r.key.week, r.events, r.no_figure]),
    [
      ['civilians', '2016-W21', 1, 1],
      ['combatants', '2016-W21', 2, 0],
    ],
  );
});

test('by actor an event counts under each of its actors; civilians are a side', () => {
  const e = event('v', n(3, 3, 3), { actor2: { name: 'Civilians (Syria)', inter: 7, text: 'civilians' } });
  assert.equal(sideOf(e), 'civilians');
  assert.deepEqual(
    tally([e], ['actor']).map((r) => [r.key.actor, r.best]),
    [
      ['Civilians (Syria)', 3],
      ['Military Forces of Syria (2000-)', 3],
    ],
  );
});
