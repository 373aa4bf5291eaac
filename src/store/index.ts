/**
 * Store stage: where documents, claims and events live. `openStore` picks
 * the engine from the location; every engine implements `Store` with the
 * same semantics (SQLite now; PostgreSQL for postgres:// URLs later).
 */
import { SqliteStore } from './sqlite/index.ts';
import type { Store } from './types.ts';

export type * from './types.ts';
export { REVIEW_STATES } from './types.ts';
export { StoreError } from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export { contentHash, minhash, similarity, stableId, NEAR_DUPLICATE } from './fingerprint.ts';

export const DEFAULT_DB = './sitrep.db';

/**
 * Opens (and migrates) the store at `location`.
 * @example const store = openStore(':memory:'); await store.counts() // {documents: 0, events: 0, claims: 0}
 */
export function openStore(location: string = DEFAULT_DB): Store {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error('the PostgreSQL engine is not built yet (issue 7); use a SQLite file path');
  }
  return new SqliteStore(location);
}
