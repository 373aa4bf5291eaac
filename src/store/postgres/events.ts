/**
 * Writing events, as the SQLite engine does: an event row is always
 * re-derived from its claims plus the reviewer's corrections. Before
 * reading an event's claims the transaction takes the event's advisory
 * lock, so two writers re-deriving one event never overwrite each other
 * with a stale view.
 */
import type { EventRecord } from '../../events/types.ts';
import { assignClaims, BLOCK_DAYS, BLOCK_KM, type Candidate, type MergeChoice } from '../../merge/index.ts';
import { reviewFrom, searchText, shiftDay, storedEvent, unchanged, type CorrectionRow } from '../rows.ts';
import type { Claim, StoredEvent } from '../types.ts';
import { now, row, rows, type Sql } from './db.ts';
import { lockKey } from './locks.ts';

export async function lockEvent(sql: Sql, eventId: string): Promise<void> {
  await sql.query('SELECT pg_advisory_xact_lock($1)', [lockKey('event', eventId)]);
}

export async function claimsOf(sql: Sql, eventId: string): Promise<Claim[]> {
  const found = await rows<Omit<Claim, 'record'> & { record: string }>(sql,
    `SELECT c.id, c.document_id, c.outlet, c.claimed_by, c.sentence, c.start, c."end", c.record
     FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = $1 ORDER BY c.created_at, c.document_id, c.ordinal`, [eventId]);
  return found.map((r) => ({ ...r, record: JSON.parse(r.record) as EventRecord }));
}

/** An event's claims, its correction rows and its stored record, in one round trip. */
async function claimsAndCorrections(sql: Sql, eventId: string): Promise<{ claims: Claim[]; corrections: CorrectionRow[]; before: string | null }> {
  const found = (await row<{ claims: (Omit<Claim, 'record'> & { record: string })[] | null; corrections: CorrectionRow[] | null; before: string | null }>(sql,
    `SELECT (SELECT json_agg(json_build_object('id', c.id, 'document_id', c.document_id, 'outlet', c.outlet, 'claimed_by', c.claimed_by,
               'sentence', c.sentence, 'start', c.start, 'end', c."end", 'record', c.record) ORDER BY c.created_at, c.document_id, c.ordinal)
             FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = $1) AS claims,
            (SELECT json_agg(json_build_object('field', field, 'value', value, 'review_state', review_state) ORDER BY id)
             FROM corrections WHERE event_id = $1) AS corrections,
            (SELECT record FROM events WHERE id = $1) AS before`, [eventId]))!;
  return { claims: (found.claims ?? []).map((r) => ({ ...r, record: JSON.parse(r.record) as EventRecord })), corrections: found.corrections ?? [], before: found.before };
}

/**
 * Re-derives an event from its claims and corrections and writes it, unless
 * nothing changed (it then keeps its updated_at); an event left without
 * claims is deleted. Three round trips.
 */
export async function saveEvent(sql: Sql, eventId: string): Promise<StoredEvent | null> {
  await lockEvent(sql, eventId);
  const { claims, corrections, before } = await claimsAndCorrections(sql, eventId);
  if (claims.length === 0) {
    await sql.query('DELETE FROM events WHERE id = $1', [eventId]);
    return null;
  }
  const stored = storedEvent(eventId, claims, reviewFrom(corrections), now());
  const same = unchanged(stored, before);
  if (same) return same;
  await sql.query(`WITH ${EVENT_UPSERT} SELECT 1`, [JSON.stringify([eventRow(stored)])]);
  return stored;
}

/** An event as one row of EVENT_UPSERT's input; its updated_at (and created_at, when new) is the record's. */
export function eventRow(stored: StoredEvent): Record<string, unknown> {
  const record: EventRecord = stored;
  const f = record.fatalities;
  const l = record.location;
  return {
    id: stored.id, event_date: record.event_date, date_start: record.date?.start ?? record.event_date, date_end: record.date?.end ?? record.event_date,
    event_type: record.event_type, sub_event_type: record.sub_event_type, country: l?.country ?? null, admin1: l?.admin1 ?? null,
    actor1: record.actor1?.name ?? null, actor2: record.actor2?.name ?? null, lat: l?.lat ?? null, lon: l?.lon ?? null,
    fatalities_low: f?.low ?? null, fatalities_best: f?.best ?? null, fatalities_high: f?.high ?? null, has_fatalities: !!f && f.low !== null,
    confidence: record.confidence, review_state: stored.review.state, source_count: stored.document_ids.length,
    document_ids: JSON.stringify(stored.document_ids), record: JSON.stringify(stored), search: searchText(record), t: stored.updated_at,
    actors: [...new Set([record.actor1?.name, record.actor2?.name, ...record.assoc_actors.map((a) => a.name)])].filter((n): n is string => !!n),
  };
}

/**
 * CTEs writing events given as a JSON array of `eventRow`s in $1: each row
 * inserted or updated, its actor names made to match (names no longer there
 * dropped, new ones added). Callers put it in a WITH of their own.
 */
export const EVENT_UPSERT = `ev_in AS (SELECT * FROM json_to_recordset($1::json) AS t(id text, event_date text, date_start text, date_end text,
       event_type text, sub_event_type text, country text, admin1 text, actor1 text, actor2 text, lat float8, lon float8,
       fatalities_low int, fatalities_best int, fatalities_high int, has_fatalities boolean, confidence float8, review_state text,
       source_count int, document_ids text, record text, search text, t text, actors text[])),
     ev AS (INSERT INTO events (id, event_date, date_start, date_end, event_type, sub_event_type, country, admin1, actor1, actor2,
       lat, lon, fatalities_low, fatalities_best, fatalities_high, has_fatalities, confidence, review_state, source_count,
       document_ids, record, search, created_at, updated_at)
     SELECT id, event_date, date_start, date_end, event_type, sub_event_type, country, admin1, actor1, actor2,
       lat, lon, fatalities_low, fatalities_best, fatalities_high, has_fatalities, confidence, review_state, source_count,
       document_ids, record, to_tsvector('simple', search), t, t FROM ev_in
     ON CONFLICT (id) DO UPDATE SET event_date = excluded.event_date, date_start = excluded.date_start,
       date_end = excluded.date_end, event_type = excluded.event_type, sub_event_type = excluded.sub_event_type,
       country = excluded.country, admin1 = excluded.admin1, actor1 = excluded.actor1, actor2 = excluded.actor2,
       lat = excluded.lat, lon = excluded.lon, fatalities_low = excluded.fatalities_low,
       fatalities_best = excluded.fatalities_best, fatalities_high = excluded.fatalities_high,
       has_fatalities = excluded.has_fatalities, confidence = excluded.confidence, review_state = excluded.review_state,
       source_count = excluded.source_count, document_ids = excluded.document_ids, record = excluded.record,
       search = excluded.search, updated_at = excluded.updated_at
     RETURNING id),
     ev_gone AS (DELETE FROM event_actors a USING ev_in WHERE a.event_id = ev_in.id AND NOT (a.name = ANY(ev_in.actors))),
     ev_actors AS (INSERT INTO event_actors (event_id, name) SELECT ev.id, unnest(ev_in.actors) FROM ev JOIN ev_in ON ev_in.id = ev.id ON CONFLICT DO NOTHING)`;

/** The box around a point that blocking compares against, in degrees. */
export function blockBox(lat: number): { dLat: number; dLon: number } {
  return { dLat: BLOCK_KM / 111, dLon: BLOCK_KM / (111 * Math.max(0.05, Math.cos((lat * Math.PI) / 180))) };
}

/** Where a claim may merge: its type, the blocking date window and box; null when it is undated. */
function blockOf(claim: Claim): { type: string; before: string; after: string; box: [number, number, number, number] | null } | null {
  const r = claim.record;
  const start = r.date?.start ?? r.event_date;
  const end = r.date?.end ?? r.event_date;
  if (!start || !end) return null;
  const l = r.location;
  let box: [number, number, number, number] | null = null;
  if (l?.lat != null && l.lon != null) {
    const { dLat, dLon } = blockBox(l.lat);
    box = [l.lon - dLon, l.lon + dLon, l.lat - dLat, l.lat + dLat];
  }
  return { type: r.event_type, before: shiftDay(end, BLOCK_DAYS), after: shiftDay(start, -BLOCK_DAYS), box };
}

/**
 * The query (text and parameters from $first on) giving the merge candidates
 * of every claim of one document, as rows (i, id, record) where i is the
 * claim's index: events of the same type whose dates reach the claim's window
 * (found through the events_window index, migration 007)
 * and whose place is in its box or unknown, never one already holding a
 * claim of the document, at most 500 per claim, oldest first.
 */
export function candidatesQuery(claims: Claim[], documentId: string, first: number): { text: string; params: unknown[] } {
  const blocks = claims.map(blockOf);
  const at = blocks.flatMap((b, i) => (b ? [i] : []));
  const col = <T>(f: (b: NonNullable<ReturnType<typeof blockOf>>) => T) => at.map((i) => f(blocks[i]!));
  const p = (k: number) => `$${first + k}`;
  return {
    text: `SELECT q.i, e.id, e.record FROM unnest(${p(0)}::int[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[],
         ${p(4)}::float8[], ${p(5)}::float8[], ${p(6)}::float8[], ${p(7)}::float8[]) AS q(i, type, before, after, lon0, lon1, lat0, lat1)
       CROSS JOIN LATERAL (SELECT e.id, e.record
         -- OFFSET 0 keeps the other conditions out of the scan: only events_window is used, not events_block with its one-sided range
         FROM (SELECT * FROM events w WHERE sitrep_window(w.date_start, w.date_end) && daterange(q.after::date, q.before::date, '[]') OFFSET 0) e
         WHERE lower(e.event_type) = lower(q.type) AND e.date_start <= q.before AND e.date_end >= q.after
           AND NOT EXISTS (SELECT 1 FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = e.id AND c.document_id = ${p(8)})
           AND (q.lon0 IS NULL OR e.lat IS NULL OR (e.lon BETWEEN q.lon0 AND q.lon1 AND e.lat BETWEEN q.lat0 AND q.lat1))
         ORDER BY e.seq LIMIT 500) e`,
    params: [at, col((b) => b.type), col((b) => b.before), col((b) => b.after),
      col((b) => b.box?.[0] ?? null), col((b) => b.box?.[1] ?? null), col((b) => b.box?.[2] ?? null), col((b) => b.box?.[3] ?? null), documentId],
  };
}

/** Candidate rows → each claim's candidates, oldest first. */
export function candidatesByClaim(count: number, found: { i: number | null; id: string; record: string | null }[]): Candidate[][] {
  const out: Candidate[][] = Array.from({ length: count }, () => []);
  for (const r of found) if (r.i !== null && r.record !== null) out[r.i].push({ id: r.id, record: JSON.parse(r.record) as EventRecord });
  return out;
}

/** Which stored event each claim joins (merge/assign.ts), against the store as it stands. */
export async function matchClaims(sql: Sql, claims: Claim[], documentId: string): Promise<(MergeChoice | null)[]> {
  if (!claims.length) return [];
  const q = candidatesQuery(claims, documentId, 1);
  const found = await rows<{ i: number; id: string; record: string }>(sql, q.text, q.params);
  return assignClaims(claims.map((c) => c.record), candidatesByClaim(claims.length, found));
}

export async function exists(sql: Sql, table: 'events' | 'documents', id: string): Promise<boolean> {
  return (await row(sql, `SELECT 1 FROM ${table} WHERE id = $1`, [id])) !== undefined;
}
