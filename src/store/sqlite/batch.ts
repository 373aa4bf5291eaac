/**
 * Documents into the store, one a transaction or several together (a batch
 * ingest): each written whole or not at all, so a process killed at any
 * moment leaves every document stored or absent.
 */
import type { AddResult, DocumentBundle, DocumentKeys } from '../types.ts';
import type { Db } from './db.ts';
import { findDuplicate, revision, type DuplicateCheck } from './duplicates.ts';
import { lshKeys } from './lsh.ts';
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
 * document's duplicate check: their hashes, URLs and MinHash bands (as
 * document_lsh keys).
 */
class Written {
  private readonly texts = new Set<string>();
  private readonly bands = new Set<number>();

  /** Whether an earlier document shares a key with d; then d's keys are added. */
  touchesThenAdd(d: DocumentKeys): boolean {
    const url = d.canonical_url ? `u${d.canonical_url}` : null;
    const bands = d.minhash ? lshKeys(d.minhash) : [];
    const touches = this.texts.has(`h${d.content_hash}`) || (url !== null && this.texts.has(url)) || bands.some((k) => this.bands.has(k));
    this.texts.add(`h${d.content_hash}`);
    if (url !== null) this.texts.add(url);
    for (const k of bands) this.bands.add(k);
    return touches;
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
        const hit = !written.touchesThenAdd(d) && stands(checked, d, current) ? checked.hit : findDuplicate(db, d);
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
