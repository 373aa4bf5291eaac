/**
 * Four `sitrep worker` processes on one queue of 2,000 documents (real VOA
 * stories, short reports of the same invented events from several outlets,
 * and republished copies; see pg-corpus.ts), one of them killed with
 * SIGKILL while it holds a job. Every document must end processed exactly
 * once, no event doubled, and the events the same as a single `sitrep
 * ingest` into SQLite of the same file. Needs SITREP_TEST_PG; takes a few
 * minutes on two cores (SITREP_PG_WORKER_DOCS makes it smaller).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.ts';
import { enqueue, jobCounts } from '../src/queue/index.ts';
import { openStore } from '../src/store/index.ts';
import type { Store, StoredEvent } from '../src/store/index.ts';
import { PgStore } from '../src/store/postgres/index.ts';
import { eventSignatures, makeCorpus } from './pg-corpus.ts';
import { freshSchema, PG_SKIP } from './pg-engines.ts';

const TOTAL = Number(process.env.SITREP_PG_WORKER_DOCS ?? 2000);
const WORKERS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sitrep(args: string[]): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['bin/sitrep.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b) => { err += b; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => err };
}

async function allEvents(store: Store): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.eachEvent({ review: undefined })) out.push(e);
  return out;
}

/** The pids of the workers holding a job. */
async function holders(pool: PgStore['pool']): Promise<string[]> {
  const r = await pool.query<{ worker: string }>("SELECT worker FROM jobs WHERE status = 'running'");
  return r.rows.map((row) => row.worker.split(':')[1]);
}

test(`${WORKERS} workers, one killed mid-job, code ${TOTAL} documents exactly once, as one SQLite process does`, { skip: PG_SKIP, timeout: 600_000 }, async () => {
  const corpus = makeCorpus({ total: TOTAL });
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-workers-'));
  const schema = await freshSchema();
  const store = new PgStore(schema.url);
  const workers: ReturnType<typeof sitrep>[] = [];
  try {
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, corpus.docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const queued = await enqueue(store, readInputs([file]));
    assert.equal(queued.queued, TOTAL);

    const started = Date.now();
    const reference = sitrep(['ingest', file, '--db', join(dir, 'reference.db'), '--quiet']);
    for (let i = 0; i < WORKERS; i++) workers.push(sitrep(['worker', '--db', schema.url, '--lease', '8', '--poll', '200', '--backoff', '500', '--exit-when-idle']));

    // kill a worker that holds a job, once a quarter of the queue is done
    let killed: string | null = null;
    while (!killed) {
      await sleep(300);
      const counts = await jobCounts(store.pool);
      assert.equal(counts.dead, 0, 'no job dead-lettered');
      if (counts.done < TOTAL / 4) continue;
      const running = await holders(store.pool);
      const victim = workers.find((w) => running.includes(String(w.child.pid)));
      if (!victim) continue;
      // frozen, it cannot finish its job between the check and the kill (a job now takes a few ms)
      victim.child.kill('SIGSTOP');
      if (!(await holders(store.pool)).includes(String(victim.child.pid))) {
        victim.child.kill('SIGCONT');
        continue;
      }
      victim.child.kill('SIGKILL');
      killed = String(victim.child.pid);
    }
    const codes = await Promise.all(workers.map((w) => w.exited));
    const workersSeconds = (Date.now() - started) / 1000;
    assert.equal(codes.filter((c) => c === 0).length, WORKERS - 1, `the others exit cleanly: ${workers.map((w) => w.stderr()).join('\n')}`);
    assert.equal(await reference.exited, 0, reference.stderr());

    const jobs = await jobCounts(store.pool);
    assert.deepEqual(jobs, { queued: 0, running: 0, done: TOTAL, dead: 0 }, 'every job done once');
    const takenOver = await store.pool.query("SELECT count(*)::int AS n FROM jobs WHERE attempts > 1");
    assert.ok(takenOver.rows[0].n >= 1, 'the killed worker\'s job was taken over');

    const sqlite = openStore(join(dir, 'reference.db'));
    try {
      const [pgCounts, liteCounts] = [await store.counts(), await sqlite.counts()];
      assert.deepEqual(pgCounts, liteCounts, 'same documents, claims and events');
      const groups = new Set(corpus.groupOf.values());
      assert.equal(pgCounts.documents, groups.size, 'each distinct document stored once');
      const stored = await store.pool.query<{ id: string }>('SELECT id FROM documents');
      assert.equal(new Set(stored.rows.map((r) => corpus.groupOf.get(r.id))).size, groups.size, 'no document stored twice under two ids');

      const [pgEvents, liteEvents] = [await allEvents(store), await allEvents(sqlite)];
      assert.deepEqual(eventSignatures(pgEvents, corpus.groupOf), eventSignatures(liteEvents, corpus.groupOf), 'the same events');
      // each invented event's reports ended in exactly one event
      const homes = new Map<string, Set<string>>();
      for (const e of pgEvents) for (const d of e.document_ids) {
        const m = /^ev(\d+)-r\d+$/.exec(corpus.groupOf.get(d) ?? '');
        if (m) (homes.get(m[1]) ?? homes.set(m[1], new Set()).get(m[1])!).add(e.id);
      }
      const split = [...homes].filter(([, events]) => events.size > 1).map(([ev]) => ev);
      assert.deepEqual(split, [], 'no invented event split in two');
      process.stderr.write(`pg-workers: ${TOTAL} documents (${JSON.stringify(corpus.composition)}), ${WORKERS} workers, worker ${killed} killed; `
        + `${pgCounts.documents} documents, ${pgCounts.events} events; workers and reference done in ${workersSeconds.toFixed(0)} s\n`);
    } finally {
      await sqlite.close();
    }
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await store.close();
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
