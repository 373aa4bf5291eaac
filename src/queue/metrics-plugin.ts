/**
 * Operations routes: GET /metrics (Prometheus text format), GET /api/ready
 * (the database answers), and the queue: GET /api/queue (jobs per state),
 * GET /api/queue/jobs?status=dead (jobs with their errors), POST
 * /api/queue/jobs/:id/retry. With SQLite there is no queue: the queue
 * routes say so and /metrics carries the store counts only.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../serve/errors.ts';
import { anyObject, errorResponse } from '../serve/schemas.ts';
import { PgStore } from '../store/postgres/index.ts';
import { JOB_STATUSES, jobCounts, latencyHistogram, listJobs, retryDead } from './jobs.ts';
import type { JobStatus } from './jobs.ts';

/** Upper bounds (seconds) of the coding-latency histogram buckets. */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function metric(name: string, type: 'gauge' | 'counter' | 'histogram', help: string, lines: string[]): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${lines.join('\n')}\n`;
}

function queueOf(store: unknown): PgStore {
  if (store instanceof PgStore) return store;
  throw new ApiError(404, 'no_queue', 'the work queue needs a PostgreSQL database (--db postgres://…)');
}

const jobList = { type: 'array', items: anyObject } as const;

const plugin: FastifyPluginAsync = async (app) => {
  app.get('/metrics', { schema: { summary: 'Prometheus metrics: store counts, queue states, coding latency' } }, async (_req, reply) => {
    const counts = await app.store.counts();
    let text = metric('sitrep_documents', 'gauge', 'Documents stored.', [`sitrep_documents ${counts.documents}`])
      + metric('sitrep_events', 'gauge', 'Events stored (after merging).', [`sitrep_events ${counts.events}`])
      + metric('sitrep_claims', 'gauge', 'Event reports (claims) stored.', [`sitrep_claims ${counts.claims}`]);
    if (app.store instanceof PgStore) {
      const pool = app.store.pool;
      const jobs = await jobCounts(pool);
      const total = JOB_STATUSES.reduce((n, s) => n + jobs[s], 0);
      const h = await latencyHistogram(pool, LATENCY_BUCKETS);
      text += metric('sitrep_queue_jobs', 'gauge', 'Jobs on the work queue by state.', JOB_STATUSES.map((s) => `sitrep_queue_jobs{status="${s}"} ${jobs[s]}`))
        + metric('sitrep_documents_queued_total', 'counter', 'Documents ever put on the queue.', [`sitrep_documents_queued_total ${total}`])
        + metric('sitrep_documents_processed_total', 'counter', 'Queued documents coded and stored.', [`sitrep_documents_processed_total ${jobs.done}`])
        + metric('sitrep_documents_failed_total', 'counter', 'Queued documents dead-lettered.', [`sitrep_documents_failed_total ${jobs.dead}`])
        + metric('sitrep_coding_seconds', 'histogram', 'Time from taking a job to storing its document (coding, merging, storing).', [
          ...LATENCY_BUCKETS.map((b, i) => `sitrep_coding_seconds_bucket{le="${b}"} ${h.buckets[i]}`),
          `sitrep_coding_seconds_bucket{le="+Inf"} ${h.count}`,
          `sitrep_coding_seconds_sum ${h.sum}`,
          `sitrep_coding_seconds_count ${h.count}`,
        ]);
    }
    reply.type('text/plain; version=0.0.4; charset=utf-8');
    return text;
  });

  app.get('/api/ready', {
    schema: {
      summary: 'readiness: the database answers and its schema is current',
      response: { 200: { type: 'object', properties: { ready: { type: 'boolean' }, engine: { type: 'string' }, postgis: { type: 'boolean' } } }, 503: errorResponse },
    },
  }, async (_req, reply) => {
    try {
      await app.store.counts();
      const postgis = app.store instanceof PgStore ? (await app.store.ready()).postgis : false;
      return { ready: true, engine: app.store instanceof PgStore ? 'postgres' : 'sqlite', postgis };
    } catch (e) {
      return reply.code(503).send({ statusCode: 503, code: 'not_ready', error: 'Service Unavailable', message: (e as Error).message });
    }
  });

  app.get('/api/queue', {
    schema: { summary: 'jobs on the work queue per state', response: { 200: anyObject, 404: errorResponse } },
  }, async () => jobCounts(queueOf(app.store).pool));

  app.get<{ Querystring: { status: JobStatus; limit: number; offset: number } }>('/api/queue/jobs', {
    schema: {
      summary: 'jobs in one state (dead: with the error that killed them)',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          status: { type: 'string', enum: JOB_STATUSES, default: 'dead' },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          offset: { type: 'integer', minimum: 0, default: 0 },
        },
      },
      response: { 200: jobList, 404: errorResponse },
    },
  }, async (req) => listJobs(queueOf(app.store).pool, req.query.status, req.query.limit, req.query.offset));

  app.post<{ Params: { id: number } }>('/api/queue/jobs/:id/retry', {
    schema: {
      summary: 'put a dead job back on the queue',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      response: { 200: { type: 'object', properties: { retried: { type: 'integer' } } }, 404: errorResponse },
    },
  }, async (req) => {
    const retried = await retryDead(queueOf(app.store).pool, [req.params.id]);
    if (!retried) throw new ApiError(404, 'not_found', `no dead job ${req.params.id}`);
    return { retried };
  });
};

export default plugin;
