/**
 * New documents' LSH keys wait in document_lsh_recent and move to
 * document_lsh in bulk (migration 016): a near copy is found wherever its
 * original's keys are, before the move, after it, and across a batch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './index.ts';
import { addLshKeys, MOVE_EVERY, moveLshKeys } from './lsh.ts';
import { minhash } from '../fingerprint.ts';
import { bundle } from '../../../test/store-fixtures.ts';

// the place every few words: two places' reports share no shingle
const report = (place: string) => Array.from({ length: 8 }, (_, i) => `In ${place} ${i}, fighters of ${place} advanced on ${place} villages while ${place} rebels fell back toward the ${place} border crossing.`).join('\n');

async function withStore(fn: (store: SqliteStore, count: (table: string) => number) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lsh-'));
  const store = new SqliteStore(join(dir, 'lsh.db'));
  try {
    await fn(store, (table) => (store.db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a near copy is found while its original keys are recent, and after they moved', async () => {
  await withStore(async (store, count) => {
    await store.addDocument(bundle('aleppo', report('Aleppo'), []));
    assert.equal(count('document_lsh_recent'), 16);
    assert.equal(count('document_lsh'), 0);
    const copy = bundle('copy', 'Share\n' + report('Aleppo') + '\nAdvertisement', []);
    assert.equal((await store.findDuplicate(copy.document))?.via, 'near');

    await store.addDocument(bundle('idlib', report('Idlib'), []));
    moveLshKeys(store.db);
    assert.deepEqual([count('document_lsh_recent'), count('document_lsh')], [0, 32], 'all move');

    const found = await store.findDuplicate(copy.document);
    assert.deepEqual([found?.document_id, found?.via], ['aleppo', 'near']);
    assert.equal((await store.addDocument(copy)).duplicate_of, 'aleppo');
    // a batch whose first document's keys are recent and the rest's copy is of a moved one
    const results = await store.addDocuments([bundle('homs', report('Homs'), []), bundle('homs-copy', report('Homs') + '\nRead more', []), bundle('idlib-copy', report('Idlib') + '\nRead more', [])]);
    assert.deepEqual(results.map((r) => (r instanceof Error ? r.message : r.duplicate_of)), [null, 'homs', 'idlib']);
  });
});

test(`the recent keys move when a document of rowid a multiple of ${MOVE_EVERY} is written`, async () => {
  await withStore(async (store, count) => {
    const insert = store.db.raw.prepare(`INSERT INTO documents (rowid, id, language, text, content_hash, ingested_at) VALUES (?, ?, 'en', ?, ?, '2016-05-29')`);
    for (const [rowid, place] of [[MOVE_EVERY - 1, 'Aleppo'], [MOVE_EVERY, 'Idlib'], [MOVE_EVERY + 1, 'Homs']] as const) {
      insert.run(rowid, place, report(place), place);
      addLshKeys(store.db, rowid, minhash(report(place))!);
      if (rowid === MOVE_EVERY - 1) assert.deepEqual([count('document_lsh_recent'), count('document_lsh')], [16, 0]);
    }
    assert.deepEqual([count('document_lsh_recent'), count('document_lsh')], [16, 32]);
  });
});
