/**
 * The real server: `sitrep serve` as a child process on a free port, every
 * endpoint over HTTP, including 400s, 401s and 413s. Only loopback is contacted.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'test-token-123';
const SEED = readFileSync(join(ROOT, 'examples/aleppo-2016-05.txt'), 'utf8');
const SECOND = readFileSync(join(ROOT, 'test/fixtures/ingest/second-report.txt'), 'utf8');
let dir: string;
let child: ChildProcess;
let base: string;
let pages: Server;
let pagesBase: string;

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
async function call(path: string, init: RequestInit = {}) {
  const r = await fetch(base + path, init);
  const type = r.headers.get('content-type') ?? '';
  return { status: r.status, type, body: /application\/(geo\+)?json/.test(type) ? await r.json() : await r.text() };
}
const post = (path: string, body: unknown, headers: Record<string, string> = auth) => call(path, { method: 'POST', headers, body: JSON.stringify(body) });

/**
 * Announces a 20 MB body and sends its first bytes only: the server must
 * answer 413 from the Content-Length alone, before the body arrives.
 */
function hugePost(): Promise<number> {
  const size = 20 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const req = request(base + '/api/documents', { method: 'POST', headers: { ...auth, 'content-length': size } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (e) => reject(e));
    req.write('{"text":"' + 'a'.repeat(64 * 1024));
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const article = `<html lang="en"><head><title>Offensive near Azaz</title><meta property="og:site_name" content="Local Test Wire"></head><body><nav>Home</nav><article><p>${SECOND.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`;
  pages = createServer((req, res) => {
    if (req.url === '/article') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
  pagesBase = `http://127.0.0.1:${(pages.address() as { port: number }).port}`;
  child = spawn(process.execPath, [join(ROOT, 'bin/sitrep.js'), 'serve', '--port', '0', '--db', join(dir, 'serve.db'), '--allow-private'], {
    env: { ...process.env, SITREP_TOKEN: TOKEN }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (c) => {
      err += c;
      const m = /listening on (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve(m[1].replace('[::1]', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
});

after(async () => {
  child?.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  pages?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('every endpoint of the running server', { timeout: 180_000 }, async () => {
  assert.equal((await call('/api/health')).body.ok, true);

  // writes need the token (401), bad bodies are 400, huge bodies 413
  assert.equal((await post('/api/documents', { text: SEED }, { 'content-type': 'application/json' })).status, 401);
  assert.equal((await post('/api/documents', { text: SEED }, { ...auth, authorization: 'Bearer wrong' })).status, 401);
  const empty = await post('/api/documents', {});
  assert.equal(empty.status, 400);
  assert.match(empty.body.message, /text|html|url/);
  assert.equal((await post('/api/documents', { text: 'x', published: 'not a date' })).status, 400);
  assert.equal(await hugePost(), 413);
  const ssrf = await post('/api/documents', { url: 'http://169.254.169.254/latest/meta-data/' });
  assert.ok([400, 502].includes(ssrf.status), 'link-local fetch refused or unreachable, never stored');

  const seed = await post('/api/documents', { text: SEED, published: '2016-05-29', title: 'Syria rebels under fire', source: 'composite wire' });
  assert.equal(seed.status, 200, JSON.stringify(seed.body));
  assert.equal(seed.body.duplicate_of, null);
  assert.ok(seed.body.events.length >= 2);
  const again = await post('/api/documents', { text: SEED, published: '2016-05-29' });
  assert.equal(again.body.duplicate_of, seed.body.document_id, 'the same document is stored once');
  const fetched = await post('/api/documents', { url: `${pagesBase}/article`, published: '2016-05-28' });
  assert.equal(fetched.status, 200, JSON.stringify(fetched.body));

  const list = await call('/api/events?limit=50&sort=-confidence');
  assert.equal(list.status, 200);
  assert.ok(list.body.total >= 2);
  const takeover = list.body.items.find((e: { sub_event_type: string }) => e.sub_event_type === 'Non-state actor overtakes territory');
  assert.ok(takeover && takeover.source_count === 2, 'the URL report merged into the seed takeover');
  for (const q of ['from=2016-05-01&to=2016-06-30', 'bbox=35,33,39,38', 'country=Syria', 'admin1=Aleppo', 'actor=Islamic%20State', 'event_type=Battles', 'min_fatalities=1', 'q=Azaz', 'review=unreviewed', "country=%27%3B%20DROP%20TABLE%20events%3B--"]) {
    assert.equal((await call(`/api/events?${q}`)).status, 200, q);
  }
  for (const q of ['limit=0', 'limit=1001', 'bbox=a,b,c,d', 'sort=drop', 'from=yesterday', 'min_fatalities=x']) {
    const r = await call(`/api/events?${q}`);
    assert.equal(r.status, 400, q);
    assert.ok(r.body.message.length > 0);
  }

  const detail = await call(`/api/events/${takeover.id}`);
  assert.equal(detail.body.claims.length, 2);
  assert.ok(detail.body.disagreements.some((d: { field: string }) => d.field === 'event_date'));
  assert.equal((await call(`/api/events/${takeover.id}/merges`)).body.length, 1);
  assert.equal((await call('/api/events/ev_missing')).status, 404);

  const geo = await call('/api/events.geojson?country=Syria');
  assert.equal(geo.body.type, 'FeatureCollection');
  assert.ok(geo.body.features.every((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates.length === 2));

  const doc = await call(`/api/documents/${seed.body.document_id}`);
  assert.ok(doc.body.spans.length > 5);
  for (const s of doc.body.spans) assert.equal(doc.body.text.slice(s.start, s.end), s.text);
  assert.ok(doc.body.spans.some((s: { event_ids: string[] }) => s.event_ids.includes(takeover.id)));
  assert.equal((await call('/api/documents/nope')).status, 404);
  const found = await call('/api/documents?q=Marea%20Azaz&from=2016-05-29&to=2016-05-29');
  assert.ok(found.body.items.some((d: { id: string; snippet: string }) => d.id === seed.body.document_id && /Marea|Azaz/.test(d.snippet)), JSON.stringify(found.body));
  assert.equal((await call('/api/documents?q=Marea&from=2016-05-30')).body.total, 0);
  assert.equal((await call('/api/documents?to=2016-13-01')).status, 400);

  for (const by of ['day', 'week', 'admin1', 'actor', 'event_type']) {
    const a = await call(`/api/aggregates?by=${by}&country=Syria`);
    assert.equal(a.status, 200, by);
    assert.ok(a.body.rows.length >= 1, by);
  }
  assert.equal((await call('/api/aggregates')).status, 400);

  const csv = await call('/api/export?format=acled-csv');
  assert.match(csv.type, /text\/csv/);
  assert.ok(csv.body.startsWith('event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,'));
  const hxl = await call('/api/export?format=hxl');
  const tags = hxl.body.split(/\r?\n/)[1].split(',');
  for (const tag of ['#date', '#event+type', '#geo+lat', '#geo+lon']) assert.ok(tags.some((t: string) => t === tag || t.startsWith(tag + '+')), tag);
  for (const format of ['geojson', 'jsonl', 'plover']) assert.equal((await call(`/api/export?format=${format}`)).status, 200, format);
  assert.equal((await call('/api/export?format=xls')).status, 400);

  assert.equal((await call(`/api/events/${takeover.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"review_state":"confirmed"}' })).status, 401);
  const review = await call(`/api/events/${takeover.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ review_state: 'confirmed', note: 'two sources' }) });
  assert.equal(review.body.review.state, 'confirmed');
  assert.equal((await call(`/api/events/${takeover.id}`, { method: 'PATCH', headers: auth, body: '{"review_state":"maybe"}' })).status, 400);
  const split = await call(`/api/events/${takeover.id}/split`, { method: 'POST', headers: auth, body: '{}' });
  assert.equal(split.body.events.length, 2);
  assert.equal((await call('/api/events/ev_missing/split', { method: 'POST', headers: auth, body: '{}' })).status, 404);

  const spec = await call('/api/openapi.json');
  for (const p of ['/api/events', '/api/events.geojson', '/api/events/{id}', '/api/events/{id}/merges', '/api/events/{id}/split', '/api/documents', '/api/documents/{id}', '/api/aggregates', '/api/export', '/api/health']) {
    assert.ok(spec.body.paths[p], p);
  }
  assert.ok(spec.body.paths['/api/documents'].get.parameters.some((x: { name: string }) => x.name === 'q'), 'document search documented');
});
