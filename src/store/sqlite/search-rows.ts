/**
 * The full-text rows of one write transaction (events' search entries,
 * documents' text), written together just before it commits.
 *
 * Written where they arise, they cost several times their own work: FTS5
 * writes its pending terms to disk as a new segment (then merges segments)
 * whenever a statement of the transaction opens a savepoint, which most
 * writes with triggers or REPLACE do, and whenever a row's key is not above
 * the last one written, which event keys (day × 2^32 + event, migration
 * 007) rarely are in arrival order. Gathered, the plain tables are written
 * first, then the index rows in key order: one segment a commit.
 */
import type { Db } from './db.ts';

/** An event's search key from its row, the key it had, and its facet tokens (migrations 007, 010). */
const EVENT_KEYS = `SELECT coalesce(CAST(julianday(e.event_date) AS INTEGER), 0) * 4294967296 + e.rowid AS key, k.key AS old, f.tokens
  FROM events e JOIN event_facets f ON f.rowid = e.rowid LEFT JOIN event_search_keys k ON k.event_rowid = e.rowid WHERE e.rowid = ?`;

export class SearchRows {
  /** event rowid → its search text (the last written wins) */
  private readonly events = new Map<number, string>();
  private readonly documents: [number, string, string][] = [];

  /** An event's search entry, written (replacing its old one) at commit. */
  event(rowid: number, text: string): void {
    this.events.set(rowid, text);
  }

  /** An event deleted in this transaction: its entry, if stored, went with it (migration 007's trigger). */
  forget(rowid: number): void {
    this.events.delete(rowid);
  }

  document(rowid: number, title: string, text: string): void {
    this.documents.push([rowid, title, text]);
  }

  clear(): void {
    this.events.clear();
    this.documents.length = 0;
  }

  /** Writes everything gathered, inside the caller's transaction. */
  flush(db: Db): void {
    if (this.events.size) {
      // keys pass 2^53: read and bound as BigInt
      const keysOf = db.stmt(EVENT_KEYS).safeIntegers(true);
      const entries: { key: bigint; old: bigint | null; text: string; rowid: number }[] = [];
      for (const [rowid, text] of this.events) {
        const r = keysOf.get(rowid) as { key: bigint; old: bigint | null; tokens: string | null } | undefined;
        if (r) entries.push({ key: r.key, old: r.old, text: text + (r.tokens ?? ''), rowid });
      }
      const setKey = db.stmt('INSERT OR REPLACE INTO event_search_keys (event_rowid, key) VALUES (?, ?)');
      for (const e of entries) setKey.run(e.rowid, e.key);
      const drop = db.stmt('DELETE FROM events_search WHERE rowid = ?');
      for (const old of entries.map((e) => e.old).filter((k): k is bigint => k !== null).sort(byKey)) drop.run(old);
      const add = db.stmt('INSERT INTO events_search (rowid, text) VALUES (?, ?)');
      for (const e of entries.sort((a, b) => byKey(a.key, b.key))) add.run(e.key, e.text);
    }
    const doc = db.stmt('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)');
    for (const [rowid, title, text] of this.documents.sort((a, b) => a[0] - b[0])) doc.run(rowid, title, text);
    this.clear();
  }
}

function byKey(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
