-- The work queue (`sitrep ingest --enqueue`, `sitrep worker`): one row per
-- document to code. Workers take rows with FOR UPDATE SKIP LOCKED and hold a
-- lease; a lease that runs out (the worker died) makes the job available
-- again, and a job that failed max_attempts times is dead-lettered.
CREATE TABLE jobs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the same input enqueued twice is one job
  key          text NOT NULL UNIQUE,
  origin       text NOT NULL,
  document     jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
  attempts     integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  run_after    timestamptz NOT NULL DEFAULT now(),
  lease_until  timestamptz,
  worker       text,
  last_error   text,
  result       jsonb,
  coding_ms    integer,
  enqueued_at  timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX jobs_ready ON jobs(run_after, id) WHERE status = 'queued';
CREATE INDEX jobs_leased ON jobs(lease_until) WHERE status = 'running';
CREATE INDEX jobs_status ON jobs(status);
