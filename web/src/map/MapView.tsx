/**
 * The event map: offline basemap and derived layers in maplibre; events as
 * circles coloured by type and sized by fatalities, clustered when zoomed
 * out, drawn on a canvas above it (events.ts); a click opens the event.
 */
import { GeoJSONSource, Map as MapLibre, NavigationControl, Popup, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import { useEffect, useRef } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { basemapFrom, basemapStyle } from './basemap.ts';
import { attachEvents } from './events.ts';
import { attachLabels, type PlaceRow } from './labels.ts';
import { OVERLAY_LAYERS, overlayLayers, overlaySources } from './overlays.ts';
import { binEvents, mercator } from './grid.ts';
import type { PointSet } from '../points.ts';

export interface MapHandle {
  /** draws the chosen events (indexes into the set); resolves once the map has drawn them */
  setEvents(ps: PointSet, idx: Uint32Array, fit: boolean): Promise<void>;
  /** ring the chosen event (drawn above clusters, so it shows even when its point is clustered) */
  select(feature: GeoJSON.Feature<GeoJSON.Point> | null): void;
  /** show (with data) or hide a derived layer; resolves once it is drawn */
  setOverlay(name: 'control' | 'flows', data: GeoJSON.FeatureCollection | null): Promise<void>;
}

/** The words a click on a derived layer shows (as text, never HTML). */
function overlayText(p: Record<string, unknown>): string {
  if (p.label) return String(p.label);
  const where = p.to ? `the ${p.place}–${p.to} road` : String(p.place);
  return `${p.controller} holds ${where}${p.since ? ` since ${p.since}` : ''}${p.until ? ` until ${p.until}` : ''}${p.disputed_by ? ` (disputed by ${p.disputed_by})` : ''}`;
}

const asset = (name: string) => new URL(`./${name}`, import.meta.url).href;

/**
 * `start` holds the map back: building it takes the page's only thread for a
 * second or more in software-rendered browsers, so the page lets the table in first.
 */
export function MapView(props: { start: boolean; onReady: (h: MapHandle) => void; onPick: (id: string) => void; onMove?: () => void }) {
  const el = useRef<HTMLDivElement>(null);
  const statusEl = useRef<HTMLParagraphElement>(null);
  const overlayStatusEl = useRef<HTMLParagraphElement>(null);
  const pick = useRef(props.onPick);
  pick.current = props.onPick;
  useEffect(() => {
    if (!props.start) return;
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
      Object.assign(style.sources, overlaySources);
      style.layers.push(...overlayLayers);
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
        // what is drawn, for screen readers (and tests): single events plus the members of clusters in view
        let said = '';
        const status = () => {
          const n = events.count();
          const size = `${m.getCanvas().clientWidth}x${m.getCanvas().clientHeight}`;
          if (!statusEl.current || said === `${n} ${size}`) return;
          said = `${n} ${size}`;
          statusEl.current.textContent = `${n} event${n === 1 ? '' : 's'} drawn in the map view`;
          statusEl.current.dataset.drawn = String(n);
          // the box the count was made in: tests wait for it to match the map's box
          statusEl.current.dataset.size = size;
        };
        const events = attachEvents(m, () => { labels.draw(); status(); });
        const labels = attachLabels(m, base.countryLabels, places, events.occupied);
        detach = () => { events.remove(); labels.remove(); legendWatch.disconnect(); };
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
          const pad = Math.min(50, cw / 8, ch / 8);
          // keep clear of the legend in the lower left (it sits beside the map, in the same box)
          const legend = m.getContainer().parentElement?.querySelector('.legend')?.getBoundingClientRect().height ?? 190;
          m.fitBounds(autoFit, { padding: { top: pad, right: pad + 30, left: pad, bottom: Math.min(ch / 2, Math.max(pad, legend + 24)) }, maxZoom: 8, duration: 0 });
        };
        m.on('resize', refit);
        // the legend grows when a derived layer lists its entries
        const legendBox = m.getContainer().parentElement?.querySelector('.legend');
        const legendWatch = new ResizeObserver(() => refit());
        if (legendBox) legendWatch.observe(legendBox);
        m.on('movestart', (e) => { if (e.originalEvent) autoFit = null; });
        // a click on an event opens it; on a cluster, zooms in on it (before the derived layers' popups)
        const hitAt = (p: { x: number; y: number }) => events.hit(p.x, p.y);
        m.on('click', (e) => {
          const f = hitAt(e.point);
          if (!f) return;
          e.preventDefault();
          const p = f.properties as { id?: string; point_count?: number };
          if (!p.point_count) { if (p.id) pick.current(String(p.id)); return; }
          autoFit = null;
          m.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: m.getZoom() + 2 });
        });
        const overlayIds = Object.values(OVERLAY_LAYERS).flat();
        m.on('click', overlayIds, (e) => {
          const f = e.features?.[0];
          if (f && !e.defaultPrevented) new Popup({ closeButton: true, maxWidth: '260px' }).setLngLat(e.lngLat).setText(overlayText(f.properties)).addTo(m);
        });
        m.on('mousemove', (e) => {
          const shownOverlays = overlayIds.filter((id) => m.getLayoutProperty(id, 'visibility') !== 'none');
          const over = hitAt(e.point) || (shownOverlays.length > 0 && m.queryRenderedFeatures(e.point, { layers: shownOverlays }).length > 0);
          m.getCanvas().style.cursor = over ? 'pointer' : '';
        });
        // re-bin for the new view
        let shown: { ps: PointSet; idx: Uint32Array; mx: Float64Array; my: Float64Array } | null = null;
        const positions = new WeakMap<PointSet, { mx: Float64Array; my: Float64Array }>();
        const draw = () => {
          if (!shown) return;
          const b = m.getBounds();
          events.setFeatures(binEvents(shown.ps, shown.idx, shown.mx, shown.my, { zoom: m.getZoom(), west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }));
        };
        m.on('moveend', draw);
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
            draw();
            performance.mark('map:data');
            // a new view draws the basemap too: done once the map is idle
            if (fit || !m.loaded()) await new Promise<void>((resolve) => { m.once('idle', () => resolve()); m.triggerRepaint(); });
          },
          async setOverlay(name, data) {
            if (data) await (m.getSource(name) as GeoJSONSource).setData(data);
            for (const id of OVERLAY_LAYERS[name]) m.setLayoutProperty(id, 'visibility', data ? 'visible' : 'none');
            await new Promise<void>((resolve) => { m.once('idle', () => resolve()); m.triggerRepaint(); });
            // what the layer shows in the view, for screen readers (and tests)
            const shown = new Set(data ? m.queryRenderedFeatures({ layers: OVERLAY_LAYERS[name] }).map((f) => `${f.geometry.type} ${JSON.stringify(f.properties)}`) : []);
            const el = overlayStatusEl.current;
            if (!el) return;
            el.dataset[name] = String(shown.size);
            const control = el.dataset.control ?? '0', flows = el.dataset.flows ?? '0';
            el.textContent = `Territorial control: ${control} places and roads drawn. Displacement flows: ${flows} lines and destinations drawn.`;
          },
          select(feature) {
            events.setSelected(feature);
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
  }, [props.start]);
  return (
    <>
      <div ref={el} class="map" role="region" aria-label="Map of events" />
      <p ref={statusEl} class="sr-only map-status" aria-live="polite" data-drawn="0" />
      <p ref={overlayStatusEl} class="sr-only map-overlay-status" aria-live="polite" />
    </>
  );
}
