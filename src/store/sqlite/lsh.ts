/**
 * A document's MinHash LSH bands as keys of the near-duplicate index
 * (migrations 011, 016): new keys go to document_lsh_recent, which joins
 * document_lsh in one sorted pass every MOVE_EVERY documents.
 */
import { bands } from '../fingerprint.ts';
import type { Db } from './db.ts';

/**
 * The recent keys move when a document's rowid is a multiple of this: at
 * most 32,768 keys wait (a few hundred pages), and a move shares each page
 * of a large document_lsh among many of them. No count is needed (one
 * would read the whole recent table).
 */
export const MOVE_EVERY = 2048;

/** A document's LSH bands as keys: band × 2^32 + the band's hash. */
export function lshKeys(sig: Uint32Array): number[] {
  return bands(sig).map((h, band) => band * 2 ** 32 + h);
}

/** Stores a document's keys, inside the caller's transaction; every MOVE_EVERY documents, moves the recent keys into document_lsh. */
export function addLshKeys(db: Db, doc: number, sig: Uint32Array): void {
  // a row at a time: a prepared one-row INSERT costs a quarter of one INSERT of 16 rows (VALUES lists and json_each go through a subquery)
  for (const key of lshKeys(sig)) db.run('INSERT INTO document_lsh_recent (key, doc) VALUES (?, ?)', key, doc);
  if (doc % MOVE_EVERY === 0) moveLshKeys(db);
}

/** Moves the recent keys into document_lsh, in key order. */
export function moveLshKeys(db: Db): void {
  db.run('INSERT OR IGNORE INTO document_lsh (key, doc) SELECT key, doc FROM document_lsh_recent ORDER BY key, doc');
  db.run('DELETE FROM document_lsh_recent');
}
