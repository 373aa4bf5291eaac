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
 * `probe`: for large result sets, test each event for actor and bbox (and
 * membership of the q set) while SQLite walks the sort index, stopping at
 * the page, instead of fetching and sorting every member of the sets.
 */
export function where(f: EventFilters, probe = false): Where {
  const member = probe ? '+e.rowid' : 'e.rowid';
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
  if (f.q !== undefined) {
    const q = ftsQuery(f.q);
    if (q) add(`${member} IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`, q);
    else add('0');
  }
  if (f.review) add('e.review_state = ?', f.review);
  else add("e.review_state != 'rejected'");
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * When the only filter is one of actor, bbox or q: the count of matching
 * events of any review state, from that filter's own index alone (no event
 * row visited), stopping at `cap`. Null for other filter sets.
 */
export function sideCount(f: EventFilters): { sql: string; params: unknown[] } | null {
  const columns = f.from || f.to || f.country || f.admin1 || f.event_type || f.sub_event_type || f.min_fatalities !== undefined;
  const sides = [f.actor, f.bbox, f.q].filter((x) => x !== undefined);
  if (columns || sides.length !== 1) return null;
  // "+": distinct over the name range as found, not by walking the event index in order
  if (f.actor) return { sql: 'SELECT DISTINCT +event_rowid FROM event_actors WHERE name >= ? AND name < ?', params: [f.actor, f.actor + '\uffff'] };
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    const lon = w <= e ? 'min_lon >= ? AND max_lon <= ?' : '(min_lon >= ? OR max_lon <= ?)';
    return { sql: `SELECT rowid FROM events_rtree WHERE ${lon} AND min_lat >= ? AND max_lat <= ?`, params: [w, e, s, n] };
  }
  const q = ftsQuery(f.q!);
  return q ? { sql: 'SELECT rowid FROM events_fts WHERE events_fts MATCH ?', params: [q] } : null;
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
