/** The read paths: event lists, one event with its claims, documents, aggregates. */
import { disagreements } from '../../merge/index.ts';
import type { ControlRecord, DisplacementRecord, EventRecord } from '../../events/types.ts';
import type {
  AggregateBy, AggregateRow, DocumentHit, DocumentQuery, DocumentView, EventPoint, EventDetail, EventFilters, EventQuery, MergeView, SortKey, SpanKind, StoredEvent,
} from '../types.ts';
import { Db } from './db.ts';
import { claimsOf } from './events.ts';
import { figureMatches, figureWalk, ftsQuery, orderBy, searchCount, searchMatch, searchWalk, sideCount, where, type SearchMode, type Where } from './filters.ts';
import { claimView, COUNT_CAP, documentHit, shiftDay } from '../rows.ts';

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
  const walk = walked * (placed ? PLACE_VISIT : 1) < counted;
  const page = where(q, walk, search(walk ? walked : null));
  const from = walk && placed ? 'events e INDEXED BY events_visible_date_place' : 'events e';
  return db
    .all<{ rowid: number }>(`SELECT e.rowid FROM ${from} ${page.sql} ${orderBy(q.sort, !walk)} LIMIT ? OFFSET ?`, ...page.params, q.limit, q.offset)
    .map((r) => r.rowid);
}

/**
 * A bbox walk by date visits index entries only (migration 009's date-place
 * index: date, rowid, point), about a twentieth of the cost of gathering an
 * event found in the R*Tree (its row read to sort it).
 */
const PLACE_VISIT = 1 / 20;

/** A page by date of a bbox with dates at most: the date-place index answers it alone. */
function placeWalk(q: EventQuery): boolean {
  const others = [q.country, q.admin1, q.event_type, q.sub_event_type, q.actor, q.q, q.min_fatalities, q.review];
  return !!q.bbox && others.every((x) => x === undefined) && (q.sort ?? '-event_date').endsWith('event_date');
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
 * walking it in date order. Otherwise a word matching at most COUNT_CAP
 * events takes the general path (gathering its few matches is cheap); for a
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

/** Pages through matching events by keyset, so a long export never holds the connection. */
export function* eachEvent(db: Db, filters: EventFilters, sort: SortKey = 'event_date'): Generator<StoredEvent[]> {
  const w = where(filters);
  const desc = sort.startsWith('-');
  const key = sort.replace('-', '') === 'event_date' ? "coalesce(e.event_date, '')" : sort.replace('-', '') === 'fatalities' ? 'coalesce(e.fatalities_low, -1)' : 'e.confidence';
  const cmp = desc ? '<' : '>';
  let last: [unknown, number] | null = null;
  for (;;) {
    const after = last ? `${w.sql ? 'AND' : 'WHERE'} (${key}, e.rowid) ${cmp} (?, ?)` : '';
    const rows: { k: unknown; rowid: number; record: string }[] = db.all(
      `SELECT ${key} AS k, e.rowid AS rowid, r.record FROM events e JOIN event_records r ON r.rowid = e.rowid ${w.sql} ${after} ORDER BY ${key} ${desc ? 'DESC' : 'ASC'}, e.rowid ${desc ? 'DESC' : 'ASC'} LIMIT 1000`,
      ...w.params, ...(last ?? []),
    );
    if (rows.length === 0) return;
    yield rows.map((r) => JSON.parse(r.record) as StoredEvent);
    const end: { k: unknown; rowid: number } = rows[rows.length - 1];
    last = [end.k, end.rowid];
  }
}

export function getEvent(db: Db, id: string): EventDetail | null {
  const row = db.get<{ record: string }>('SELECT r.record FROM events e JOIN event_records r ON r.rowid = e.rowid WHERE e.id = ?', id);
  if (!row) return null;
  const claims = claimsOf(db, id);
  return { ...(JSON.parse(row.record) as StoredEvent), claims: claims.map(claimView), disagreements: disagreements(claims) };
}

export function getMerges(db: Db, id: string): MergeView[] | null {
  if (!db.get('SELECT 1 FROM events WHERE id = ?', id)) return null;
  return db
    .all<{ merged_at: string; claim_ids: string; document_ids: string; features: string; score: number; split_at: string | null }>(
      'SELECT merged_at, claim_ids, document_ids, features, score, split_at FROM merges WHERE event_id = ? ORDER BY id', id)
    .map((m) => ({ ...m, claim_ids: JSON.parse(m.claim_ids), document_ids: JSON.parse(m.document_ids), features: JSON.parse(m.features) }));
}

export function getDocument(db: Db, id: string): DocumentView | null {
  const d = db.get<Omit<DocumentView, 'spans' | 'copies'>>('SELECT id, title, source, url, published, language, text FROM documents WHERE id = ?', id);
  if (!d) return null;
  const copies = db.all<{ url: string | null; source: string | null; similarity: number }>('SELECT url, source, similarity FROM document_copies WHERE document_id = ?', id);
  const claims = db.all<{ event_id: string; record: string }>(
    'SELECT ec.event_id, c.record FROM claims c JOIN event_claims ec ON ec.claim_id = c.id WHERE c.document_id = ?', id);
  const evidence = claims.flatMap((c) => (JSON.parse(c.record) as EventRecord).sources
    .filter((s) => s.document_id === id).map((s) => ({ event: c.event_id, start: s.start, end: s.end })));
  const spans = db
    .all<{ kind: SpanKind; start: number; end: number; label: string | null }>('SELECT kind, start, "end", label FROM spans WHERE document_id = ? ORDER BY start, "end"', id)
    .map((s) => ({
      ...s,
      text: d.text.slice(s.start, s.end),
      event_ids: [...new Set(evidence.filter((e) => e.start <= s.start && s.end <= e.end).map((e) => e.event))],
    }));
  return { ...d, copies, spans };
}

export function listRecords(db: Db, kind: 'displacement' | 'control'): (DisplacementRecord | ControlRecord)[] {
  const eventOf = (claimId: string | null) =>
    claimId ? db.get<{ event_id: string }>('SELECT event_id FROM event_claims WHERE claim_id = ?', claimId)?.event_id ?? null : null;
  return db.all<{ record: string }>('SELECT record FROM records WHERE kind = ? ORDER BY rowid', kind).map((row) => {
    const r = JSON.parse(row.record) as DisplacementRecord | ControlRecord;
    if (r.record === 'displacement') return { ...r, cause_event_id: eventOf(r.cause_event_id) };
    return { ...r, evidence: [...new Set(r.evidence.map(eventOf).filter((e): e is string => e !== null))] };
  });
}

export function points(db: Db, filters: EventFilters): EventPoint[] {
  const w = where(filters);
  return db.all<EventPoint>(
    `SELECT e.id, e.lon, e.lat, e.event_date, e.event_type, e.sub_event_type, e.country, e.admin1, e.actor1, e.actor2, e.fatalities_low, e.fatalities_best
     FROM events e ${w.sql ? `${w.sql} AND` : 'WHERE'} e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY e.rowid`, ...w.params);
}

const GROUP: Record<AggregateBy, string> = {
  day: 'e.event_date',
  week: "strftime('%G-W%V', e.event_date)",
  admin1: 'e.admin1',
  event_type: 'e.event_type',
  actor: 'a.name',
};

export function aggregate(db: Db, by: AggregateBy, filters: EventFilters): AggregateRow[] {
  const w = where(filters);
  const join = by === 'actor' ? 'JOIN event_actors a ON a.event_rowid = e.rowid' : '';
  const order = by === 'day' || by === 'week' ? 'key' : 'events DESC, key';
  return db.all<AggregateRow>(
    `SELECT ${GROUP[by]} AS key, count(*) AS events,
       coalesce(sum(e.fatalities_low), 0) AS fatalities_low,
       coalesce(sum(coalesce(e.fatalities_best, e.fatalities_low)), 0) AS fatalities_best,
       CASE WHEN sum(e.has_fatalities AND e.fatalities_high IS NULL) > 0 THEN NULL ELSE coalesce(sum(e.fatalities_high), 0) END AS fatalities_high,
       sum(NOT e.has_fatalities) AS no_figure
     FROM events e ${join} ${w.sql} GROUP BY key ORDER BY ${order} LIMIT 5000`,
    ...w.params,
  );
}

/** Documents by words and publication day, newest first; see Store.searchDocuments. */
export function searchDocuments(db: Db, q: DocumentQuery): { total: number; total_exact: boolean; items: DocumentHit[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.q !== undefined) {
    const match = ftsQuery(q.q);
    clauses.push(match ? 'd.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)' : '0');
    if (match) params.push(match);
  }
  // published may be a day or a full timestamp: compare by day
  if (q.from) {
    clauses.push('d.published >= ?');
    params.push(q.from);
  }
  if (q.to) {
    clauses.push('d.published < ?');
    params.push(shiftDay(q.to, 1));
  }
  const w = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const counted = db.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM documents d ${w} LIMIT ${COUNT_CAP + 1})`, ...params)!.n;
  const items = db.all<Omit<DocumentHit, 'snippet'> & { text: string }>(
    `SELECT d.id, d.title, d.source, d.url, d.published, d.language, d.text FROM documents d ${w}
     ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?`, ...params, q.limit, q.offset);
  return { total: Math.min(counted, COUNT_CAP), total_exact: counted <= COUNT_CAP, items: items.map((d) => documentHit(d, q.q)) };
}
