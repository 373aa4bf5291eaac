/**
 * The write paths, each in one transaction: a process killed at any moment
 * leaves either all of a document or none of it. A document's transaction
 * first takes its advisory locks (locks.ts), then looks for duplicates and
 * merge candidates, so concurrent writers behave as if they ran one by one.
 */
import { CORRECTABLE_FIELDS } from '../../merge/index.ts';
import { bands, blobToSignature, NEAR_DUPLICATE, sameFacts, signatureToBlob, similarity, stableId } from '../fingerprint.ts';
import { StoreError } from '../errors.ts';
import type { AddResult, Claim, DocumentBundle, DocumentKeys, DuplicateHit, ReviewPatch, StoredEvent } from '../types.ts';
import { now, row, rows, type Sql } from './db.ts';
import { candidatesByClaim, candidatesQuery, EVENT_UPSERT, eventRow, exists, lockEvent, matchClaims, saveEvent } from './events.ts';
import { assignClaims, type MergeChoice } from '../../merge/index.ts';
import { claimLocks, documentLocks, lockKey, sortedLocks } from './locks.ts';
import { reviewFrom, splitGroups, storedEvent, type CorrectionRow } from '../rows.ts';
import type { EventRecord } from '../../events/types.ts';

type DuplicateRow = { via: DuplicateHit['via']; id: string; minhash: Buffer | null; text: string | null };

/** Every way a stored document can match these keys (hash, URL, shared MinHash band), as rows; parameters from $first. */
function duplicatesQuery(keys: DocumentKeys, first = 1): { text: string; params: unknown[] } {
  const hashes = keys.minhash ? bands(keys.minhash) : [];
  const p = (k: number) => `$${first + k}`;
  return {
    text: `(SELECT 'hash' AS via, id, NULL::bytea AS minhash, NULL AS text FROM documents WHERE content_hash = ${p(0)} LIMIT 1)
     UNION ALL
     (SELECT 'url', id, NULL, NULL FROM (SELECT id FROM documents WHERE canonical_url = ${p(1)} UNION SELECT document_id FROM document_copies WHERE canonical_url = ${p(1)}) u LIMIT 1)
     UNION ALL
     (SELECT 'near', d.id, d.minhash, d.text FROM documents d WHERE d.id IN (
        SELECT b.document_id FROM document_bands b JOIN unnest(${p(2)}::int[], ${p(3)}::bigint[]) AS q(band, hash) ON b.band = q.band AND b.hash = q.hash)
      ORDER BY d.seq)`,
    params: [keys.content_hash, keys.canonical_url, hashes.map((_, i) => i), hashes],
  };
}

/** The duplicate the rows show: hash beats URL beats near text. */
function duplicateOf(keys: DocumentKeys, found: DuplicateRow[]): DuplicateHit | null {
  const exact = found.find((r) => r.via === 'hash') ?? found.find((r) => r.via === 'url');
  if (exact) return { document_id: exact.id, similarity: 1, via: exact.via };
  let best: DuplicateHit | null = null;
  for (const c of found) {
    if (!c.minhash || !keys.minhash) continue;
    const sim = similarity(keys.minhash, blobToSignature(c.minhash));
    if (sim >= NEAR_DUPLICATE && (!best || sim > best.similarity) && sameFacts(keys.text, c.text ?? '')) best = { document_id: c.id, similarity: sim, via: 'near' };
  }
  return best;
}

/** Every way a stored document can match these keys, in one round trip. */
export async function findDuplicate(sql: Sql, keys: DocumentKeys): Promise<DuplicateHit | null> {
  const q = duplicatesQuery(keys);
  return duplicateOf(keys, await rows<DuplicateRow>(sql, q.text, q.params));
}

/** findDuplicate for several documents in one round trip, each against the store as it stands. */
export async function findDuplicates(sql: Sql, keys: DocumentKeys[]): Promise<(DuplicateHit | null)[]> {
  const params: unknown[] = [];
  const parts = keys.map((k, n) => {
    const q = duplicatesQuery(k, params.length + 1);
    params.push(...q.params);
    return `SELECT ${n} AS n, * FROM (${q.text}) d${n}`;
  });
  const found = await rows<DuplicateRow & { n: number }>(sql, parts.join('\n UNION ALL '), params);
  return keys.map((k, n) => duplicateOf(k, found.filter((r) => r.n === n)));
}

async function eventsOfDocument(sql: Sql, documentId: string): Promise<string[]> {
  const found = await rows<{ event_id: string }>(sql,
    'SELECT ec.event_id, min(c.ordinal) AS first FROM claims c JOIN event_claims ec ON ec.claim_id = c.id WHERE c.document_id = $1 GROUP BY ec.event_id ORDER BY first', [documentId]);
  return found.map((r) => r.event_id);
}

/** A copy is worth recording only when it adds a URL or a text variant. */
async function recordCopy(sql: Sql, hit: DuplicateHit, b: DocumentBundle): Promise<AddResult> {
  const d = b.document;
  await sql.query(
    `INSERT INTO document_copies (document_id, canonical_url, content_hash, url, source, title, published, similarity, seen_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
     WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = $1 AND content_hash = $3 AND ($10::text IS NULL OR canonical_url = $10))
     ON CONFLICT DO NOTHING`,
    [hit.document_id, d.canonical_url ?? '', d.content_hash, d.url, d.source, d.title, d.published, hit.similarity, now(), d.canonical_url]);
  return { document_id: hit.document_id, duplicate_of: hit.document_id, events: await eventsOfDocument(sql, hit.document_id) };
}

/** Inserts a claim and links it to its matched event, or to a new one; returns the event id. One round trip. */
async function placeClaim(tx: Sql, c: Claim, ordinal: number, t: string, match: MergeChoice | null): Promise<string> {
  const eventId = match ? match.eventId : stableId('ev', c.id);
  await tx.query(
    `WITH c AS (INSERT INTO claims (id, document_id, ordinal, outlet, claimed_by, sentence, start, "end", record, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id),
     m AS (INSERT INTO merges (event_id, merged_at, claim_ids, document_ids, features, score)
       SELECT $11, $10, $12, $13, $14, $15 WHERE $14::text IS NOT NULL RETURNING id)
     INSERT INTO event_claims (claim_id, event_id, merge_id) SELECT c.id, $11, (SELECT id FROM m) FROM c`,
    [c.id, c.document_id, ordinal, c.outlet, c.claimed_by, c.sentence, c.start, c.end, JSON.stringify(c.record), t,
      eventId, JSON.stringify([c.id]), JSON.stringify([c.document_id]), match ? JSON.stringify(match.features) : null, match?.score ?? null]);
  return eventId;
}

/** Sentences, spans and records of a document, in one round trip. */
async function writeAnnotations(tx: Sql, id: string, b: DocumentBundle): Promise<void> {
  const sp = b.spans;
  await tx.query(
    `WITH s AS (INSERT INTO sentences (document_id, idx, start, "end") SELECT $1, n - 1, s, e FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS t(s, e, n)),
     p AS (INSERT INTO spans (document_id, kind, start, "end", label, sentence)
       SELECT $1, kind, start, e, label, sentence FROM unnest($4::text[], $5::int[], $6::int[], $7::text[], $8::int[]) AS t(kind, start, e, label, sentence)
       ON CONFLICT DO NOTHING)
     INSERT INTO records (id, document_id, kind, record) SELECT rid, $1, kind, rec FROM unnest($9::text[], $10::text[], $11::text[]) AS t(rid, kind, rec)
     ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, kind = excluded.kind, record = excluded.record`,
    [id, b.sentences.map((x) => x.start), b.sentences.map((x) => x.end),
      sp.map((x) => x.kind), sp.map((x) => x.start), sp.map((x) => x.end), sp.map((x) => x.label), sp.map((x) => x.sentence),
      b.records.map((r) => r.id), b.records.map((r) => r.record), b.records.map((r) => JSON.stringify(r))]);
}

/**
 * Re-processing a stored document, as the SQLite engine does: claims that
 * come back (same id) are updated in place and keep their events, new ones
 * are merged, vanished ones leave their events; every touched event is re-derived.
 */
async function replaceClaims(tx: Sql, id: string, b: DocumentBundle): Promise<AddResult> {
  const t = now();
  const old = new Map((await rows<{ id: string; event_id: string }>(tx,
    'SELECT c.id, ec.event_id FROM claims c JOIN event_claims ec ON ec.claim_id = c.id WHERE c.document_id = $1', [id])).map((r) => [r.id, r.event_id]));
  const touched = new Set<string>();
  const events: string[] = [];
  const claims = b.claims.map((c) => ({ ...c, document_id: id, record: { ...c.record, document_id: id } }));
  const fresh = claims.filter((c) => !old.has(c.id));
  const matches = new Map((await matchClaims(tx, fresh, id)).map((m, i) => [fresh[i].id, m]));
  for (const [ordinal, claim] of claims.entries()) {
    const eventId = old.get(claim.id);
    if (eventId) {
      await tx.query('UPDATE claims SET ordinal = $1, outlet = $2, claimed_by = $3, sentence = $4, start = $5, "end" = $6, record = $7 WHERE id = $8',
        [ordinal, claim.outlet, claim.claimed_by, claim.sentence, claim.start, claim.end, JSON.stringify(claim.record), claim.id]);
      old.delete(claim.id);
      touched.add(eventId);
      events.push(eventId);
    } else {
      const placed = await placeClaim(tx, claim, ordinal, t, matches.get(claim.id)!);
      await saveEvent(tx, placed);
      events.push(placed);
    }
  }
  if (old.size) await tx.query('DELETE FROM claims WHERE id = ANY($1::text[])', [[...old.keys()]]);
  for (const eventId of old.values()) touched.add(eventId);
  for (const eventId of touched) await saveEvent(tx, eventId);
  await tx.query('WITH a AS (DELETE FROM sentences WHERE document_id = $1), b AS (DELETE FROM spans WHERE document_id = $1) DELETE FROM records WHERE document_id = $1', [id]);
  await writeAnnotations(tx, id, b);
  return { document_id: id, duplicate_of: null, events: [...new Set(events)] };
}

/**
 * The statement that opens a transaction of these documents with their
 * advisory locks (see locks.ts), sent with BEGIN in one round trip: every
 * document's and claim's lock at once, in key order. The keys are numbers
 * we made, so they go into the text as they are.
 */
export function documentLockStatement(...b: DocumentBundle[]): string {
  const locks = sortedLocks(b.flatMap((x) => [...documentLocks(x.document), ...x.claims.flatMap(claimLocks)]));
  return `SELECT sitrep_lock_all('{${locks.map(([k]) => k).join(',')}}'::bigint[], '{${locks.map(([, m]) => m === 'shared').join(',')}}'::boolean[])`;
}

interface Placed {
  claim: Claim;
  ordinal: number;
  eventId: string;
  match: MergeChoice | null;
}

/**
 * The events the claims joined, re-derived with them: each event's advisory
 * lock first (sorted, in one round trip), then its claims and corrections as
 * they stand (the next), the new claims after them.
 */
async function joinedEvents(tx: Sql, placed: Placed[], t: string): Promise<Record<string, unknown>[]> {
  const joined = placed.filter((p) => p.match);
  if (!joined.length) return [];
  const ids = [...new Set(joined.map((p) => p.eventId))];
  const keys = sortedLocks(ids.map((id) => [lockKey('event', id), 'exclusive']));
  await tx.query('SELECT sitrep_lock_all($1::bigint[], $2::boolean[])', [keys.map(([k]) => k), keys.map(() => false)]);
  const found = await rows<{ event_id: string; claims: (Omit<Claim, 'record'> & { record: string })[] | null; corrections: CorrectionRow[] | null }>(tx,
    `SELECT q.event_id,
       (SELECT json_agg(json_build_object('id', c.id, 'document_id', c.document_id, 'outlet', c.outlet, 'claimed_by', c.claimed_by,
          'sentence', c.sentence, 'start', c.start, 'end', c."end", 'record', c.record) ORDER BY c.created_at, c.document_id, c.ordinal)
        FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = q.event_id) AS claims,
       (SELECT json_agg(json_build_object('field', field, 'value', value, 'review_state', review_state) ORDER BY id)
        FROM corrections WHERE event_id = q.event_id) AS corrections
     FROM unnest($1::text[]) AS q(event_id)`, [ids]);
  return found.map((f) => {
    const claims: Claim[] = (f.claims ?? []).map((r) => ({ ...r, record: JSON.parse(r.record) as EventRecord }));
    for (const p of joined) if (p.eventId === f.event_id) claims.push(p.claim);
    return eventRow(storedEvent(f.event_id, claims, reviewFrom(f.corrections ?? []), t));
  });
}

/**
 * Stores one document inside the caller's transaction, which holds its
 * locks (documentLockStatement); see Store.addDocument. Duplicates and the
 * merge candidates of every claim come in one round trip; everything the
 * document brings is written in the next (plus two when a claim joins a
 * stored event). A claim never joins an event that a claim of the same
 * document made or joined, so one read of the candidates serves all claims.
 */
export async function addDocument(tx: Sql, b: DocumentBundle): Promise<AddResult> {
  const d = b.document;
  const dup = duplicatesQuery(d);
  const cand = candidatesQuery(b.claims, d.id, dup.params.length + 1);
  const found = await rows<DuplicateRow & { i: number | null; record: string | null }>(tx,
    `SELECT via, id, minhash, text, NULL::int AS i, NULL AS record FROM (${dup.text}) dup
     UNION ALL SELECT 'candidate', id, NULL, NULL, i, record FROM (${cand.text}) cand`, [...dup.params, ...cand.params]);
  const hit = duplicateOf(d, found.filter((r) => r.via !== ('candidate' as string)));
  if (hit && b.replace && hit.via === 'hash') return replaceClaims(tx, hit.document_id, b);
  if (hit) return recordCopy(tx, hit, b);
  const t = now();
  const matches = assignClaims(b.claims.map((c) => c.record), candidatesByClaim(b.claims.length, found));
  const placed: Placed[] = b.claims.map((claim, ordinal) => ({ claim, ordinal, eventId: matches[ordinal]?.eventId ?? stableId('ev', claim.id), match: matches[ordinal] }));
  const events = [
    ...placed.filter((p) => !p.match).map((p) => eventRow(storedEvent(p.eventId, [p.claim], reviewFrom([]), t))),
    ...(await joinedEvents(tx, placed, t)),
  ];
  const hashes = d.minhash ? bands(d.minhash) : [];
  const sp = b.spans;
  const inserted = await row<{ n: number }>(tx,
    `WITH ${EVENT_UPSERT},
     d AS (INSERT INTO documents (id, title, source, url, canonical_url, published, language, text, content_hash, minhash, warnings, ingested_at)
       VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING RETURNING id),
     b AS (INSERT INTO document_bands (band, hash, document_id) SELECT band, hash, d.id FROM d, unnest($14::int[], $15::bigint[]) AS t(band, hash)
       ON CONFLICT DO NOTHING),
     s AS (INSERT INTO sentences (document_id, idx, start, "end") SELECT d.id, n - 1, s, e FROM d, unnest($16::int[], $17::int[]) WITH ORDINALITY AS t(s, e, n)),
     p AS (INSERT INTO spans (document_id, kind, start, "end", label, sentence)
       SELECT d.id, kind, start, e, label, sentence FROM d, unnest($18::text[], $19::int[], $20::int[], $21::text[], $22::int[]) AS t(kind, start, e, label, sentence)
       ON CONFLICT DO NOTHING),
     r AS (INSERT INTO records (id, document_id, kind, record) SELECT rid, d.id, kind, rec FROM d, unnest($23::text[], $24::text[], $25::text[]) AS t(rid, kind, rec)
       ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, kind = excluded.kind, record = excluded.record),
     cl_in AS (SELECT * FROM json_to_recordset($26::json) AS t(id text, ordinal int, outlet text, claimed_by text, sentence text, start int, "end" int,
       record text, event_id text, features text, score float8)),
     c AS (INSERT INTO claims (id, document_id, ordinal, outlet, claimed_by, sentence, start, "end", record, created_at)
       SELECT cl_in.id, d.id, ordinal, outlet, claimed_by, sentence, start, "end", record, $13 FROM d, cl_in RETURNING id),
     m AS (INSERT INTO merges (event_id, merged_at, claim_ids, document_ids, features, score)
       SELECT event_id, $13, json_build_array(cl_in.id)::text, json_build_array(d.id)::text, features, score FROM d, cl_in WHERE features IS NOT NULL
       RETURNING id, claim_ids),
     ec AS (INSERT INTO event_claims (claim_id, event_id, merge_id)
       SELECT c.id, cl_in.event_id, m.id FROM c JOIN cl_in ON cl_in.id = c.id LEFT JOIN m ON m.claim_ids = json_build_array(c.id)::text)
     SELECT count(*)::int AS n FROM d`,
    [JSON.stringify(events), d.id, d.title, d.source, d.url, d.canonical_url, d.published, d.language, d.text, d.content_hash,
      d.minhash ? signatureToBlob(d.minhash) : null, JSON.stringify(d.warnings), t, hashes.map((_, i) => i), hashes,
      b.sentences.map((x) => x.start), b.sentences.map((x) => x.end),
      sp.map((x) => x.kind), sp.map((x) => x.start), sp.map((x) => x.end), sp.map((x) => x.label), sp.map((x) => x.sentence),
      b.records.map((r) => r.id), b.records.map((r) => r.record), b.records.map((r) => JSON.stringify(r)),
      JSON.stringify(placed.map((p) => ({ id: p.claim.id, ordinal: p.ordinal, outlet: p.claim.outlet, claimed_by: p.claim.claimed_by,
        sentence: p.claim.sentence, start: p.claim.start, end: p.claim.end, record: JSON.stringify(p.claim.record), event_id: p.eventId,
        features: p.match ? JSON.stringify(p.match.features) : null, score: p.match?.score ?? null })))]);
  // the id taken by another text: nothing of this document was inserted, and throwing rolls the rest back
  if (inserted!.n === 0) {
    throw new StoreError('document_id_taken', `document id "${d.id}" is already used by a different text`);
  }
  return { document_id: d.id, duplicate_of: null, events: [...new Set(placed.map((p) => p.eventId))] };
}

/** Undoes merges; see Store.splitEvent. */
export async function splitEvent(tx: Sql, id: string, claimIds?: string[]): Promise<string[] | null> {
  await lockEvent(tx, id);
  if (!(await exists(tx, 'events', id))) return null;
  const members = await rows<{ claim_id: string; merge_id: number | null }>(tx, 'SELECT claim_id, merge_id FROM event_claims WHERE event_id = $1', [id]);
  const merges = claimIds?.length ? [] : await rows<{ id: number }>(tx, 'SELECT id FROM merges WHERE event_id = $1 AND split_at IS NULL ORDER BY id', [id]);
  const groups = splitGroups(id, members, merges.map((m) => m.id), claimIds);
  const t = now();
  const created: string[] = [];
  for (const group of groups) {
    const newId = stableId('ev', ...group, 'split');
    await tx.query('UPDATE event_claims SET event_id = $1, merge_id = NULL WHERE claim_id = ANY($2::text[])', [newId, group]);
    await tx.query(
      `UPDATE merges SET split_at = $1, split_into = $2 WHERE event_id = $3 AND split_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM event_claims ec WHERE ec.merge_id = merges.id AND ec.event_id = merges.event_id)`, [t, newId, id]);
    await saveEvent(tx, newId);
    created.push(newId);
  }
  await saveEvent(tx, id);
  return [id, ...created];
}

export async function reviewEvent(tx: Sql, id: string, patch: ReviewPatch): Promise<StoredEvent | null> {
  await lockEvent(tx, id);
  if (!(await exists(tx, 'events', id))) return null;
  const t = now();
  const fields = Object.entries(patch.fields ?? {});
  for (const [field] of fields) {
    if (!(CORRECTABLE_FIELDS as readonly string[]).includes(field)) throw new StoreError('bad_correction', `field "${field}" cannot be corrected`);
  }
  const state = patch.review_state ?? (fields.length ? 'corrected' : null);
  for (const [i, [field, value]] of fields.entries()) {
    await tx.query('INSERT INTO corrections (event_id, field, value, review_state, note, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, field, JSON.stringify(value), i === fields.length - 1 ? state : null, patch.note ?? null, t]);
  }
  if (!fields.length) {
    await tx.query('INSERT INTO corrections (event_id, field, value, review_state, note, created_at) VALUES ($1, NULL, NULL, $2, $3, $4)', [id, state, patch.note ?? null, t]);
  }
  return saveEvent(tx, id);
}
