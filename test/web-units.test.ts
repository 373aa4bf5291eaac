/** The dashboard's pure parts: client-side filtering, histogram, span layout, link safety, figures. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFilters, readUrl, writeUrl } from '../web/src/filters.ts';
import { fmtCount } from '../web/src/format.ts';
import { filterPoints, histogram, pointSet, toDay } from '../web/src/points.ts';
import { layoutSpans, safeHref } from '../web/src/spans.ts';

const feature = (id: string, props: Record<string, unknown>) => ({
  type: 'Feature' as const, id, geometry: { type: 'Point' as const, coordinates: [37.2, 36.5] }, properties: { id, ...props },
});

// the shape of /api/events.geojson properties
const fc = {
  type: 'FeatureCollection' as const,
  features: [
    feature('a', { event_date: '2016-05-27', event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', actor1: 'Islamic State (Syria)', actor2: 'Opposition Rebels (Syria)', fatalities_best: null, fatalities_low: null, country: 'Syria', admin1: 'Aleppo' }),
    feature('b', { event_date: '2016-05-29', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Turkey (2016-)', actor2: 'Islamic State (Syria)', fatalities_best: 28, fatalities_low: 28, country: 'Syria', admin1: 'Aleppo' }),
    feature('c', { event_date: '2016-05-29', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', actor1: null, actor2: 'Civilians (Syria)', fatalities_best: 4, fatalities_low: 4, country: 'Syria', admin1: 'Homs' }),
    feature('d', { event_date: null, event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Iraq)', country: 'Iraq', admin1: 'Baghdad' }),
  ],
};

describe('client-side filters', () => {
  const ps = pointSet(fc);
  const ids = (f: Partial<ReturnType<typeof emptyFilters>>) => [...filterPoints(ps, { ...emptyFilters(), ...f })].map((i) => ps.ids[i]);

  it('apply each filter as the API does', () => {
    assert.deepEqual(ids({}), ['a', 'b', 'c', 'd']);
    assert.deepEqual(ids({ event_type: 'Explosions/Remote violence' }), ['b', 'c']);
    assert.deepEqual(ids({ from: '2016-05-28' }), ['b', 'c']);
    assert.deepEqual(ids({ from: '2016-05-27', to: '2016-05-27' }), ['a']);
    assert.deepEqual(ids({ min_fatalities: '5' }), ['b']);
    assert.deepEqual(ids({ actor: 'Islamic State' }), ['a', 'b']);
    assert.deepEqual(ids({ admin1: 'Homs' }), ['c']);
    assert.deepEqual(ids({ country: 'Iraq' }), ['d']);
    assert.deepEqual(ids({ country: 'Syria', sub_event_type: 'Air/drone strike' }), ['c']);
  });

  it('bins events per day and counts the undated apart', () => {
    const h = histogram(ps, filterPoints(ps, emptyFilters()));
    assert.equal(h.width, 1);
    assert.equal(h.undated, 1);
    assert.equal(h.counts.reduce((a, b) => a + b, 0), 3);
    assert.equal(h.counts[toDay('2016-05-29') - h.start], 2);
  });

  it('bins by week over long spans', () => {
    const long = pointSet({ type: 'FeatureCollection', features: [feature('x', { event_date: '2015-01-01', event_type: 'Battles' }), feature('y', { event_date: '2016-01-01', event_type: 'Battles' })] });
    const h = histogram(long, filterPoints(long, emptyFilters()));
    assert.equal(h.width, 7);
    assert.equal(h.counts.reduce((a, b) => a + b, 0), 2);
  });
});

describe('filters in the URL', () => {
  it('round-trip', () => {
    const f = { ...emptyFilters(), event_type: 'Battles', q: 'Marea road', from: '2016-05-01' };
    const url = writeUrl(f, { sort: 'confidence', offset: 50 }, '#/review', '/');
    assert.equal(url, '/?from=2016-05-01&event_type=Battles&q=Marea+road&sort=confidence&offset=50#/review');
    const back = readUrl(url.slice(1, url.indexOf('#')));
    assert.deepEqual(back.filters, f);
    assert.deepEqual(back.table, { sort: 'confidence', offset: 50 });
  });
});

describe('source view helpers', () => {
  const span = (kind: string, start: number, end: number) => ({ kind, start, end, text: '', label: null, event_ids: [] }) as never;

  it('keeps spans apart, preferring actors over triggers and longer over shorter', () => {
    const out = layoutSpans([span('trigger', 0, 20), span('actor', 5, 10), span('place', 12, 15), span('place', 12, 18)], new Set(['actor', 'place', 'trigger']), 100);
    assert.deepEqual(out.map((s: { kind: string; start: number; end: number }) => [s.kind, s.start, s.end]), [['actor', 5, 10], ['place', 12, 18]]);
  });

  it('drops spans outside the text', () => {
    assert.equal(layoutSpans([span('actor', 90, 120)], new Set(['actor']), 100).length, 0);
  });

  it('links only http(s) URLs', () => {
    assert.equal(safeHref('https://example.org/a?b=1'), 'https://example.org/a?b=1');
    assert.equal(safeHref('javascript:alert(1)'), null);
    assert.equal(safeHref('JaVaScRiPt:alert(1)'), null);
    assert.equal(safeHref('data:text/html,<script>1</script>'), null);
    assert.equal(safeHref('not a url'), null);
  });
});

describe('figures', () => {
  it('read as low–best–high', () => {
    assert.equal(fmtCount({ low: 4, best: 4, high: 4, text: 'four' }), '4');
    assert.equal(fmtCount({ low: 28, best: 28, high: null, text: 'at least 28' }), '28+');
    assert.equal(fmtCount({ low: 10, best: 12, high: 15, text: '' }), '10–12–15');
    assert.equal(fmtCount({ low: 2000, best: null, high: null, text: 'thousands' }), '2000+');
    assert.equal(fmtCount(null), '—');
  });
});
