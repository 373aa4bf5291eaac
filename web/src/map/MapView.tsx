/**
 * The event map: offline basemap, events as circles coloured by type and
 * sized by fatalities, clustered when zoomed out; a click opens the event.
 */
import { GeoJSONSource, Map as MapLibre, NavigationControl, Popup, ScaleControl, setWorkerUrl, type ExpressionSpecification } from 'maplibre-gl';
import { useEffect, useRef } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { EVENT_TYPES, OTHER_COLOR, TYPE_COLORS } from '../colors.ts';
import { basemapFrom, basemapStyle } from './basemap.ts';
import { attachLabels, type PlaceRow } from './labels.ts';
import { OVERLAY_LAYERS, overlayLayers, overlaySources } from './overlays.ts';
import { binEvents, mercator } from './grid.ts';
import type { PointSet } from '../points.ts';

export interface MapHandle {
  /** draws the chosen events (indexes into the set); resolves once the map has drawn them */
  setEvents(ps: PointSet, idx: Uint32Array, fit: boolean): Promise<void>;
  /** ring the chosen event (drawn above clusters, so it shows even when its point is clustered) */
  select(feature: GeoJSON.Feature<GeoJSON.Point> | null): void;
  /** show (with data) or hide a derived layer */
  setOverlay(name: 'control' | 'flows', data: GeoJSON.FeatureCollection | null): void;
}

/** The words a click on a derived layer shows (as text, never HTML). */
function overlayText(p: Record<string, unknown>): string {
  if (p.label) return String(p.label);
  const where = p.to ? `the ${p.place}–${p.to} road` : String(p.place);
  return `${p.controller} holds ${where}${p.since ? ` since ${p.since}` : ''}${p.until ? ` until ${p.until}` : ''}${p.disputed_by ? ` (disputed by ${p.disputed_by})` : ''}`;
}

const colorByType: ExpressionSpecification = [
  'match', ['get', 't'],
  ...EVENT_TYPES.flatMap((t) => [t, TYPE_COLORS[t]]),
  OTHER_COLOR,
] as unknown as ExpressionSpecification;

// radius grows with the square root of fatalities, so area tracks the count
export const radiusByFatalities: ExpressionSpecification = [
  'interpolate', ['linear'], ['sqrt', ['max', ['get', 'f'], 0]],
  0, 4, 1, 5, 3.2, 7, 10, 12, 31.7, 20,
];

const asset = (name: string) => new URL(`./${name}`, import.meta.url).href;

export function MapView(props: { onReady: (h: MapHandle) => void; onPick: (id: string) => void; onMove?: () => void }) {
  const el = useRef<HTMLDivElement>(null);
  const statusEl = useRef<HTMLParagraphElement>(null);
  const pick = useRef(props.onPick);
  pick.current = props.onPick;
  useEffect(() => {
    let map: MapLibre | null = null;
    let detach = () => {};
    let cancelled = false;
    setWorkerUrl(asset('maplibre-gl-worker.mjs'));
    (async () => {
      const [topology, places] = await Promise.all([
        fetch(asset('countries.json')).then((r) => r.json() as Promise<Topology>),
        fetch(asset('places.json')).then((r) => r.json() as Promise<PlaceRow[]>),
      ]);
      if (cancelled || !el.current) return;
      const base = basemapFrom(topology);
      const style = basemapStyle(base);
      // the events' source and layers are part of the first style, so they load alongside the basemap
      // clustered by grid.ts in the page, so the map's worker only tiles what is drawn
      style.sources.events = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
      style.sources.selected = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
      Object.assign(style.sources, overlaySources);
      style.layers.push(
        ...overlayLayers,
        {
          id: 'clusters', type: 'circle', source: 'events', filter: ['has', 'point_count'],
          paint: {
            'circle-color': '#334155',
            'circle-opacity': 0.88,
            'circle-radius': ['step', ['get', 'point_count'], 11, 10, 14, 100, 18, 1000, 23, 10000, 28],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
          },
        },
        {
          id: 'points', type: 'circle', source: 'events', filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-color': colorByType,
            'circle-radius': radiusByFatalities,
            'circle-opacity': 0.85,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.2,
          },
        },
        {
          id: 'selected', type: 'circle', source: 'selected',
          paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': ['+', radiusByFatalities, 4], 'circle-stroke-color': '#111827', 'circle-stroke-width': 2.5 },
        },
      );
      map = new MapLibre({
        container: el.current,
        style,
        center: [30, 25],
        zoom: 1.6,
        minZoom: 0.5,
        maxZoom: 14,
        attributionControl: false,
        renderWorldCopies: false,
        fadeDuration: 0,
      });
      map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      map.addControl(new ScaleControl({ maxWidth: 100 }), 'bottom-right');
      const m = map;
      m.once('style.load', () => {
        detach = attachLabels(m, base.countryLabels, places, 'clusters', 'points');
        // The first view fits the events, and keeps fitting them when the map's box changes (the timeline
        // appearing, a smaller window) until someone moves the map: a resize alone keeps the centre and
        // would push events at the edges out of view.
        let autoFit: [[number, number], [number, number]] | null = null;
        let syncing = false;
        const refit = () => {
          const { clientWidth: cw, clientHeight: ch } = m.getContainer();
          if (!autoFit || syncing || !cw || !ch) return;
          // maplibre hears of a new box from a throttled ResizeObserver: catch up, or the fit is for the old box
          if (m.getCanvas().clientWidth !== cw || m.getCanvas().clientHeight !== ch) {
            syncing = true;
            m.resize();
            syncing = false;
          }
          // keep clear of the legend in the lower left
          const pad = Math.min(50, cw / 8, ch / 8);
          m.fitBounds(autoFit, { padding: { top: pad, right: pad + 30, left: pad, bottom: Math.min(ch / 2.5, 190) }, maxZoom: 8, duration: 0 });
        };
        m.on('resize', refit);
        m.on('movestart', (e) => { if (e.originalEvent) autoFit = null; });
        m.on('click', 'points', (e) => {
          const id = e.features?.[0]?.properties?.id;
          if (id) pick.current(String(id));
        });
        m.on('click', 'clusters', (e) => {
          const f = e.features?.[0];
          if (!f) return;
          autoFit = null;
          m.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: m.getZoom() + 2 });
        });
        const overlayIds = Object.values(OVERLAY_LAYERS).flat();
        m.on('click', overlayIds, (e) => {
          const f = e.features?.[0];
          if (f) new Popup({ closeButton: true, maxWidth: '260px' }).setLngLat(e.lngLat).setText(overlayText(f.properties)).addTo(m);
        });
        for (const layer of ['points', 'clusters', ...overlayIds]) {
          m.on('mouseenter', layer, () => { m.getCanvas().style.cursor = 'pointer'; });
          m.on('mouseleave', layer, () => { m.getCanvas().style.cursor = ''; });
        }
        // what is drawn, for screen readers (and tests): points plus the points inside clusters
        const status = () => {
          const ids = new Set<string>();
          for (const f of m.queryRenderedFeatures({ layers: ['points'] })) ids.add(String(f.properties.id));
          const clusters = new Map<number, number>();
          for (const f of m.queryRenderedFeatures({ layers: ['clusters'] })) clusters.set(f.properties.cluster_id as number, f.properties.point_count as number);
          const n = ids.size + [...clusters.values()].reduce((a, b) => a + b, 0);
          if (statusEl.current) {
            statusEl.current.textContent = `${n} event${n === 1 ? '' : 's'} drawn in the map view`;
            statusEl.current.dataset.drawn = String(n);
            // the box the count was made in: tests wait for it to match the map's box
            statusEl.current.dataset.size = `${m.getCanvas().clientWidth}x${m.getCanvas().clientHeight}`;
          }
        };
        // re-bin for the new view; the status follows once it is drawn
        let shown: { ps: PointSet; idx: Uint32Array; mx: Float64Array; my: Float64Array } | null = null;
        const positions = new WeakMap<PointSet, { mx: Float64Array; my: Float64Array }>();
        const draw = () => {
          if (!shown) return Promise.resolve();
          const b = m.getBounds();
          const features = binEvents(shown.ps, shown.idx, shown.mx, shown.my, { zoom: m.getZoom(), west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() });
          return (m.getSource('events') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
        };
        m.on('moveend', () => { void draw().then(() => m.once('idle', status)); });
        if (props.onMove) m.on('moveend', props.onMove);
        props.onReady({
          async setEvents(ps, idx, fit) {
            let pos = positions.get(ps);
            if (!pos) {
              pos = { mx: new Float64Array(ps.n), my: new Float64Array(ps.n) };
              for (let i = 0; i < ps.n; i++) [pos.mx[i], pos.my[i]] = mercator(ps.lon[i], ps.lat[i]);
              positions.set(ps, pos);
            }
            shown = { ps, idx, ...pos };
            if (fit && idx.length) {
              let w = 180, s = 90, e = -180, n = -90;
              for (const i of idx) {
                const x = ps.lon[i], y = ps.lat[i];
                if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y;
              }
              autoFit = [[w, s], [e, n]];
              refit();
            }
            await draw();
            performance.mark('map:data');
            await new Promise<void>((resolve) => { m.once('idle', () => resolve()); m.triggerRepaint(); });
            status();
          },
          setOverlay(name, data) {
            if (data) (m.getSource(name) as GeoJSONSource).setData(data);
            for (const id of OVERLAY_LAYERS[name]) m.setLayoutProperty(id, 'visibility', data ? 'visible' : 'none');
          },
          select(feature) {
            (m.getSource('selected') as GeoJSONSource).setData({ type: 'FeatureCollection', features: feature ? [feature] : [] });
            if (!feature) return;
            const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates;
            if (!m.getBounds().contains([lon, lat])) { autoFit = null; m.easeTo({ center: [lon, lat], duration: 300 }); }
          },
        });
      });
    })();
    return () => {
      cancelled = true;
      detach();
      map?.remove();
    };
  }, []);
  return (
    <>
      <div ref={el} class="map" role="region" aria-label="Map of events" />
      <p ref={statusEl} class="sr-only map-status" aria-live="polite" data-drawn="0" />
    </>
  );
}
