/**
 * A store that cannot be reached: `sitrep serve` stops at start with one line
 * that shows no password, and a request that meets a lost database gets 503.
 * Nothing listens on 127.0.0.1:1, so no PostgreSQL server is needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/serve/app.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEAD = 'postgres://sitrep:s3cret-pw@127.0.0.1:1/nowhere';

test('sitrep serve with a PostgreSQL URL nobody answers: exit 2, one line, password masked', () => {
  const r = spawnSync(process.execPath, ['bin/sitrep.js', 'serve', '--port', '0', '--db', DEAD], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^sitrep serve: cannot open PostgreSQL at postgres:\/\/sitrep:\*\*\*@127\.0\.0\.1:1\/nowhere: no server is listening there/);
  assert.ok(!r.stderr.includes('s3cret-pw'));
});

test('a request that cannot reach the database is a 503 naming no password', async () => {
  const app = await buildApp({ db: DEAD });
  try {
    for (const url of ['/api/events', '/api/events/ev_x', '/api/documents/d', '/api/aggregates?by=week']) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 503, `${url}: ${r.body}`);
      assert.equal(r.json().code, 'store_unavailable');
      assert.ok(!r.body.includes('s3cret-pw'), r.body);
    }
  } finally {
    await app.close();
  }
});
