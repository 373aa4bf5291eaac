/**
 * Queue stage (PostgreSQL only): `sitrep ingest --enqueue` puts documents on
 * the jobs table; any number of `sitrep worker` processes, on any machine,
 * code, merge and store them. No broker: FOR UPDATE SKIP LOCKED and leases.
 */
import { readInputs } from '../ingest/index.ts';
import type { InputFormat, Item, RawDocument } from '../ingest/index.ts';
import { DEFAULT_DB } from '../store/index.ts';
import { ConnectionError, isPostgresUrl, PgStore } from '../store/postgres/index.ts';
import { addJob } from './jobs.ts';

export { runWorker, workerId } from './worker.ts';
export type { WorkerOptions, WorkerTally } from './worker.ts';
export { jobCounts, listJobs, retryDead, latencyHistogram, jobKey, JOB_STATUSES } from './jobs.ts';
export type { Job, JobStatus, JobView } from './jobs.ts';

/** The queue was asked of a database that is not PostgreSQL. */
export class NotPostgres extends Error {}

/** Tried this many times before a job is dead-lettered. */
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface EnqueueTally {
  documents: number;
  queued: number;
  /** already on the queue (the same id and text) */
  already: number;
  errors: number;
}

export interface EnqueueOutcome {
  origin: string;
  document_id: string | null;
  queued?: boolean;
  error?: string;
  code?: string;
}

/**
 * Puts every readable item on the queue of the PostgreSQL database at `db`;
 * an unreadable item is reported and skipped. Throws a clear error for a
 * location that is not PostgreSQL or cannot be opened.
 * @example await enqueue('postgres://…/sitrep', readInputs(['news.jsonl'])) // {documents: 40, queued: 40, already: 0, errors: 0}
 */
export async function enqueue(db: string | PgStore, items: AsyncIterable<Item> | Iterable<Item>, o: { maxAttempts?: number; report?: (x: EnqueueOutcome, t: EnqueueTally) => void } = {}): Promise<EnqueueTally> {
  // the same rule as openStore: SITREP_DB stands in for the default location
  if (db === DEFAULT_DB && process.env.SITREP_DB) db = process.env.SITREP_DB;
  if (typeof db === 'string' && !isPostgresUrl(db)) throw new NotPostgres(`the queue needs a PostgreSQL database (--db postgres://…), not "${db}"`);
  const store = typeof db === 'string' ? new PgStore(db, { poolSize: 1 }) : db;
  const t: EnqueueTally = { documents: 0, queued: 0, already: 0, errors: 0 };
  try {
    await store.ready();
    for await (const item of items) {
      t.documents++;
      let out: EnqueueOutcome;
      if ('error' in item) {
        t.errors++;
        out = { origin: item.origin, document_id: item.id, error: item.error.message, code: item.error.code };
      } else {
        const doc: RawDocument = { ...item.doc };
        if (!doc.text || !doc.text.trim()) {
          t.errors++;
          out = { origin: item.origin, document_id: doc.id ?? null, error: 'the document has no text', code: 'no_text' };
        } else {
          const fresh = await addJob(store.pool, item.origin, doc, o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
          if (fresh) t.queued++;
          else t.already++;
          out = { origin: item.origin, document_id: doc.id ?? null, queued: fresh };
        }
      }
      o.report?.(out, t);
    }
    return t;
  } finally {
    if (typeof db === 'string') await store.close();
  }
}

export interface EnqueueCommandOptions {
  db: string;
  format?: InputFormat;
  published?: string | null;
  source?: string | null;
  fetch?: { allowPrivate?: boolean; timeoutMs?: number; maxBytes?: number };
  quiet?: boolean;
  maxAttempts?: number;
}

/**
 * `sitrep ingest --enqueue …`: reads the inputs as ingest does and queues
 * them. One JSON line per document on stdout; exit code as INTERFACE.md says.
 */
export async function enqueueCommand(inputs: string[], o: EnqueueCommandOptions): Promise<number> {
  const fetch = Object.fromEntries(Object.entries(o.fetch ?? {}).filter(([, x]) => x !== undefined));
  const items = readInputs(inputs, { format: o.format, published: o.published, source: o.source, fetch });
  let t: EnqueueTally;
  try {
    t = await enqueue(o.db, items, {
      maxAttempts: o.maxAttempts,
      report: (x) => {
        if (!o.quiet) process.stdout.write(JSON.stringify(x) + '\n');
        if (x.error) process.stderr.write(`sitrep ingest: ${x.origin}: ${x.error}\n`);
      },
    });
  } catch (e) {
    if (!(e instanceof ConnectionError) && !(e instanceof NotPostgres)) throw e;
    process.stderr.write(`sitrep ingest: ${e.message}\n`);
    return 2;
  }
  process.stderr.write(`sitrep ingest: ${t.queued} queued, ${t.already} already queued, ${t.errors} failed of ${t.documents}\n`);
  return t.errors ? 1 : 0;
}
