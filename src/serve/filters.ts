/** Query string → store filters; the ranges JSON Schema cannot express are checked here. */
import type { EventFilters, ReviewState } from '../store/index.ts';
import { ApiError } from './errors.ts';

export interface FilterQuery {
  from?: string;
  to?: string;
  bbox?: string;
  country?: string;
  admin1?: string;
  actor?: string;
  event_type?: string;
  sub_event_type?: string;
  min_fatalities?: number;
  q?: string;
  review?: ReviewState;
}

function validDay(d: string): boolean {
  const t = Date.parse(d + 'T00:00:00Z');
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** @example toFilters({bbox: '36,35,38,37'}).bbox // [36, 35, 38, 37] */
export function toFilters(q: FilterQuery): EventFilters {
  const { bbox, ...rest } = q;
  for (const key of ['from', 'to'] as const) {
    if (q[key] && !validDay(q[key]!)) throw new ApiError(400, 'bad_filter', `querystring/${key} is not a calendar date: ${q[key]}`);
  }
  if (q.from && q.to && q.from > q.to) throw new ApiError(400, 'bad_filter', `querystring/from (${q.from}) is after to (${q.to})`);
  const out: EventFilters = { ...rest };
  if (bbox !== undefined) {
    const [w, s, e, n] = bbox.split(',').map(Number);
    if ([w, e].some((x) => x < -180 || x > 180) || [s, n].some((y) => y < -90 || y > 90) || s > n) {
      throw new ApiError(400, 'bad_filter', 'querystring/bbox must be west,south,east,north with longitudes in [-180, 180], latitudes in [-90, 90] and south <= north');
    }
    out.bbox = [w, s, e, n];
  }
  return out;
}
