/// <reference types="geojson" />
/** The JSON API of src/serve (see the store's routes); types mirror its responses. */

import type { EventRecord } from '../../src/events/types.ts';

// the record format is the server's (src/events/types.ts): one definition for both sides
export type { ActorField, CountField, EvidenceSource, LocationField } from '../../src/events/types.ts';
export type ReviewState = 'unreviewed' | 'confirmed' | 'corrected' | 'rejected';

export interface StoredEvent extends EventRecord {
  review: { state: ReviewState; corrected_fields: string[] };
  source_count: number;
  document_ids: string[];
}

export interface Claim {
  id: string; document_id: string; outlet: string | null; claimed_by: string | null;
  sentence: string; start: number; end: number;
  /** the event's fields as this one report gives them */
  fields: Partial<Record<string, unknown>>;
}
export interface MergeView {
  merged_at: string; claim_ids: string[]; document_ids: string[];
  features: Record<string, number | null>; score: number; split_at: string | null;
}
export interface Disagreement { field: string; values: { value: unknown; claim_ids: string[] }[] }
export interface EventDetail extends StoredEvent { claims: Claim[]; disagreements: Disagreement[] }

export interface Page<T> {
  /** exact up to the API's counting cap; past it a lower bound, and total_exact is false */
  total: number; total_exact?: boolean; limit: number; offset: number; items: T[];
}

export type SpanKind = 'actor' | 'place' | 'time' | 'quantity' | 'source' | 'trigger';
export interface DocSpan { kind: SpanKind; start: number; end: number; text: string; label: string | null; event_ids: string[] }
export interface DocumentView {
  id: string; title: string | null; source: string | null; url: string | null; published: string | null;
  language: string | null; text: string; spans: DocSpan[];
}

export interface AggregateRow { key: string; events: number; fatalities_low: number; fatalities_best: number; fatalities_high: number; no_figure: number }

import type { PointColumns } from './points.ts';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    method,
    signal,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, (data && (data.message || data.error)) || `${res.status} ${res.statusText}`);
  return data as T;
}

const enc = encodeURIComponent;

export const api = {
  events: (query: string, signal?: AbortSignal) => call<Page<StoredEvent>>('GET', `/api/events?${query}`, undefined, signal),
  event: (id: string, signal?: AbortSignal) => call<EventDetail>('GET', `/api/events/${enc(id)}`, undefined, signal),
  merges: (id: string) => call<MergeView[] | { items: MergeView[] } | { merges: MergeView[] }>('GET', `/api/events/${enc(id)}/merges`),
  split: (id: string, body: { claim_ids?: string[] }) => call<{ events: string[] }>('POST', `/api/events/${enc(id)}/split`, body),
  patch: (id: string, body: { fields?: Record<string, unknown>; review_state?: ReviewState; note?: string }) =>
    call<StoredEvent>('PATCH', `/api/events/${enc(id)}`, body),
  document: (id: string, signal?: AbortSignal) => call<DocumentView>('GET', `/api/documents/${enc(id)}`, undefined, signal),
  ingest: (body: { text?: string; url?: string; published?: string; title?: string; source?: string }) =>
    call<{ document_id: string; duplicate_of: string | null; events: (string | StoredEvent)[] }>('POST', '/api/documents', body),
  aggregates: (query: string, signal?: AbortSignal) => call<{ by: string; rows: AggregateRow[] }>('GET', `/api/aggregates?${query}`, undefined, signal),
  geojson: (query: string, signal?: AbortSignal) => call<GeoJSON.FeatureCollection>('GET', `/api/events.geojson?${query}`, undefined, signal),
  /** Every matching event with coordinates, in pages of the API's largest GeoJSON response. */
  allFeatures: async (query: string, signal?: AbortSignal): Promise<GeoJSON.FeatureCollection> => {
    const PAGE = 100_000;
    const page = (offset: number) => {
      const q = new URLSearchParams(query);
      q.set('limit', String(PAGE));
      if (offset) q.set('offset', String(offset));
      return call<GeoJSON.FeatureCollection>('GET', `/api/events.geojson?${q}`, undefined, signal);
    };
    let features: GeoJSON.Feature[] = [];
    // events without coordinates are left out of a page, so a short page can still have a successor
    for (let offset = 0; ; offset += PAGE) {
      const got = (await page(offset)).features;
      features = features.concat(got);
      if (got.length < PAGE * 0.9) break;
    }
    return { type: 'FeatureCollection', features };
  },
  /** The map's points: the API's compact point list, or the GeoJSON where the store engine has none (501). */
  points: async (query: string, signal?: AbortSignal): Promise<{ columns: PointColumns } | { geojson: GeoJSON.FeatureCollection }> => {
    try {
      return { columns: await call<PointColumns>('GET', `/api/events.points?${query}`, undefined, signal) };
    } catch (err) {
      if (err instanceof ApiError && err.status === 501) return { geojson: await api.allFeatures(query, signal) };
      throw err;
    }
  },
  optional: async <T,>(path: string): Promise<T | null> => {
    try { return await call<T>('GET', path); } catch (err) { if (err instanceof ApiError && err.status === 404) return null; throw err; }
  },
};
