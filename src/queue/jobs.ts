/**
 * The jobs table's verbs. A worker takes the oldest ready job with
 * FOR UPDATE SKIP LOCKED and holds it under a lease; the lease (worker id +
 * attempt number) fences every later update, so a worker that lost its
 * lease can never mark a job done that someone else has taken over.
 */
import { contentHash, stableId } from '../store/index.ts';
import { row, rows, type Sql } from '../store/postgres/index.ts';
import type { RawDocument } from '../ingest/index.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'dead';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'dead'];

export interface Job {
  id: number;
  origin: string;
  document: RawDocument;
  attempts: number;
  max_attempts: number;
  worker: string;
}

export interface JobView {
  id: number;
  origin: string;
  document_id: string | null;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  worker: string | null;
  enqueued_at: string;
  finished_at: string | null;
  result: unknown;
}

/** The same input enqueued twice is one job: keyed by its id and text. */
export function jobKey(doc: RawDocument): string {
  return stableId('job', doc.id ?? '', contentHash(doc.text));
}

/** Adds a job; false when the same document is already queued (or was). */
export async function addJob(sql: Sql, origin: string, doc: RawDocument, maxAttempts: number): Promise<boolean> {
  const r = await sql.query('INSERT INTO jobs (key, origin, document, max_attempts) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING',
    [jobKey(doc), origin, JSON.stringify(doc), maxAttempts]);
  return r.rowCount === 1;
}

/**
 * Jobs whose lease ran out on their last allowed attempt are dead: their
 * worker died (or hung) on them every time.
 */
export async function buryExpired(sql: Sql): Promise<number> {
  const r = await sql.query(
    `UPDATE jobs SET status = 'dead', finished_at = now(), lease_until = NULL,
       last_error = 'the lease ran out ' || attempts || ' times (the worker died or hung on this document)'
         || coalesce('; last error: ' || last_error, '')
     WHERE status = 'running' AND lease_until < now() AND attempts >= max_attempts`);
  return r.rowCount ?? 0;
}

/** Takes the oldest ready job (or one whose lease ran out) for `leaseMs`; null when there is none. */
export async function takeJob(sql: Sql, worker: string, leaseMs: number): Promise<Job | null> {
  return (await row<Job>(sql,
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = $1, lease_until = now() + $2 * interval '1 millisecond'
     WHERE id = (
       SELECT id FROM jobs
       WHERE (status = 'queued' AND run_after <= now()) OR (status = 'running' AND lease_until < now() AND attempts < max_attempts)
       ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
     RETURNING id, origin, document, attempts, max_attempts, worker`, [worker, leaseMs])) ?? null;
}

const FENCE = 'id = $1 AND worker = $2 AND attempts = $3 AND status = \'running\'';

/** Extends the lease; false when it was lost. */
export async function extendLease(sql: Sql, job: Job, leaseMs: number): Promise<boolean> {
  const r = await sql.query(`UPDATE jobs SET lease_until = now() + $4 * interval '1 millisecond' WHERE ${FENCE}`, [job.id, job.worker, job.attempts, leaseMs]);
  return r.rowCount === 1;
}

/** Marks the job done; run inside the transaction that stored its document. False when the lease was lost. */
export async function completeJob(sql: Sql, job: Job, result: unknown, codingMs: number): Promise<boolean> {
  const r = await sql.query(
    `UPDATE jobs SET status = 'done', result = $4, coding_ms = $5, finished_at = now(), lease_until = NULL, last_error = NULL WHERE ${FENCE}`,
    [job.id, job.worker, job.attempts, JSON.stringify(result), Math.round(codingMs)]);
  return r.rowCount === 1;
}

/**
 * Records a failed attempt: back to the queue after `delayMs`, or dead when
 * this was the last allowed attempt or the failure is permanent.
 */
export async function failJob(sql: Sql, job: Job, error: string, delayMs: number, permanent: boolean): Promise<JobStatus | null> {
  const found = await row<{ status: JobStatus }>(sql,
    `UPDATE jobs SET last_error = $4, lease_until = NULL,
       status = CASE WHEN $5 OR attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
       finished_at = CASE WHEN $5 OR attempts >= max_attempts THEN now() END,
       run_after = now() + $6 * interval '1 millisecond'
     WHERE ${FENCE} RETURNING status`, [job.id, job.worker, job.attempts, error, permanent, delayMs]);
  return found?.status ?? null;
}

/** Gives a job back untouched (the database went away mid-job: not the document's fault). */
export async function releaseJob(sql: Sql, job: Job): Promise<void> {
  await sql.query(`UPDATE jobs SET status = 'queued', attempts = attempts - 1, lease_until = NULL, run_after = now() WHERE ${FENCE}`,
    [job.id, job.worker, job.attempts]);
}

export async function jobCounts(sql: Sql): Promise<Record<JobStatus, number>> {
  const found = await rows<{ status: JobStatus; n: number }>(sql, 'SELECT status, count(*)::int AS n FROM jobs GROUP BY status');
  const out = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const r of found) out[r.status] = r.n;
  return out;
}

export async function listJobs(sql: Sql, status: JobStatus, limit: number, offset = 0): Promise<JobView[]> {
  return rows<JobView>(sql,
    `SELECT id, origin, document->>'id' AS document_id, status, attempts, max_attempts, last_error, worker,
       to_char(enqueued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS enqueued_at,
       to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS finished_at, result
     FROM jobs WHERE status = $1 ORDER BY id LIMIT $2 OFFSET $3`, [status, limit, offset]);
}

/** Puts dead jobs (all, or the given ids) back on the queue with fresh attempts; returns how many. */
export async function retryDead(sql: Sql, ids?: number[]): Promise<number> {
  const r = await sql.query(
    `UPDATE jobs SET status = 'queued', attempts = 0, run_after = now(), finished_at = NULL
     WHERE status = 'dead' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))`, [ids ?? null]);
  return r.rowCount ?? 0;
}

/** Whether anything is left to do: queued or running jobs. */
export async function pending(sql: Sql): Promise<number> {
  return (await row<{ n: number }>(sql, "SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running')"))!.n;
}

/** Coding latency (seconds) histogram over finished jobs, for /metrics. */
export async function latencyHistogram(sql: Sql, bounds: number[]): Promise<{ buckets: number[]; count: number; sum: number }> {
  const cols = bounds.map((b, i) => `count(*) FILTER (WHERE coding_ms <= ${Math.round(b * 1000)})::int AS b${i}`).join(', ');
  const r = (await row<Record<string, number>>(sql,
    `SELECT ${cols}, count(*)::int AS count, coalesce(sum(coding_ms), 0)::float8 / 1000 AS sum FROM jobs WHERE status = 'done' AND coding_ms IS NOT NULL`))!;
  return { buckets: bounds.map((_, i) => r[`b${i}`]), count: r.count, sum: r.sum };
}
