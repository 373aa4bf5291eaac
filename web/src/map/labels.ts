/**
 * Place names and cluster counts drawn on a canvas above the map, because the
 * map has no glyph server to draw text with. Greedy placement: bigger places
 * first, a label is skipped when it would overlap one already drawn.
 */
import type { Map as MapLibre } from 'maplibre-gl';

/** [name, lon, lat, population, capital] as served in places.json */
export type PlaceRow = [string, number, number, number, number];

interface Box { x0: number; y0: number; x1: number; y1: number }

const overlaps = (a: Box, boxes: Box[]) => boxes.some((b) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0);

/** Smallest population shown at a zoom level (capitals always are, from zoom 3). */
function minPopulation(zoom: number): number {
  if (zoom < 3) return 8_000_000;
  if (zoom < 4) return 2_000_000;
  if (zoom < 5) return 700_000;
  if (zoom < 6) return 250_000;
  if (zoom < 7) return 100_000;
  return 0;
}

/** Must match the cluster layer's circle-radius steps (MapView.tsx). */
export function clusterRadius(count: number): number {
  return count >= 10000 ? 28 : count >= 1000 ? 23 : count >= 100 ? 18 : count >= 10 ? 14 : 11;
}

export function attachLabels(map: MapLibre, countries: [string, number, number, number][], places: PlaceRow[], clusterLayer: string, pointLayer: string): () => void {
  const canvas = document.createElement('canvas');
  canvas.className = 'map-labels';
  canvas.setAttribute('aria-hidden', 'true');
  map.getCanvasContainer().appendChild(canvas);
  const draw = () => {
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const zoom = map.getZoom();
    const placed: Box[] = [];

    // clusters sit on data: names keep clear of them, and their counts are drawn last, on top
    const counts: { x: number; y: number; text: string }[] = [];
    if (map.getLayer(clusterLayer)) {
      for (const f of map.queryRenderedFeatures({ layers: [clusterLayer] })) {
        const p = f.properties as { point_count_abbreviated?: string | number; point_count?: number };
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        const pt = map.project([lon, lat]);
        const r = clusterRadius(p.point_count ?? 0);
        placed.push({ x0: pt.x - r, y0: pt.y - r, x1: pt.x + r, y1: pt.y + r });
        counts.push({ x: pt.x, y: pt.y, text: String(p.point_count_abbreviated ?? p.point_count ?? '') });
      }
    }
    const points = map.getLayer(pointLayer) ? map.queryRenderedFeatures({ layers: [pointLayer] }) : [];
    // with thousands of points on screen the names give way to the data
    const crowded = points.length > 1500;
    if (!crowded) {
      for (const f of points) {
        const pt = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        placed.push({ x0: pt.x - 6, y0: pt.y - 6, x1: pt.x + 6, y1: pt.y + 6 });
      }
    }

    const label = (text: string, x: number, y: number, font: string, color: string, dot: boolean) => {
      ctx.font = font;
      const tw = ctx.measureText(text).width;
      const ty = dot ? y - 9 : y;
      const box = { x0: x - tw / 2 - 2, y0: ty - 7, x1: x + tw / 2 + 2, y1: ty + 7 };
      if (box.x1 < 0 || box.x0 > w || box.y1 < 0 || box.y0 > h || overlaps(box, placed)) return;
      placed.push(box);
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.lineWidth = 3;
      ctx.strokeText(text, x, ty);
      ctx.fillStyle = color;
      ctx.fillText(text, x, ty);
      if (dot) {
        ctx.beginPath();
        ctx.arc(x, y, 2.2, 0, Math.PI * 2);
        ctx.fillStyle = '#4b5563';
        ctx.fill();
      }
    };

    const bounds = map.getBounds();
    const minPop = minPopulation(zoom);
    const drawPlaces = () => {
      for (const [name, lon, lat, pop, capital] of places) {
        if (pop < minPop && !(capital && zoom >= 3)) continue;
        if (!bounds.contains([lon, lat])) continue;
        const pt = map.project([lon, lat]);
        label(name, pt.x, pt.y, capital ? '600 11px system-ui, "DejaVu Sans", sans-serif' : '11px system-ui, "DejaVu Sans", sans-serif', '#374151', true);
      }
    };
    const drawCountries = () => {
      if (zoom >= 7) return;
      for (const [name, lon, lat, area] of countries) {
        // small countries get a name only once they are big enough on screen
        if (area * 2 ** (zoom * 2) < 60) continue;
        if (!bounds.contains([lon, lat])) continue;
        const pt = map.project([lon, lat]);
        label(name.toUpperCase(), pt.x, pt.y, '600 10px system-ui, "DejaVu Sans", sans-serif', '#8a8478', false);
      }
    };
    // zoomed out, countries are the landmarks; zoomed in, towns are
    if (!crowded && zoom < 5) { drawCountries(); drawPlaces(); }
    if (!crowded && zoom >= 5) { drawPlaces(); drawCountries(); }
    ctx.font = '600 11px system-ui, "DejaVu Sans", sans-serif';
    ctx.fillStyle = '#fff';
    for (const c of counts) ctx.fillText(c.text, c.x, c.y + 0.5);
  };
  map.on('render', draw);
  return () => {
    map.off('render', draw);
    canvas.remove();
  };
}
