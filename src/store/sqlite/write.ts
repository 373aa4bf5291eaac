/**
 * The write paths inside a transaction: one document (new, a copy, or
 * re-processed), a split, a review. Callers open the IMMEDIATE
 * transaction (batch.ts for documents), so a process killed at any moment
 * leaves either all of a document or none of it.
 */
import { assignClaims, CORRECTABLE_FIELDS, type MergeChoice } from '../../merge/index.ts';
import { signatureToBlob, stableId } from '../fingerprint.ts';
import { StoreError } from '../errors.ts';
import type { AddResult, Claim, DocumentBundle, DuplicateHit, ReviewPatch, StoredEvent } from '../types.ts';
import { Db, now } from './db.ts';
import { addLshKeys } from './lsh.ts';
import { candidates, saveEvent } from './events.ts';
import { splitGroups } from '../rows.ts';

function eventsOfDocument(db: Db, documentId: string): string[] {
  return db.all<{ event_id: string }>(
    'SELECT DISTINCT ec.event_id FROM claims c JOIN event_claims ec ON ec.claim_id = c.id WHERE c.document_id = ? ORDER BY c.ordinal', documentId,
  ).map((r) => r.event_id);
}

/** A copy is worth recording only when it adds a URL or a text variant. */
function recordCopy(db: Db, hit: DuplicateHit, b: DocumentBundle): AddResult {
  const d = b.document;
  db.run(
    `INSERT OR IGNORE INTO document_copies (document_id, canonical_url, content_hash, url, source, title, published, similarity, seen_at)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = ? AND content_hash = ? AND (? IS NULL OR canonical_url = ?))`,
    hit.document_id, d.canonical_url ?? '', d.content_hash, d.url, d.source, d.title, d.published, hit.similarity, now(),
    hit.document_id, d.content_hash, d.canonical_url, d.canonical_url,
  );
  return { document_id: hit.document_id, duplicate_of: hit.document_id, events: eventsOfDocument(db, hit.document_id) };
}

/**
 * Which stored event each new claim of a document joins: all of them judged
 * together against the store as it was before any of them (a claim never
 * joins an event another claim of its document made or joined).
 */
function matchClaims(db: Db, claims: Claim[]): (MergeChoice | null)[] {
  return assignClaims(claims.map((c) => c.record), claims.map((c) => candidates(db, c)));
}

/** A new claim joins its matched event (recording the merge) or starts its own; returns the event id. */
function placeClaim(db: Db, c: Claim, ordinal: number, t: string, match: MergeChoice | null): string {
  db.run(
    'INSERT INTO claims (id, document_id, ordinal, outlet, claimed_by, sentence, start, "end", record, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    c.id, c.document_id, ordinal, c.outlet, c.claimed_by, c.sentence, c.start, c.end, JSON.stringify(c.record), t,
  );
  if (!match) {
    const eventId = stableId('ev', c.id);
    db.run('INSERT INTO event_claims (claim_id, event_id, merge_id) VALUES (?, ?, NULL)', c.id, eventId);
    return eventId;
  }
  const { id: mergeId } = db.get<{ id: number }>(
    'INSERT INTO merges (event_id, merged_at, claim_ids, document_ids, features, score) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
    match.eventId, t, JSON.stringify([c.id]), JSON.stringify([c.document_id]), JSON.stringify(match.features), match.score,
  )!;
  db.run('INSERT INTO event_claims (claim_id, event_id, merge_id) VALUES (?, ?, ?)', c.id, match.eventId, mergeId);
  return match.eventId;
}

/** Sentences and spans as one row of JSON arrays (migration 012), the first span of each (kind, start, end) kept; records a row each. */
function writeAnnotations(db: Db, id: string, doc: number, b: DocumentBundle): void {
  if (b.sentences.length || b.spans.length) {
    const seen = new Set<string>();
    const spans = b.spans.filter((s) => {
      const key = `${s.kind} ${s.start} ${s.end}`;
      return !seen.has(key) && !!seen.add(key);
    });
    db.run('INSERT OR REPLACE INTO document_annotations (doc, sentences, spans) VALUES (?, ?, ?)', doc,
      JSON.stringify(b.sentences.map((s) => [s.start, s.end])), JSON.stringify(spans.map((s) => [s.kind, s.start, s.end, s.label, s.sentence])));
  }
  for (const r of b.records) db.run('INSERT OR REPLACE INTO records (id, document_id, kind, record) VALUES (?, ?, ?, ?)', r.id, id, r.record, JSON.stringify(r));
}

/**
 * Re-processing a stored document: claims that come back (same id) are
 * updated in place and keep their events, new ones are merged, vanished
 * ones leave their events; every touched event is re-derived, so
 * reviewer corrections stay on top.
 */
function replaceClaims(db: Db, id: string, b: DocumentBundle): AddResult {
  const t = now();
  const old = new Map(db.all<{ id: string; event_id: string }>(
    'SELECT c.id, ec.event_id FROM claims c JOIN event_claims ec ON ec.claim_id = c.id WHERE c.document_id = ?', id).map((r) => [r.id, r.event_id]));
  const touched = new Set<string>();
  const events: string[] = [];
  const claims = b.claims.map((c) => ({ ...c, document_id: id, record: { ...c.record, document_id: id } }));
  const fresh = claims.filter((c) => !old.has(c.id));
  const matches = new Map(matchClaims(db, fresh).map((m, i) => [fresh[i].id, m]));
  claims.forEach((claim, ordinal) => {
    const eventId = old.get(claim.id);
    if (eventId) {
      db.run('UPDATE claims SET ordinal = ?, outlet = ?, claimed_by = ?, sentence = ?, start = ?, "end" = ?, record = ? WHERE id = ?',
        ordinal, claim.outlet, claim.claimed_by, claim.sentence, claim.start, claim.end, JSON.stringify(claim.record), claim.id);
      old.delete(claim.id);
      touched.add(eventId);
      events.push(eventId);
    } else {
      const placed = placeClaim(db, claim, ordinal, t, matches.get(claim.id)!);
      saveEvent(db, placed);
      events.push(placed);
    }
  });
  for (const [claimId, eventId] of old) {
    db.run('DELETE FROM claims WHERE id = ?', claimId);
    touched.add(eventId);
  }
  for (const eventId of touched) saveEvent(db, eventId);
  const { rowid } = db.get<{ rowid: number }>('SELECT rowid FROM documents WHERE id = ?', id)!;
  db.run('DELETE FROM document_annotations WHERE doc = ?', rowid);
  db.run('DELETE FROM records WHERE document_id = ?', id);
  writeAnnotations(db, id, rowid, b);
  return { document_id: id, duplicate_of: null, events: [...new Set(events)] };
}


/** One document inside the caller's transaction, its duplicate check already made. */
export function writeDocument(db: Db, b: DocumentBundle, hit: DuplicateHit | null): AddResult {
  const d = b.document;
  if (hit && b.replace && hit.via === 'hash') return replaceClaims(db, hit.document_id, b);
  if (hit) return recordCopy(db, hit, b);
  const t = now();
  const inserted = db.get<{ rowid: number }>(
    `INSERT INTO documents (id, title, source, url, canonical_url, published, language, text, content_hash, minhash, warnings, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING rowid`,
    d.id, d.title, d.source, d.url, d.canonical_url, d.published, d.language, d.text, d.content_hash,
    d.minhash ? signatureToBlob(d.minhash) : null, JSON.stringify(d.warnings), t,
  );
  // the id is taken (the duplicate check found no document with this text): nothing was written
  if (!inserted) throw new StoreError('document_id_taken', `document id "${d.id}" is already used by a different text`);
  const { rowid } = inserted;
  db.search.document(rowid, d.title ?? '', d.text);
  if (d.minhash) addLshKeys(db, rowid, d.minhash);
  writeAnnotations(db, d.id, rowid, b);
  const matches = matchClaims(db, b.claims);
  const events = b.claims.map((c, ordinal) => {
    const eventId = placeClaim(db, c, ordinal, t, matches[ordinal]);
    // a claim of a new document that joined no event is its event's only claim, with no corrections yet
    saveEvent(db, eventId, matches[ordinal] ? undefined : c);
    return eventId;
  });
  return { document_id: d.id, duplicate_of: null, events: [...new Set(events)] };
}

/** Undoes merges; see Store.splitEvent. */
export function splitEvent(db: Db, id: string, claimIds?: string[]): string[] | null {
  return db.transaction(() => {
    if (!db.get('SELECT 1 FROM events WHERE id = ?', id)) return null;
    const members = db.all<{ claim_id: string; merge_id: number | null }>('SELECT claim_id, merge_id FROM event_claims WHERE event_id = ?', id);
    const merges = claimIds?.length ? [] : db.all<{ id: number }>('SELECT id FROM merges WHERE event_id = ? AND split_at IS NULL ORDER BY id', id);
    const groups = splitGroups(id, members, merges.map((m) => m.id), claimIds);
    const t = now();
    const created: string[] = [];
    for (const group of groups) {
      const newId = stableId('ev', ...group, 'split');
      for (const claimId of group) db.run('UPDATE event_claims SET event_id = ?, merge_id = NULL WHERE claim_id = ?', newId, claimId);
      db.run(
        `UPDATE merges SET split_at = ?, split_into = ? WHERE event_id = ? AND split_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM event_claims ec WHERE ec.merge_id = merges.id AND ec.event_id = merges.event_id)`,
        t, newId, id,
      );
      saveEvent(db, newId);
      created.push(newId);
    }
    saveEvent(db, id);
    return [id, ...created];
  });
}

export function reviewEvent(db: Db, id: string, patch: ReviewPatch): StoredEvent | null {
  return db.transaction(() => {
    if (!db.get('SELECT 1 FROM events WHERE id = ?', id)) return null;
    const t = now();
    const fields = Object.entries(patch.fields ?? {});
    for (const [field] of fields) {
      if (!(CORRECTABLE_FIELDS as readonly string[]).includes(field)) throw new StoreError('bad_correction', `field "${field}" cannot be corrected`);
    }
    const state = patch.review_state ?? (fields.length ? 'corrected' : null);
    fields.forEach(([field, value], i) => {
      db.run('INSERT INTO corrections (event_id, field, value, review_state, note, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        id, field, JSON.stringify(value), i === fields.length - 1 ? state : null, patch.note ?? null, t);
    });
    if (!fields.length) db.run('INSERT INTO corrections (event_id, field, value, review_state, note, created_at) VALUES (?, NULL, NULL, ?, ?, ?)', id, state, patch.note ?? null, t);
    return saveEvent(db, id);
  });
}
