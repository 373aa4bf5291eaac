/**
 * The derived picture on the map (from the "derive" API, when the server has
 * it): territorial control at the end of the chosen dates, and displacement
 * flows from where people fled to where they went.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';

const CONTROL_COLORS = ['#b91c1c', '#1d4ed8', '#047857', '#a16207', '#6d28d9', '#0e7490', '#be185d', '#4d7c0f'];

/** A stable colour per controller name. */
export function controllerColor(name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return CONTROL_COLORS[h % CONTROL_COLORS.length];
}

const empty = { type: 'FeatureCollection' as const, features: [] };

export const overlaySources: Record<string, SourceSpecification> = {
  control: { type: 'geojson', data: empty },
  flows: { type: 'geojson', data: empty },
};

const color: ExpressionSpecification = ['coalesce', ['get', 'color'], '#475569'];

export const overlayLayers: LayerSpecification[] = [
  {
    id: 'flows', type: 'line', source: 'flows', layout: { visibility: 'none', 'line-cap': 'round' },
    paint: { 'line-color': '#0f766e', 'line-opacity': 0.7, 'line-width': ['interpolate', ['linear'], ['sqrt', ['get', 'people']], 0, 1.5, 100, 8], 'line-dasharray': [2, 1] },
  },
  {
    id: 'flow-ends', type: 'circle', source: 'flows', layout: { visibility: 'none' },
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 4, 'circle-color': '#fff', 'circle-stroke-color': '#0f766e', 'circle-stroke-width': 2 },
  },
  {
    id: 'control-lines', type: 'line', source: 'control', layout: { visibility: 'none', 'line-cap': 'round' },
    filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': color, 'line-width': 5, 'line-opacity': 0.75 },
  },
  {
    id: 'control-points', type: 'circle', source: 'control', layout: { visibility: 'none' },
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 9, 'circle-color': 'rgba(255,255,255,0.2)', 'circle-stroke-color': color, 'circle-stroke-width': 3 },
  },
];

export const OVERLAY_LAYERS: Record<'control' | 'flows', string[]> = { control: ['control-lines', 'control-points'], flows: ['flows', 'flow-ends'] };

/** Control periods with each controller's colour set on the feature. */
export function colourControl(fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return { ...fc, features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, color: controllerColor(String(f.properties?.controller ?? '')) } })) };
}

interface Loc { lat: number | null; lon: number | null; name?: string | null; text?: string }
interface Flow { from: Loc | null; to: Loc[]; to_text?: string | null; people: { low: number | null; best: number | null } | null; date?: { start: string | null } }

/** Displacement flows as lines (from → each destination) and their end points. */
export function flowFeatures(flows: Flow[]): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const f of flows) {
    if (!f.from || f.from.lat === null || f.from.lon === null) continue;
    const people = f.people?.best ?? f.people?.low ?? 0;
    for (const to of f.to) {
      if (to.lat === null || to.lon === null) continue;
      const label = `${f.from.name ?? f.from.text} → ${to.name ?? to.text}: ${people ? `${people}+ people` : 'people'} fled${f.date?.start ? ` (${f.date.start})` : ''}`;
      features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[f.from.lon, f.from.lat], [to.lon, to.lat]] }, properties: { people, label } });
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [to.lon, to.lat] }, properties: { people, label } });
    }
  }
  return { type: 'FeatureCollection', features };
}
