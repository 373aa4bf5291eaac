/** The read paths: event lists, one event with its claims, documents, aggregates. */
import { disagreements } from '../../merge/index.ts';
import type { ControlRecord, DisplacementRecord, EventRecord } from '../../events/types.ts';
import type {
  AggregateBy, AggregateRow, DocumentHit, DocumentQuery, DocumentView, EventDetail, EventPoint, EventFilters, EventQuery, MergeView, SortKey, SpanKind, StoredEvent,
} from '../types.ts';
import { row, rows, type Sql } from './db.ts';
import { claimsOf, exists } from './events.ts';
import { orderBy, Params, searchWords, where } from './filters.ts';
import { claimView, COUNT_CAP, documentHit, shiftDay } from '../rows.ts';


export async function listEvents(sql: Sql, q: EventQuery, geometry: boolean): Promise<{ total: number; total_exact: boolean; items: string[] }> {
  const p = new Params();
  const w = where(q, p, geometry);
  const counted = (await row<{ n: number }>(sql, `SELECT count(*)::int AS n FROM (SELECT 1 FROM events e ${w} LIMIT ${COUNT_CAP + 1}) x`, p.values))!.n;
  const items = (await rows<{ record: string }>(sql,
    `SELECT e.record FROM events e ${w} ${orderBy(q.sort)} LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`, p.values))
    .map((r) => r.record);
  return { total: Math.min(counted, COUNT_CAP), total_exact: counted <= COUNT_CAP, items };
}

/** Pages through matching events by keyset, so a long export never holds a connection. */
export async function* eachEvent(sql: Sql, filters: EventFilters, sort: SortKey, geometry: boolean): AsyncGenerator<StoredEvent[]> {
  const desc = sort.startsWith('-');
  const field = sort.replace('-', '');
  const key = field === 'event_date' ? "coalesce(e.event_date, '')" : field === 'fatalities' ? 'coalesce(e.fatalities_low, -1)' : 'e.confidence';
  let last: [unknown, number] | null = null;
  for (;;) {
    const p = new Params();
    const w = where(filters, p, geometry);
    const after: string = last ? `AND (${key}, e.seq) ${desc ? '<' : '>'} (${p.add(last[0])}, ${p.add(last[1])})` : '';
    const dir = desc ? 'DESC' : 'ASC';
    const page: { k: unknown; seq: number; record: string }[] = await rows<{ k: unknown; seq: number; record: string }>(sql,
      `SELECT ${key} AS k, e.seq, e.record FROM events e ${w} ${after} ORDER BY ${key} ${dir}, e.seq ${dir} LIMIT 1000`, p.values);
    if (page.length === 0) return;
    yield page.map((r) => JSON.parse(r.record) as StoredEvent);
    const end: { k: unknown; seq: number } = page[page.length - 1];
    last = [end.k, end.seq];
  }
}

export async function getEvent(sql: Sql, id: string): Promise<EventDetail | null> {
  const found = await row<{ record: string }>(sql, 'SELECT record FROM events WHERE id = $1', [id]);
  if (!found) return null;
  const claims = await claimsOf(sql, id);
  return { ...(JSON.parse(found.record) as StoredEvent), claims: claims.map(claimView), disagreements: disagreements(claims) };
}

export async function getMerges(sql: Sql, id: string): Promise<MergeView[] | null> {
  if (!(await exists(sql, 'events', id))) return null;
  const found = await rows<{ merged_at: string; claim_ids: string; document_ids: string; features: string; score: number; split_at: string | null }>(sql,
    'SELECT merged_at, claim_ids, document_ids, features, score, split_at FROM merges WHERE event_id = $1 ORDER BY id', [id]);
  return found.map((m) => ({ ...m, claim_ids: JSON.parse(m.claim_ids), document_ids: JSON.parse(m.document_ids), features: JSON.parse(m.features) }));
}

export async function getDocument(sql: Sql, id: string): Promise<DocumentView | null> {
  const d = await row<Omit<DocumentView, 'spans' | 'copies'>>(sql, 'SELECT id, title, source, url, published, language, text FROM documents WHERE id = $1', [id]);
  if (!d) return null;
  const copies = await rows<{ url: string | null; source: string | null; similarity: number }>(sql,
    'SELECT url, source, similarity FROM document_copies WHERE document_id = $1 ORDER BY seen_at', [id]);
  const claims = await rows<{ event_id: string; record: string }>(sql,
    'SELECT ec.event_id, c.record FROM claims c JOIN event_claims ec ON ec.claim_id = c.id WHERE c.document_id = $1 ORDER BY c.ordinal', [id]);
  const evidence = claims.flatMap((c) => (JSON.parse(c.record) as EventRecord).sources
    .filter((s) => s.document_id === id).map((s) => ({ event: c.event_id, start: s.start, end: s.end })));
  const spans = (await rows<{ kind: SpanKind; start: number; end: number; label: string | null }>(sql,
    'SELECT kind, start, "end", label FROM spans WHERE document_id = $1 ORDER BY start, "end"', [id]))
    .map((s) => ({
      ...s,
      text: d.text.slice(s.start, s.end),
      event_ids: [...new Set(evidence.filter((e) => e.start <= s.start && s.end <= e.end).map((e) => e.event))],
    }));
  return { ...d, copies, spans };
}

export async function listRecords(sql: Sql, kind: 'displacement' | 'control'): Promise<(DisplacementRecord | ControlRecord)[]> {
  const found = await rows<{ record: string }>(sql, 'SELECT record FROM records WHERE kind = $1 ORDER BY seq', [kind]);
  const parsed = found.map((r) => JSON.parse(r.record) as DisplacementRecord | ControlRecord);
  const claimIds = parsed.flatMap((r) => (r.record === 'displacement' ? (r.cause_event_id ? [r.cause_event_id] : []) : r.evidence));
  const links = await rows<{ claim_id: string; event_id: string }>(sql, 'SELECT claim_id, event_id FROM event_claims WHERE claim_id = ANY($1::text[])', [claimIds]);
  const eventOf = new Map(links.map((l) => [l.claim_id, l.event_id]));
  return parsed.map((r) => r.record === 'displacement'
    ? { ...r, cause_event_id: r.cause_event_id ? eventOf.get(r.cause_event_id) ?? null : null }
    : { ...r, evidence: [...new Set(r.evidence.map((e) => eventOf.get(e)).filter((e): e is string => !!e))] });
}

export async function points(sql: Sql, filters: EventFilters, geometry: boolean): Promise<EventPoint[]> {
  const p = new Params();
  const w = where(filters, p, geometry);
  return rows<EventPoint>(sql,
    `SELECT e.id, e.lon, e.lat, e.event_date, e.event_type, e.sub_event_type, e.country, e.admin1, e.actor1, e.actor2, e.fatalities_low, e.fatalities_best
     FROM events e ${w} AND e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY e.seq`, p.values);
}

/**
 * What an aggregate groups on. Names group whatever their case, as SQLite's
 * NOCASE columns do ("ALEPPO" counts with "Aleppo"); one spelling is shown.
 */
const GROUP: Record<AggregateBy, { group: string; key: string }> = {
  day: { group: 'e.event_date', key: 'e.event_date' },
  week: { group: `to_char(e.event_date::date, 'IYYY-"W"IW')`, key: `to_char(e.event_date::date, 'IYYY-"W"IW')` },
  admin1: { group: 'lower(e.admin1)', key: 'min(e.admin1)' },
  event_type: { group: 'lower(e.event_type)', key: 'min(e.event_type)' },
  actor: { group: 'lower(a.name)', key: 'min(a.name)' },
};

export async function aggregate(sql: Sql, by: AggregateBy, filters: EventFilters, geometry: boolean): Promise<AggregateRow[]> {
  const p = new Params();
  const w = where(filters, p, geometry);
  const join = by === 'actor' ? 'JOIN event_actors a ON a.event_id = e.id' : '';
  const { group, key } = GROUP[by];
  const sortKey = `${key} COLLATE "C" NULLS FIRST`;
  const order = by === 'day' || by === 'week' ? sortKey : `count(*) DESC, ${sortKey}`;
  return rows<AggregateRow>(sql,
    `SELECT ${key} AS key, count(*)::int AS events,
       coalesce(sum(e.fatalities_low), 0)::int AS fatalities_low,
       coalesce(sum(coalesce(e.fatalities_best, e.fatalities_low)), 0)::int AS fatalities_best,
       CASE WHEN bool_or(e.has_fatalities AND e.fatalities_high IS NULL) THEN NULL ELSE coalesce(sum(e.fatalities_high), 0)::int END AS fatalities_high,
       count(*) FILTER (WHERE NOT e.has_fatalities)::int AS no_figure
     FROM events e ${join} ${w} GROUP BY ${group} ORDER BY ${order} LIMIT 5000`, p.values);
}

/** Documents by words and publication day, newest first; see Store.searchDocuments. */
export async function searchDocuments(sql: Sql, q: DocumentQuery): Promise<{ total: number; total_exact: boolean; items: DocumentHit[] }> {
  const p = new Params();
  const clauses: string[] = [];
  if (q.q !== undefined) {
    const words = searchWords(q.q);
    clauses.push(words ? `d.search @@ plainto_tsquery('simple', search_fold(${p.add(words)}))` : 'false');
  }
  // published may be a day or a full timestamp: compare by day
  if (q.from) clauses.push(`d.published >= ${p.add(q.from)}`);
  if (q.to) clauses.push(`d.published < ${p.add(shiftDay(q.to, 1))}`);
  const w = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const counted = (await row<{ n: number }>(sql, `SELECT count(*)::int AS n FROM (SELECT 1 FROM documents d ${w} LIMIT ${COUNT_CAP + 1}) x`, p.values))!.n;
  const items = await rows<Omit<DocumentHit, 'snippet'> & { text: string }>(sql,
    `SELECT d.id, d.title, d.source, d.url, d.published, d.language, d.text FROM documents d ${w}
     ORDER BY d.published COLLATE "C" DESC NULLS LAST, d.seq DESC LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`, p.values);
  return { total: Math.min(counted, COUNT_CAP), total_exact: counted <= COUNT_CAP, items: items.map((d) => documentHit(d, q.q)) };
}
