/**
 * The PostgreSQL engine of the Store, for teams and for many workers
 * writing at once. Same semantics as the SQLite engine; the connection is
 * opened and the schema migrated on first use (or by `ready()`, which
 * commands call first so that a wrong URL or password fails at start).
 */
import type pg from 'pg';
import type { ControlRecord, DisplacementRecord } from '../../events/types.ts';
import type {
  AddResult, AggregateBy, AggregateRow, DocumentBundle, DocumentHit, DocumentQuery, DocumentKeys, DocumentView, DuplicateHit, EventDetail, EventFilters, EventPoint,
  EventQuery, MergeView, ReviewPatch, SortKey, Store, StoredEvent,
} from '../types.ts';
import { connectionError, newPool, row, transaction, type Sql } from './db.ts';
import { hasGeometry, migrate } from './migrate.ts';
import * as read from './read.ts';
import * as write from './write.ts';

export { ConnectionError, isConnectionError, redact, transaction, rows, row } from './db.ts';
export type { Sql } from './db.ts';

/** Ends every write transaction: moves the store's revision on and commits, in one round trip. */
const COMMIT_BUMPED = "SELECT nextval('store_revision'); COMMIT";

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface PgInfo {
  /** whether bounding boxes go through PostGIS (else the plain lat/lon index) */
  postgis: boolean;
  server_version: string;
}

export class PgStore implements Store {
  readonly pool: pg.Pool;
  private opened: Promise<PgInfo> | null = null;

  constructor(readonly url: string, opts: { poolSize?: number } = {}) {
    this.pool = newPool(url, opts.poolSize);
  }

  /** Connects and migrates once; rejects with a ConnectionError naming what is wrong. */
  ready(): Promise<PgInfo> {
    this.opened ??= (async () => {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        this.opened = null;
        throw connectionError(this.url, e);
      }
      const lost = () => {};
      client.on('error', lost);
      try {
        await migrate(client);
        const version = (await row<{ v: string }>(client, 'SHOW server_version'))!.v;
        return { postgis: await hasGeometry(client), server_version: version };
      } finally {
        client.off('error', lost);
        client.release();
      }
    })();
    return this.opened;
  }

  private async geometry(): Promise<boolean> {
    return (await this.ready()).postgis;
  }

  async addDocument(bundle: DocumentBundle): Promise<AddResult> {
    return this.addDocumentWith(bundle);
  }

  /**
   * addDocument, running `alsoInTransaction` in the same transaction: the
   * queue marks its job done there, so a job is done exactly when its document is stored.
   */
  async addDocumentWith(bundle: DocumentBundle, alsoInTransaction?: (tx: Sql, result: AddResult) => Promise<void>): Promise<AddResult> {
    await this.ready();
    // the queue's job and its document commit together: a commit lost in a server crash loses
    // both, and the job is simply done again, so that commit need not wait for the disk
    const begin = `${alsoInTransaction ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN'}; ${write.documentLockStatement(bundle)}`;
    return transaction(this.pool, async (tx) => {
      const result = await write.addDocument(tx, bundle);
      if (alsoInTransaction) await alsoInTransaction(tx, result);
      return result;
    }, undefined, begin, COMMIT_BUMPED);
  }

  /**
   * Several documents in one transaction (a batch ingest), each written as
   * addDocument writes it, in order, after the locks of all of them are
   * taken at once: about two round trips a document instead of five. Should
   * one document fail, the batch is undone and each goes again in its own
   * transaction, so only that one fails.
   */
  async addDocuments(bundles: DocumentBundle[]): Promise<(AddResult | Error)[]> {
    await this.ready();
    try {
      return await transaction(this.pool, async (tx) => {
        const out: AddResult[] = [];
        for (const b of bundles) out.push(await write.addDocument(tx, b));
        return out;
      }, undefined, `BEGIN; ${write.documentLockStatement(...bundles)}`, COMMIT_BUMPED);
    } catch {
      const out: (AddResult | Error)[] = [];
      for (const b of bundles) out.push(await this.addDocument(b).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
      return out;
    }
  }

  async findDuplicate(keys: DocumentKeys): Promise<DuplicateHit | null> {
    await this.ready();
    return write.findDuplicate(this.pool, keys);
  }

  async findDuplicates(keys: DocumentKeys[]): Promise<(DuplicateHit | null)[]> {
    await this.ready();
    return keys.length ? write.findDuplicates(this.pool, keys) : [];
  }

  async listEvents(query: EventQuery): Promise<{ total: number; total_exact: boolean; items: StoredEvent[] }> {
    const found = await this.listEventsJson(query);
    return { ...found, items: found.items.map((r) => JSON.parse(r) as StoredEvent) };
  }

  async listEventsJson(query: EventQuery): Promise<{ total: number; total_exact: boolean; items: string[] }> {
    const geometry = await this.geometry();
    // count and page from one snapshot
    return transaction(this.pool, async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return read.listEvents(tx, query, geometry);
    });
  }

  async *eachEvent(filters: EventFilters, sort: SortKey = 'event_date'): AsyncIterable<StoredEvent> {
    for await (const page of read.eachEvent(this.pool, filters, sort, await this.geometry())) yield* page;
  }

  async getEvent(id: string): Promise<EventDetail | null> {
    await this.ready();
    return read.getEvent(this.pool, id);
  }

  async getMerges(id: string): Promise<MergeView[] | null> {
    await this.ready();
    return read.getMerges(this.pool, id);
  }

  async splitEvent(id: string, claimIds?: string[]): Promise<string[] | null> {
    await this.ready();
    return transaction(this.pool, (tx) => write.splitEvent(tx, id, claimIds), undefined, undefined, COMMIT_BUMPED);
  }

  async reviewEvent(id: string, patch: ReviewPatch): Promise<StoredEvent | null> {
    await this.ready();
    return transaction(this.pool, (tx) => write.reviewEvent(tx, id, patch), undefined, undefined, COMMIT_BUMPED);
  }

  async getDocument(id: string): Promise<DocumentView | null> {
    await this.ready();
    return read.getDocument(this.pool, id);
  }

  async searchDocuments(query: DocumentQuery): Promise<{ total: number; total_exact: boolean; items: DocumentHit[] }> {
    await this.ready();
    return read.searchDocuments(this.pool, query);
  }

  async aggregate(by: AggregateBy, filters: EventFilters): Promise<AggregateRow[]> {
    return read.aggregate(this.pool, by, filters, await this.geometry());
  }

  async listRecords<K extends 'displacement' | 'control'>(kind: K): Promise<(K extends 'displacement' ? DisplacementRecord : ControlRecord)[]> {
    await this.ready();
    return (await read.listRecords(this.pool, kind)) as (K extends 'displacement' ? DisplacementRecord : ControlRecord)[];
  }

  async points(filters: EventFilters): Promise<EventPoint[]> {
    return read.points(this.pool, filters, await this.geometry());
  }

  async revision(): Promise<number> {
    await this.ready();
    return (await row<{ n: number }>(this.pool, 'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM store_revision'))!.n;
  }

  async counts(): Promise<{ documents: number; events: number; claims: number }> {
    await this.ready();
    return (await row<{ documents: number; events: number; claims: number }>(this.pool,
      'SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM claims)::int AS claims'))!;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
