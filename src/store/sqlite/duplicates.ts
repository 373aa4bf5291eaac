/**
 * The duplicate check: whether a stored document has the same text, was
 * seen at the same URL, or shares a MinHash LSH band and the same facts.
 */
import { BANDS, blobToSignature, NEAR_DUPLICATE, sameFacts, similarity } from '../fingerprint.ts';
import type { DocumentKeys, DuplicateHit } from '../types.ts';
import type { Db } from './db.ts';
import { lshKeys } from './lsh.ts';

/** What a duplicate check found, and the store's revision it looked at. */
export interface DuplicateCheck {
  content_hash: string;
  canonical_url: string | null;
  revision: number;
  hit: DuplicateHit | null;
}

export function revision(db: Db): number {
  return db.get<{ n: number }>('SELECT n FROM store_revision WHERE id = 1')!.n;
}

/**
 * The check with the revision it looked at: every write is committed with
 * a new revision, so while the revision stands, the answer does.
 */
export function checkDuplicate(db: Db, keys: DocumentKeys): DuplicateCheck {
  const { revision: seen, hit } = lookup(db, keys, true);
  return { content_hash: keys.content_hash, canonical_url: keys.canonical_url, revision: seen, hit };
}

const NO_LSH: null[] = Array.from({ length: BANDS }, () => null);
const LSH_SLOTS = Array.from({ length: BANDS }, () => '?').join(', ');

/**
 * Every way a stored document can match the keys, in one statement (and
 * the revision, when asked): the document with the same text, one seen at
 * the same URL, and those sharing an LSH band (in document_lsh or, for
 * the latest documents, document_lsh_recent: lsh.ts), oldest first.
 */
const LOOKUP = `
  SELECT 'revision' AS via, n AS id, NULL AS minhash, 0 AS seq FROM store_revision WHERE id = 1 AND ?
  UNION ALL SELECT 'hash', id, NULL, 0 FROM documents WHERE content_hash = ?
  UNION ALL SELECT 'url', id, NULL, 0 FROM (SELECT id FROM documents WHERE canonical_url = ? UNION SELECT document_id FROM document_copies WHERE canonical_url = ? LIMIT 1)
  UNION ALL SELECT 'near', d.id, d.minhash, d.rowid FROM documents d WHERE d.rowid IN (SELECT doc FROM document_lsh WHERE key IN (${LSH_SLOTS})
    UNION ALL SELECT doc FROM document_lsh_recent WHERE key IN (${LSH_SLOTS}))`;

function lookup(db: Db, keys: DocumentKeys, withRevision: boolean): { revision: number; hit: DuplicateHit | null } {
  const lsh = keys.minhash ? lshKeys(keys.minhash) : NO_LSH;
  const rows = db.all<{ via: 'revision' | DuplicateHit['via']; id: string | number; minhash: Buffer | null; seq: number }>(
    LOOKUP, withRevision ? 1 : 0, keys.content_hash, keys.canonical_url, keys.canonical_url, ...lsh, ...lsh);
  const seen = Number(rows.find((r) => r.via === 'revision')?.id ?? -1);
  const exact = rows.find((r) => r.via === 'hash') ?? rows.find((r) => r.via === 'url');
  if (exact) return { revision: seen, hit: { document_id: String(exact.id), similarity: 1, via: exact.via as DuplicateHit['via'] } };
  let best: DuplicateHit | null = null;
  for (const c of rows.filter((r) => r.via === 'near').sort((a, b) => a.seq - b.seq)) {
    if (!c.minhash || !keys.minhash) continue;
    const sim = similarity(keys.minhash, blobToSignature(c.minhash));
    if (sim < NEAR_DUPLICATE || (best && sim <= best.similarity)) continue;
    const text = db.get<{ text: string }>('SELECT text FROM documents WHERE rowid = ?', c.seq)!.text;
    if (sameFacts(keys.text, text)) best = { document_id: String(c.id), similarity: sim, via: 'near' };
  }
  return { revision: seen, hit: best };
}

export function findDuplicate(db: Db, keys: DocumentKeys): DuplicateHit | null {
  return lookup(db, keys, false).hit;
}
