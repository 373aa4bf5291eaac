/**
 * `sitrep serve [--port N] [--host H] [--db PATH] [--seed-example]`:
 * the HTTP API and dashboard. Writes off loopback need SITREP_TOKEN.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lazyExtractor } from '../ingest/index.ts';
import { buildApp } from '../serve/app.ts';
import { isLoopback } from '../serve/auth.ts';
import { DEFAULT_DB, openStore } from '../store/index.ts';
import { ConnectionError, isPostgresUrl, PgStore, redact } from '../store/postgres/index.ts';
import { ingestCommand } from './ingest.ts';
import { UsageError } from './main.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The bundled example corpus, each part with its publication defaults (examples/PROVENANCE.md). */
const EXAMPLE_PARTS = [
  { path: 'aleppo-2016-05.txt', published: '2016-05-29', source: null },
  { path: 'voa_stories.jsonl', published: null, source: 'VOA' },
];

async function seedExamples(db: string): Promise<void> {
  const store = openStore(db);
  const { documents } = await store.counts();
  await store.close();
  if (documents > 0) return;
  process.stderr.write('sitrep serve: empty database, ingesting the bundled examples first\n');
  const extractor = lazyExtractor();
  for (const part of EXAMPLE_PARTS) {
    const path = EXAMPLES + part.path;
    if (existsSync(path)) await ingestCommand([path], { db, published: part.published, source: part.source, quiet: true, extractor });
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: DEFAULT_DB },
        'seed-example': { type: 'boolean', default: false },
        'allow-private': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, not ${v.port}`);
  const token = process.env.SITREP_TOKEN || undefined;
  const db = v.db === DEFAULT_DB && process.env.SITREP_DB ? process.env.SITREP_DB : v.db!;
  // the URL's password never reaches the terminal or the logs
  const shown = isPostgresUrl(db) ? redact(db) : db;
  if (isPostgresUrl(db)) {
    // a wrong URL or password: one line and exit 2 now, not a 503 on every request later
    const probe = new PgStore(db, { poolSize: 1 });
    try {
      await probe.ready();
    } catch (e) {
      if (!(e instanceof ConnectionError)) throw e;
      process.stderr.write(`sitrep serve: ${e.message}\n`);
      return 2;
    } finally {
      await probe.close().catch(() => {});
    }
  }
  if (v['seed-example']) await seedExamples(db);
  const app = await buildApp({ db, host: v.host, token, allowPrivate: v['allow-private'] });
  const address = await app.listen({ port, host: v.host });
  process.stderr.write(`sitrep serve: listening on ${address} (database ${shown})\n`);
  if (!isLoopback(v.host!) && !token) process.stderr.write('sitrep serve: SITREP_TOKEN is not set, so writes are refused on this address\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      app.close().then(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
