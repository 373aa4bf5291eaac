/**
 * Store stage: where documents, claims and events live. `openStore` picks
 * the engine from the location; every engine implements `Store` with the
 * same semantics (SQLite now; PostgreSQL for postgres:// URLs later).
 */
import { SqliteStore } from './sqlite/index.ts';
import { isPostgresUrl, PgStore } from './postgres/index.ts';
import type { Store } from './types.ts';

export type * from './types.ts';
export { REVIEW_STATES } from './types.ts';
export { StoreError } from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export { contentHash, fingerprints, minhash, similarity, stableId, NEAR_DUPLICATE } from './fingerprint.ts';

export const DEFAULT_DB = './sitrep.db';

/**
 * Opens (and migrates) the store at `location`.
 * @example const store = openStore(':memory:'); await store.counts() // {documents: 0, events: 0, claims: 0}
 */
export function openStore(location: string = DEFAULT_DB): Store {
  // SITREP_DB stands in for the default location only, never for one given explicitly
  if (location === DEFAULT_DB && process.env.SITREP_DB) location = process.env.SITREP_DB;
  // PostgreSQL connects on first use; PgStore.ready() fails early with a clear message
  if (isPostgresUrl(location)) return new PgStore(location);
  return new SqliteStore(location);
}
