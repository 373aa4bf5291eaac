/// <reference types="geojson" />
/**
 * The map's copy of the events: a few columns per event, filtered in the
 * browser so that the map, the histogram and the counts follow a filter or a
 * brush without a round trip. Filters whose column the API's GeoJSON does not
 * carry (free text, review state) are applied by the server when the set is fetched.
 */
import type { Filters } from './filters.ts';

export interface PointSet {
  n: number;
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** days since 1970-01-01, or NaN when the event has no date */
  day: Float64Array;
  type: string[];
  sub: string[];
  /** best fatality figure (the low bound when there is no best), NaN when none: sizes the symbol */
  fat: Float64Array;
  /** the low bound, NaN when none: what "fatalities ≥ N" compares, as the API does */
  fatLow: Float64Array;
  country: (string | null)[];
  admin1: (string | null)[];
  actors: string[][];
}

/** One event as a map feature (built when drawn: a view shows a few thousand of the set at most). */
export function pointFeature(ps: PointSet, i: number): GeoJSON.Feature<GeoJSON.Point> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [ps.lon[i], ps.lat[i]] },
    properties: { id: ps.ids[i], t: ps.type[i], f: Number.isNaN(ps.fat[i]) ? -1 : ps.fat[i] },
  };
}

/** The filters the browser applies itself; the rest go to the server. */
export const LOCAL_KEYS: (keyof Filters)[] = ['from', 'to', 'event_type', 'sub_event_type', 'actor', 'country', 'admin1', 'min_fatalities'];

const DAY_MS = 86_400_000;
export const toDay = (iso: string | null | undefined): number => (iso ? Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS) : NaN);
export const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

function actorNames(p: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['actor1', 'actor2']) {
    const v = p[key];
    const name = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { name?: string }).name : null;
    if (name) out.push(name);
  }
  const assoc = p.assoc_actors;
  if (Array.isArray(assoc)) for (const a of assoc) out.push(typeof a === 'string' ? a : a?.name);
  return out.filter(Boolean);
}

function fatalityFigure(p: Record<string, unknown>, which: 'best' | 'low'): number {
  const f = p.fatalities;
  if (f && typeof f === 'object') {
    const c = f as { best?: number | null; low?: number | null };
    return num(which === 'best' ? c.best ?? c.low : c.low);
  }
  if (typeof f === 'number') return f;
  return num(which === 'best' ? p.fatalities_best ?? p.fatalities_low : p.fatalities_low);
}

export function pointSet(fc: GeoJSON.FeatureCollection): PointSet {
  const feats = fc.features.filter((f) => f.geometry && f.geometry.type === 'Point');
  const n = feats.length;
  const ps: PointSet = {
    n, ids: new Array(n), lon: new Float64Array(n), lat: new Float64Array(n), day: new Float64Array(n),
    type: new Array(n), sub: new Array(n), fat: new Float64Array(n), fatLow: new Float64Array(n), country: new Array(n), admin1: new Array(n),
    actors: new Array(n),
  };
  feats.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
    const location = (p.location && typeof p.location === 'object' ? p.location : {}) as Record<string, unknown>;
    ps.ids[i] = String(p.id ?? f.id);
    ps.lon[i] = lon;
    ps.lat[i] = lat;
    ps.day[i] = toDay(str(p.event_date));
    ps.type[i] = String(p.event_type ?? '');
    ps.sub[i] = String(p.sub_event_type ?? '');
    ps.fat[i] = fatalityFigure(p, 'best');
    ps.fatLow[i] = fatalityFigure(p, 'low');
    ps.country[i] = str(p.country) ?? str(location.country);
    ps.admin1[i] = str(p.admin1) ?? str(location.admin1);
    ps.actors[i] = actorNames(p);
  });
  return ps;
}

/** The dashboard's compact point list (GET /api/events.points): columns, repeated strings as dictionary codes. */
export interface PointColumns {
  n: number;
  id: string[];
  lon: number[];
  lat: number[];
  date: Dict;
  event_type: Dict;
  sub_event_type: Dict;
  country: Dict;
  admin1: Dict;
  actor1: Dict;
  actor2: Dict;
  fatalities_low: (number | null)[];
  fatalities_best: (number | null)[];
}
interface Dict { values: (string | null)[]; codes: number[] }

export function pointsFromColumns(c: PointColumns): PointSet {
  const n = c.n;
  const ps: PointSet = {
    n, ids: c.id, lon: Float64Array.from(c.lon), lat: Float64Array.from(c.lat), day: new Float64Array(n),
    type: new Array(n), sub: new Array(n), fat: new Float64Array(n), fatLow: new Float64Array(n), country: new Array(n), admin1: new Array(n),
    actors: new Array(n),
  };
  const days = c.date.values.map(toDay);
  const at = (d: Dict, i: number) => d.values[d.codes[i]];
  for (let i = 0; i < n; i++) {
    ps.day[i] = days[c.date.codes[i]];
    ps.type[i] = at(c.event_type, i) ?? '';
    ps.sub[i] = at(c.sub_event_type, i) ?? '';
    ps.fatLow[i] = num(c.fatalities_low[i]);
    ps.fat[i] = num(c.fatalities_best[i] ?? c.fatalities_low[i]);
    ps.country[i] = at(c.country, i);
    ps.admin1[i] = at(c.admin1, i);
    const a1 = at(c.actor1, i);
    const a2 = at(c.actor2, i);
    ps.actors[i] = a1 && a2 ? [a1, a2] : a1 ? [a1] : a2 ? [a2] : [];
  }
  return ps;
}

/**
 * Indices of the events that pass the local filters. Matching follows the API
 * (src/store/sqlite/filters.ts): exact country and admin1, actor name prefix,
 * from/to inclusive, fatalities ≥ N on the low bound.
 */
export function filterPoints(ps: PointSet, f: Filters, opts: { ignoreDates?: boolean } = {}): Uint32Array {
  const from = opts.ignoreDates ? NaN : toDay(f.from || null);
  const to = opts.ignoreDates ? NaN : toDay(f.to || null);
  const type = f.event_type;
  const sub = f.sub_event_type;
  const actor = f.actor.trim().toLowerCase();
  const country = f.country.trim();
  const admin1 = f.admin1.trim();
  const minFat = f.min_fatalities === '' ? NaN : Number(f.min_fatalities);
  const out = new Uint32Array(ps.n);
  let k = 0;
  for (let i = 0; i < ps.n; i++) {
    const d = ps.day[i];
    if (!Number.isNaN(from) && !(d >= from)) continue;
    if (!Number.isNaN(to) && !(d <= to)) continue;
    if (type && ps.type[i] !== type) continue;
    if (sub && ps.sub[i] !== sub) continue;
    if (!Number.isNaN(minFat) && !(ps.fatLow[i] >= minFat)) continue;
    if (country && ps.country[i] !== country) continue;
    if (admin1 && ps.admin1[i] !== admin1) continue;
    if (actor && !ps.actors[i].some((a) => a.toLowerCase().startsWith(actor))) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
}

export interface Histogram {
  /** first bucket's day number */
  start: number;
  /** bucket width in days: 1 or 7 */
  width: number;
  counts: Uint32Array;
  undated: number;
}

/** Events per day (per week when the span exceeds ~6 months) over the given events. */
export function histogram(ps: PointSet, idx: Uint32Array): Histogram {
  let min = Infinity;
  let max = -Infinity;
  let undated = 0;
  for (const i of idx) {
    const d = ps.day[i];
    if (Number.isNaN(d)) { undated++; continue; }
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (min === Infinity) return { start: 0, width: 1, counts: new Uint32Array(0), undated };
  // pad a short range so that a single day still reads as a timeline
  if (max - min < 13) { const pad = Math.ceil((14 - (max - min)) / 2); min -= pad; max += pad; }
  const width = max - min > 183 ? 7 : 1;
  // weeks start on Monday (1970-01-01 was a Thursday)
  const start = width === 7 ? min - ((min + 3) % 7) : min;
  const counts = new Uint32Array(Math.floor((max - start) / width) + 1);
  for (const i of idx) {
    const d = ps.day[i];
    if (!Number.isNaN(d)) counts[Math.floor((d - start) / width)]++;
  }
  return { start, width, counts, undated };
}

/** Distinct values with counts, most frequent first: the typeahead lists. */
export function distinct(values: Iterable<string | null>): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}
