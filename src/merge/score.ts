/**
 * Should a newly reported event join a stored one? Named features, one
 * weighted score, one threshold: every decision can be shown and argued with.
 */
import type { EventRecord, CountField } from '../events/types.ts';
import { distanceKm } from '../geo/index.ts';

export interface MergeFeatures {
  /** overlap of the actor names, 0..1; null when either side names none */
  actor: number | null;
  /** distance between the two locations; null when either has no coordinates */
  location_km: number | null;
  /** true when either location is only a region or country (geo_precision 3): a short distance then proves little */
  coarse_location: boolean;
  /** days between the two date ranges, 0 when they overlap; null when a date is unknown */
  date_gap_days: number | null;
  /** true when either date range is longer than a week ("in 2007", "earlier this month"): overlapping proves little */
  coarse_date: boolean;
  /** 1 when the fatality intervals overlap, lower the further apart; null when either gives none */
  fatalities: number | null;
  /** word overlap of the reporting sentences, 0..1 */
  text_similarity: number;
  /** 1 same sub-event type, 0.6 same event type, 0 otherwise */
  type: number;
}

/** Blocking: only events this close in time and space are compared at all. */
export const BLOCK_DAYS = 3;
export const BLOCK_KM = 100;
/** a date range longer than this many days is coarse */
const COARSE_DAYS = 7;

/** A pair scoring at least this is one event. */
export const MERGE_THRESHOLD = 0.65;

const WEIGHTS = { actor: 0.25, location: 0.2, date: 0.25, fatalities: 0.1, text: 0.1, type: 0.1 };
/** what an unknown feature contributes: neither evidence for nor against */
const UNKNOWN = 0.5;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
}

/** First and last day an event may have happened on, or null. */
export function dateRange(r: EventRecord): [string, string] | null {
  const start = r.date?.start ?? r.event_date;
  const end = r.date?.end ?? r.event_date;
  return start && end ? [start.slice(0, 10), end.slice(0, 10)] : null;
}

function actorNames(r: EventRecord): Set<string> {
  const names = [r.actor1?.name, r.actor2?.name, ...r.assoc_actors.map((a) => a.name)];
  return new Set(names.filter((n): n is string => !!n));
}

const STOP = new Set('the a an and or of in on at to by for from with was were is are has have had said says that this it its as after near into their they he she'.split(' '));
export function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*|\p{N}+/gu) ?? []).filter((w) => !STOP.has(w)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

function fatalityCompatibility(a: CountField | null, b: CountField | null): number | null {
  if (!a || !b || a.low === null || b.low === null) return null;
  const aHigh = a.high ?? Infinity;
  const bHigh = b.high ?? Infinity;
  if (a.low <= bHigh && b.low <= aHigh) return 1;
  const lo = Math.min(aHigh, bHigh);
  const hi = Math.max(a.low, b.low);
  return hi === 0 ? 1 : lo / hi;
}

/** Named features comparing a newly reported event with a stored one. */
export function mergeFeatures(incoming: EventRecord, stored: EventRecord): MergeFeatures {
  const a = actorNames(incoming);
  const b = actorNames(stored);
  let shared = 0;
  for (const n of a) if (b.has(n)) shared++;
  const la = incoming.location;
  const lb = stored.location;
  const ra = dateRange(incoming);
  const rb = dateRange(stored);
  let gap: number | null = null;
  if (ra && rb) gap = Math.max(0, dayNumber(ra[0]) - dayNumber(rb[1]), dayNumber(rb[0]) - dayNumber(ra[1]));
  const wide = (r: [string, string] | null) => r !== null && dayNumber(r[1]) - dayNumber(r[0]) >= COARSE_DAYS;
  // the closest pair of reporting sentences: the same either way round, so a pair scores alike whichever arrives first
  const sentencesB = stored.sources.map((s) => words(s.sentence));
  let text = 0;
  for (const a of incoming.sources) {
    const wa = words(a.sentence);
    for (const wb of sentencesB) text = Math.max(text, jaccard(wa, wb));
  }
  return {
    actor: a.size && b.size ? shared / Math.min(a.size, b.size) : null,
    location_km: la?.lat != null && la.lon != null && lb?.lat != null && lb.lon != null
      ? Math.round(distanceKm(la.lat, la.lon, lb.lat, lb.lon) * 10) / 10 : null,
    coarse_location: la?.geo_precision === 3 || lb?.geo_precision === 3,
    date_gap_days: gap,
    coarse_date: wide(ra) || wide(rb),
    fatalities: fatalityCompatibility(incoming.fatalities, stored.fatalities),
    text_similarity: Math.round(text * 1000) / 1000,
    type: incoming.sub_event_type === stored.sub_event_type ? 1 : incoming.event_type === stored.event_type ? 0.6 : 0,
  };
}

/** Weighted sum of the features, 0..1. */
export function mergeScore(f: MergeFeatures): number {
  const close = f.location_km === null ? UNKNOWN : Math.max(0, Math.min(1, 1 - (f.location_km - 10) / 50));
  const location = f.coarse_location ? Math.min(close, UNKNOWN) : close;
  const near = f.date_gap_days === null ? UNKNOWN : Math.max(0, 1 - f.date_gap_days / 4);
  // a gap still counts against a coarse date; an overlap says no more than an unknown date
  const date = f.coarse_date ? Math.min(near, UNKNOWN) : near;
  const s = WEIGHTS.actor * (f.actor ?? UNKNOWN) + WEIGHTS.location * location + WEIGHTS.date * date
    + WEIGHTS.fatalities * (f.fatalities ?? UNKNOWN) + WEIGHTS.text * f.text_similarity + WEIGHTS.type * f.type;
  return Math.round(s * 1000) / 1000;
}
