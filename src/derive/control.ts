/**
 * Territorial control: per-document control records from statements in
 * text, and the control timeline of every place built from takeover /
 * regain / transfer events plus those records.
 */
import type { Doc } from '../text/types.ts';
import type { PlaceMention } from '../mentions/types.ts';
import type { ControlRecord, EventRecord, LocationField } from '../events/types.ts';
import cues from '../../data/derive/control.json' with { type: 'json' };
import { eventsCiting, publishedDay, sentenceDate, sentenceEvidence } from './evidence.ts';
import { toLocationField } from '../geo/index.ts';
import { findControlStatements, type ControlStatement } from './statements.ts';

export type ControlPlace = ControlRecord['place'];

const TRANSFERS: Record<string, string> = cues.transfers;

/** True for ACLED sub-event types that hand a place to actor1. */
export function isTransfer(e: Pick<EventRecord, 'sub_event_type'>): boolean {
  return e.sub_event_type in TRANSFERS;
}

/**
 * Control records of one document: each statement that names a place becomes
 * a record; a statement in the sentence of a takeover event takes the event's
 * date and id as evidence, and "rebel-held" in a takeover sentence ends the
 * former holder's control (until) instead of starting one.
 * @example controlRecords(doc, findControlStatements(doc), result.events)
 */
export function controlRecords(doc: Doc, statements: readonly ControlStatement[], events: readonly EventRecord[]): ControlRecord[] {
  const out: ControlRecord[] = [];
  for (const st of statements) {
    const cited = eventsCiting(doc, events, st.sentence);
    const transfer = cited.find(isTransfer) ?? null;
    const linked = transfer ?? cited[0] ?? null;
    const location = st.prior && transfer?.location ? { ...transfer.location } : st.place ? toLocationField(st.place) : null;
    if (!location) continue;
    const day = (linked?.event_date ?? null) || statedDay(doc, st.sentence);
    const place: ControlPlace =
      st.pattern === 'road' && st.to ? { ...location, kind: 'road', to: toLocationField(st.to) } : { ...location, kind: placeKind(st.prior ? null : st.place, location) };
    out.push({
      record: 'control',
      id: `${doc.id}:control:${st.start}`,
      document_id: doc.id,
      place,
      controller: st.controller.name,
      since: st.prior ? null : day,
      until: st.prior ? day : null,
      evidence: linked ? [linked.id] : [],
      confidence: confidenceOf(st, linked !== null),
      sources: [{ ...sentenceEvidence(doc, st.sentence) }],
    });
  }
  return out;
}

/**
 * What the pipeline calls: statements found in the doc (or already found by
 * the caller), turned into control records.
 * @example result.control = findControl(doc, result.events)
 */
export function findControl(doc: Doc, events: readonly EventRecord[], statements: readonly ControlStatement[] = findControlStatements(doc)): ControlRecord[] {
  return controlRecords(doc, statements, events);
}

function statedDay(doc: Doc, sentence: number): string | null {
  const t = sentenceDate(doc, sentence);
  if (t?.range) return t.range.start;
  return publishedDay(doc);
}

function placeKind(m: PlaceMention | null, loc: LocationField): 'point' | 'area' {
  const code = m?.resolved?.featureCode ?? '';
  if (code.startsWith('PPL')) return 'point';
  if (code.startsWith('ADM') || code.startsWith('PCL')) return 'area';
  return loc.geo_precision === 1 ? 'point' : 'area';
}

/** A road cut names an actor and both ends; a bare "-held" is a weaker, undated observation. */
function confidenceOf(st: ControlStatement, linked: boolean): number {
  const base = st.pattern === 'road' ? 0.7 : st.prior ? 0.5 : 0.6;
  return Math.round(Math.min(0.9, base + (linked ? 0.1 : 0)) * 100) / 100;
}

/** A stable key for a place: GeoNames id when resolved, else its name; a road is keyed by both ends in order. */
export function placeKey(place: LocationField & { kind?: string; to?: LocationField | null }): string {
  const one = (l: LocationField) => (l.geonameid !== null ? String(l.geonameid) : `${(l.name ?? l.text).toLowerCase()}|${l.iso3 ?? ''}`);
  if (place.kind === 'road' && place.to) return `road:${[one(place), one(place.to)].sort().join('~')}`;
  return `place:${one(place)}`;
}

export { findControlStatements, type ControlStatement } from './statements.ts';
