/**
 * Small readers over a Doc's mentions shared by the control and displacement
 * finders: what lies in a sentence, which place or actor covers a span, and
 * the evidence record a derived statement points back to.
 */
import type { Doc } from '../text/types.ts';
import { SentenceMentions, type ActorMention, type MentionBase, type PlaceMention, type TimeMention } from '../mentions/types.ts';
import type { EventRecord, EvidenceSource } from '../events/types.ts';

/** Mentions of one sentence, in text order. */
export function inSentence<T extends MentionBase>(mentions: readonly T[] | SentenceMentions<T>, sentence: number): T[] {
  const own = mentions instanceof SentenceMentions ? [...mentions.in(sentence)] : mentions.filter((m) => m.sentence === sentence);
  return own.sort((a, b) => a.start - b.start);
}

/** Mentions grouped by sentence, each group in text order as inSentence gives it: one pass, not a filter per sentence. */
export function bySentence<T extends MentionBase>(mentions: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const m of mentions) {
    const group = groups.get(m.sentence);
    if (group) group.push(m);
    else groups.set(m.sentence, [m]);
  }
  for (const group of groups.values()) if (group.length > 1) group.sort((a, b) => a.start - b.start);
  return groups;
}

// made once: a regex literal is a new RegExp at every place or clause read
const MODIFIER_AFTER = /^\s*-\s*(?:backed|led|based|born|made|allied|aligned)\b/i;
const CLAUSE_END = /[,;:()\u2013\u2014]|\.(\s|$)/;

/**
 * Places of a sentence used as places: not "Turkey's military" (actor), "Syrian" (adjective),
 * or the "USA" of "a USA-backed alliance".
 */
export function placesIn(doc: Doc, sentence: number): PlaceMention[] {
  return inSentence(doc.mentions.places, sentence).filter(
    (p) => (p.use ?? 'place') === 'place' && !MODIFIER_AFTER.test(doc.text.slice(p.end, p.end + 12)),
  );
}

/** A country is too coarse to be "held": control statements need a smaller place. */
export function isCountry(p: PlaceMention): boolean {
  return p.resolved?.featureCode.startsWith('PCL') ?? false;
}

/** The actor mention that ends at `end` (allowing the hyphen of "rebel-held"), if any. */
export function actorEndingAt(actors: readonly ActorMention[], end: number): ActorMention | null {
  return actors.find((a) => a.end <= end && a.end >= end - 1) ?? actors.find((a) => a.start < end && a.end >= end) ?? null;
}

/** The head of an English noun phrase is its last word, so the last actor inside [start, end) names it. */
export function lastActorIn(actors: readonly ActorMention[], start: number, end: number): ActorMention | null {
  const inside = actors.filter((a) => a.start >= start && a.end <= end);
  return inside.length ? inside[inside.length - 1] : null;
}

/** First place mention starting in [start, end). */
export function firstPlaceIn(places: readonly PlaceMention[], start: number, end: number): PlaceMention | null {
  return places.find((p) => p.start >= start && p.start < end) ?? null;
}

/** End of the clause that starts at `from`: the next comma, semicolon, dash or sentence end. */
export function clauseEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const m = CLAUSE_END.exec(rest);
  return m ? from + m.index : limit;
}

/** The first resolved date said in the sentence, as a day range. */
export function sentenceDate(doc: Doc, sentence: number): TimeMention | null {
  return inSentence(doc.mentions.times, sentence).find((t) => t.type === 'DATE' && t.range !== null) ?? null;
}

/** The day a document was published, or null when unknown (never "today"). */
export function publishedDay(doc: Doc): string | null {
  return doc.published ? doc.published.slice(0, 10) : null;
}

/** The evidence record for a sentence: outlet, the source it cites, and the sentence span. */
export function sentenceEvidence(doc: Doc, sentence: number): EvidenceSource {
  const s = doc.sentences[sentence];
  const claimant = inSentence(doc.mentions.sources, sentence)[0] ?? null;
  return {
    outlet: doc.source,
    claimed_by: claimant?.name ?? null,
    document_id: doc.id,
    sentence: s.text,
    start: s.start,
    end: s.end,
  };
}

/** Events of this document whose evidence includes the given sentence. */
export function eventsCiting(doc: Doc, events: readonly EventRecord[], sentence: number): EventRecord[] {
  const s = doc.sentences[sentence];
  return events.filter((e) => e.sources.some((src) => src.document_id === doc.id && src.start < s.end && src.end > s.start));
}

/** Builds a case-insensitive alternation of phrases, longest first so "supply line" wins over "line". */
export function alternation(phrases: readonly string[]): string {
  const escaped = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return `(?:${escaped.join('|')})`;
}
