/**
 * Event lists: the count and the page of GET /api/events, each filter set
 * planned by which index answers it cheapest at a million events.
 */
import type { EventFilters, EventQuery } from '../types.ts';
import { Db } from './db.ts';
import { figureMatches, figureWalk, orderBy, searchCount, searchMatch, searchWalk, sideCount, where, type SearchMode, type Where } from './filters.ts';
import { COUNT_CAP } from '../rows.ts';

/** `SELECT 1 …` rows counted up to COUNT_CAP + 1 (COUNT_CAP + 1 means "more"). */
function capped(db: Db, select: Where): number {
  return db.get<{ n: number }>(`SELECT count(*) AS n FROM (${select.sql} LIMIT ${COUNT_CAP + 1})`, ...select.params)!.n;
}

/** Exact up to COUNT_CAP; COUNT_CAP + 1 means "more". */
function count(db: Db, f: EventFilters): number {
  const side = f.review ? null : sideCount(f);
  if (!side) {
    const w = where(f);
    return capped(db, { sql: `SELECT 1 FROM events e ${w.sql}`, params: w.params });
  }
  // the side index holds every review state: subtract the (few) rejected events among its matches
  let rejected = 0;
  if (db.get("SELECT 1 FROM events WHERE review_state = 'rejected' LIMIT 1")) {
    const r = where({ ...f, review: 'rejected' }, true, 'probe');
    rejected = db.get<{ n: number }>(`SELECT count(*) AS n FROM events e ${r.sql}`, ...r.params)!.n;
  }
  return db.get<{ n: number }>(`SELECT count(*) AS n FROM (${side.sql} LIMIT ?)`, ...side.params, COUNT_CAP + 1 + rejected)!.n - rejected;
}

/** The records (JSON text) of the given events, in the given order. */
function records(db: Db, rowids: number[]): string[] {
  if (rowids.length === 0) return [];
  const found = new Map(db.all<{ rowid: number; record: string }>(
    'SELECT rowid, record FROM event_records WHERE rowid IN (SELECT value FROM json_each(?))', JSON.stringify(rowids)).map((r) => [r.rowid, r.record]));
  return rowids.map((id) => found.get(id)!);
}

/** One actor and no other filter, by date: when the prefix names one actor, the page comes from the actor index alone. */
function actorPage(db: Db, q: EventQuery): number[] | null {
  const sort = q.sort ?? '-event_date';
  if (!q.actor || q.review || (sort !== 'event_date' && sort !== '-event_date') || !sideCount(q)) return null;
  // the first and last names of the prefix's range, one seek each (min() and max() together would read the whole range)
  const one = db.get<{ name: string | null }>(
    `SELECT CASE WHEN lo = hi THEN lo END AS name FROM (
       SELECT (SELECT name FROM event_actors WHERE name >= ? AND name < ? ORDER BY name LIMIT 1) AS lo,
              (SELECT name FROM event_actors WHERE name >= ? AND name < ? ORDER BY name DESC LIMIT 1) COLLATE NOCASE AS hi)`,
    q.actor, q.actor + '\uffff', q.actor, q.actor + '\uffff')!;
  if (one.name === null) return null;
  const dir = sort === 'event_date' ? 'ASC' : 'DESC';
  return db.all<{ event_rowid: number }>(
    `SELECT event_rowid FROM event_actors WHERE name = ? AND visible = 1 ORDER BY event_date ${dir}, event_rowid ${dir} LIMIT ? OFFSET ?`,
    one.name, q.limit, q.offset).map((r) => r.event_rowid);
}

/**
 * A page of the matching events: walking the sort order visits about
 * (offset + limit) / (share of events matching) events, gathering and
 * sorting every match visits `counted`; take the cheaper. `search`: how q
 * is tested, given the events a walk visits (null: gathering).
 */
function pageRowids(db: Db, q: EventQuery, counted: number, search: (walked: number | null) => SearchMode = () => 'in'): number[] {
  const events = db.get<{ n: number | null }>('SELECT max(rowid) AS n FROM events')!.n ?? 0;
  const walked = ((q.offset + q.limit) * events) / counted;
  const placed = placeWalk(q);
  // dates alone by date: the walk reads the range's index entries in order and stops at the page
  const walk = datesOnly(q) || walked * (placed ? PLACE_VISIT : 1) < counted;
  const page = where(q, walk, search(walk ? walked : null));
  const from = walk && placed ? 'events e INDEXED BY events_visible_date_place' : 'events e';
  return db
    .all<{ rowid: number }>(`SELECT e.rowid FROM ${from} ${page.sql} ${orderBy(q.sort, !walk)} LIMIT ? OFFSET ?`, ...page.params, q.limit, q.offset)
    .map((r) => r.rowid);
}

/**
 * A bbox walk by date visits index entries only (migration 009's date-place
 * index: date, rowid, point), read in order; gathering an event found in the
 * R*Tree reads its row, at random, to sort it. At 1M events a gathered event
 * cost about 300 walked entries (1° boxes around events: CPU p95 23–31 ms
 * at 1/20, 12.5–12.8 at 1/300, max 69–103 → 23–33).
 */
const PLACE_VISIT = 1 / 300;

/** A page by date whose filters are none of `others` but dates and `bbox`. */
function byDateWith(q: EventQuery, bbox: boolean): boolean {
  const others = [q.country, q.admin1, q.event_type, q.sub_event_type, q.actor, q.q, q.min_fatalities, q.review];
  return (q.bbox !== undefined) === bbox && others.every((x) => x === undefined) && (q.sort ?? '-event_date').endsWith('event_date');
}

/** A page by date of a bbox with dates at most: the date-place index answers it alone. */
function placeWalk(q: EventQuery): boolean {
  return byDateWith(q, true);
}

function datesOnly(q: EventQuery): boolean {
  return byDateWith(q, false) && (q.from !== undefined || q.to !== undefined);
}

/** A page read from the search index in date order. */
function searchPage(db: Db, q: EventQuery, match: string): number[] {
  const walk = searchWalk(q, match);
  const dir = q.sort === 'event_date' ? 'ASC' : 'DESC';
  return db.all<{ rowid: number }>(`SELECT e.rowid ${walk.sql} ORDER BY events_search.rowid ${dir} LIMIT ? OFFSET ?`, ...walk.params, q.limit, q.offset)
    .map((r) => r.rowid);
}

/** Matches past which reading a search's figures one by one beats gathering and sorting them all (measured at a million events). */
const FIGURES_FROM = 2000;
/** Rejected events past which figurePage leaves the page to the general path: it reads that many more matches per figure. */
const REJECTED_SKIPPED = 1000;
/**
 * Events of one figure from which its page (up to a fifth of FIGURE_WALKED)
 * is first looked for among its first FIGURE_WALKED events (a search-index
 * probe each, ~10 µs) rather than by sorting all its matches (~0.25 µs each):
 * a word common enough fills it there, and a rarer one has few matches to sort.
 */
const FIGURE_SORTED = 20_000;
const FIGURE_WALKED = 500;

/**
 * A search alone (see sideCount) sorted by fatalities: the index holds each
 * event's figure as a token (migration 010), so its matches are read one
 * figure at a time, in the sort's order (the events without a figure last
 * descending, first ascending, as SQLite orders NULLs), each figure's by
 * rowid, until the page is full. The figures come from the fatalities index,
 * one seek each. Null when a figure has no token (not a whole number ≥ 0) or
 * too many events are rejected.
 */
function figurePage(db: Db, q: EventQuery, match: string): number[] | null {
  const rejected = db.get<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE review_state = 'rejected' LIMIT ${REJECTED_SKIPPED + 1})`)!.n;
  if (rejected > REJECTED_SKIPPED) return null;
  const desc = q.sort === '-fatalities';
  const need = q.offset + q.limit;
  const rowids: number[] = [];
  const take = (figure: number | null) => {
    const token = figure === null ? 'xfn' : `xf${figure}`;
    if ((need - rowids.length) * 5 <= FIGURE_WALKED && db.get<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE fatalities_low IS ? AND review_state != 'rejected' LIMIT ${FIGURE_SORTED})`, figure)!.n >= FIGURE_SORTED) {
      const w = figureWalk(q, match, figure, desc, FIGURE_WALKED, need - rowids.length);
      const walked = db.all<{ r: number }>(w.sql, ...w.params);
      if (walked.length === need - rowids.length) {
        for (const { r } of walked) rowids.push(r);
        return;
      }
    }
    // the figure's first matches, rejected ones dropped: as many more as there are rejected events
    const m = figureMatches(q, match, token, desc, need - rowids.length + rejected);
    const found = rejected === 0 ? db.all<{ r: number }>(m.sql, ...m.params) : db.all<{ r: number }>(
      `SELECT m.r FROM (${m.sql}) m JOIN events e ON e.rowid = m.r WHERE e.review_state != 'rejected' ORDER BY m.r ${desc ? 'DESC' : 'ASC'}`, ...m.params);
    for (const { r } of found.slice(0, need - rowids.length)) rowids.push(r);
  };
  if (!desc) take(null);
  const next = desc
    ? "SELECT fatalities_low AS f FROM events WHERE fatalities_low < ? AND review_state != 'rejected' ORDER BY fatalities_low DESC LIMIT 1"
    : "SELECT fatalities_low AS f FROM events WHERE fatalities_low > ? AND review_state != 'rejected' ORDER BY fatalities_low ASC LIMIT 1";
  let figure = desc ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  while (rowids.length < need) {
    const row = db.get<{ f: number }>(next, figure);
    if (!row) break;
    figure = row.f;
    if (!Number.isInteger(figure) || figure < 0) return null;
    take(figure);
  }
  if (desc && rowids.length < need) take(null);
  return rowids.slice(q.offset);
}

/**
 * Rough CPU costs in µs, measured at a million events (bench:store's store):
 * one match visited while walking the index in date order (its event row
 * looked up at random), one match put in a gathered set, one event looked up
 * in the index.
 */
const VISIT = 8;
const GATHER = 0.8;
const PROBE = 12;
/** Matches counted at most to weigh the plans: past this, gathering them is the dearest plan anyway. */
const MATCHES_SEEN = 100_000;

/**
 * A search alone (q with dates, country, admin1, type or sub-type: all held
 * by the search index) by date is counted from the index and paged by
 * walking it in date order, and one matching more than FIGURES_FROM events
 * by fatalities is paged figure by figure (figurePage). Otherwise a word
 * matching at most COUNT_CAP events takes the general path (gathering its few matches is cheap); for a
 * commoner word, the count either looks each event the other filters leave
 * up in the index (when they leave few) or tests them against the gathered
 * matches, and a page by date walks the index when it fills soon enough.
 * Null for the general path.
 */
function searchPlan(db: Db, q: EventQuery, match: string): { counted: number; rowids: () => number[] } | null {
  const byDate = (q.sort ?? '-event_date').endsWith('event_date');
  const alone = !q.review && sideCount(q) !== null;
  // never dearer than gathering: a gather also looks up every match's event to sort it
  if (alone && byDate) return { counted: count(db, q), rowids: () => searchPage(db, q, match) };
  const few = searchCount(q, match, COUNT_CAP + 1);
  const seen = db.get<{ n: number }>(few.sql, ...few.params)!.n;
  if (alone && q.sort?.endsWith('fatalities') && seen > FIGURES_FROM) {
    const page = figurePage(db, q, match);
    if (page) return { counted: count(db, q), rowids: () => page };
  }
  if (seen <= COUNT_CAP) return null;
  const all = searchCount(q, match, MATCHES_SEEN);
  const matches = db.get<{ n: number }>(all.sql, ...all.params)!.n;
  const events = db.get<{ n: number | null }>('SELECT max(rowid) AS n FROM events')!.n ?? 0;
  const others = alone ? events : count(db, { ...q, q: undefined });
  // look `tested` events up one by one, or gather the matches once
  const mode = (tested: number): SearchMode => (tested * PROBE < matches * GATHER ? 'probe' : 'set');
  let counted: number;
  if (alone) counted = count(db, q);
  else {
    const w = where(q, false, mode(others));
    counted = capped(db, { sql: `SELECT 1 FROM events e ${w.sql}`, params: w.params });
  }
  // alone, every match counts (the few rejected aside); with filters, `counted` (capped) is what is known
  const hits = Math.max(alone ? matches : counted, 1);
  const walkIndex = byDate && ((q.offset + q.limit) * matches * VISIT) / hits < Math.min(others * PROBE, matches * GATHER);
  return { counted, rowids: () => (walkIndex ? searchPage(db, q, match) : pageRowids(db, q, hits, (walked) => mode(walked ?? others))) };
}

export function listEvents(db: Db, q: EventQuery): { total: number; total_exact: boolean; items: string[] } {
  const match = searchMatch(q);
  const common = match ? searchPlan(db, q, match) : null;
  const counted = common ? common.counted : count(db, q);
  const rowids = counted === 0 ? [] : common ? common.rowids() : actorPage(db, q) ?? pageRowids(db, q, counted);
  return { total: Math.min(counted, COUNT_CAP), total_exact: counted <= COUNT_CAP, items: records(db, rowids) };
}
