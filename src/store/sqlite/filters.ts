/**
 * Event filters → one SQL WHERE clause with bound parameters. User input is
 * only ever bound, never spliced; FTS queries are quoted term by term.
 */
import type { EventFilters, SortKey } from '../types.ts';

export interface Where {
  sql: string;
  params: unknown[];
}

/** An FTS5 query matching every word of `q`, whatever punctuation it holds; null when it has no words. */
export function ftsQuery(q: string): string | null {
  const terms = q.match(/[\p{L}\p{N}]+/gu);
  return terms ? terms.map((t) => `"${t}"`).join(' ') : null;
}

/**
 * A filter value as its token in the search index (migration 007's
 * event_facets): the hex of its UTF-8 with ASCII lowercased, as SQLite's
 * hex(lower(v)); equal tokens are NOCASE-equal values.
 */
function facet(prefix: string, v: string): string {
  return `"${prefix}${Buffer.from(v.replace(/[A-Z]/g, (c) => c.toLowerCase()), 'utf8').toString('hex')}"`;
}

/**
 * The FTS5 query for f's q together with its country, admin1, type and
 * sub-type, which the index holds as tokens: one intersection of its lists.
 * Null when q is absent or has no words.
 */
export function searchMatch(f: EventFilters): string | null {
  const q = f.q === undefined ? null : ftsQuery(f.q);
  if (!q) return null;
  const facets: [string, string | undefined][] = [['xc', f.country], ['xa', f.admin1], ['xt', f.event_type], ['xs', f.sub_event_type]];
  return [q, ...facets.filter(([, v]) => v).map(([prefix, v]) => facet(prefix, v!))].join(' ');
}

/**
 * The search index's key is day × 2^32 + event rowid (migration 007): its
 * order is the list's date order, and the low 32 bits give the event back.
 */
const KEY_DAY = 4294967296;
export const EVENT_OF_KEY = `events_search.rowid & ${KEY_DAY - 1}`;

/** The keys of f's date range, as constraints FTS5 seeks on. */
function keyRange(f: EventFilters): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.from) {
    clauses.push(`events_search.rowid >= CAST(julianday(?) AS INTEGER) * ${KEY_DAY}`);
    params.push(f.from);
  } else if (f.to) clauses.push(`events_search.rowid >= ${KEY_DAY}`); // undated events (day 0) are before any date
  if (f.to) {
    clauses.push(`events_search.rowid < (CAST(julianday(?) AS INTEGER) + 1) * ${KEY_DAY}`);
    params.push(f.to);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/**
 * How the q clause is tested: `in` may drive the query from the matches
 * (cheap for a rare word), `set` gathers the matches once and tests each
 * event against them, `probe` looks each event up in the index (dear per
 * event, for a few), `joined` leaves it to a FROM that walks the index (see
 * searchWalk).
 */
export type SearchMode = 'in' | 'set' | 'probe' | 'joined';

/**
 * `probe`: for large result sets, test each event for actor and bbox (and
 * membership of the q set) while SQLite walks the sort index, stopping at
 * the page, instead of fetching and sorting every member of the sets.
 */
export function where(f: EventFilters, probe = false, search: SearchMode = 'in'): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    clauses.push(sql);
    params.push(...p);
  };
  if (f.from) add('e.event_date >= ?', f.from);
  if (f.to) add('e.event_date <= ?', f.to);
  if (f.country) add('e.country = ?', f.country);
  if (f.admin1) add('e.admin1 = ?', f.admin1);
  if (f.event_type) add('e.event_type = ?', f.event_type);
  if (f.sub_event_type) add('e.sub_event_type = ?', f.sub_event_type);
  if (f.min_fatalities !== undefined) add('e.fatalities_low >= ?', f.min_fatalities);
  // a prefix, so "Islamic State" finds "Islamic State (Syria)"; NOCASE keeps it on the index
  if (f.actor) {
    add(probe ? 'EXISTS (SELECT 1 FROM event_actors a WHERE a.event_rowid = e.rowid AND a.name >= ? AND a.name < ?)'
      : 'e.rowid IN (SELECT event_rowid FROM event_actors WHERE name >= ? AND name < ?)', f.actor, f.actor + '\uffff');
  }
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    if (probe) add(`${w <= e ? 'e.lon >= ? AND e.lon <= ?' : '(e.lon >= ? OR e.lon <= ?)'} AND e.lat >= ? AND e.lat <= ?`, w, e, s, n);
    else {
      const lon = w <= e ? 'min_lon >= ? AND max_lon <= ?' : '(min_lon >= ? OR max_lon <= ?)';
      add(`e.rowid IN (SELECT rowid FROM events_rtree WHERE ${lon} AND min_lat >= ? AND max_lat <= ?)`, w, e, s, n);
    }
  }
  if (f.q !== undefined && search !== 'joined') {
    const q = searchMatch(f);
    const range = keyRange(f);
    if (!q) add('0');
    else if (search === 'probe') {
      add('EXISTS (SELECT 1 FROM event_search_keys k JOIN events_search ON events_search.rowid = k.key WHERE k.event_rowid = e.rowid AND events_search MATCH ?)', q);
    } else add(`${probe || search === 'set' ? '+e.rowid' : 'e.rowid'} IN (SELECT ${EVENT_OF_KEY} FROM events_search WHERE events_search MATCH ?${range.sql})`, q, ...range.params);
  }
  if (f.review) add('e.review_state = ?', f.review);
  else add("e.review_state != 'rejected'");
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * FROM and WHERE that walk the events matching `f.q` in the search index's
 * order (`ORDER BY events_search.rowid`, i.e. by date), testing each for the
 * other filters: a page of a common word's matches stops after the page.
 */
export function searchWalk(f: EventFilters, match: string): Where {
  const range = keyRange(f);
  const rest = where(f, true, 'joined');
  return {
    sql: `FROM events_search CROSS JOIN events e ON e.rowid = ${EVENT_OF_KEY} WHERE events_search MATCH ?${range.sql} AND ${rest.sql.slice('WHERE '.length)}`,
    params: [match, ...range.params, ...rest.params],
  };
}

/** The events matching `match` in f's date range, of any review state, up to `cap`. */
export function searchCount(f: EventFilters, match: string, cap: number): Where {
  const range = keyRange(f);
  return { sql: `SELECT count(*) AS n FROM (SELECT 1 FROM events_search WHERE events_search MATCH ?${range.sql} LIMIT ?)`, params: [match, ...range.params, cap] };
}

/**
 * The first `n` events, of any review state, matching `match` in f's date
 * range whose fatalities token (migration 010) is `token`, by rowid
 * (descending when `desc`): a bounded sort of that figure's matches, read
 * from the index alone.
 */
export function figureMatches(f: EventFilters, match: string, token: string, desc: boolean, n: number): Where {
  const range = keyRange(f);
  return {
    sql: `SELECT ${EVENT_OF_KEY} AS r FROM events_search WHERE events_search MATCH ?${range.sql} ORDER BY r ${desc ? 'DESC' : 'ASC'} LIMIT ?`,
    params: [`${match} "${token}"`, ...range.params, n],
  };
}

/**
 * The first `n` visible events matching `match` in f's date range among the
 * first `walked` visible events whose fatalities_low is `figure` (null: none),
 * by rowid: the fatalities index walked in order, each event looked up in the
 * search index.
 */
export function figureWalk(f: EventFilters, match: string, figure: number | null, desc: boolean, walked: number, n: number): Where {
  const range = keyRange(f);
  const dir = desc ? 'DESC' : 'ASC';
  return {
    sql: `SELECT w.rowid AS r FROM (SELECT rowid FROM events WHERE fatalities_low IS ? AND review_state != 'rejected' ORDER BY rowid ${dir} LIMIT ?) w
      WHERE EXISTS (SELECT 1 FROM event_search_keys k JOIN events_search ON events_search.rowid = k.key WHERE k.event_rowid = w.rowid AND events_search MATCH ?${range.sql})
      ORDER BY w.rowid ${dir} LIMIT ?`,
    params: [figure, walked, match, ...range.params, n],
  };
}

/**
 * When the only filter is one of actor, bbox or q: the count of matching
 * events of any review state, from that filter's own index alone (no event
 * row visited), stopping at `cap`. Null for other filter sets. A q may come
 * with dates, country, admin1, type and sub-type (see searchMatch).
 */
export function sideCount(f: EventFilters): { sql: string; params: unknown[] } | null {
  const sides = [f.actor, f.bbox, f.q].filter((x) => x !== undefined);
  if (sides.length !== 1 || f.min_fatalities !== undefined) return null;
  // q's index also holds the dates (its keys) and these columns (its tokens)
  if (f.q === undefined && (f.from || f.to || f.country || f.admin1 || f.event_type || f.sub_event_type)) return null;
  // "+": distinct over the name range as found, not by walking the event index in order
  if (f.actor) return { sql: 'SELECT DISTINCT +event_rowid FROM event_actors WHERE name >= ? AND name < ?', params: [f.actor, f.actor + '\uffff'] };
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    const lon = w <= e ? 'min_lon >= ? AND max_lon <= ?' : '(min_lon >= ? OR max_lon <= ?)';
    return { sql: `SELECT rowid FROM events_rtree WHERE ${lon} AND min_lat >= ? AND max_lat <= ?`, params: [w, e, s, n] };
  }
  const q = searchMatch(f);
  if (!q) return null;
  const range = keyRange(f);
  return { sql: `SELECT rowid FROM events_search WHERE events_search MATCH ?${range.sql}`, params: [q, ...range.params] };
}

const ORDER: Record<SortKey, string> = {
  event_date: 'e.event_date ASC, e.rowid ASC',
  '-event_date': 'e.event_date DESC, e.rowid DESC',
  fatalities: 'e.fatalities_low ASC, e.rowid ASC',
  '-fatalities': 'e.fatalities_low DESC, e.rowid DESC',
  confidence: 'e.confidence ASC, e.rowid ASC',
  '-confidence': 'e.confidence DESC, e.rowid DESC',
};

/** `sorted`: the page is sorted after gathering every match, so the sort column's index must not drive the query. */
export function orderBy(sort: SortKey = '-event_date', sorted = false): string {
  return `ORDER BY ${sorted ? '+' : ''}${ORDER[sort]}`;
}
