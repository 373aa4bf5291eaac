/**
 * ACLED's convention for one report of one kind of event at several places:
 * one event per place, same date, type and actors. Casualty figures are not
 * repeated: a figure tied to one place ("killing two in Marinka") goes to
 * that place's event; an undivided one is shared out evenly, the remainder
 * to the first places, as ACLED's coders do ("Fatalities split between 2
 * events", "Unclear fatalities coded as 10 and spread across three
 * locations" in their notes). The first place's event comes first.
 */
import type { Doc } from '../text/index.ts';
import type { CountField, EventRecord } from './types.ts';
import type { EventHooks } from './draft.ts';
import { coordinatedPlaces, placeOfFigure } from './places-list.ts';
import { stableId } from './assemble.ts';
import { writeNotes } from './notes.ts';

/** The i-th of n even shares of a figure, the remainder going to the first shares: 20 over 3 → 7, 7, 6. */
function shareOf(c: CountField, n: number, i: number): CountField {
  const part = (v: number | null | undefined) => (v === null || v === undefined ? v : Math.floor(v / n) + (i < v % n ? 1 : 0));
  const shared: CountField = { ...c, low: part(c.low) ?? null, best: part(c.best) ?? null, high: part(c.high) ?? null };
  if (c.acled !== undefined) shared.acled = part(c.acled)!;
  return shared;
}

/**
 * The records of one event told at a list of places; [record] when its place stands alone.
 * @example splitByPlace(doc, record, hooks, template).map(e => e.location?.text) // ['Avdiivka', 'Marinka', 'Krasnohorivka']
 */
export function splitByPlace(doc: Doc, record: EventRecord, hooks: EventHooks, template: string): EventRecord[] {
  const loc = record.location;
  if (!loc || loc.start === undefined) return [record];
  const places = doc.mentions.places;
  const chosen = places.find((p) => p.start === loc.start && p.end === loc.end);
  // only a place of a sentence that reports this event can carry its list
  if (!chosen || !record.sources.some((s) => s.start <= chosen.start && chosen.end <= s.end)) return [record];
  const list = coordinatedPlaces(doc, chosen, places);
  if (list.length < 2) return [record];
  const deadAt = record.fatalities ? placeOfFigure(doc, record.fatalities, list, places) : null;
  const countAt = (c: CountField | null, i: number): CountField | null => {
    if (!c) return null;
    const owner = c === record.fatalities ? deadAt : placeOfFigure(doc, c, list, places);
    if (owner) return owner === list[i] ? c : null;
    return shareOf(c, list.length, i);
  };
  return list.map((p, i) => {
    const e: EventRecord = {
      ...record,
      id: i === 0 ? record.id : stableId(record.id, doc.id, p.start, p.end),
      location: p === chosen ? loc : hooks.locatePlace?.(doc, p, list) ?? hooks.toLocation(p),
      fatalities: countAt(record.fatalities, i),
      injuries: countAt(record.injuries, i),
    };
    // as ACLED's coders say it, so the share is not read as the report's own figure
    e.notes = writeNotes(e, template) + (record.fatalities && !deadAt ? ` Fatalities split across ${list.length} events.` : '');
    return e;
  });
}
