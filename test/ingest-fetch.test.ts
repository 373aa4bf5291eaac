/**
 * Fetching and reading bad input: SSRF refusals, size caps, content types,
 * broken feeds, pages that are not articles, duplicate floods. Only a local
 * server on 127.0.0.1 is contacted (with allowPrivate).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { IngestError, ingestAll, lazyExtractor, readInputs, safeFetch } from '../src/ingest/index.ts';
import type { Item } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';

const SECOND = readFileSync(new URL('./fixtures/ingest/second-report.txt', import.meta.url), 'utf8');
let server: Server;
let base: string;
const local = { allowPrivate: true };

const page = (body: string) => `<html lang="en"><head><title>Report</title></head><body><nav>Home | World</nav><article>${body}</article><footer>© Test</footer></body></html>`;

before(async () => {
  server = createServer((req, res) => {
    const routes: Record<string, () => void> = {
      '/article': () => res.writeHead(200, { 'content-type': 'text/html' }).end(page(`<p>${SECOND.replace(/\n\n/g, '</p><p>')}</p>`)),
      '/login': () => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><form><input name=u><button>Log in</button></form></body></html>'),
      '/feed': () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
        <item><title>Offensive near Azaz</title><link>${base}/article</link><pubDate>Sat, 28 May 2016 09:00:00 GMT</pubDate></item>
        <item><title>Same story again</title><link>${base}/article?utm_source=rss</link></item></channel></rss>`),
      '/broken-feed': () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss><channel><item><title>unclosed'),
      '/huge': () => res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(3 * 1024 * 1024)),
      '/image': () => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(100)),
      '/slow': () => setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page('late')), 3000),
      '/to-metadata': () => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    };
    (routes[req.url!.split('?')[0]] ?? (() => res.writeHead(404).end()))();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

async function refusal(p: Promise<unknown>, code: string) {
  await assert.rejects(p, (e: unknown) => e instanceof IngestError && e.code === code);
}

test('loopback, link-local and private addresses are refused without allowPrivate', async () => {
  await refusal(safeFetch(`${base}/article`), 'private_address');
  await refusal(safeFetch('http://169.254.169.254/latest/meta-data/'), 'private_address');
  await refusal(safeFetch('http://[::1]:9/'), 'private_address');
  await refusal(safeFetch('http://10.0.0.1/'), 'private_address');
  await refusal(safeFetch(`http://localhost:${new URL(base).port}/article`), 'private_address');
  await refusal(safeFetch('file:///etc/passwd'), 'bad_url');
  const e = await safeFetch(`${base}/article`).catch((x: Error) => x);
  assert.match(String(e), /--allow-private/);
});

test('limits: size cap, content type, time limit', async () => {
  const ok = await safeFetch(`${base}/article`, local);
  assert.equal(ok.contentType, 'text/html');
  await refusal(safeFetch(`${base}/huge`, { ...local, maxBytes: 1024 * 1024 }), 'too_large');
  await refusal(safeFetch(`${base}/image`, local), 'unsupported_type');
  await refusal(safeFetch(`${base}/slow`, { ...local, timeoutMs: 300 }), 'fetch_failed');
  await refusal(safeFetch(`${base}/missing`, local), 'fetch_failed');
});

async function collect(args: string[], allowPrivate = true): Promise<Item[]> {
  const out: Item[] = [];
  for await (const item of readInputs(args, { fetch: { allowPrivate } })) out.push(item);
  return out;
}

test('feeds, non-articles and broken feeds give documents or clear errors', async () => {
  const feed = await collect([`${base}/feed`]);
  assert.equal(feed.length, 2);
  for (const item of feed) {
    assert.ok('doc' in item, JSON.stringify(item));
    assert.match(item.doc.text, /Islamic State militants seized five villages/);
    assert.equal(item.doc.source, 'Local Wire');
  }
  const [login] = await collect([`${base}/login`]);
  assert.ok('error' in login && login.error.code === 'not_article');
  const [broken] = await collect([`${base}/broken-feed`]);
  assert.ok('error' in broken && broken.error.code === 'bad_feed', JSON.stringify(broken));
  const [refused] = await collect(['http://169.254.169.254/latest/meta-data/'], false);
  assert.ok('error' in refused && refused.error.code === 'private_address');
  const [missing] = await collect(['/no/such/file.txt']);
  assert.ok('error' in missing && /no such file/.test(missing.error.message));
});

test('a duplicate flood stores one document; a bad document does not stop the batch', async () => {
  const store = openStore(':memory:');
  const extract = lazyExtractor();
  async function* flood(): AsyncGenerator<Item> {
    yield { origin: 'bad', id: null, error: new IngestError('bad_input', 'line 1 is not valid JSON') };
    for (let i = 0; i < 30; i++) yield { origin: `copy${i}`, doc: { text: i % 2 ? SECOND : `Share\n${SECOND}\nAdvertisement`, url: `https://site${i % 3}.example/a?utm_source=${i}`, published: '2016-05-28' } };
    yield { origin: 'empty', doc: { text: '   ' } };
  }
  const tally = await ingestAll(store, flood(), extract, {}, () => {});
  assert.deepEqual([tally.documents, tally.stored, tally.duplicates, tally.errors], [32, 1, 29, 2]);
  const counts = await store.counts();
  assert.equal(counts.documents, 1);
  const doc = (await store.getDocument((await store.listEvents({ limit: 1, offset: 0 })).items[0].document_id))!;
  assert.equal(doc.copies.length, 5, 'three sites × two variants of the text, less the stored one');
  await store.close();
});
