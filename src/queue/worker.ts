/**
 * One worker: takes jobs, codes each document, merges and stores it, and
 * marks the job done in the same transaction, so a document is stored
 * exactly when its job is done. Failed attempts go back on the queue with
 * exponential back-off; the last allowed one dead-letters the job. When the
 * database goes away the worker waits for it and goes on.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ingestDocument, IngestError, loadExtractor } from '../ingest/index.ts';
import type { Extractor } from '../ingest/index.ts';
import type { AddResult, DocumentBundle, Store } from '../store/index.ts';
import { isConnectionError, PgStore } from '../store/postgres/index.ts';
import { buryExpired, completeJob, extendLease, failJob, pending, releaseJob, takeJob, type Job } from './jobs.ts';

export interface WorkerOptions {
  /** the extraction pipeline; loaded when not given */
  extractor?: Extractor;
  /** how long a job stays ours without a heartbeat (default 120 s; extraction blocks the heartbeat) */
  leaseMs?: number;
  /** wait between polls of an empty queue (default 1000 ms) */
  pollMs?: number;
  /** first retry delay; doubles with each attempt (default 2000 ms, capped at 10 min) */
  backoffMs?: number;
  /** stop once nothing is queued or running (default: keep polling) */
  exitWhenIdle?: boolean;
  /** stop when this aborts (SIGTERM): the current job is finished first */
  signal?: AbortSignal;
  /** one line per notable happening */
  log?: (line: string) => void;
}

export interface WorkerTally {
  done: number;
  duplicates: number;
  retried: number;
  dead: number;
  lost: number;
}

class LeaseLost extends Error {}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

export function workerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** The store as ingestDocument sees it, with the job's completion folded into the document's transaction. */
function storeForJob(store: PgStore, job: Job, started: number): Store {
  const scoped = Object.create(store) as Store;
  // a job is one document: its completion rides on that document's own transaction, never a batch's
  scoped.addDocuments = undefined;
  scoped.addDocument = (bundle: DocumentBundle) => store.addDocumentWith(bundle, async (tx, result: AddResult) => {
    if (!(await completeJob(tx, job, result, performance.now() - started))) throw new LeaseLost(`job ${job.id}: lease lost`);
  });
  return scoped;
}

/**
 * Works the queue of the PostgreSQL store until `signal` aborts (or, with
 * exitWhenIdle, until the queue is empty).
 * @example await runWorker(new PgStore(url), {exitWhenIdle: true}) // {done: 120, duplicates: 3, ...}
 */
export async function runWorker(store: PgStore, o: WorkerOptions = {}): Promise<WorkerTally> {
  const log = o.log ?? (() => {});
  const leaseMs = o.leaseMs ?? 120_000;
  const backoffMs = o.backoffMs ?? 2_000;
  const id = workerId();
  await store.ready();
  // loaded before the first job: a pipeline that cannot load is the worker's failure, not a document's
  const extract = o.extractor ?? (await loadExtractor());
  const source = async () => extract;
  const tally: WorkerTally = { done: 0, duplicates: 0, retried: 0, dead: 0, lost: 0 };
  let outage = 0;
  let unreleased: Job | null = null;
  // leases run out slowly: looking for dead workers' last attempts now and then is enough
  let lastSweep = -Infinity;
  while (!o.signal?.aborted) {
    try {
      if (unreleased) {
        await releaseJob(store.pool, unreleased);
        unreleased = null;
      }
      if (performance.now() - lastSweep > Math.min(leaseMs / 4, 5_000)) {
        const buried = await buryExpired(store.pool);
        if (buried) log(`dead-lettered ${buried} job(s) whose lease ran out on their last attempt`);
        lastSweep = performance.now();
      }
      const job = await takeJob(store.pool, id, leaseMs);
      if (outage) log('database reachable again');
      outage = 0;
      if (!job) {
        if (o.exitWhenIdle && (await pending(store.pool)) === 0) break;
        await sleep(o.pollMs ?? 1_000, o.signal);
        continue;
      }
      const heartbeat = setInterval(() => { extendLease(store.pool, job, leaseMs).catch(() => {}); }, Math.max(1_000, leaseMs / 3));
      const started = performance.now();
      try {
        const result = await ingestDocument(storeForJob(store, job, started), job.document, source);
        if (result.duplicate_of) tally.duplicates++;
        tally.done++;
      } catch (e) {
        if (e instanceof LeaseLost) {
          tally.lost++;
          log(`job ${job.id} (${job.origin}): lease lost to another worker; left to it`);
        } else if (isConnectionError(e)) {
          unreleased = job;
          throw e;
        } else {
          const permanent = e instanceof IngestError;
          const delay = Math.min(600_000, backoffMs * 2 ** (job.attempts - 1)) * (0.75 + Math.random() / 2);
          const message = `${(e as Error).name}: ${(e as Error).message}`;
          const status = await failJob(store.pool, job, message, delay, permanent);
          if (status === 'dead') tally.dead++;
          else if (status === 'queued') tally.retried++;
          log(`job ${job.id} (${job.origin}) attempt ${job.attempts}/${job.max_attempts} failed: ${message}${status === 'dead' ? ' — dead-lettered' : ''}`);
        }
      } finally {
        clearInterval(heartbeat);
      }
    } catch (e) {
      if (!isConnectionError(e)) throw e;
      outage++;
      const wait = Math.min(5_000, 250 * 2 ** Math.min(outage, 5));
      if (outage === 1 || outage % 10 === 0) log(`database unreachable (${(e as Error).message}); retrying every ${wait} ms`);
      await sleep(wait, o.signal);
    }
  }
  return tally;
}
