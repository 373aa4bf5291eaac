/**
 * Who holds which place over time. Takeover / regain / transfer events start
 * a period for actor1 and close the open period of any other holder;
 * statements of control confirm a period or, when nothing explains them,
 * open one of their own beside the existing holder's: conflicting claims are
 * kept side by side and marked, never overwritten.
 */
import type { ControlRecord, EventRecord, EvidenceSource } from '../events/types.ts';
import { isTransfer, placeKey, type ControlPlace } from './control.ts';

export interface ControlPeriod extends ControlRecord {
  place_key: string;
  sources: EvidenceSource[];
  /** controllers whose claims overlap this period without a takeover between them */
  disputed_by: string[];
}

interface Item {
  day: string | null;
  kind: 'transfer' | 'observation' | 'prior';
  controller: string;
  place: ControlPlace;
  evidence: string[];
  sources: EvidenceSource[];
  confidence: number;
  document_id: string;
}

/**
 * Builds every place's control periods from events and per-document control records.
 * @example controlTimeline([takeMarea, retakeMarea], []) // two periods: the taker's, closed by the retaker's
 */
export function controlTimeline(events: readonly EventRecord[], records: readonly ControlRecord[]): ControlPeriod[] {
  const transferIds = new Set<string>();
  const byPlace = new Map<string, Item[]>();
  const add = (key: string, item: Item) => {
    const list = byPlace.get(key);
    if (list) list.push(item);
    else byPlace.set(key, [item]);
  };
  for (const e of events) {
    if (!isTransfer(e) || !e.actor1 || !e.location) continue;
    transferIds.add(e.id);
    const place: ControlPlace = { ...e.location, kind: e.location.geo_precision === 1 ? 'point' : 'area' };
    add(placeKey(place), {
      day: e.event_date ?? e.date.start,
      kind: 'transfer',
      controller: e.actor1.name,
      place,
      evidence: [e.id],
      sources: e.sources,
      confidence: e.confidence,
      document_id: e.document_id,
    });
  }
  for (const r of records) {
    const kind = r.since === null && r.until !== null ? 'prior' : r.evidence.some((id) => transferIds.has(id)) ? 'transfer' : 'observation';
    add(placeKey(r.place), {
      day: kind === 'prior' ? r.until : r.since,
      kind,
      controller: r.controller,
      place: r.place,
      evidence: r.evidence,
      sources: r.sources ?? [],
      confidence: r.confidence,
      document_id: r.document_id,
    });
  }
  const out: ControlPeriod[] = [];
  for (const [key, items] of byPlace) out.push(...periodsOf(key, items));
  return out;
}

const ORDER = { prior: 0, transfer: 1, observation: 2 } as const;

/** ISO days compare as strings; unknown days sort first. (localeCompare is needlessly slow here.) */
function compareDays(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function periodsOf(key: string, items: Item[]): ControlPeriod[] {
  items.sort((a, b) => compareDays(a.day, b.day) || ORDER[a.kind] - ORDER[b.kind]);
  const periods: ControlPeriod[] = [];
  const open = () => periods.filter((p) => p.until === null);
  for (const it of items) {
    const mine = periods.find((p) => p.controller === it.controller && covers(p, it.day));
    if (it.kind === 'prior') {
      if (mine) {
        absorb(mine, it);
        if (mine.until === null) mine.until = it.day;
      } else periods.push(period(key, it, null, it.day));
      continue;
    }
    if (it.kind === 'transfer') {
      for (const p of open()) if (p.controller !== it.controller && (p.since ?? '') <= (it.day ?? '')) p.until = it.day;
      if (mine && mine.until === null) absorb(mine, it);
      else periods.push(period(key, it, it.day, null));
      continue;
    }
    if (mine) {
      absorb(mine, it);
      continue;
    }
    const rivals = periods.filter((p) => p.controller !== it.controller && covers(p, it.day));
    const fresh = period(key, it, it.day, null);
    for (const r of rivals) {
      addOnce(r.disputed_by, it.controller);
      addOnce(fresh.disputed_by, r.controller);
    }
    periods.push(fresh);
  }
  return periods;
}

/** Whether a claim on `day` falls in the period, its last day included (the day of a handover belongs to both holders). */
function covers(p: ControlPeriod, day: string | null): boolean {
  if (day === null) return p.until === null;
  return (p.since === null || p.since <= day) && (p.until === null || day <= p.until);
}

function period(key: string, it: Item, since: string | null, until: string | null): ControlPeriod {
  return {
    record: 'control',
    id: `${key}:${it.controller}:${since ?? 'before'}`,
    document_id: it.document_id,
    place: it.place,
    controller: it.controller,
    since,
    until,
    evidence: [...it.evidence],
    confidence: it.confidence,
    place_key: key,
    sources: [...it.sources],
    disputed_by: [],
  };
}

/** Independent confirmations raise confidence (noisy-or), capped below certainty. */
function absorb(p: ControlPeriod, it: Item): void {
  const newSource = it.sources.some((s) => !p.sources.some((q) => q.document_id === s.document_id && q.start === s.start));
  for (const id of it.evidence) addOnce(p.evidence, id);
  for (const s of it.sources) if (!p.sources.some((q) => q.document_id === s.document_id && q.start === s.start)) p.sources.push(s);
  if (newSource) p.confidence = Math.round(Math.min(0.95, 1 - (1 - p.confidence) * (1 - it.confidence)) * 1000) / 1000;
  if (it.place.kind === 'road' || (p.place.geo_precision > it.place.geo_precision && p.place.kind !== 'road')) p.place = it.place;
}

function addOnce<T>(list: T[], x: T): void {
  if (!list.includes(x)) list.push(x);
}

/**
 * Periods in force on a day (the latest picture, periods not yet ended, when `day` is null),
 * optionally inside a bbox [west, south, east, north].
 * @example controlAt(periods, '2016-05-28', [36, 35, 38, 37])
 */
export function controlAt(periods: readonly ControlPeriod[], day: string | null, bbox: readonly number[] | null = null): ControlPeriod[] {
  const inForce = (p: ControlPeriod) => (day === null ? p.until === null : (p.since === null || p.since <= day) && (p.until === null || day < p.until));
  return periods.filter((p) => inForce(p) && inBbox(p.place, bbox));
}

function inBbox(place: ControlPlace, bbox: readonly number[] | null): boolean {
  if (!bbox) return true;
  const [w, s, e, n] = bbox;
  const pts = [place, place.to ?? null].filter((l) => l && l.lat !== null && l.lon !== null) as { lat: number; lon: number }[];
  return pts.some((l) => l.lon >= w && l.lon <= e && l.lat >= s && l.lat <= n);
}

/** The names a place can be looked up by: its key, GeoNames ids, names and texts of either end. */
export function placeNames(p: ControlPeriod): string[] {
  const names = new Set<string>([p.place_key]);
  for (const l of [p.place, p.place.to ?? null]) {
    if (!l) continue;
    if (l.geonameid !== null) names.add(String(l.geonameid));
    names.add((l.name ?? l.text).toLowerCase());
    names.add(l.text.toLowerCase());
  }
  return [...names];
}

/** An index from every name of a place to its periods, oldest first, for repeated history look-ups. */
export function historyIndex(periods: readonly ControlPeriod[]): Map<string, ControlPeriod[]> {
  const index = new Map<string, ControlPeriod[]>();
  for (const p of periods) {
    for (const name of placeNames(p)) {
      const list = index.get(name);
      if (list) list.push(p);
      else index.set(name, [p]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => compareDays(a.since, b.since));
  return index;
}

/**
 * The periods of one place, oldest first. `place` is a place key ("place:167245", "road:164996~167245"),
 * a GeoNames id, or a name (matching either end of a road). Pass a historyIndex for repeated look-ups.
 * @example controlHistory(periods, 'Azaz') // every period of Azaz and of roads ending there
 */
export function controlHistory(periods: readonly ControlPeriod[] | Map<string, ControlPeriod[]>, place: string): ControlPeriod[] {
  const index = periods instanceof Map ? periods : historyIndex(periods);
  return index.get(place) ?? index.get(place.toLowerCase()) ?? [];
}

/** GeoJSON for a map layer: a road segment is a LineString between its ends, anything else a Point. */
export function controlGeoJSON(periods: readonly ControlPeriod[]): { type: 'FeatureCollection'; features: object[] } {
  const features: object[] = [];
  for (const p of periods) {
    const a = p.place;
    if (a.lat === null || a.lon === null) continue;
    const b = a.kind === 'road' ? a.to : null;
    const geometry =
      b && b.lat !== null && b.lon !== null ? { type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] } : { type: 'Point', coordinates: [a.lon, a.lat] };
    features.push({
      type: 'Feature',
      id: p.id,
      geometry,
      // lean properties for the map; the full period (sources, sentences) is in the place's history
      properties: {
        id: p.id, place_key: p.place_key, place: a.name ?? a.text, to: b ? (b.name ?? b.text) : null, kind: a.kind, controller: p.controller,
        since: p.since, until: p.until, confidence: p.confidence, evidence: p.evidence.length, sources: p.sources.length, disputed_by: p.disputed_by,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
