/** The dashboard's pure parts: client-side filtering, histogram, span layout, link safety, figures. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFilters, readUrl, writeUrl } from '../web/src/filters.ts';
import { fmtCount } from '../web/src/format.ts';
import { filterPoints, histogram, pointFeature, pointSet, pointsFromColumns, toDay, type PointColumns } from '../web/src/points.ts';
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

  it('read the same from the compact columns as from GeoJSON', () => {
    const dict = (xs: (string | null)[]) => ({ values: [...new Set(xs)], codes: xs.map((x) => [...new Set(xs)].indexOf(x)) });
    const p = fc.features.map((f) => f.properties as Record<string, string | number | null>);
    const cols: PointColumns = {
      n: p.length, id: p.map((x) => String(x.id)), lon: p.map(() => 37.2), lat: p.map(() => 36.5),
      date: dict(p.map((x) => x.event_date as string | null)), event_type: dict(p.map((x) => x.event_type as string)),
      sub_event_type: dict(p.map((x) => x.sub_event_type as string)), country: dict(p.map((x) => x.country as string)),
      admin1: dict(p.map((x) => x.admin1 as string)), actor1: dict(p.map((x) => (x.actor1 ?? null) as string | null)),
      actor2: dict(p.map((x) => (x.actor2 ?? null) as string | null)),
      fatalities_low: p.map((x) => (x.fatalities_low ?? null) as number | null), fatalities_best: p.map((x) => (x.fatalities_best ?? null) as number | null),
    };
    const cs = pointsFromColumns(cols);
    for (const f of [{}, { actor: 'Islamic State' }, { min_fatalities: '5' }, { from: '2016-05-28' }, { admin1: 'Homs' }]) {
      const a = [...filterPoints(ps, { ...emptyFilters(), ...f })].map((i) => ps.ids[i]);
      const b = [...filterPoints(cs, { ...emptyFilters(), ...f })].map((i) => cs.ids[i]);
      assert.deepEqual(b, a, JSON.stringify(f));
    }
    assert.deepEqual(pointFeature(cs, 1).properties, pointFeature(ps, 1).properties);
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

describe('clustering in the page', () => {
  it('groups nearby events when zoomed out and draws each one when zoomed in', async () => {
    const { binEvents, mercator } = await import('../web/src/map/grid.ts');
    const at = (id: string, lon: number, lat: number) => ({ ...feature(id, { event_type: 'Battles', event_date: '2016-05-27' }), geometry: { type: 'Point' as const, coordinates: [lon, lat] } });
    const ps = pointSet({ type: 'FeatureCollection', features: [at('a', 37.1, 36.2), at('b', 37.2, 36.5), at('c', 37.05, 36.6), at('d', 44.2, 15.4)] });
    const mx = new Float64Array(ps.n), my = new Float64Array(ps.n);
    for (let i = 0; i < ps.n; i++) [mx[i], my[i]] = mercator(ps.lon[i], ps.lat[i]);
    const idx = filterPoints(ps, emptyFilters());
    const world = binEvents(ps, idx, mx, my, { zoom: 3, west: -180, south: -80, east: 180, north: 80 });
    const clusters = world.filter((f) => f.properties?.cluster);
    assert.equal(clusters.length, 1);
    assert.equal(clusters[0].properties?.point_count, 3);
    assert.equal(world.length, 2);
    const close = binEvents(ps, idx, mx, my, { zoom: 10, west: 36.9, south: 36.1, east: 37.3, north: 36.7 });
    assert.deepEqual(close.map((f) => f.properties?.id).sort(), ['a', 'b', 'c']);
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

describe('dashboard routes', () => {
  it('serve the page with a strict policy, and the map points as the API filters them', async () => {
    const { buildApp } = await import('../src/serve/app.ts');
    const { syntheticBundle } = await import('../bench/web-data.ts');
    const app = await buildApp({ db: ':memory:' });
    try {
      for (let i = 0; i < 40; i++) await app.store.addDocument(syntheticBundle(i));
      const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['content-encoding'], 'gzip');
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
      const js = await app.inject('/assets/app.js');
      assert.equal(js.statusCode, 200);
      assert.match(String(js.headers['content-type']), /javascript/);
      assert.equal((await app.inject('/assets/nope.js')).statusCode, 404);
      for (const q of ['', 'event_type=Battles', 'min_fatalities=5&from=2015-06-01', 'country=Syria&actor=Islamic']) {
        const points = (await app.inject(`/api/events.points?${q}`)).json() as PointColumns;
        const geo = (await app.inject(`/api/events.geojson?limit=1000&${q}`)).json() as { features: { id: string }[] };
        assert.deepEqual([...points.id].sort(), geo.features.map((f) => f.id).sort(), q);
      }
      assert.equal((await app.inject('/api/events.points?min_fatalities=-1')).statusCode, 400);
      assert.equal((await app.inject('/api/events.points?from=2016-02-30')).statusCode, 400);
    } finally {
      await app.close();
    }
  });
});
