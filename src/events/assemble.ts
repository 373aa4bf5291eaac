/**
 * A group of drafts becomes one EventRecord: the best-sourced report gives
 * the event date and figures; every report stays as a source, and the date
 * range spans what the reports disagree on.
 */
import { hash } from 'node:crypto';
import type { DateField, EventRecord, EvidenceSource, LocationField } from './types.ts';
import type { Draft } from './draft.ts';
import { combineCounts } from './counts.ts';
import { writeNotes } from './notes.ts';

/** Stable id: the same document and trigger span give the same id on every run (one-shot hash: a fifth of a Hash object's cost). */
export function stableId(kind: string, documentId: string, start: number, end: number): string {
  return hash('sha1', `${kind}\u0000${documentId}\u0000${start}:${end}`, 'hex').slice(0, 16);
}

/** ACLED interaction: the two inter codes, lower first; a lone actor gives inter1 * 10. */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (!inter1) return null;
  if (!inter2) return inter1 * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

function chosen(group: Draft[]): Draft {
  const rank = (d: Draft) => d.sourceRank * 10 + (d.date.basis === 'text' ? 5 : 0) + (d.report.anaphoric ? 0 : 2);
  return [...group].sort((a, b) => rank(b) - rank(a))[0];
}

function mergedDate(group: Draft[], main: Draft): DateField {
  const texted = group.filter((d) => d.date.basis === 'text');
  const pool = texted.length > 0 ? texted : [main];
  const starts = pool.map((d) => d.date.date.start).filter((s): s is string => s !== null).sort();
  const ends = pool.map((d) => d.date.date.end).filter((s): s is string => s !== null).sort();
  return { ...main.date.date, start: starts[0] ?? null, end: ends[ends.length - 1] ?? null };
}

function bestLocation(group: Draft[], main: Draft): LocationField | null {
  const located = group.filter((d) => d.location);
  if (located.length === 0) return null;
  return [...located].sort((a, b) => a.location!.geo_precision - b.location!.geo_precision || (a === main ? -1 : b === main ? 1 : 0))[0].location;
}

function confidence(group: Draft[], main: Draft, e: Pick<EventRecord, 'actor1' | 'location'>): number {
  let c = 0.45 * main.strength;
  if (e.actor1) c += 0.12;
  if (main.date.basis === 'text') c += 0.12;
  if (e.location) c += 0.12;
  if (main.sourceRank > 0) c += 0.08;
  c += Math.min(0.1, 0.05 * (group.length - 1));
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

function sourceOf(d: Draft): EvidenceSource {
  return { ...d.source, date: d.date.date, fatalities: d.fatalities };
}

/**
 * Builds the record of one event.
 * @example assemble('seed', group).event_type // 'Battles'
 */
export function assemble(documentId: string, group: Draft[]): EventRecord {
  const first = group[0];
  const main = chosen(group);
  const actor1 = main.actor1 ?? group.find((d) => d.actor1)?.actor1 ?? null;
  const actor2 = main.actor2 ?? group.find((d) => d.actor2 && d.actor2.name !== actor1?.name)?.actor2 ?? null;
  const names = new Set([actor1?.name, actor2?.name]);
  const assoc = group.flatMap((d) => d.assoc).filter((a) => !names.has(a.name) && (names.add(a.name), true));
  const location = bestLocation(group, main);
  const date = mergedDate(group, main);
  const counted = group.filter((d) => !d.report.anaphoric || d.fatalities);
  const claimants = counted.map((d) => d.source.claimed_by);
  const civilianTarget = actor2?.inter === 7 && ['Violence against civilians', 'Explosions/Remote violence', 'Riots'].includes(main.sub.eventType);
  const record: EventRecord = {
    id: stableId('event', documentId, first.trigger.start, first.trigger.end),
    document_id: documentId,
    event_date: main.date.day,
    date,
    event_type: first.sub.eventType,
    sub_event_type: first.sub.name,
    disorder_type: first.sub.disorderType,
    actor1,
    actor2,
    assoc_actors: assoc,
    interaction: interaction(actor1?.inter ?? null, actor2?.inter ?? null),
    civilian_targeting: civilianTarget || first.sub.name === 'Excessive force against protesters' || first.sub.eventType === 'Violence against civilians',
    location,
    fatalities: combineCounts(counted.map((d) => d.fatalities), claimants),
    injuries: combineCounts(counted.map((d) => d.injuries), claimants),
    sources: group.map(sourceOf),
    confidence: 0,
    notes: '',
    plover: first.sub.plover,
  };
  record.confidence = confidence(group, main, record);
  record.notes = writeNotes(record, first.sub.template);
  return record;
}
