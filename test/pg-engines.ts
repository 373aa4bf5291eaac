/**
 * The store engines the contract tests run against: SQLite always,
 * PostgreSQL when SITREP_TEST_PG holds a URL (scripts/pg.sh prints one).
 * Each PostgreSQL store lives in a schema of its own, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/index.ts';

export const PG_URL = process.env.SITREP_TEST_PG || null;
export const PG_SKIP: string | false = PG_URL ? false : 'PostgreSQL tests skipped: SITREP_TEST_PG is not set (export SITREP_TEST_PG="$(bash scripts/pg.sh)")';

export interface Opened {
  store: Store;
  /** what openStore / buildApp({db}) take to reach the same database */
  location: string;
  cleanup(): Promise<void>;
}

/** A new empty schema; the returned URL selects it (PostGIS stays reachable through public). */
export async function freshSchema(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('SITREP_TEST_PG is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  // lets a test find (and cut) this schema's connections without touching other tests'
  u.searchParams.set('application_name', schema);
  return {
    url: u.toString(),
    name: schema,
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  skip: string | false;
  open(): Promise<Opened>;
}

export const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    skip: false,
    open: async () => {
      // a file, not :memory:, so that buildApp({db: location}) sees the same data
      const dir = mkdtempSync(join(tmpdir(), 'sitrep-engine-'));
      const store = openStore(join(dir, 'store.db'));
      return { store, location: join(dir, 'store.db'), cleanup: async () => { await store.close().catch(() => {}); rmSync(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'postgres',
    skip: PG_SKIP,
    open: async () => {
      const schema = await freshSchema();
      const store = openStore(schema.url);
      return { store, location: schema.url, cleanup: async () => { await store.close().catch(() => {}); await schema.drop(); } };
    },
  },
];
