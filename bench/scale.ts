/**
 * `npm run bench:scale [-- DOCS]`: documents per second with 1, 2 and 4
 * `sitrep worker` processes against PostgreSQL, beside one `sitrep ingest`
 * process into SQLite, on the same corpus (test/pg-corpus.ts: VOA stories,
 * short reports of the same events, republished copies; default 600 documents).
 * Needs SITREP_TEST_PG (or SITREP_BENCH_PG): `export SITREP_TEST_PG="$(bash scripts/pg.sh)"`.
 *
 * "wall" counts from process start to the last exit (start-up included: each
 * worker loads the gazetteer and NLP model); "steady" counts documents over
 * the span between the first and the last stored document.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readInputs } from '../src/ingest/index.ts';
import { enqueue, jobCounts } from '../src/queue/index.ts';
import { PgStore } from '../src/store/postgres/index.ts';
import { makeCorpus } from '../test/pg-corpus.ts';
import { freshSchema } from '../test/pg-engines.ts';

const url = process.env.SITREP_BENCH_PG || process.env.SITREP_TEST_PG;
if (!url) {
  process.stderr.write('bench:scale needs PostgreSQL: export SITREP_TEST_PG="$(bash scripts/pg.sh)"\n');
  process.exit(2);
}
const total = Number(process.argv[2] ?? 600);
const corpus = makeCorpus({ total });
const dir = mkdtempSync(join(tmpdir(), 'sitrep-scale-'));
const file = join(dir, 'corpus.jsonl');
writeFileSync(file, corpus.docs.map((d) => JSON.stringify(d)).join('\n') + '\n');

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/sitrep.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (b) => { err += b; });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sitrep ${args[0]} exited ${code}: ${err.slice(-2000)}`))));
  });
}

interface Row { setup: string; wall: number; steady: number }
const rows: Row[] = [];

{
  const db = join(dir, 'bench.db');
  const t = performance.now();
  await run(['ingest', file, '--db', db, '--quiet']);
  const wall = (performance.now() - t) / 1000;
  const span = new Database(db, { readonly: true }).prepare('SELECT min(ingested_at) AS a, max(ingested_at) AS b FROM documents').get() as { a: string; b: string };
  rows.push({ setup: 'SQLite, 1 process (sitrep ingest)', wall, steady: (Date.parse(span.b) - Date.parse(span.a)) / 1000 });
}

for (const n of [1, 2, 4]) {
  const schema = await freshSchema();
  const store = new PgStore(schema.url);
  try {
    await enqueue(store, readInputs([file]));
    const t = performance.now();
    await Promise.all(Array.from({ length: n }, () => run(['worker', '--db', schema.url, '--poll', '200', '--exit-when-idle', '--quiet'])));
    const wall = (performance.now() - t) / 1000;
    const jobs = await jobCounts(store.pool);
    if (jobs.done !== total) throw new Error(`only ${jobs.done} of ${total} jobs done`);
    const span = (await store.pool.query<{ s: number }>('SELECT extract(epoch FROM max(ingested_at::timestamptz) - min(ingested_at::timestamptz))::float8 AS s FROM documents')).rows[0].s;
    rows.push({ setup: `PostgreSQL, ${n} worker${n > 1 ? 's' : ''}`, wall, steady: span });
  } finally {
    await store.close();
    await schema.drop();
  }
}
rmSync(dir, { recursive: true, force: true });

const c = corpus.composition;
process.stdout.write(`bench:scale — ${total} documents (${c.voa} VOA stories, ${c.reports} short reports of ${c.events} events, ${c.copies} copies), ${cpus().length} cores\n\n`);
process.stdout.write('| setup | wall s | docs/s (wall) | docs/s (steady) |\n| --- | ---: | ---: | ---: |\n');
for (const r of rows) process.stdout.write(`| ${r.setup} | ${r.wall.toFixed(1)} | ${(total / r.wall).toFixed(1)} | ${(total / Math.max(r.steady, 0.001)).toFixed(1)} |\n`);
