/**
 * Displacement from text: flows ("thousands fled … into territory controlled
 * by …", "families displaced from X to Y", "heading to Azaz") with origin,
 * destinations, people, date, the event that caused them and their sources;
 * and stocks ("4.8 million refugees in neighbouring countries"), statistics
 * counted at a date that are kept apart and never summed with flows.
 */
import type { Doc, Sentence } from '../text/types.ts';
import type { PlaceMention, QuantityMention, SentenceMentions } from '../mentions/types.ts';
import type { CountField, DateField, DisplacementRecord, EventRecord, LocationField } from '../events/types.ts';
import cues from '../../data/derive/displacement.json' with { type: 'json' };
import { alternation, clauseEnd, inSentence, placesIn, publishedDay, sentenceDate, sentenceEvidence } from './evidence.ts';
import { toLocationField } from '../geo/index.ts';
import { prefixTrie } from '../text/index.ts';
import { fuseCounts } from '../mentions/quantities/index.ts';
import { isTransfer } from './control.ts';

const FLOW = new RegExp(`\\b${alternation(cues.flowCues)}\\b`, 'i');
const STOCK = new RegExp(`\\b${alternation(cues.stockCues)}\\b`, 'i');
const STATUS = new RegExp(`\\b${alternation(cues.statusNouns)}\\b`, 'i');
/**
 * A sentence with neither a status noun nor a flow cue holds no record; the
 * two merged on their leading letters (see prefixTrie) pass over most
 * sentences on one scan cheaper than either of them.
 */
const STATUS_OR_FLOW = new RegExp(`\\b${prefixTrie([alternation(cues.statusNouns), alternation(cues.flowCues)])}\\b`, 'i');
const PEOPLE = new RegExp(`\\b${alternation(cues.peopleNouns)}\\b`, 'i');
const TO = new RegExp(`\\b${alternation(cues.toCues)}\\s+`, 'gi');
const STOCK_TO = new RegExp(`\\b${alternation(cues.stockToCues)}\\s+`, 'gi');
const DESTINATION = new RegExp(`\\b${alternation(cues.destinationNouns)}\\b`, 'i');
const FROM = new RegExp(`\\b${alternation(cues.fromCues)}\\s+(?:the\\s+(?:town|city|village|area|district)\\s+of\\s+)?$`, 'i');
const CAUSE = new RegExp(`\\b${alternation(cues.causeNouns)}\\b`, 'gi');
const COUNTED: ReadonlySet<QuantityMention['kind']> = new Set(['fled', 'people']);

/** The cue a sentence's record would start at: a stock cue where people are counted displaced, else a flow cue. */
function displacementCue(text: string): { kind: 'stock' | 'flow'; match: RegExpExecArray } | null {
  if (!STATUS_OR_FLOW.test(text)) return null;
  const stock = STATUS.test(text) ? STOCK.exec(text) : null;
  if (stock) return { kind: 'stock', match: stock };
  const flow = FLOW.exec(text);
  return flow ? { kind: 'flow', match: flow } : null;
}

/** "the gunmen fled" is no displacement: a sentence about people names them, or counts the displaced. */
function aboutPeople(s: Sentence, quantities: SentenceMentions<QuantityMention>): boolean {
  return PEOPLE.test(s.text) || quantities.in(s.index).some((q) => COUNTED.has(q.kind));
}

/**
 * Whether a sentence can hold a displacement record, before its places and actors are found.
 * @example mayDisplace(doc.sentences[0], quantitiesBySentence(doc)) // true for 'Thousands fled to Azaz.'
 */
export function mayDisplace(s: Sentence, quantities: SentenceMentions<QuantityMention>): boolean {
  return displacementCue(s.text) !== null && aboutPeople(s, quantities);
}

/**
 * Finds displacement flows and stocks in a Doc whose mentions are filled;
 * `events` are the document's events, candidates for the cause of a flow.
 * @example findDisplacement(doc, result.events).filter((d) => d.kind === 'flow')
 */
export function findDisplacement(doc: Doc, events: readonly EventRecord[]): DisplacementRecord[] {
  const found: DisplacementRecord[] = [];
  for (const s of doc.sentences) {
    const hit = displacementCue(s.text);
    if (!hit || !aboutPeople(s, doc.mentions.quantities)) continue;
    const { kind, match: cue } = hit;
    const anchor = s.start + cue.index;
    const places = placesIn(doc, s.index);
    const dest = destinations(doc, places, anchor + cue[0].length, s.end, kind === 'stock' ? STOCK_TO : TO);
    const explicitFrom = places.find((p) => FROM.test(doc.text.slice(Math.max(s.start, p.start - 30), p.start))) ?? null;
    const cause = kind === 'flow' ? causeOf(doc, events, s.index) : null;
    // a stock's area is the place it is counted for ("the conflict in Syria … 4.8 million refugees")
    const area = kind === 'stock' ? (places.find((p) => p.end <= anchor && !dest.places.includes(p)) ?? null) : null;
    const origin = explicitFrom ?? area;
    const people = peopleOf(doc, s.index, anchor);
    // "havens to people fleeing wars": a flow that says nothing of who, where or why is no record
    if (kind === 'flow' && !people && dest.places.length === 0 && !dest.text && !explicitFrom && !cause) continue;
    if (kind === 'stock' && !people) continue;
    found.push({
      record: 'displacement',
      id: `${doc.id}:displacement:${s.start}`,
      document_id: doc.id,
      kind,
      from: origin ? toLocationField(origin) : (cause?.location ?? null),
      to: dest.places.filter((p) => p !== explicitFrom).map(toLocationField),
      to_text: dest.text,
      people,
      cause_event_id: cause?.id ?? null,
      date: dateOf(doc, s.index),
      sources: [sentenceEvidence(doc, s.index)],
    });
  }
  return mergeFlows(found);
}

/**
 * Places and phrases after a destination cue that follows the displacement
 * cue ("… fled … into territory controlled by …", "heading to Azaz as well as
 * the border", "refugees in neighbouring countries").
 */
function destinations(doc: Doc, places: PlaceMention[], from: number, limit: number, cueRe: RegExp): { places: PlaceMention[]; text: string | null } {
  const phrases: string[] = [];
  const picked: PlaceMention[] = [];
  for (const m of doc.text.slice(from, limit).matchAll(cueRe)) {
    const start = from + m.index + m[0].length;
    const end = clauseEnd(doc.text, start, limit);
    if (end <= start) continue;
    const phrase = doc.text.slice(start, end).trim();
    const inPhrase = places.filter((p) => p.start >= start && p.end <= end);
    if (inPhrase.length === 0 && !DESTINATION.test(phrase)) continue;
    picked.push(...inPhrase.filter((p) => !picked.includes(p)));
    if (!inPhrase.some((p) => p.text === phrase)) phrases.push(phrase);
    break;
  }
  return { places: picked, text: phrases.length ? phrases.join('; ') : null };
}

/** The figure for the people moved: a "fled"/"people" quantity in the sentence, nearest the cue. */
function peopleOf(doc: Doc, sentence: number, anchor: number): CountField | null {
  const qs = inSentence(doc.mentions.quantities, sentence).filter((q) => COUNTED.has(q.kind));
  if (qs.length === 0) return null;
  const q = qs.reduce((a, b) => (Math.abs(b.start - anchor) < Math.abs(a.start - anchor) ? b : a));
  return { low: q.low, best: q.best, high: q.high, text: q.text, start: q.start, end: q.end };
}

/** The date the sentence gives ("a monitor said on Sunday"), else the publication day; null when neither is known. */
function dateOf(doc: Doc, sentence: number): DateField {
  const t = sentenceDate(doc, sentence);
  if (t?.range) return { start: t.range.start, end: t.range.end, precision: t.precision, text: t.text };
  const day = publishedDay(doc);
  return { start: day, end: day, precision: day ? 1 : 3, text: null };
}

/**
 * The event that drove people out: among the document's events, one whose
 * actors the sentence names, whose evidence uses the same word ("offensive"),
 * a takeover or battle, and close in the text. Null when the sentence names no
 * cause at all.
 */
function causeOf(doc: Doc, events: readonly EventRecord[], sentence: number): EventRecord | null {
  const s = doc.sentences[sentence];
  const causeWords = [...s.text.matchAll(CAUSE)].map((m) => m[0].toLowerCase());
  const actors = new Set(inSentence(doc.mentions.actors, sentence).map((a) => a.name));
  if (causeWords.length === 0 && actors.size === 0) return null;
  let best: { e: EventRecord; score: number } | null = null;
  for (const e of events) {
    if (e.document_id !== doc.id) continue;
    const own = e.sources.filter((src) => src.document_id === doc.id);
    if (own.length === 0) continue;
    const distance = Math.min(...own.map((src) => Math.abs(doc.sentences.findIndex((x) => x.start <= src.start && src.start < x.end) - sentence)));
    let score = -distance / 10;
    if (e.actor1 && actors.has(e.actor1.name)) score += 3;
    if (e.actor2 && actors.has(e.actor2.name)) score += 1;
    if (isTransfer(e)) score += 2;
    else if (e.event_type === 'Battles') score += 1.5;
    if (causeWords.some((w) => own.some((src) => src.sentence.toLowerCase().includes(w)))) score += 1;
    if (!best || score > best.score) best = { e, score };
  }
  return best && best.score > 0 ? best.e : null;
}

/** Flows of one story with the same cause are one movement told in several sentences. */
function mergeFlows(records: DisplacementRecord[]): DisplacementRecord[] {
  const out: DisplacementRecord[] = [];
  for (const r of records) {
    const same = r.kind === 'flow' && r.cause_event_id ? out.find((o) => o.kind === 'flow' && o.cause_event_id === r.cause_event_id) : undefined;
    if (!same) {
      out.push(r);
      continue;
    }
    same.from ??= r.from;
    for (const t of r.to) if (!same.to.some((x) => sameLocation(x, t))) same.to.push(t);
    same.to_text = [same.to_text, r.to_text].filter(Boolean).join('; ') || null;
    same.people = mergePeople(same.people, r.people);
    same.sources.push(...r.sources);
  }
  return out;
}

function sameLocation(a: LocationField, b: LocationField): boolean {
  return a.geonameid !== null ? a.geonameid === b.geonameid : a.text === b.text;
}

function mergePeople(a: CountField | null, b: CountField | null): CountField | null {
  if (!a || !b) return a ?? b;
  const f = fuseCounts([a, b]);
  return f && { low: f.low, best: f.best, high: f.high, text: `${a.text}; ${b.text}` };
}
