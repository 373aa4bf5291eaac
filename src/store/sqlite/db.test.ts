/**
 * FTS5's segment merges delete rowid ranges from its data tables: the
 * planner must seek them, not scan, even with the statistics a new (empty)
 * store gets when it is opened.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from './db.ts';

const plan = (db: Db, table: string) =>
  (db.raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM ${table} WHERE id >= ? AND id <= ?`).all(1, 2) as { detail: string }[]).map((r) => r.detail).join(' | ');

test('the search tables\' data is read by rowid range in a new store, and once it is opened again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-db-'));
  try {
    for (let open = 0; open < 2; open++) {
      const db = new Db(join(dir, 'new.db'));
      for (const table of ['documents_fts_data', 'events_search_data']) assert.match(plan(db, table), /USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/, `${table}, opening ${open + 1}`);
      db.raw.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
