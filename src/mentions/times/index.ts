/**
 * Times stage: time expressions of each sentence, resolved against the
 * publication day with TIMEX3 values, an ACLED precision and a day range.
 */
import type { Doc } from '../../text/types.ts';
import type { TimeMention } from '../types.ts';
import { SentenceMentions } from '../per-sentence.ts';
import { parsePublished, type Day } from './calendar.ts';
import type { TimeCandidate } from './candidate.ts';
import { chronoCandidates } from './chrono.ts';
import { CHRONO_WORD, DIGIT, TIME, timeGates } from './gates.ts';
import { FINDERS } from './patterns.ts';
import { REFERENCE_FINDERS } from './references.ts';

export type { TimeMention } from '../types.ts';
export { parsePublished } from './calendar.ts';

/** The rule-based finders in running order: on equal spans the earlier wins. */
const OWN_FINDERS = [...REFERENCE_FINDERS, ...FINDERS];

/**
 * Keeps the longest of overlapping candidates; on equal length the earlier
 * finder wins (the rule-based finders come before chrono).
 */
function resolveOverlaps(cands: TimeCandidate[]): TimeCandidate[] {
  if (cands.length < 2) return cands;
  const ranked = cands.map((c, i) => ({ c, i })).sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const kept: TimeCandidate[] = [];
  for (const { c } of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** Time expressions in a sentence's text against a parsed publication day. */
function candidates(text: string, ref: Day | null): TimeCandidate[] {
  const gates = timeGates(text);
  // every expression the finders know has a digit or one of the time words, and most sentences have neither
  if ((gates & (DIGIT | TIME)) === 0) return [];
  const ctx = { ref };
  const found: TimeCandidate[] = [];
  for (const { need, find } of OWN_FINDERS) if ((gates & need) === need) for (const c of find(text, ctx)) found.push(c);
  if ((gates & (DIGIT | CHRONO_WORD)) !== 0) for (const c of chronoCandidates(text, ref)) found.push(c);
  return resolveOverlaps(found);
}

/**
 * Time expressions in a sentence's text, offsets into that text.
 * @example timesInText('IS attacked on Friday.', '2016-05-29')[0].value // '2016-05-27'
 */
export function timesInText(text: string, published: string | null): TimeCandidate[] {
  return candidates(text, parsePublished(published));
}

/**
 * The time expressions of a Doc, sentence by sentence. Without a
 * publication time, relative expressions come back with `resolved: false`
 * and a null value: an unknown reference day is never replaced by "now".
 * @example findTimes(makeDoc({id: 'd', text: 'IS attacked on Friday.', published: '2016-05-29'}))[0].range // {start: '2016-05-27', end: '2016-05-27'}
 */
export function findTimes(doc: Doc): TimeMention[] {
  return timesBySentence(doc).all();
}

/** The same, each sentence's found when first asked for. */
export function timesBySentence(doc: Doc): SentenceMentions<TimeMention> {
  const ref = parsePublished(doc.published);
  return SentenceMentions.over(doc.sentences, (s) => candidates(s.text, ref).map((c) => {
    const start = s.start + c.start;
    const end = s.start + c.end;
    return { start, end, text: doc.text.slice(start, end), sentence: s.index, type: c.type, value: c.value, range: c.range, precision: c.precision, resolved: c.resolved };
  }));
}
