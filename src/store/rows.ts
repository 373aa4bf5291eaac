/**
 * The engine-neutral half of writing an event: what the SQLite and
 * PostgreSQL engines compute alike from the rows they read.
 */
import type { EventRecord } from '../events/types.ts';
import { applyCorrections, deriveEvent } from '../merge/index.ts';
import type { Claim, ClaimView, DocumentHit, ReviewState, StoredEvent } from './types.ts';
import { StoreError } from './errors.ts';

/** Counting stops here: past it, `total` is a lower bound and `total_exact` false (both engines). */
export const COUNT_CAP = 10_000;

/** The calendar day `days` after (or before) the day of `iso`. @example shiftDay('2016-05-29', -3) // '2016-05-26' */
export function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/** The fields of an event one claim gives, as the API shows them. */
const CLAIM_FIELDS = ['event_date', 'date', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'assoc_actors', 'location', 'fatalities', 'injuries', 'civilian_targeting', 'confidence', 'notes'] as const;

export function claimView(c: Claim): ClaimView {
  return {
    id: c.id, document_id: c.document_id, outlet: c.outlet, claimed_by: c.claimed_by, sentence: c.sentence, start: c.start, end: c.end,
    fields: Object.fromEntries(CLAIM_FIELDS.map((f) => [f, c.record[f]])) as Partial<EventRecord>,
  };
}

export interface CorrectionRow {
  field: string | null;
  value: string | null;
  review_state: ReviewState | null;
}

/** A reviewer's corrections and latest state, from the correction rows in order. */
export function reviewFrom(found: readonly CorrectionRow[]) {
  const fields = found.filter((r) => r.field !== null).map((r) => ({ field: r.field as string, value: JSON.parse(r.value ?? 'null') }));
  const states = found.map((r) => r.review_state).filter((s): s is ReviewState => s !== null);
  const state: ReviewState = states.length ? states[states.length - 1] : fields.length ? 'corrected' : 'unreviewed';
  return { fields, state, corrected_fields: [...new Set(fields.map((f) => f.field))] };
}

/** The event as stored: derived from all its claims, corrections on top, changed at `updatedAt`. */
export function storedEvent(eventId: string, claims: readonly Claim[], review: ReturnType<typeof reviewFrom>, updatedAt: string): StoredEvent {
  const record = applyCorrections(deriveEvent(eventId, [...claims]), review.fields);
  const documentIds = [...new Set(claims.map((c) => c.document_id))];
  return {
    ...record,
    review: { state: review.state, corrected_fields: review.corrected_fields },
    source_count: documentIds.length,
    document_ids: documentIds,
    updated_at: updatedAt,
  };
}

/**
 * The stored record (JSON text) when deriving the event again changed
 * nothing but the time: the event keeps it, and its updated_at with it.
 */
export function unchanged(next: StoredEvent, before: string | null | undefined): StoredEvent | null {
  if (!before) return null;
  const old = JSON.parse(before) as StoredEvent;
  return JSON.stringify({ ...next, updated_at: old.updated_at }) === before ? old : null;
}

/** The words full-text search finds an event by. */
export function searchText(r: EventRecord): string {
  const l = r.location;
  return [r.notes, r.actor1?.name, r.actor1?.text, r.actor2?.name, r.actor2?.text, ...r.assoc_actors.map((a) => a.name),
    l?.text, l?.name, l?.admin1, l?.country, r.event_type, r.sub_event_type, ...r.sources.map((s) => s.sentence)]
    .filter(Boolean).join(' \n ');
}

/** The words a search looks for, as typed: letters and digits only. */
export function queryWords(q: string | undefined): string[] {
  return q?.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const SNIPPET = 200;

/** A document row as a search hit: the passage around the first word of the query found in the text. */
export function documentHit(d: Omit<DocumentHit, 'snippet'> & { text: string }, q?: string): DocumentHit {
  const { text, ...meta } = d;
  const lower = text.toLowerCase();
  const at = Math.min(...queryWords(q).map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0), Infinity);
  const before = at - SNIPPET / 3;
  // start at a word boundary a little before the match
  const start = Number.isFinite(at) && before > 0 ? text.lastIndexOf(' ', before) + 1 : 0;
  const cut = text.slice(start, start + SNIPPET).replace(/\s+/g, ' ').trim();
  return { ...meta, snippet: (start > 0 ? '…' : '') + cut + (start + SNIPPET < text.length ? '…' : '') };
}

/**
 * The groups of claims a split takes out of an event: the claims named, or
 * else each open merge's claims. Throws on claims not in the event or on a
 * split that would leave it empty.
 */
export function splitGroups(id: string, members: { claim_id: string; merge_id: number | null }[], openMerges: number[], claimIds?: string[]): string[][] {
  if (!claimIds?.length) return openMerges.map((m) => members.filter((c) => c.merge_id === m).map((c) => c.claim_id)).filter((g) => g.length > 0);
  const unknown = claimIds.filter((c) => !members.some((m) => m.claim_id === c));
  if (unknown.length) throw new StoreError('bad_split', `claims not in event ${id}: ${unknown.join(', ')}`);
  if (claimIds.length >= members.length) throw new StoreError('bad_split', 'cannot split every claim out of an event');
  return [claimIds];
}
