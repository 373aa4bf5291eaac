/**
 * Displacement: people who fled (a flow: from, to, how many, caused by which
 * event) kept apart from stock statistics ("4.8 million refugees"), which are
 * never summed with flows.
 */
import type { Doc } from '../text/index.ts';
import type { CountField, DisplacementRecord, EventRecord, LocationField } from './types.ts';
import type { CueHit } from './cues.ts';
import type { Lexicon } from './lexicon.ts';
import type { EventHooks } from './draft.ts';
import { stableId } from './assemble.ts';
import { eventDate } from './dating.ts';
import { combineCounts } from './counts.ts';

const DESTINATION = /\b(?:to|toward|towards|into|for|in the direction of)\s+(.+?)(?=,|;|\.|$|\s+(?:a|an|the)\s+\w+\s+(?:said|reported)\b)/gi;
/** "a USA-backed alliance": the place qualifies an actor, it is not a destination */
const MODIFIER_AFTER = /^\s*-\s*(?:backed|led|based|funded|supported|allied)\b/i;
const ORIGIN = /\bfrom\s+(.+?)(?=,|;|\.|\s+(?:to|toward|towards|into)\b|$)/i;

function people(doc: Doc, sentence: number): CountField | null {
  const qs = doc.mentions.quantities.filter((q) => q.sentence === sentence && (q.kind === 'fled' || q.kind === 'people'));
  const q = qs.find((x) => x.kind === 'fled') ?? qs[0];
  return q ? { low: q.low, best: q.best, high: q.high, text: q.text, start: q.start, end: q.end } : null;
}

function cause(doc: Doc, hits: CueHit[], events: EventRecord[], sentence: number): string | null {
  const named = hits.find((h) => h.status === 'cause' || h.status === 'anaphor');
  if (!named) return null;
  const before = events.filter((e) => e.sources.some((s) => s.start <= doc.sentences[sentence].start));
  const pool = before.length > 0 ? before : events;
  const actors = doc.mentions.actors.filter((a) => a.sentence === sentence && a.start > named.end);
  const byActor = pool.find((e) => actors.some((a) => a.name === e.actor1?.name));
  const violent = pool.filter((e) => e.event_type !== 'Protests' && e.event_type !== 'Strategic developments');
  return (byActor ?? violent[violent.length - 1] ?? null)?.id ?? null;
}

interface Flow { record: DisplacementRecord; cause: string | null }

/**
 * Displacement records of a document, flows merged by cause.
 * @example findDisplacement(doc, cues, events, lex, hooks)[0].kind // 'flow'
 */
export function findDisplacement(doc: Doc, cues: CueHit[][], events: EventRecord[], lex: Lexicon, hooks: EventHooks): DisplacementRecord[] {
  const flows: Flow[] = [];
  const stocks: DisplacementRecord[] = [];
  for (const s of doc.sentences) {
    const m = lex.context.displacement.exec(s.text);
    if (!m) continue;
    const rel = m.index;
    if (lex.context.irrealisBefore.test(s.text.slice(Math.max(0, rel - 40), rel))) continue;
    const kind = lex.context.stock.test(s.text) ? 'stock' : 'flow';
    const places = doc.mentions.places.filter((p) => p.sentence === s.index && p.resolved && (p.use ?? 'place') === 'place' && !MODIFIER_AFTER.test(doc.text.slice(p.end, p.end + 12)));
    const to: LocationField[] = [];
    const toText: string[] = [];
    for (const d of kind === 'flow' ? s.text.slice(rel).matchAll(DESTINATION) : []) {
      const segStart = s.start + rel + (d.index ?? 0) + d[0].length - d[1].length;
      const segEnd = segStart + d[1].length;
      const inside = places.filter((p) => p.start >= segStart && p.end <= segEnd);
      to.push(...inside.map(hooks.toLocation));
      let rest = d[1];
      for (const p of inside) rest = rest.replace(p.text, '');
      rest = rest.replace(/^\W*(?:as well as|and|or)?\s*/i, '').trim();
      const held = doc.mentions.actors.find((a) => a.sentence === s.index && a.start >= segStart && a.end <= segEnd);
      if (held) rest += ` (${held.name})`;
      if (/\b(?:area|territory|territories|border|camps?|region|countries|country|side|areas|villages?|towns?|city)\b/i.test(rest)) toText.push(rest);
    }
    const origin = ORIGIN.exec(s.text.slice(rel));
    const fromPlace = origin ? places.find((p) => p.start - s.start >= rel + origin.index && p.start - s.start < rel + origin.index + origin[0].length) : undefined;
    const when = eventDate(s, { start: s.start + rel, end: s.start + rel }, doc.mentions.times, doc.published);
    const claim = doc.mentions.sources.find((x) => x.sentence === s.index);
    const record: DisplacementRecord = {
      record: 'displacement',
      id: stableId('displacement', doc.id, s.start + rel, s.start + rel + m[0].length),
      document_id: doc.id,
      kind,
      from: fromPlace ? hooks.toLocation(fromPlace) : null,
      to,
      to_text: toText.length > 0 ? toText.join('; ') : null,
      people: people(doc, s.index),
      cause_event_id: kind === 'flow' ? cause(doc, cues[s.index], events, s.index) : null,
      date: when.date,
      sources: [{ outlet: doc.source, claimed_by: claim?.name ?? null, document_id: doc.id, sentence: s.text, start: s.start, end: s.end }],
    };
    if (kind === 'flow' && !record.people && !record.from && record.to.length === 0 && !record.cause_event_id) continue;
    if (kind === 'stock') {
      if (record.people) stocks.push(record);
      continue;
    }
    const same = flows.find((f) => f.cause !== null && f.cause === record.cause_event_id);
    if (!same) {
      flows.push({ record, cause: record.cause_event_id });
      continue;
    }
    const r = same.record;
    r.to.push(...record.to.filter((l) => !r.to.some((x) => x.geonameid === l.geonameid && x.text === l.text)));
    r.to_text = [r.to_text, record.to_text].filter(Boolean).join('; ') || null;
    r.from ??= record.from;
    r.people = combineCounts([r.people, record.people].filter(Boolean));
    r.sources.push(...record.sources);
    if (record.date.end && (!r.date.end || record.date.end > r.date.end)) r.date = record.date;
  }
  for (const f of flows) {
    const caused = events.find((e) => e.id === f.cause);
    // people flee from the event on: the flow cannot start before its cause
    if (caused?.date.start && f.record.date.end && caused.date.start <= f.record.date.end) f.record.date = { ...f.record.date, start: caused.date.start };
  }
  return [...flows.map((f) => f.record), ...stocks];
}
