/**
 * The offline basemap: Natural Earth countries (world-atlas TopoJSON, served
 * by the dashboard) as fills and borders. No tiles, no glyphs, no sprites:
 * labels are drawn by labels.ts on a canvas.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface Basemap {
  countries: GeoJSON.FeatureCollection;
  borders: GeoJSON.MultiLineString;
  coast: GeoJSON.MultiLineString;
  /** [name, lon, lat] where a country's name is drawn */
  countryLabels: [string, number, number, number][];
}

type Ring = GeoJSON.Position[];

/**
 * world-atlas is cut for a spherical renderer: rings jump from +180 to -180.
 * On a flat map that draws a line across the world, so make the longitudes
 * continuous (Chukotka then lies just east of 180°).
 */
function unwrap(ring: Ring): Ring {
  let shift = 0;
  return ring.map((p, i) => {
    const d = i > 0 ? p[0] - ring[i - 1][0] : 0;
    if (d > 180) shift -= 360;
    else if (d < -180) shift += 360;
    return [p[0] + shift, p[1]];
  });
}

function unwrapGeometry(g: GeoJSON.Geometry): GeoJSON.Geometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(unwrap) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(unwrap)) };
  return g;
}

/** Lines are split where they jump across the antimeridian instead. */
function splitLines(m: GeoJSON.MultiLineString): GeoJSON.MultiLineString {
  const out: Ring[] = [];
  for (const line of m.coordinates) {
    let cur: Ring = [];
    for (const p of line) {
      if (cur.length && Math.abs(p[0] - cur[cur.length - 1][0]) > 180) { if (cur.length > 1) out.push(cur); cur = []; }
      cur.push(p);
    }
    if (cur.length > 1) out.push(cur);
  }
  return { type: 'MultiLineString', coordinates: out };
}

const ANTARCTICA = '010';

export function basemapFrom(topology: Topology): Basemap {
  const obj = topology.objects.countries as GeometryCollection;
  const all = feature(topology, obj) as GeoJSON.FeatureCollection;
  // Antarctica's ring runs round the pole, which a flat fill cannot draw; no conflict data lies there
  const countries: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: all.features.filter((f) => f.id !== ANTARCTICA && f.geometry).map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })),
  };
  const borders = splitLines(mesh(topology, obj, (a, b) => a !== b));
  const coast = splitLines(mesh(topology, obj, (a, b) => a === b && (a as { id?: string }).id !== ANTARCTICA));
  const countryLabels: [string, number, number, number][] = [];
  for (const f of countries.features) {
    const name = (f.properties as { name?: string } | null)?.name;
    const spot = name && f.geometry ? labelSpot(f.geometry) : null;
    if (name && spot) countryLabels.push([name, spot[0], spot[1], spot[2]]);
  }
  countryLabels.sort((a, b) => b[3] - a[3]);
  return { countries, borders, coast, countryLabels };
}

/** Area-weighted centroid of a country's largest polygon, and that area (deg²) to rank labels by. */
function labelSpot(g: GeoJSON.Geometry): [number, number, number] | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let best: [number, number, number] | null = null;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j];
      const [x1, y1] = ring[i];
      const cross = x0 * y1 - x1 * y0;
      a += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
    }
    if (a === 0) continue;
    const area = Math.abs(a / 2);
    if (!best || area > best[2]) best = [cx / (3 * a), cy / (3 * a), area];
  }
  return best;
}

export const PALETTE = {
  water: '#dfe8ef',
  land: '#f7f6f2',
  landHighlight: '#efece3',
  border: '#a9a49a',
  coast: '#9fb3c4',
};

export function basemapStyle(b: Basemap): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: b.countries, tolerance: 0.5 },
      borders: { type: 'geojson', data: { type: 'Feature', geometry: b.borders, properties: {} } },
      coast: { type: 'geojson', data: { type: 'Feature', geometry: b.coast, properties: {} } },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': PALETTE.water } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': PALETTE.land } },
      { id: 'coast', type: 'line', source: 'coast', paint: { 'line-color': PALETTE.coast, 'line-width': 0.8 } },
      {
        id: 'borders', type: 'line', source: 'borders',
        paint: { 'line-color': PALETTE.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.2], 'line-dasharray': [3, 1.5] },
      },
    ],
  };
}
