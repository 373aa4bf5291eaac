/**
 * A store written before migrations 011 (LSH keys) and 012 (annotations in
 * one row) keeps its near-duplicate lookup and its documents' spans after
 * the upgrade; one written before 014 gets its events' updated_at.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../index.ts';
import { bands, contentHash, minhash, signatureToBlob } from '../fingerprint.ts';
import { bundle } from '../../../test/store-fixtures.ts';
import { migrate } from './migrate.ts';

const text = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: IS fighters advanced on villages north of Aleppo while rebels fell back toward the border crossing at Bab al-Salameh.`).join('\n');

test('migrations 011 and 012 carry the bands, sentences and spans of stored documents over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-upgrade-'));
  try {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    migrate(old, 10);
    const sig = minhash(text)!;
    old.prepare(`INSERT INTO documents (id, language, text, content_hash, minhash, ingested_at) VALUES ('old', 'en', ?, ?, ?, '2016-05-29')`).run(text, contentHash(text), signatureToBlob(sig));
    const band = old.prepare("INSERT INTO document_bands (band, hash, document_id) VALUES (?, ?, 'old')");
    bands(sig).forEach((h, i) => band.run(i, h));
    const sentence = old.prepare(`INSERT INTO sentences (document_id, idx, start, "end") VALUES ('old', ?, ?, ?)`);
    text.split('\n').reduce((at, line, i) => (sentence.run(i, at, at + line.length), at + line.length + 1), 0);
    const span = old.prepare(`INSERT INTO spans (document_id, kind, start, "end", label, sentence) VALUES ('old', ?, ?, ?, ?, ?)`);
    span.run('place', 55, 61, 'Aleppo', 0);
    span.run('actor', 13, 15, 'Islamic State (Syria)', 0);
    span.run('actor', 68, 74, null, 0);
    old.close();

    const store = openStore(path);
    const doc = (await store.getDocument('old'))!;
    assert.deepEqual(doc.spans.map((s) => [s.kind, s.start, s.end, s.label, s.text]), [
      ['actor', 13, 15, 'Islamic State (Syria)', 'IS'], ['place', 55, 61, 'Aleppo', 'Aleppo'], ['actor', 68, 74, null, 'rebels']]);
    const copy = bundle('new', 'Share\n' + text + '\nAdvertisement', []);
    assert.equal((await store.findDuplicate(copy.document))?.document_id, 'old', 'the old bands still find the near copy');
    assert.equal((await store.addDocument(copy)).duplicate_of, 'old');
    const raw = (store as unknown as { db: { raw: Database.Database } }).db.raw;
    assert.deepEqual(raw.prepare(`SELECT idx, start, "end" FROM sentences WHERE document_id = 'old' ORDER BY idx`).all().map((r) => Object.values(r as object)),
      text.split('\n').map((line, i) => [i, text.indexOf(line), text.indexOf(line) + line.length]));
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 014 gives each stored event record the updated_at its row kept, the rest of its text as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-upgrade-'));
  try {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    migrate(old, 13);
    const record = '{"id":"ev1","event_date":"2016-05-27","lat":36.48259,"review":{"state":"unreviewed","corrected_fields":[]},"source_count":1,"document_ids":["a"]}';
    old.prepare(`INSERT INTO events (rowid, id, event_date, date_start, date_end, event_type, sub_event_type, confidence, source_count, document_ids, created_at, updated_at)
      VALUES (1, 'ev1', '2016-05-27', '2016-05-27', '2016-05-27', 'Battles', 'Armed clash', 0.9, 1, '["a"]', '2016-05-29T10:00:00.000Z', '2016-05-30T11:00:00.000Z')`).run();
    old.prepare('INSERT INTO event_records (rowid, record) VALUES (1, ?)').run(record);
    old.close();
    const store = openStore(path);
    const raw = (store as unknown as { db: { raw: Database.Database } }).db.raw;
    const upgraded = (raw.prepare('SELECT record FROM event_records WHERE rowid = 1').get() as { record: string }).record;
    assert.equal(upgraded, record.slice(0, -1) + ',"updated_at":"2016-05-30T11:00:00.000Z"}');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
