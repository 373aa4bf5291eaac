/**
 * A document's MinHash LSH bands as keys of the near-duplicate index
 * (migrations 011, 016): new keys go to document_lsh_recent, which joins
 * document_lsh in one sorted pass once it holds more than RECENT_KEYS.
 */
import { bands } from '../fingerprint.ts';
import type { Db } from './db.ts';

/** about 2,000 documents' keys: the recent table stays a few hundred pages, and a move shares each page of a large index among many keys */
export const RECENT_KEYS = 32_768;
/** the recent table's size is looked at when a document's rowid is a multiple of this (a count reads the whole table) */
const CHECK_EVERY = 128;

/** A document's LSH bands as keys: band × 2^32 + the band's hash. */
export function lshKeys(sig: Uint32Array): number[] {
  return bands(sig).map((h, band) => band * 2 ** 32 + h);
}

/** Stores a document's keys, inside the caller's transaction; now and then moves the recent keys into document_lsh. */
export function addLshKeys(db: Db, doc: number, sig: Uint32Array, limit = RECENT_KEYS): void {
  // a row at a time: a prepared one-row INSERT costs a quarter of one INSERT of 16 rows (VALUES lists and json_each go through a subquery)
  for (const key of lshKeys(sig)) db.run('INSERT INTO document_lsh_recent (key, doc) VALUES (?, ?)', key, doc);
  if (doc % CHECK_EVERY === 0) settleLshKeys(db, limit);
}

/** Moves the recent keys into document_lsh, in key order, when there are more than `limit`. */
export function settleLshKeys(db: Db, limit = RECENT_KEYS): void {
  const { n } = db.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM document_lsh_recent LIMIT ?)', limit + 1)!;
  if (n <= limit) return;
  db.run('INSERT OR IGNORE INTO document_lsh (key, doc) SELECT key, doc FROM document_lsh_recent ORDER BY key, doc');
  db.run('DELETE FROM document_lsh_recent');
}
