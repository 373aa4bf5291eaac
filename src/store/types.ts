/**
 * What the store keeps and returns. Every engine (SQLite now, PostgreSQL
 * later) implements `Store` with the same semantics.
 */
import type { ControlRecord, DisplacementRecord, EventRecord, EvidenceSource } from '../events/types.ts';
import type { MergeFeatures, Disagreement } from '../merge/index.ts';

export type ReviewState = 'unreviewed' | 'confirmed' | 'corrected' | 'rejected';
export const REVIEW_STATES: readonly ReviewState[] = ['unreviewed', 'confirmed', 'corrected', 'rejected'];

export interface StoredEvent extends EventRecord {
  review: { state: ReviewState; corrected_fields: string[] };
  source_count: number;
  document_ids: string[];
  /** when the event last changed: a claim joined or left, a split, a correction (ISO 8601) */
  updated_at: string;
}

/** One event as one document reports it: the unit that merging moves around. */
export interface Claim {
  id: string;
  document_id: string;
  outlet: string | null;
  claimed_by: string | null;
  sentence: string;
  start: number;
  end: number;
  /** the event as extracted from this document alone */
  record: EventRecord;
}

/** A claim as the API shows it: the fields this report gives the event. */
export interface ClaimView extends Omit<Claim, 'record'> {
  fields: Partial<EventRecord>;
}

export interface EventDetail extends StoredEvent {
  claims: ClaimView[];
  disagreements: Disagreement[];
}

export interface MergeView {
  merged_at: string;
  claim_ids: string[];
  document_ids: string[];
  features: MergeFeatures;
  score: number;
  split_at: string | null;
}

export type SpanKind = 'actor' | 'place' | 'time' | 'quantity' | 'source' | 'trigger';

export interface SpanInput {
  kind: SpanKind;
  start: number;
  end: number;
  label: string | null;
  sentence: number | null;
}

export interface DocumentRow {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  canonical_url: string | null;
  published: string | null;
  language: string;
  text: string;
  content_hash: string;
  /** MinHash signature; null for texts too short to compare */
  minhash: Uint32Array | null;
  warnings: string[];
}

/** Everything one document brings; written in one transaction. */
export interface DocumentBundle {
  document: DocumentRow;
  sentences: { start: number; end: number }[];
  spans: SpanInput[];
  claims: Claim[];
  /** event references (cause_event_id, evidence) hold claim ids here */
  records: (DisplacementRecord | ControlRecord)[];
  /** re-processing: when this exact text is stored, replace its claims instead of recording a copy */
  replace?: boolean;
}

export interface AddResult {
  document_id: string;
  duplicate_of: string | null;
  events: string[];
}

/** What a stored document says of itself. */
interface DocumentMeta {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string;
}

export interface DocumentView extends DocumentMeta {
  text: string;
  copies: { url: string | null; source: string | null; similarity: number }[];
  spans: { kind: SpanKind; start: number; end: number; text: string; label: string | null; event_ids: string[] }[];
}

/** A document found by search: its metadata and the passage where the words occur. */
export interface DocumentHit extends DocumentMeta {
  /** about 200 characters around the first match (the text's start without `q`) */
  snippet: string;
}

export interface DocumentQuery {
  /** every word must occur in the title or text */
  q?: string;
  /** publication day range, inclusive (YYYY-MM-DD) */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export type SortKey = 'event_date' | '-event_date' | 'fatalities' | '-fatalities' | 'confidence' | '-confidence';

export interface EventFilters {
  from?: string;
  to?: string;
  /** west, south, east, north */
  bbox?: [number, number, number, number];
  country?: string;
  admin1?: string;
  actor?: string;
  event_type?: string;
  sub_event_type?: string;
  min_fatalities?: number;
  q?: string;
  /** default: every state but rejected */
  review?: ReviewState;
}

export interface EventQuery extends EventFilters {
  limit: number;
  offset: number;
  sort?: SortKey;
}

export type AggregateBy = 'day' | 'week' | 'admin1' | 'actor' | 'event_type';

export interface AggregateRow {
  key: string | null;
  events: number;
  fatalities_low: number;
  fatalities_best: number;
  /** null when some event's figure is open-ended */
  fatalities_high: number | null;
  no_figure: number;
}

export interface ReviewPatch {
  fields?: Partial<EventRecord>;
  review_state?: 'confirmed' | 'rejected' | 'corrected';
  note?: string;
}

/** The fingerprints a duplicate is looked up by. */
export interface DocumentKeys {
  canonical_url: string | null;
  content_hash: string;
  minhash: Uint32Array | null;
  /** a near duplicate must also agree with it on figures and dates */
  text: string;
}

export interface DuplicateHit {
  document_id: string;
  similarity: number;
  via: 'url' | 'hash' | 'near';
}

/** The indexed columns of an event: enough to draw and filter a map of many events. */
export interface EventPoint {
  id: string;
  lon: number;
  lat: number;
  event_date: string | null;
  event_type: string;
  sub_event_type: string;
  country: string | null;
  admin1: string | null;
  actor1: string | null;
  actor2: string | null;
  fatalities_low: number | null;
  fatalities_best: number | null;
}

export interface Store {
  /** Stores a document with its claims, merging them into events; a duplicate is recorded as a copy. */
  addDocument(bundle: DocumentBundle): Promise<AddResult>;
  /**
   * Several documents in one transaction, in order, each stored whole or not
   * at all (a batch ingest): the result of each, or the error that document
   * alone met (the others are stored). Engines without it take them one by one.
   */
  addDocuments?(bundles: DocumentBundle[]): Promise<(AddResult | Error)[]>;
  /** The stored document this one duplicates, if any (checked again inside addDocument). */
  findDuplicate(keys: DocumentKeys): Promise<DuplicateHit | null>;
  /** findDuplicate for several documents at once, each against the store as it is (not against each other). */
  findDuplicates?(keys: DocumentKeys[]): Promise<(DuplicateHit | null)[]>;
  /** `total` is exact up to 10,000 matches; beyond, it is 10,000 and `total_exact` is false. */
  listEvents(query: EventQuery): Promise<{ total: number; total_exact?: boolean; items: StoredEvent[] }>;
  /** listEvents with each item as the stored JSON text, for callers that only pass records on (the API): no parse, no re-serialisation. */
  listEventsJson?(query: EventQuery): Promise<{ total: number; total_exact: boolean; items: string[] }>;
  /** All matching events, in pages, for exports. */
  eachEvent(filters: EventFilters, sort?: SortKey): AsyncIterable<StoredEvent>;
  getEvent(id: string): Promise<EventDetail | null>;
  getMerges(id: string): Promise<MergeView[] | null>;
  /** Undoes merges (all, or the ones that brought `claimIds`); returns the resulting event ids, or null if unknown. */
  splitEvent(id: string, claimIds?: string[]): Promise<string[] | null>;
  reviewEvent(id: string, patch: ReviewPatch): Promise<StoredEvent | null>;
  getDocument(id: string): Promise<DocumentView | null>;
  /** Documents by full-text search and publication day, newest first; `total` capped as in listEvents. */
  searchDocuments(query: DocumentQuery): Promise<{ total: number; total_exact: boolean; items: DocumentHit[] }>;
  aggregate(by: AggregateBy, filters: EventFilters): Promise<AggregateRow[]>;
  /** Displacement or control records, their event references resolved to current event ids. */
  listRecords<K extends 'displacement' | 'control'>(kind: K): Promise<(K extends 'displacement' ? DisplacementRecord : ControlRecord)[]>;
  counts(): Promise<{ documents: number; events: number; claims: number }>;
  /** Every matching event with coordinates, as its indexed columns (no record parsed). */
  points?(filters: EventFilters): Promise<EventPoint[]>;
  /** A number that changes with every write: caches of derived data key on it. */
  revision?(): Promise<number>;
  close(): Promise<void>;
}

export type { EvidenceSource };
