/**
 * An event's fields follow from all its claims: dates widen to cover every
 * report, figures become intervals, and where reports differ the
 * difference is listed instead of overwritten.
 */
import type { EventRecord, EvidenceSource } from '../events/types.ts';
import { combineCounts } from '../events/index.ts';

export interface ClaimLike {
  id: string;
  document_id: string;
  claimed_by: string | null;
  record: EventRecord;
}

export interface Disagreement {
  field: string;
  values: { value: unknown; claim_ids: string[] }[];
}

/** The value most claims give (ties: the first claim's), with the claims behind each value. */
function tally<T>(claims: ClaimLike[], pick: (r: EventRecord) => T, key: (v: T) => string = (v) => JSON.stringify(v)) {
  const groups = new Map<string, { value: T; claim_ids: string[]; documents: Set<string> }>();
  for (const c of claims) {
    const v = pick(c.record);
    const k = key(v);
    const g = groups.get(k) ?? { value: v, claim_ids: [], documents: new Set<string>() };
    g.claim_ids.push(c.id);
    g.documents.add(c.document_id);
    groups.set(k, g);
  }
  const ranked = [...groups.values()].sort((a, b) => b.documents.size - a.documents.size);
  return { top: ranked[0].value, groups: ranked };
}

function widestDate(claims: ClaimLike[]): EventRecord['date'] {
  const starts = claims.map((c) => c.record.date?.start ?? c.record.event_date).filter((d): d is string => !!d).sort();
  const ends = claims.map((c) => c.record.date?.end ?? c.record.event_date).filter((d): d is string => !!d).sort();
  const start = starts[0] ?? null;
  const end = ends[ends.length - 1] ?? null;
  const precisions = claims.map((c) => c.record.date?.precision ?? 3);
  // reports agreeing on one day keep the best precision; a spread of days is "week-ish" at best
  const precision = (start !== null && start === end ? Math.min(...precisions) : Math.max(2, ...precisions)) as 1 | 2 | 3;
  const texts = [...new Set(claims.map((c) => c.record.date?.text).filter((t): t is string => !!t))];
  return { start, end, precision, text: texts.length ? texts.join(' / ') : null };
}

const COMPARED: { field: string; pick: (r: EventRecord) => unknown }[] = [
  { field: 'event_date', pick: (r) => r.event_date },
  { field: 'event_type', pick: (r) => r.event_type },
  { field: 'sub_event_type', pick: (r) => r.sub_event_type },
  { field: 'actor1', pick: (r) => r.actor1?.name ?? null },
  { field: 'actor2', pick: (r) => r.actor2?.name ?? null },
  { field: 'location', pick: (r) => r.location?.name ?? r.location?.text ?? null },
  { field: 'fatalities', pick: (r) => (r.fatalities ? { low: r.fatalities.low, best: r.fatalities.best, high: r.fatalities.high } : null) },
  { field: 'injuries', pick: (r) => (r.injuries ? { low: r.injuries.low, best: r.injuries.best, high: r.injuries.high } : null) },
];

/** Fields on which the claims differ, each value with the claims that give it. */
export function disagreements(claims: ClaimLike[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const { field, pick } of COMPARED) {
    const { groups } = tally(claims, pick);
    const stated = groups.filter((g) => g.value !== null);
    if (stated.length > 1) out.push({ field, values: stated.map((g) => ({ value: g.value, claim_ids: g.claim_ids })) });
  }
  return out;
}

/** ACLED interaction code: the two inter codes, smaller first; a lone actor gives N0. */
function interaction(a: number | null, b: number | null): number | null {
  if (a === null) return null;
  if (b === null || b === 0) return a * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

/**
 * The event record that all claims together support.
 * @example deriveEvent('ev1', [claimA, claimB]).sources.length // sources of both reports
 */
export function deriveEvent(id: string, claims: ClaimLike[]): EventRecord {
  if (claims.length === 0) throw new Error(`event ${id} has no claims`);
  const byConfidence = [...claims].sort((a, b) => b.record.confidence - a.record.confidence);
  const lead = byConfidence[0].record;
  if (claims.length === 1) return { ...lead, id };
  const subType = tally(claims, (r) => `${r.event_type}\u0000${r.sub_event_type}`, (v) => v).top;
  const typed = claims.find((c) => `${c.record.event_type}\u0000${c.record.sub_event_type}` === subType)!.record;
  const eventDate = tally(claims.filter((c) => c.record.event_date), (r) => r.event_date);
  const located = claims.map((c) => c.record.location).filter((l) => l !== null)
    .sort((a, b) => a!.geo_precision - b!.geo_precision || (b!.lat !== null ? 1 : 0) - (a!.lat !== null ? 1 : 0));
  const actor = (pick: (r: EventRecord) => EventRecord['actor1']) => {
    const named = claims.filter((c) => pick(c.record));
    return named.length ? pick(named.find((c) => pick(c.record)!.name === tally(named, (r) => pick(r)!.name, (v) => v).top)!.record) : null;
  };
  const assoc = new Map(claims.flatMap((c) => c.record.assoc_actors.map((a) => [a.name, a] as const)));
  const sources = new Map<string, EvidenceSource>();
  for (const c of claims) for (const s of c.record.sources) sources.set(`${s.document_id}|${s.start}|${s.end}`, s);
  const claimants = claims.map((c) => c.claimed_by);
  const docConfidence = new Map<string, number>();
  for (const c of claims) docConfidence.set(c.document_id, Math.max(docConfidence.get(c.document_id) ?? 0, c.record.confidence));
  const doubt = [...docConfidence.values()].reduce((p, c) => p * (1 - c), 1);
  const chosenDate = eventDate.groups.length ? (eventDate.groups.flatMap((g) => g.documents.size === eventDate.groups[0].documents.size ? [g.value] : []).sort()[0] as string) : null;
  const actor1 = actor((r) => r.actor1);
  const actor2 = actor((r) => r.actor2);
  return {
    ...lead,
    id,
    event_date: chosenDate,
    date: widestDate(claims),
    event_type: typed.event_type,
    sub_event_type: typed.sub_event_type,
    disorder_type: typed.disorder_type,
    plover: typed.plover,
    actor1,
    actor2,
    interaction: interaction(actor1?.inter ?? null, actor2?.inter ?? null),
    assoc_actors: [...assoc.values()],
    location: located[0] ?? null,
    fatalities: combineCounts(claims.map((c) => c.record.fatalities), claimants),
    injuries: combineCounts(claims.map((c) => c.record.injuries), claimants),
    civilian_targeting: claims.some((c) => c.record.civilian_targeting),
    sources: [...sources.values()],
    confidence: Math.round(Math.min(0.99, 1 - doubt) * 1000) / 1000,
  };
}
