/**
 * A PostgreSQL connection pool with the few things every engine file needs:
 * numbers parsed as numbers, transactions retried on serialization failures
 * and deadlocks, and connection failures turned into one clear message.
 */
import pg from 'pg';

export type Sql = Pick<pg.PoolClient, 'query'>;

const INT8 = 20;
const NUMERIC = 1700;
/** count(*) and sum() come back as int8/numeric; the API wants plain numbers */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Postgres SQLSTATEs worth retrying the whole transaction for. */
const RETRY = new Set(['40001', '40P01']);
/** Errors that say the server went away, not that the statement was wrong. */
const CONNECTION = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (err?.code && CONNECTION.has(err.code)) return true;
  return /Connection terminated|connection.*(closed|ended)|Client has encountered a connection error|not queryable/i.test(err?.message ?? '');
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Turns a failure to connect into a message saying what to check. */
export function connectionError(url: string, e: unknown): Error {
  const err = e as { code?: string; message?: string };
  const where = redact(url);
  const why: Record<string, string> = {
    '28P01': 'the password was refused (check the user and password in the URL)',
    '28000': 'the server refused this user (check pg_hba.conf and the user name)',
    '3D000': 'the database does not exist (create it, see docs/DEPLOY.md)',
    ECONNREFUSED: 'no server is listening there (is PostgreSQL running? is the port right?)',
    ENOTFOUND: 'the host name is unknown',
    EAI_AGAIN: 'the host name could not be resolved',
    ETIMEDOUT: 'the connection timed out',
  };
  const reason = (err?.code && why[err.code]) ?? err?.message ?? String(e);
  return new ConnectionError(`cannot open PostgreSQL at ${where}: ${reason}`, { cause: e });
}

/** The database could not be reached or refused us; `code` is stable for callers. */
export class ConnectionError extends Error {
  readonly code = 'connection_failed';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}

export function newPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // an idle client losing its server (a restart) must not crash the process; the next query reconnects
  pool.on('error', () => {});
  return pool;
}

export async function rows<T>(sql: Sql, text: string, params: unknown[] = []): Promise<T[]> {
  return (await sql.query(text, params)).rows as T[];
}

export async function row<T>(sql: Sql, text: string, params: unknown[] = []): Promise<T | undefined> {
  return (await sql.query(text, params)).rows[0] as T | undefined;
}

/**
 * Runs `fn` in one transaction on one pooled client, again from the start
 * when PostgreSQL reports a serialization failure or a deadlock. `begin` may
 * carry SET LOCAL statements after BEGIN, `commit` statements before COMMIT (one round trip each).
 */
export async function transaction<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>, attempts = 8, begin = 'BEGIN', commit = 'COMMIT'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    // a connection lost while checked out also arrives as an 'error' event; the failing query reports it
    const onError = () => { broken = true; };
    client.on('error', onError);
    try {
      await client.query(begin);
      const out = await fn(client);
      await client.query(commit);
      return out;
    } catch (e) {
      broken = isConnectionError(e);
      if (!broken) await client.query('ROLLBACK').catch(() => { broken = true; });
      if (RETRY.has((e as { code?: string }).code ?? '') && attempt < attempts) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20 * attempt));
        continue;
      }
      throw e;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}

export function now(): string {
  return new Date().toISOString();
}
