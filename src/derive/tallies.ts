/**
 * Casualty tallies with honest ranges. One event's figure is fused from all
 * the claims about it (never summed: two outlets giving 4 and 6 for one
 * strike mean "4 to 6", not 10); tallies then sum events per admin area,
 * actor, side and ISO week, keeping low, best and high apart and counting
 * the events that gave no figure instead of treating them as zero.
 */
import type { CountField, EventRecord } from '../events/types.ts';
import { fuseCounts, type CountClaim } from '../mentions/quantities/index.ts';

export { fuseCounts, type CountClaim, type FusedCount } from '../mentions/quantities/index.ts';

/** The claims of one event as separate reports (claim records from the store) give them. */
export function claimsOf(records: readonly EventRecord[]): CountClaim[] {
  return records
    .filter((r) => r.fatalities)
    .map((r) => ({ ...(r.fatalities as CountField), document_id: r.document_id, outlet: r.sources[0]?.outlet ?? null, claimed_by: r.sources[0]?.claimed_by ?? null }));
}

export type TallyKey = 'admin1' | 'country' | 'actor' | 'side' | 'week' | 'event_type';

export interface TallyRow {
  key: Partial<Record<TallyKey, string | null>>;
  events: number;
  low: number;
  best: number;
  /** null when an event in the group has an open-ended figure */
  high: number | null;
  /** events in the group whose text gave no fatality figure */
  no_figure: number;
  /** events whose claims disagree */
  disputed: number;
}

export interface TallyOptions {
  /** the claims behind an event; default: its own fatalities field */
  claims?: (e: EventRecord) => readonly (CountClaim | null)[];
}

/**
 * Sums fused fatalities per group. Each event counts once per group; with
 * `by: ['actor']` an event counts under each of its actors, so actor rows
 * overlap and are not to be added up.
 * @example tally(events, ['admin1', 'week']) // [{key: {admin1: 'Aleppo', week: '2016-W21'}, events: 3, low: 32, best: 33, high: null, no_figure: 1, disputed: 1}]
 */
export function tally(events: readonly EventRecord[], by: readonly TallyKey[], opts: TallyOptions = {}): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  const seen = new Set<string>();
  const weeks = new Map<string, string>();
  const week = (day: string) => weeks.get(day) ?? weeks.set(day, isoWeek(day)).get(day)!;
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const fused = fuseCounts(opts.claims ? opts.claims(e) : [e.fatalities]);
    for (const values of valuesOf(e, by, week)) {
      // the row id is built as a string first: key objects are made only for new rows
      const id = values.join('\u0001');
      let row = rows.get(id);
      if (!row) {
        const key: Key = {};
        by.forEach((k, i) => (key[k] = values[i]));
        rows.set(id, (row = { key, events: 0, low: 0, best: 0, high: 0, no_figure: 0, disputed: 0 }));
      }
      row.events += 1;
      if (!fused) {
        row.no_figure += 1;
        continue;
      }
      row.low += fused.low ?? 0;
      row.best += fused.best ?? fused.low ?? 0;
      row.high = row.high === null || fused.high === null ? null : row.high + fused.high;
      if (fused.disputed) row.disputed += 1;
    }
  }
  const sortKey = (r: TallyRow) => by.map((k) => r.key[k] ?? '\uffff').join('\u0001');
  return [...rows.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

type Key = Partial<Record<TallyKey, string | null>>;

/** The group values of an event, one list per group it falls in (several when grouped by actor). */
function valuesOf(e: EventRecord, by: readonly TallyKey[], week: (day: string) => string): (string | null)[][] {
  let out: (string | null)[][] = [[]];
  for (const k of by) {
    if (k === 'actor') {
      const actors = actorsOf(e);
      out = actors.length === 1 ? out.map((v) => [...v, actors[0]]) : out.flatMap((v) => actors.map((a) => [...v, a]));
    } else {
      const v = k === 'week' ? (e.event_date ? week(e.event_date) : null) : valueOf(e, k);
      for (const list of out) list.push(v);
    }
  }
  return out;
}

function valueOf(e: EventRecord, k: Exclude<TallyKey, 'actor' | 'week'>): string | null {
  switch (k) {
    case 'admin1':
      return e.location?.admin1 ?? null;
    case 'country':
      return e.location?.country ?? null;
    case 'side':
      return sideOf(e);
    case 'event_type':
      return e.event_type;
  }
}

function actorsOf(e: EventRecord): (string | null)[] {
  const names = [e.actor1?.name, e.actor2?.name].filter((n): n is string => !!n);
  return names.length ? [...new Set(names)] : [null];
}

/** ACLED inter code 7 and "Civilians (…)" name the civilian side; attacks targeting civilians count there too. */
export function sideOf(e: EventRecord): 'civilians' | 'combatants' {
  const civ = (a: EventRecord['actor2']) => !!a && (a.inter === 7 || a.name.startsWith('Civilians'));
  return e.civilian_targeting || civ(e.actor2) || civ(e.actor1) ? 'civilians' : 'combatants';
}

/**
 * ISO 8601 week of a day.
 * @example isoWeek('2016-05-27') // '2016-W21'
 */
export function isoWeek(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  // the ISO year and week are those of the week's Thursday
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
