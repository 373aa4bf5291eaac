/**
 * kill -9 in the middle of an ingest leaves a consistent database, and a
 * rerun finishes the job without duplicates. A real child process, killed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = 12;

function ingest(db: string, input: string) {
  return spawn(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'ingest', '--db', db, '--source', 'VOA', input], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function consistency(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const one = (sql: string) => Object.values(db.prepare(sql).get() as object)[0];
    assert.equal(one('PRAGMA integrity_check'), 'ok');
    assert.equal(db.prepare('PRAGMA foreign_key_check').all().length, 0, 'no dangling references');
    assert.equal(one('SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_claims ec WHERE ec.event_id = e.id)'), 0, 'every event has claims');
    assert.equal(one('SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM event_claims ec WHERE ec.claim_id = c.id)'), 0, 'every claim has its event');
    assert.equal(one('SELECT count(*) FROM documents'), one('SELECT count(*) FROM documents_fts'), 'search index complete');
    assert.equal(one('SELECT count(*) FROM events'), one('SELECT count(*) FROM events_fts'));
    assert.equal(one('SELECT count(*) FROM (SELECT content_hash FROM documents GROUP BY content_hash HAVING count(*) > 1)'), 0);
    return { documents: one('SELECT count(*) FROM documents') as number, claims: one('SELECT count(*) FROM claims') as number, events: one('SELECT count(*) FROM events') as number };
  } finally {
    db.close();
  }
}

test('kill -9 mid-ingest, then rerun: consistent, complete, no duplicates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
  try {
    const input = join(dir, 'stories.jsonl');
    writeFileSync(input, readFileSync(join(ROOT, 'examples/voa_stories.jsonl'), 'utf8').split('\n').slice(0, DOCS).join('\n') + '\n');
    const db = join(dir, 'crash.db');
    const child = ingest(db, input);
    let lines = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        lines += c.toString().split('\n').filter(Boolean).length;
        if (lines >= 3 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => (lines >= 3 ? resolve() : reject(new Error('ingest ended before it could be killed'))));
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
    assert.equal(child.signalCode, 'SIGKILL');
    const partial = consistency(db);
    assert.ok(partial.documents >= 3 && partial.documents < DOCS, `killed part-way: ${partial.documents} documents`);

    const rerun = spawnSync(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'ingest', '--db', db, '--source', 'VOA', '--quiet', input], { encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    const full = consistency(db);
    assert.equal(full.documents, DOCS);
    assert.match(rerun.stderr, new RegExp(`${partial.documents} duplicates`), 'the rerun skipped what was stored');

    const again = spawnSync(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'ingest', '--db', db, '--quiet', input], { encoding: 'utf8' });
    assert.equal(again.status, 0);
    assert.deepEqual(consistency(db), full, 're-ingesting is idempotent');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
