/**
 * Versioned migrations for PostgreSQL: src/store/migrations/postgres/NNN_name.sql
 * in order, each in its own transaction, recorded in schema_migrations. A
 * file whose first line is `-- requires: EXT` waits until extension EXT is
 * installed in the database. An advisory lock lets many workers start at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { rows } from './db.ts';

const DIR = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));
/** any fixed number: the key of the advisory lock held while migrating */
const MIGRATION_LOCK = 0x5173_7265;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  requires: string | null;
}

export function migrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(DIR + f, 'utf8');
      return { version: Number(f.slice(0, 3)), name: f, sql, requires: /^-- requires: (\w+)/.exec(sql)?.[1] ?? null };
    });
}

/** Brings the database up to date; returns the versions applied now. */
export async function migrate(client: pg.PoolClient): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await rows<{ version: number }>(client, 'SELECT version FROM schema_migrations')).map((r) => r.version));
    const extensions = new Set((await rows<{ extname: string }>(client, 'SELECT extname FROM pg_extension')).map((r) => r.extname));
    const applied: number[] = [];
    for (const m of migrations()) {
      if (done.has(m.version) || (m.requires && !extensions.has(m.requires))) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** Whether the events table carries a PostGIS geometry (003_postgis applied). */
export async function hasGeometry(client: pg.PoolClient): Promise<boolean> {
  const r = await rows(client, "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'geom'");
  return r.length > 0;
}
