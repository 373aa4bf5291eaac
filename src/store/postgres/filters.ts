/**
 * Event filters → one WHERE clause with numbered parameters, meaning what
 * the SQLite engine's filters mean: case-insensitive equality, an actor-name
 * prefix, every word of `q`, a bounding box (PostGIS when present, the plain
 * lat/lon index otherwise). User input is only ever bound, never spliced.
 */
import type { EventFilters, SortKey } from '../types.ts';

export class Params {
  readonly values: unknown[] = [];
  /** `$n` for a new bound value */
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The words of `q` as one string for plainto_tsquery; null when it has none. Pass it through search_fold (migration 006), as the stored words were. */
export function searchWords(q: string): string | null {
  const terms = q.match(/[\p{L}\p{N}]+/gu);
  return terms ? terms.join(' ') : null;
}

function likePrefix(s: string): string {
  return s.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

export function where(f: EventFilters, p: Params, geometry: boolean): string {
  const clauses: string[] = [];
  const eq = (column: string, v: string) => clauses.push(`lower(e.${column}) = lower(${p.add(v)})`);
  if (f.from) clauses.push(`e.event_date >= ${p.add(f.from)}`);
  if (f.to) clauses.push(`e.event_date <= ${p.add(f.to)}`);
  if (f.country) eq('country', f.country);
  if (f.admin1) eq('admin1', f.admin1);
  if (f.event_type) eq('event_type', f.event_type);
  if (f.sub_event_type) eq('sub_event_type', f.sub_event_type);
  if (f.min_fatalities !== undefined) clauses.push(`e.fatalities_low >= ${p.add(f.min_fatalities)}`);
  if (f.actor) clauses.push(`e.id IN (SELECT event_id FROM event_actors WHERE lower(name) LIKE ${p.add(likePrefix(f.actor))})`);
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    if (geometry && w <= e) {
      clauses.push(`e.geom && ST_MakeEnvelope(${p.add(w)}, ${p.add(s)}, ${p.add(e)}, ${p.add(n)}, 4326)`);
    } else {
      // a box across the antimeridian (west > east) wraps: two ranges of longitude
      const lon = w <= e ? `e.lon BETWEEN ${p.add(w)} AND ${p.add(e)}` : `(e.lon >= ${p.add(w)} OR e.lon <= ${p.add(e)})`;
      clauses.push(`${lon} AND e.lat BETWEEN ${p.add(s)} AND ${p.add(n)}`);
    }
  }
  if (f.q !== undefined) {
    const words = searchWords(f.q);
    clauses.push(words ? `e.search @@ plainto_tsquery('simple', search_fold(${p.add(words)}))` : 'false');
  }
  clauses.push(f.review ? `e.review_state = ${p.add(f.review)}` : "e.review_state <> 'rejected'");
  return `WHERE ${clauses.join(' AND ')}`;
}

/** SQLite puts NULLs first when ascending and last when descending; so does this. */
const ORDER: Record<SortKey, string> = {
  event_date: 'e.event_date ASC NULLS FIRST, e.seq ASC',
  '-event_date': 'e.event_date DESC NULLS LAST, e.seq DESC',
  fatalities: 'e.fatalities_low ASC NULLS FIRST, e.seq ASC',
  '-fatalities': 'e.fatalities_low DESC NULLS LAST, e.seq DESC',
  confidence: 'e.confidence ASC, e.seq ASC',
  '-confidence': 'e.confidence DESC, e.seq DESC',
};

export function orderBy(sort: SortKey = '-event_date'): string {
  return `ORDER BY ${ORDER[sort]}`;
}
