/**
 * Writing events: an event row is always re-derived from its claims plus
 * the reviewer's corrections, then indexed (actors, R*Tree, FTS).
 */
import type { EventRecord } from '../../events/types.ts';
import { BLOCK_DAYS, BLOCK_KM, type Candidate } from '../../merge/index.ts';
import { reviewFrom, searchText, shiftDay, storedEvent, unchanged, type CorrectionRow } from '../rows.ts';
import type { Claim, StoredEvent } from '../types.ts';
import { Db, now } from './db.ts';

type ClaimRow = Omit<Claim, 'record'> & { record: string };

export function claimsOf(db: Db, eventId: string): Claim[] {
  return db
    .all<ClaimRow>(
      `SELECT c.id, c.document_id, c.outlet, c.claimed_by, c.sentence, c.start, c."end", c.record
       FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = ? ORDER BY c.created_at, c.document_id, c.ordinal`,
      eventId,
    )
    .map((r) => ({ ...r, record: JSON.parse(r.record) as EventRecord }));
}

function reviewOf(db: Db, eventId: string) {
  return reviewFrom(db.all<CorrectionRow>('SELECT field, value, review_state FROM corrections WHERE event_id = ? ORDER BY id', eventId));
}

/**
 * Re-derives an event from its claims and corrections and writes every
 * index of it, unless nothing changed (it then keeps its updated_at); an
 * event left without claims is deleted. Returns the event, or null.
 * `created`: the claim a new event was just made of (its only claim, no
 * corrections, no index rows yet), which spares reading them back.
 */
export function saveEvent(db: Db, eventId: string, created?: Claim): StoredEvent | null {
  const claims = created ? [created] : claimsOf(db, eventId);
  if (claims.length === 0) {
    const gone = db.get<{ rowid: number }>('DELETE FROM events WHERE id = ? RETURNING rowid', eventId);
    if (gone) {
      db.run('DELETE FROM events_rtree WHERE rowid = ?', gone.rowid);
      // its stored search entry went with the row (trigger events_search_gone)
      db.search.forget(gone.rowid);
    }
    return null;
  }
  const t = now();
  const stored = storedEvent(eventId, claims, created ? reviewFrom([]) : reviewOf(db, eventId), t);
  if (!created) {
    const same = unchanged(stored, db.get<{ record: string }>('SELECT r.record FROM events e JOIN event_records r ON r.rowid = e.rowid WHERE e.id = ?', eventId)?.record);
    if (same) return same;
  }
  const { review, document_ids: documentIds } = stored;
  const record: EventRecord = stored;
  const f = record.fatalities;
  const l = record.location;
  const { rowid } = db.get<{ rowid: number }>(
    `INSERT INTO events (id, event_date, date_start, date_end, event_type, sub_event_type, country, admin1, actor1, actor2,
       lat, lon, fatalities_low, fatalities_best, fatalities_high, has_fatalities, confidence, review_state, source_count,
       document_ids, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET event_date = excluded.event_date, date_start = excluded.date_start,
       date_end = excluded.date_end, event_type = excluded.event_type, sub_event_type = excluded.sub_event_type,
       country = excluded.country, admin1 = excluded.admin1, actor1 = excluded.actor1, actor2 = excluded.actor2,
       lat = excluded.lat, lon = excluded.lon, fatalities_low = excluded.fatalities_low,
       fatalities_best = excluded.fatalities_best, fatalities_high = excluded.fatalities_high,
       has_fatalities = excluded.has_fatalities, confidence = excluded.confidence, review_state = excluded.review_state,
       source_count = excluded.source_count, document_ids = excluded.document_ids, updated_at = excluded.updated_at
     RETURNING rowid`,
    eventId, record.event_date, record.date?.start ?? record.event_date, record.date?.end ?? record.event_date,
    record.event_type, record.sub_event_type, l?.country ?? null, l?.admin1 ?? null, record.actor1?.name ?? null,
    record.actor2?.name ?? null, l?.lat ?? null, l?.lon ?? null, f?.low ?? null, f?.best ?? null, f?.high ?? null,
    f && f.low !== null ? 1 : 0, record.confidence, review.state, documentIds.length, JSON.stringify(documentIds), t, t,
  )!;
  db.run('INSERT OR REPLACE INTO event_records (rowid, record) VALUES (?, ?)', rowid, JSON.stringify(stored));
  if (!created) db.run('DELETE FROM event_actors WHERE event_rowid = ?', rowid);
  const actors = new Set([record.actor1?.name, record.actor2?.name, ...record.assoc_actors.map((a) => a.name)]);
  for (const name of actors) {
    if (name) {
      db.run('INSERT OR IGNORE INTO event_actors (name, visible, event_date, event_rowid) VALUES (?, ?, ?, ?)',
        name, review.state === 'rejected' ? 0 : 1, record.event_date ?? '', rowid);
    }
  }
  if (l?.lat != null && l.lon != null) {
    db.run('INSERT OR REPLACE INTO events_rtree (rowid, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)', rowid, l.lon, l.lon, l.lat, l.lat);
  } else if (!created) db.run('DELETE FROM events_rtree WHERE rowid = ?', rowid);
  db.search.event(rowid, searchText(record));
  return stored;
}

/**
 * The stored events a claim may join, oldest first: blocked by type, date
 * window and distance; events already holding a claim of the same document
 * are never candidates (the extractor already told those apart).
 */
export function candidates(db: Db, claim: Claim): Candidate[] {
  const r = claim.record;
  const start = r.date?.start ?? r.event_date;
  const end = r.date?.end ?? r.event_date;
  if (!start || !end) return [];
  // events_when (migrations 008, 015) finds the events of the type whose days reach the window and whose box holds
  // the claim's (an event without a point has the world's); CROSS JOIN has the planner start there
  const type = r.event_type.toLowerCase().codePointAt(0) ?? 0;
  const params: unknown[] = [type, type, dayNumber(shiftDay(end, BLOCK_DAYS)), dayNumber(shiftDay(start, -BLOCK_DAYS))];
  let near = '';
  const l = r.location;
  if (l?.lat != null && l.lon != null) {
    const dLat = BLOCK_KM / 111;
    const dLon = BLOCK_KM / (111 * Math.max(0.05, Math.cos((l.lat * Math.PI) / 180)));
    // the tree's 32-bit boxes are a superset; the event's own point decides
    near = `AND w.lat_lo <= ? AND w.lat_hi >= ? AND w.lon_lo <= ? AND w.lon_hi >= ?
      AND (e.lat IS NULL OR (e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?))`;
    params.push(l.lat + dLat, l.lat - dLat, l.lon + dLon, l.lon - dLon, l.lon - dLon, l.lon + dLon, l.lat - dLat, l.lat + dLat);
  }
  params.push(r.event_type, claim.document_id);
  return db.all<{ id: string; record: string }>(
    `SELECT e.id, r.record FROM events_when w CROSS JOIN events e ON e.rowid = w.id JOIN event_records r ON r.rowid = e.rowid
     WHERE w.type_lo <= ? AND w.type_hi >= ? AND w.first_day <= ? AND w.last_day >= ? ${near} AND e.event_type = ?
       AND NOT EXISTS (SELECT 1 FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = e.id AND c.document_id = ?)
     ORDER BY e.rowid LIMIT 500`,
    ...params,
  ).map((c) => ({ id: c.id, record: JSON.parse(c.record) as EventRecord }));
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
}
