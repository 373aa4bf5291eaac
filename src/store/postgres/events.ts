/**
 * Writing events, as the SQLite engine does: an event row is always
 * re-derived from its claims plus the reviewer's corrections. Before
 * reading an event's claims the transaction takes the event's advisory
 * lock, so two writers re-deriving one event never overwrite each other
 * with a stale view.
 */
import type { EventRecord } from '../../events/types.ts';
import { BLOCK_DAYS, BLOCK_KM, mergeFeatures, mergeScore, MERGE_THRESHOLD } from '../../merge/index.ts';
import { reviewFrom, searchText, shiftDay, storedEvent, type CorrectionRow } from '../rows.ts';
import type { MergeFeatures } from '../../merge/index.ts';
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

/** An event's claims and its correction rows, in one round trip. */
async function claimsAndCorrections(sql: Sql, eventId: string): Promise<{ claims: Claim[]; corrections: CorrectionRow[] }> {
  const found = (await row<{ claims: (Omit<Claim, 'record'> & { record: string })[] | null; corrections: CorrectionRow[] | null }>(sql,
    `SELECT (SELECT json_agg(json_build_object('id', c.id, 'document_id', c.document_id, 'outlet', c.outlet, 'claimed_by', c.claimed_by,
               'sentence', c.sentence, 'start', c.start, 'end', c."end", 'record', c.record) ORDER BY c.created_at, c.document_id, c.ordinal)
             FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = $1) AS claims,
            (SELECT json_agg(json_build_object('field', field, 'value', value, 'review_state', review_state) ORDER BY id)
             FROM corrections WHERE event_id = $1) AS corrections`, [eventId]))!;
  return { claims: (found.claims ?? []).map((r) => ({ ...r, record: JSON.parse(r.record) as EventRecord })), corrections: found.corrections ?? [] };
}

/** Re-derives an event from its claims and corrections and writes it; an event left without claims is deleted. Three round trips. */
export async function saveEvent(sql: Sql, eventId: string): Promise<StoredEvent | null> {
  await lockEvent(sql, eventId);
  const { claims, corrections } = await claimsAndCorrections(sql, eventId);
  if (claims.length === 0) {
    await sql.query('DELETE FROM events WHERE id = $1', [eventId]);
    return null;
  }
  const stored = storedEvent(eventId, claims, reviewFrom(corrections));
  const { review, document_ids: documentIds } = stored;
  const record: EventRecord = stored;
  const f = record.fatalities;
  const l = record.location;
  const t = now();
  const actors = [...new Set([record.actor1?.name, record.actor2?.name, ...record.assoc_actors.map((a) => a.name)])].filter((n): n is string => !!n);
  // the event row and its actor names together: drop the names no longer there, add the new ones
  await sql.query(
    `WITH e AS (INSERT INTO events (id, event_date, date_start, date_end, event_type, sub_event_type, country, admin1, actor1, actor2,
       lat, lon, fatalities_low, fatalities_best, fatalities_high, has_fatalities, confidence, review_state, source_count,
       document_ids, record, search, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, to_tsvector('simple', $22), $23, $23)
     ON CONFLICT (id) DO UPDATE SET event_date = excluded.event_date, date_start = excluded.date_start,
       date_end = excluded.date_end, event_type = excluded.event_type, sub_event_type = excluded.sub_event_type,
       country = excluded.country, admin1 = excluded.admin1, actor1 = excluded.actor1, actor2 = excluded.actor2,
       lat = excluded.lat, lon = excluded.lon, fatalities_low = excluded.fatalities_low,
       fatalities_best = excluded.fatalities_best, fatalities_high = excluded.fatalities_high,
       has_fatalities = excluded.has_fatalities, confidence = excluded.confidence, review_state = excluded.review_state,
       source_count = excluded.source_count, document_ids = excluded.document_ids, record = excluded.record,
       search = excluded.search, updated_at = excluded.updated_at
     RETURNING id),
     gone AS (DELETE FROM event_actors WHERE event_id = $1 AND NOT (name = ANY($24::text[])))
     INSERT INTO event_actors (event_id, name) SELECT e.id, unnest($24::text[]) FROM e ON CONFLICT DO NOTHING`,
    [eventId, record.event_date, record.date?.start ?? record.event_date, record.date?.end ?? record.event_date,
      record.event_type, record.sub_event_type, l?.country ?? null, l?.admin1 ?? null, record.actor1?.name ?? null,
      record.actor2?.name ?? null, l?.lat ?? null, l?.lon ?? null, f?.low ?? null, f?.best ?? null, f?.high ?? null,
      !!f && f.low !== null, record.confidence, review.state, documentIds.length, JSON.stringify(documentIds),
      JSON.stringify(stored), searchText(record), t, actors],
  );
  return stored;
}

export interface MergeChoice {
  eventId: string;
  features: MergeFeatures;
  score: number;
}

/** The box around a point that blocking compares against, in degrees. */
export function blockBox(lat: number): { dLat: number; dLon: number } {
  return { dLat: BLOCK_KM / 111, dLon: BLOCK_KM / (111 * Math.max(0.05, Math.cos((lat * Math.PI) / 180))) };
}

/**
 * The stored event a claim belongs to, if any; the same blocking and scoring
 * as the SQLite engine (type, date window, distance; never an event already
 * holding a claim of the same document).
 */
export async function bestMatch(sql: Sql, claim: Claim): Promise<MergeChoice | null> {
  const r = claim.record;
  const start = r.date?.start ?? r.event_date;
  const end = r.date?.end ?? r.event_date;
  if (!start || !end) return null;
  const params: unknown[] = [r.event_type, shiftDay(end, BLOCK_DAYS), shiftDay(start, -BLOCK_DAYS), claim.document_id];
  let near = '';
  const l = r.location;
  if (l?.lat != null && l.lon != null) {
    const { dLat, dLon } = blockBox(l.lat);
    near = 'AND (e.lat IS NULL OR (e.lon BETWEEN $5 AND $6 AND e.lat BETWEEN $7 AND $8))';
    params.push(l.lon - dLon, l.lon + dLon, l.lat - dLat, l.lat + dLat);
  }
  const candidates = await rows<{ id: string; record: string }>(sql,
    `SELECT e.id, e.record FROM events e
     WHERE lower(e.event_type) = lower($1) AND e.date_start <= $2 AND e.date_end >= $3
       AND NOT EXISTS (SELECT 1 FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = e.id AND c.document_id = $4)
       ${near}
     ORDER BY e.seq LIMIT 500`, params);
  let best: MergeChoice | null = null;
  for (const c of candidates) {
    const features = mergeFeatures(r, JSON.parse(c.record) as EventRecord);
    if (features.location_km !== null && features.location_km > BLOCK_KM) continue;
    const score = mergeScore(features);
    if (score >= MERGE_THRESHOLD && (!best || score > best.score)) best = { eventId: c.id, features, score };
  }
  return best;
}

export async function exists(sql: Sql, table: 'events' | 'documents', id: string): Promise<boolean> {
  return (await row(sql, `SELECT 1 FROM ${table} WHERE id = $1`, [id])) !== undefined;
}
