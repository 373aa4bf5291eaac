/**
 * Reviewer corrections are kept apart from what the claims say and laid on
 * top every time an event is re-derived, so a correction outlives
 * re-processing and later merges.
 */
import type { EventRecord } from '../events/types.ts';

/** Fields a reviewer may correct; ids, provenance and sources are not among them. */
export const CORRECTABLE_FIELDS = [
  'event_date', 'date', 'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'actor2', 'assoc_actors',
  'interaction', 'civilian_targeting', 'location', 'fatalities', 'injuries', 'notes', 'plover',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/**
 * The record with each corrected field replaced by its latest correction.
 * @example applyCorrections(rec, [{field: 'event_date', value: '2016-05-27'}]).event_date // '2016-05-27'
 */
export function applyCorrections(record: EventRecord, corrections: { field: string; value: unknown }[]): EventRecord {
  const out: Record<string, unknown> = { ...record };
  for (const c of corrections) if ((CORRECTABLE_FIELDS as readonly string[]).includes(c.field)) out[c.field] = c.value;
  return out as unknown as EventRecord;
}
