/**
 * The events drawn on a 2D canvas above the map, from the features grid.ts
 * bins in the page. A filter change then redraws this canvas alone: a WebGL
 * frame of the map costs a read-back of the whole canvas in software-rendered
 * Chromium (no GPU), and the map's worker would re-tile the data first.
 */
import type { Map as MapLibre } from 'maplibre-gl';
import { OTHER_COLOR, TYPE_COLORS } from '../colors.ts';

export interface Box { x0: number; y0: number; x1: number; y1: number }

/** Circle radius by fatalities: the square root, so that area tracks the count (the legend's sizes). */
const RADIUS_STOPS: [number, number][] = [[0, 4], [1, 5], [3.2, 7], [10, 12], [31.7, 20]];
export function radiusFor(fatalities: number): number {
  const x = Math.sqrt(Math.max(0, fatalities || 0));
  for (let k = 1; k < RADIUS_STOPS.length; k++) {
    const [x1, r1] = RADIUS_STOPS[k];
    if (x <= x1) {
      const [x0, r0] = RADIUS_STOPS[k - 1];
      return r0 + ((x - x0) / (x1 - x0)) * (r1 - r0);
    }
  }
  return RADIUS_STOPS[RADIUS_STOPS.length - 1][1];
}

export function clusterRadius(count: number): number {
  return count >= 10000 ? 28 : count >= 1000 ? 23 : count >= 100 ? 18 : count >= 10 ? 14 : 11;
}

/** Sizes an overlay canvas to the map (sharp on high-density screens) and clears it. */
export function clearCanvas(canvas: HTMLCanvasElement, map: MapLibre): { ctx: CanvasRenderingContext2D; w: number; h: number } {
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
  return { ctx, w, h };
}

interface Drawn { x: number; y: number; r: number; f: GeoJSON.Feature }

export interface EventsLayer {
  /** what to draw: grid.ts's features (single events and clusters) */
  setFeatures(features: GeoJSON.Feature[]): void;
  setSelected(feature: GeoJSON.Feature<GeoJSON.Point> | null): void;
  /** the topmost event or cluster under a screen point */
  hit(x: number, y: number): GeoJSON.Feature | null;
  /** screen boxes of what is drawn, for the labels to keep clear of */
  occupied(): { boxes: Box[]; crowded: boolean };
  /** events drawn in the view (a cluster counts its members) */
  count(): number;
  draw(): void;
  remove(): void;
}

export function attachEvents(map: MapLibre, onDrawn: () => void): EventsLayer {
  const canvas = document.createElement('canvas');
  canvas.className = 'map-events';
  canvas.setAttribute('aria-hidden', 'true');
  map.getCanvasContainer().appendChild(canvas);
  let features: GeoJSON.Feature[] = [];
  let selected: GeoJSON.Feature<GeoJSON.Point> | null = null;
  let drawn: Drawn[] = [];
  let inView = 0;

  const draw = () => {
    const { ctx, w, h } = clearCanvas(canvas, map);
    const singles: Drawn[] = [];
    const clusters: Drawn[] = [];
    inView = 0;
    for (const f of features) {
      const p = f.properties as { point_count?: number; f?: number };
      const pt = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const r = p.point_count ? clusterRadius(p.point_count) : radiusFor(p.f ?? 0);
      if (pt.x + r < 0 || pt.x - r > w || pt.y + r < 0 || pt.y - r > h) continue;
      inView += p.point_count ?? 1;
      (p.point_count ? clusters : singles).push({ x: pt.x, y: pt.y, r, f });
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = 'rgba(51,65,85,0.88)';
    for (const c of clusters) { ctx.beginPath(); ctx.arc(c.x, c.y, c.r, 0, Math.PI * 2); ctx.fill(); ctx.stroke(); }
    // bigger events first, so that small ones stay visible on top
    singles.sort((a, b) => b.r - a.r);
    ctx.lineWidth = 1.2;
    ctx.globalAlpha = 0.85;
    for (const s of singles) {
      ctx.beginPath();
      ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
      ctx.fillStyle = TYPE_COLORS[(s.f.properties as { t: string }).t] ?? OTHER_COLOR;
      ctx.fill();
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    ctx.font = '600 11px system-ui, "DejaVu Sans", sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#fff';
    for (const c of clusters) ctx.fillText(String((c.f.properties as { point_count_abbreviated?: string }).point_count_abbreviated ?? ''), c.x, c.y + 0.5);
    if (selected) {
      const pt = map.project(selected.geometry.coordinates as [number, number]);
      ctx.beginPath();
      ctx.arc(pt.x, pt.y, radiusFor((selected.properties as { f?: number }).f ?? 0) + 4, 0, Math.PI * 2);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#111827';
      ctx.stroke();
    }
    // hit-testing looks at the last drawn first: what is on top
    drawn = [...clusters, ...singles];
    onDrawn();
  };
  map.on('render', draw);

  return {
    setFeatures(next) { features = next; draw(); },
    setSelected(f) { selected = f; draw(); },
    hit(x, y) {
      for (let k = drawn.length - 1; k >= 0; k--) {
        const d = drawn[k];
        if ((d.x - x) ** 2 + (d.y - y) ** 2 <= (d.r + 2) ** 2) return d.f;
      }
      return null;
    },
    occupied() {
      // with thousands of events on screen the names give way to the data
      const crowded = drawn.length > 1500;
      return { crowded, boxes: crowded ? [] : drawn.map((d) => ({ x0: d.x - d.r, y0: d.y - d.r, x1: d.x + d.r, y1: d.y + d.r })) };
    },
    count: () => inView,
    draw,
    remove() { map.off('render', draw); canvas.remove(); },
  };
}
