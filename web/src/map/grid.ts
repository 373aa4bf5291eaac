/**
 * Clustering in the browser: events binned into ~48-pixel Web Mercator cells
 * of the current zoom, within the view. A filter change or a move re-bins the
 * chosen events in milliseconds and hands the map only what it draws, instead
 * of re-indexing 100k points in the map's worker.
 */
import { pointFeature, type PointSet } from '../points.ts';

const CELL_PX = 48;
/** from this zoom on every event is drawn as itself */
export const POINTS_FROM_ZOOM = 9;

/** Web Mercator position in [0, 1]², computed once per event */
export function mercator(lon: number, lat: number): [number, number] {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

export interface View { zoom: number; west: number; south: number; east: number; north: number }

const abbreviate = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n));

/** The features to draw for these events in this view: single events as they are, groups as clusters. */
export function binEvents(ps: PointSet, idx: Uint32Array, mx: Float64Array, my: Float64Array, view: View): GeoJSON.Feature[] {
  // half a screen of margin, so a small pan shows no empty edge before the re-bin
  const dLon = (view.east - view.west) / 2;
  const dLat = (view.north - view.south) / 2;
  const [x0, y1] = mercator(view.west - dLon, view.south - dLat);
  const [x1, y0] = mercator(view.east + dLon, view.north + dLat);
  const inView = (i: number) => mx[i] >= x0 && mx[i] <= x1 && my[i] >= y0 && my[i] <= y1;
  const out: GeoJSON.Feature[] = [];
  if (view.zoom >= POINTS_FROM_ZOOM) {
    for (const i of idx) if (inView(i)) out.push(pointFeature(ps, i));
    return out;
  }
  const scale = (256 * 2 ** Math.floor(view.zoom)) / CELL_PX;
  const cells = new Map<number, { first: number; n: number; sx: number; sy: number }>();
  for (const i of idx) {
    if (!inView(i)) continue;
    const key = Math.floor(mx[i] * scale) * 1e7 + Math.floor(my[i] * scale);
    const c = cells.get(key);
    if (c) { c.n++; c.sx += ps.lon[i]; c.sy += ps.lat[i]; } else cells.set(key, { first: i, n: 1, sx: ps.lon[i], sy: ps.lat[i] });
  }
  for (const [key, c] of cells) {
    if (c.n === 1) { out.push(pointFeature(ps, c.first)); continue; }
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.sx / c.n, c.sy / c.n] },
      properties: { cluster: true, cluster_id: key, point_count: c.n, point_count_abbreviated: abbreviate(c.n) },
    });
  }
  return out;
}
