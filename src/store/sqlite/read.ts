/** The read paths: one event with its claims, exports, documents, aggregates (event lists: list.ts). */
import { disagreements } from '../../merge/index.ts';
import type { ControlRecord, DisplacementRecord, EventRecord } from '../../events/types.ts';
import type {
  AggregateBy, AggregateRow, DocumentHit, DocumentQuery, DocumentView, EventPoint, EventDetail, EventFilters, MergeView, SortKey, SpanKind, StoredEvent,
} from '../types.ts';
import { Db } from './db.ts';
import { claimsOf } from './events.ts';
import { ftsQuery, where } from './filters.ts';
import { claimView, COUNT_CAP, documentHit, shiftDay } from '../rows.ts';

export { listEvents } from './list.ts';

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
