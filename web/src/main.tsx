/**
 * The dashboard: filters in the URL, map + timeline on the left, the table or
 * the event / source / review / ingest view on the right.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type Page, type StoredEvent } from './api.ts';
import { EventTable } from './EventTable.tsx';
import { EventView } from './EventView.tsx';
import { FilterBar } from './FilterBar.tsx';
import { filterParams, readUrl, writeUrl, type Filters, type TableState } from './filters.ts';
import { fmtInt } from './format.ts';
import { Ingest } from './Ingest.tsx';
import { Legend } from './Legend.tsx';
import { MapView, type MapHandle } from './map/MapView.tsx';
import { colourControl, controllerColor, flowFeatures } from './map/overlays.ts';
import { distinct, filterPoints, histogram, LOCAL_KEYS, pointFeature, pointSet, pointsFromColumns, type PointSet } from './points.ts';
import { ReviewQueue } from './ReviewQueue.tsx';
import { SourceView } from './SourceView.tsx';
import { Timeline } from './Timeline.tsx';

type Route = { view: 'table' } | { view: 'event'; id: string } | { view: 'doc'; id: string; focus: [number, number] | null } | { view: 'review' } | { view: 'ingest' };

function parseHash(hash: string): Route {
  const [path, qs] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'event' && parts[1]) return { view: 'event', id: parts[1] };
  if (parts[0] === 'doc' && parts[1]) {
    const q = new URLSearchParams(qs ?? '');
    const [s, e] = [Number(q.get('start')), Number(q.get('end'))];
    return { view: 'doc', id: parts[1], focus: q.has('start') && Number.isFinite(s) && Number.isFinite(e) ? [s, e] : null };
  }
  if (parts[0] === 'review') return { view: 'review' };
  if (parts[0] === 'ingest') return { view: 'ingest' };
  return { view: 'table' };
}

const PAGE = 50;

function App() {
  const initial = useMemo(() => readUrl(location.search), []);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [table, setTable] = useState<TableState>(initial.table);
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const [version, setVersion] = useState(0);
  const [points, setPoints] = useState<PointSet | null>(null);
  const [page, setPage] = useState<Page<StoredEvent> | null>(null);
  const [tableError, setTableError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [mapBusy, setMapBusy] = useState(true);
  const [pointsError, setPointsError] = useState<string | null>(null);
  const map = useRef<MapHandle | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const fitted = useRef(false);

  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => { history.replaceState(null, '', writeUrl(filters, table, location.hash)); }, [filters, table]);

  // The table's page first: it is small, and the server answers one request at a time, so the
  // point list (every matching event) is asked for once the page is in (or has failed).
  const query = filterParams(filters).toString();
  // the server applies what the browser cannot (free text, review state)
  const serverQuery = filterParams(filters, LOCAL_KEYS).toString();
  const [pageFor, setPageFor] = useState<string | null>(null);
  // the map is built once the first table answer is in (see MapView's `start`)
  const mapWanted = pageFor !== null || mapReady;
  useEffect(() => {
    const ctl = new AbortController();
    const q = new URLSearchParams(query);
    q.set('limit', String(PAGE));
    q.set('offset', String(table.offset));
    q.set('sort', table.sort);
    setLoading(true);
    const done = () => setPageFor(`${serverQuery}#${version}`);
    api.events(q.toString(), ctl.signal).then(
      (p) => { performance.mark('table:loaded'); setPage(p); setTableError(null); setLoading(false); done(); },
      (err) => { if (!ctl.signal.aborted) { setTableError((err as Error).message); setLoading(false); done(); } },
    );
    return () => ctl.abort();
  }, [query, table, version]);

  const pointsWanted = pageFor === `${serverQuery}#${version}` ? pageFor : null;
  useEffect(() => {
    if (pointsWanted === null) return;
    const ctl = new AbortController();
    setPointsError(null);
    api.points(serverQuery, ctl.signal).then((r) => {
      performance.mark('points:fetched');
      setPoints('columns' in r ? pointsFromColumns(r.columns) : pointSet(r.geojson));
      performance.mark('points:indexed');
    }, (err) => {
      if (!ctl.signal.aborted) setPointsError((err as Error).message);
    });
    return () => ctl.abort();
  }, [pointsWanted]);

  const idx = useMemo(() => (points ? filterPoints(points, filters) : null), [points, filters]);
  // the histogram shows every date (the brush marks the chosen ones): a brush need not recount it
  const undated = JSON.stringify({ ...filters, from: '', to: '' });
  const hist = useMemo(() => (points ? histogram(points, filterPoints(points, filters, { ignoreDates: true })) : null), [points, undated]);
  const suggestions = useMemo(() => ({
    actors: points ? distinct(points.actors.flat()) : [],
    countries: points ? distinct(points.country) : [],
    admin1: points ? distinct(filters.country && points ? points.admin1.filter((_, i) => points.country[i] === filters.country) : points.admin1) : [],
  }), [points, filters.country]);

  useEffect(() => {
    if (!points || !idx || !mapReady || !map.current) return;
    setMapBusy(true);
    let stale = false;
    // marks for bench/web.ts: where a redraw spends its time
    performance.mark('map:set');
    map.current.setEvents(points, idx, !fitted.current).then(() => { performance.mark('map:drawn'); if (!stale) setMapBusy(false); });
    fitted.current = true;
    return () => { stale = true; };
  }, [idx, mapReady]);

  // derived layers, fetched only when switched on; null = the server has no such route
  const [overlays, setOverlays] = useState({ control: false, flows: false });
  const [controllers, setControllers] = useState<string[] | null>([]);
  // the flows' labels ("Māri‘ → I‘zāz: 2000+ people fled"); null = the server has no displacement data
  const [flows, setFlows] = useState<string[] | null>([]);
  useEffect(() => {
    if (!mapReady || !map.current) return;
    const m = map.current;
    if (!overlays.control) { void m.setOverlay('control', null); return; }
    api.optional<GeoJSON.FeatureCollection>(`/api/control${filters.to ? `?date=${filters.to}` : ''}`).then((fc) => {
      setControllers(fc ? [...new Set(fc.features.map((f) => String(f.properties?.controller)))] : null);
      void m.setOverlay('control', fc ? colourControl(fc) : null);
    }, () => setControllers(null));
  }, [overlays.control, filters.to, mapReady, version]);
  useEffect(() => {
    if (!mapReady || !map.current) return;
    const m = map.current;
    if (!overlays.flows) { void m.setOverlay('flows', null); return; }
    const q = filterParams(filters).toString();
    const dates = new URLSearchParams([...new URLSearchParams(q)].filter(([k]) => k === 'from' || k === 'to'));
    dates.set('kind', 'flow');
    api.optional<{ flows: Parameters<typeof flowFeatures>[0] }>(`/api/displacement?${dates}`).then((d) => {
      const fc = d ? flowFeatures(d.flows) : null;
      setFlows(fc ? fc.features.filter((f) => f.geometry.type === 'LineString').map((f) => String(f.properties?.label)) : null);
      void m.setOverlay('flows', fc);
    }, () => setFlows(null));
  }, [overlays.flows, filters.from, filters.to, mapReady, version]);

  const selected = route.view === 'event' ? route.id : null;
  useEffect(() => {
    if (!mapReady) return;
    const i = points && selected ? points.ids.indexOf(selected) : -1;
    map.current?.select(i >= 0 ? pointFeature(points!, i) : null);
  }, [selected, mapReady, points]);

  const change = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    setTable({ ...table, offset: 0 });
  };
  const refresh = () => setVersion((v) => v + 1);
  const go = (hash: string) => { location.hash = hash; };

  let fatalities = 0;
  if (points && idx) for (const i of idx) if (points.fat[i] > 0) fatalities += points.fat[i];
  const ready = !loading && !mapBusy && !!points;
  const summary = idx ? `${fmtInt(idx.length)} events · ${fmtInt(fatalities)} fatalities (best)` : 'Loading events…';

  return (
    <div class="app" data-state={ready ? 'ready' : 'loading'}>
      <a class="skip" href="#main-panel">Skip to the events</a>
      <header class="topbar">
        <h1><span class="logo" aria-hidden="true">◉</span> sitrep</h1>
        <nav aria-label="Views">
          <a href="#/" aria-current={route.view === 'table' ? 'page' : undefined}>Events</a>
          <a href="#/review" aria-current={route.view === 'review' ? 'page' : undefined}>Review queue</a>
          <a href="#/ingest" aria-current={route.view === 'ingest' ? 'page' : undefined}>Add report</a>
        </nav>
        <p class="summary" aria-live="polite" id="summary">{summary}</p>
      </header>
      <FilterBar filters={filters} suggestions={suggestions} onChange={change} />
      <main class="layout">
        <div class="left">
          <div class="map-wrap">
            <MapView start={mapWanted} onReady={(h) => { map.current = h; setMapReady(true); }} onPick={(id) => go(`#/event/${encodeURIComponent(id)}`)} />
            <Legend
              overlays={overlays} onToggle={(name) => setOverlays({ ...overlays, [name]: !overlays[name] })}
              controllers={controllers === null ? null : controllers.map((c) => [c, controllerColor(c)] as [string, string])}
              flows={flows} />
            {pointsError && <p class="error map-error" role="alert">Map data: {pointsError}</p>}
          </div>
          {hist && <Timeline hist={hist} from={filters.from} to={filters.to} onBrush={(from, to) => change({ from, to })} />}
        </div>
        <div class="right" id="main-panel" tabIndex={-1}>
          {route.view === 'table' && (
            <EventTable page={page} loading={loading} error={tableError} sort={table.sort} selected={selected} caption={summary}
              onSort={(sort) => setTable({ sort, offset: 0 })} onPage={(offset) => setTable({ ...table, offset })} />
          )}
          {route.view === 'event' && <EventView id={route.id} onChanged={refresh} onClose={() => go('#/')} />}
          {route.view === 'doc' && <SourceView id={route.id} focus={route.focus} onClose={() => history.back()} />}
          {route.view === 'review' && <ReviewQueue query={query} version={version} onChanged={refresh} />}
          {route.view === 'ingest' && <Ingest onIngested={refresh} />}
        </div>
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
