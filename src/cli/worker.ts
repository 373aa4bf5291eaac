/**
 * `sitrep worker`: codes queued documents (PostgreSQL). Start as many as you
 * like, on any machine. Also `sitrep worker status | dead | retry [ID...]`
 * to see the queue, read dead-lettered jobs with their errors, and requeue them.
 */
import { JOB_STATUSES, jobCounts, listJobs, retryDead, runWorker } from '../queue/index.ts';
import type { JobStatus } from '../queue/index.ts';
import { DEFAULT_DB } from '../store/index.ts';
import { ConnectionError, isPostgresUrl, PgStore, redact } from '../store/postgres/index.ts';
import { parseOptions, UsageError } from './main.ts';

export const HELP = `usage: sitrep worker [options]            code queued documents until stopped (SIGINT/SIGTERM)
       sitrep worker status                 jobs per state
       sitrep worker list [--status S]      jobs in a state (default dead) as JSON lines, with their errors
       sitrep worker retry [ID...]          put dead jobs (all, or these) back on the queue
  --db URL            postgres://user:password@host:port/database (default: $SITREP_DB)
  --lease SECONDS     a job left this long without a heartbeat goes to another worker (default 120)
  --backoff MS        first retry delay after a failure, doubling each time (default 2000)
  --poll MS           wait between polls of an empty queue (default 1000)
  --exit-when-idle    stop once nothing is queued or running
  --limit N           with list: at most N jobs (default 100)
  --quiet             no log lines on stderr
`;

function positive(name: string, s: string | undefined, fallback: number): number {
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number`);
  return n;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, {
      db: { type: 'string' },
      lease: { type: 'string' },
      backoff: { type: 'string' },
      poll: { type: 'string' },
      'exit-when-idle': { type: 'boolean', default: false },
      status: { type: 'string', default: 'dead' },
      limit: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
  const { values: v, positionals } = parsed;
  if (v.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const db = v.db ?? process.env.SITREP_DB ?? DEFAULT_DB;
  if (!isPostgresUrl(db)) throw new UsageError(`the queue needs PostgreSQL: give --db postgres://… or set SITREP_DB (got "${db}")`);
  const [action = 'work', ...ids] = positionals;
  if (!['work', 'status', 'list', 'retry'].includes(action)) throw new UsageError(`unknown action "${action}"\n${HELP}`);
  const status = v.status as JobStatus;
  if (!JOB_STATUSES.includes(status)) throw new UsageError(`--status must be one of ${JOB_STATUSES.join(', ')}`);
  const idNumbers = ids.map((id) => {
    if (!/^\d+$/.test(id)) throw new UsageError(`job ids are numbers, not "${id}"`);
    return Number(id);
  });
  const log = v.quiet ? () => {} : (line: string) => process.stderr.write(`sitrep worker: ${line}\n`);
  const store = new PgStore(db, { poolSize: 2 });
  try {
    await store.ready();
  } catch (e) {
    await store.close().catch(() => {});
    if (e instanceof ConnectionError) {
      process.stderr.write(`sitrep worker: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    if (action === 'status') {
      process.stdout.write(JSON.stringify(await jobCounts(store.pool)) + '\n');
      return 0;
    }
    if (action === 'list') {
      for (const job of await listJobs(store.pool, status, positive('limit', v.limit, 100))) process.stdout.write(JSON.stringify(job) + '\n');
      return 0;
    }
    if (action === 'retry') {
      const n = await retryDead(store.pool, idNumbers.length ? idNumbers : undefined);
      process.stderr.write(`sitrep worker: ${n} dead job(s) back on the queue\n`);
      return 0;
    }
    const stop = new AbortController();
    const onSignal = () => {
      log('stopping after the current job');
      stop.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    log(`working the queue at ${redact(db)}`);
    const tally = await runWorker(store, {
      leaseMs: positive('lease', v.lease, 120) * 1000,
      backoffMs: positive('backoff', v.backoff, 2000),
      pollMs: positive('poll', v.poll, 1000),
      exitWhenIdle: v['exit-when-idle'],
      signal: stop.signal,
      log,
    });
    log(`done: ${JSON.stringify(tally)}`);
    return 0;
  } finally {
    await store.close();
  }
}
