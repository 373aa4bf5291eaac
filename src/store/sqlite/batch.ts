/**
 * Documents into the store, one a transaction or several together (a batch
 * ingest): each written whole or not at all, so a process killed at any
 * moment leaves every document stored or absent.
 */
import { bands } from '../fingerprint.ts';
import type { AddResult, DocumentBundle, DocumentKeys } from '../types.ts';
import type { Db } from './db.ts';
import { findDuplicate, revision, type DuplicateCheck } from './duplicates.ts';
import { writeDocument } from './write.ts';

/** A check the caller made still stands: same keys, and the store has not moved since. */
function stands(checked: DuplicateCheck | undefined, d: DocumentKeys, current: number): checked is DuplicateCheck {
  return !!checked && checked.content_hash === d.content_hash && checked.canonical_url === d.canonical_url && checked.revision === current;
}

/**
 * Stores one document. `checked` is the caller's duplicate check; it stands
 * when no write has come in since (the revision has not moved), else the
 * check runs again inside the transaction.
 */
export function addDocument(db: Db, b: DocumentBundle, checked?: DuplicateCheck): AddResult {
  return db.transaction(() => writeDocument(db, b, stands(checked, b.document, revision(db)) ? checked.hit : findDuplicate(db, b.document)));
}

/**
 * What the documents written so far in a batch could change in a later
 * document's duplicate check: their hashes, URLs and MinHash bands.
 */
class Written {
  private readonly keys = new Set<string>();

  add(d: DocumentKeys): void {
    for (const k of this.of(d)) this.keys.add(k);
  }

  touches(d: DocumentKeys): boolean {
    return this.of(d).some((k) => this.keys.has(k));
  }

  private of(d: DocumentKeys): string[] {
    return [`h${d.content_hash}`, ...(d.canonical_url ? [`u${d.canonical_url}`] : []), ...(d.minhash ? bands(d.minhash).map((h, i) => `b${i}:${h}`) : [])];
  }
}

/**
 * Several documents in one transaction, each written whole, in order, as
 * addDocument would one after another: a killed process leaves each of
 * them stored or absent, and every document pays for one commit's pages
 * (the search index's segment, the shared index pages) a share instead
 * of all. A caller's check stands unless the store moved or an earlier
 * document of the batch shares a key with it. Should one document fail,
 * the batch is undone and each goes again in its own transaction, so only
 * that one fails.
 */
export function addDocuments(db: Db, bundles: DocumentBundle[], checks: (DuplicateCheck | undefined)[]): (AddResult | Error)[] {
  try {
    return db.transaction(() => {
      const current = revision(db);
      const written = new Written();
      return bundles.map((b, i) => {
        const d = b.document;
        const checked = checks[i];
        const hit = stands(checked, d, current) && !written.touches(d) ? checked.hit : findDuplicate(db, d);
        written.add(d);
        return writeDocument(db, b, hit);
      });
    });
  } catch {
    return bundles.map((b, i) => {
      try {
        return addDocument(db, b, checks[i]);
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    });
  }
}
