/**
 * Place names drawn on a canvas above the map, because the map has no glyph
 * server to draw text with. Greedy placement: bigger places first, a label is
 * skipped when it would overlap one already drawn or an event.
 */
import type { Map as MapLibre } from 'maplibre-gl';
import { clearCanvas, type Box } from './events.ts';

/** [name, lon, lat, population, capital] as served in places.json */
export type PlaceRow = [string, number, number, number, number];

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

/** Returns the function that redraws the names (after the events, which they keep clear of) and the one that removes them. */
export function attachLabels(map: MapLibre, countries: [string, number, number, number][], places: PlaceRow[], occupied: () => { boxes: Box[]; crowded: boolean }): { draw: () => void; remove: () => void } {
  const canvas = document.createElement('canvas');
  canvas.className = 'map-labels';
  canvas.setAttribute('aria-hidden', 'true');
  map.getCanvasContainer().appendChild(canvas);
  const draw = () => {
    const { ctx, w, h } = clearCanvas(canvas, map);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const zoom = map.getZoom();
    const { boxes, crowded } = occupied();
    const placed: Box[] = [...boxes];

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
  };
  return { draw, remove: () => canvas.remove() };
}
