/**
 * Spatial phrases around a toponym: "20 km northeast of Azaz" gives an offset
 * point (geo_precision 2), and the words right before or after a mention say
 * how it is used (the event's place, a flow's origin, a source's base).
 */
import type { Doc } from '../text/types.ts';
import type { Place } from '../mentions/types.ts';
import { loadCues } from './cues.ts';

export interface Offset {
  /** where the phrase starts ("20 km northeast of") */
  start: number;
  km: number;
  bearing: number;
  bearingWord: string;
}

const OFFSET = /(\d+(?:[.,]\d+)?)\s*-?\s*(km|kilomet(?:re|er)s?|miles?|mi|met(?:re|er)s|m)\b\s*(?:\([^)]{0,30}\)\s*)?\(?((?:north|south)(?:[- ]?(?:east|west))?|east|west)\)?\s+of\s+$/i;

/**
 * The "N km <bearing> of" phrase that ends right before `start`, if any.
 * @example offsetBefore('20 km northeast of Azaz', 19) // {start: 0, km: 20, bearing: 45, …}
 */
export function offsetBefore(text: string, start: number): Offset | null {
  const window = text.slice(Math.max(0, start - 90), start);
  const m = OFFSET.exec(window);
  if (!m) return null;
  const cues = loadCues();
  const unit = cues.offsetUnits[m[2].toLowerCase()] ?? cues.offsetUnits[m[2].toLowerCase().replace(/s$/, '')] ?? 1;
  const word = m[3].toLowerCase().replace(' ', '-');
  const bearing = cues.bearings[word] ?? cues.bearings[word.replace('-', '')];
  if (bearing === undefined) return null;
  return { start: start - window.length + m.index, km: Number(m[1].replace(',', '.')) * unit, bearing, bearingWord: word };
}

/** The point `km` away from (lat, lon) on an initial bearing in degrees. */
export function destination(lat: number, lon: number, km: number, bearing: number): { lat: number; lon: number } {
  const r = Math.PI / 180;
  const d = km / 6371;
  const φ1 = lat * r;
  const λ1 = lon * r;
  const θ = bearing * r;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: Math.round((φ2 / r) * 1e5) / 1e5, lon: Math.round((((λ2 / r + 540) % 360) - 180) * 1e5) / 1e5 };
}

/** An offset point from a place: coarser precision, no gazetteer id. */
export function offsetPlace(base: Place, o: Offset): Place {
  const p = destination(base.lat, base.lon, o.km, o.bearing);
  return { ...base, geonameid: null, name: `${o.km} km ${o.bearingWord} of ${base.name}`, lat: p.lat, lon: p.lon, featureCode: 'OFFSET', population: 0, geoPrecision: 2 };
}

/** Lower-case words of the sentence text right before `start` (nearest last). */
export function wordsBefore(doc: Doc, start: number, n: number): string[] {
  const words = doc.text.slice(Math.max(0, start - 60), start).toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  return words.slice(-n);
}

/** Lower-case words right after `end`. */
export function wordsAfter(doc: Doc, end: number, n: number): string[] {
  return (doc.text.slice(end, end + 60).toLowerCase().match(/[\p{L}-]+/gu) ?? []).slice(0, n);
}
