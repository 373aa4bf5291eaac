/** The SQLite engine of the Store: a file (or ":memory:") via better-sqlite3. */
import type { ControlRecord, DisplacementRecord } from '../../events/types.ts';
import type {
  AddResult, AggregateBy, AggregateRow, DocumentBundle, DocumentHit, DocumentQuery, DocumentKeys, DocumentView, DuplicateHit, EventDetail, EventFilters, EventPoint,
  EventQuery, MergeView, ReviewPatch, SortKey, Store, StoredEvent,
} from '../types.ts';
import { Db } from './db.ts';
import * as read from './read.ts';
import * as batch from './batch.ts';
import { checkDuplicate, type DuplicateCheck } from './duplicates.ts';
import * as write from './write.ts';

/** more unused checks than a batch holds: the oldest are of no use any more */
const MAX_CHECKS = 1000;

function checkKey(k: DocumentKeys): string {
  return `${k.content_hash} ${k.canonical_url ?? ''}`;
}

export class SqliteStore implements Store {
  readonly db: Db;
  /** duplicate checks not yet used, by their keys: a write trusts its document's check while the store has not changed since */
  private readonly checks = new Map<string, DuplicateCheck>();

  constructor(path: string) {
    this.db = new Db(path);
  }

  async addDocument(bundle: DocumentBundle): Promise<AddResult> {
    return batch.addDocument(this.db, bundle, this.takeCheck(bundle));
  }

  async addDocuments(bundles: DocumentBundle[]): Promise<(AddResult | Error)[]> {
    return batch.addDocuments(this.db, bundles, bundles.map((b) => this.takeCheck(b)));
  }

  async findDuplicate(keys: DocumentKeys): Promise<DuplicateHit | null> {
    // checks nobody wrote after (an API caller that only asked) must not pile up
    if (this.checks.size >= MAX_CHECKS) this.checks.clear();
    const checked = checkDuplicate(this.db, keys);
    this.checks.set(checkKey(keys), checked);
    return checked.hit;
  }

  private takeCheck(b: DocumentBundle): DuplicateCheck | undefined {
    const key = checkKey(b.document);
    const checked = this.checks.get(key);
    this.checks.delete(key);
    return checked;
  }

  async listEvents(query: EventQuery): Promise<{ total: number; total_exact: boolean; items: StoredEvent[] }> {
    const found = read.listEvents(this.db, query);
    return { ...found, items: found.items.map((r) => JSON.parse(r) as StoredEvent) };
  }

  async listEventsJson(query: EventQuery): Promise<{ total: number; total_exact: boolean; items: string[] }> {
    return read.listEvents(this.db, query);
  }

  async *eachEvent(filters: EventFilters, sort?: SortKey): AsyncIterable<StoredEvent> {
    for (const page of read.eachEvent(this.db, filters, sort)) yield* page;
  }

  async getEvent(id: string): Promise<EventDetail | null> {
    return read.getEvent(this.db, id);
  }

  async getMerges(id: string): Promise<MergeView[] | null> {
    return read.getMerges(this.db, id);
  }

  async splitEvent(id: string, claimIds?: string[]): Promise<string[] | null> {
    return write.splitEvent(this.db, id, claimIds);
  }

  async reviewEvent(id: string, patch: ReviewPatch): Promise<StoredEvent | null> {
    return write.reviewEvent(this.db, id, patch);
  }

  async getDocument(id: string): Promise<DocumentView | null> {
    return read.getDocument(this.db, id);
  }

  async searchDocuments(query: DocumentQuery): Promise<{ total: number; total_exact: boolean; items: DocumentHit[] }> {
    return read.searchDocuments(this.db, query);
  }

  async aggregate(by: AggregateBy, filters: EventFilters): Promise<AggregateRow[]> {
    return read.aggregate(this.db, by, filters);
  }

  async listRecords<K extends 'displacement' | 'control'>(kind: K): Promise<(K extends 'displacement' ? DisplacementRecord : ControlRecord)[]> {
    return read.listRecords(this.db, kind) as (K extends 'displacement' ? DisplacementRecord : ControlRecord)[];
  }

  async points(filters: EventFilters): Promise<EventPoint[]> {
    return read.points(this.db, filters);
  }

  async revision(): Promise<number> {
    return this.db.get<{ n: number }>('SELECT n FROM store_revision WHERE id = 1')!.n;
  }

  async counts(): Promise<{ documents: number; events: number; claims: number }> {
    return this.db.get<{ documents: number; events: number; claims: number }>(
      'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM claims) AS claims')!;
  }

  async close(): Promise<void> {
    this.db.raw.close();
  }
}
