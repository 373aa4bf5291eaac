/**
 * When did it happen: the time mention that governs the anchor, not merely
 * the first in the sentence. A date attached to a reporting verb ("a monitor
 * said on Sunday") bounds the event from above; with no date in the text the
 * publication date does, with a coarser precision; with neither, null.
 */
import type { Sentence } from '../text/index.ts';
import type { TimeMention } from '../mentions/types.ts';
import type { DateField } from './types.ts';

export interface ReportDate {
  date: DateField;
  /** 'text': the text says when; 'report': when it was said; 'published'; 'none' */
  basis: 'text' | 'report' | 'published' | 'none';
  mention: TimeMention | null;
  /** the single day to report as event_date: the expression's own day, else the last day it allows */
  day: string | null;
}

const REPORT_BEFORE = /\b(?:said|says|reported|reports|told|announced|stated|added|claimed|confirmed|tweeted|wrote|posted|published|statement|as of)\s+(?:\w+\s+)?$/i;
const DAY_MS = 86_400_000;
// made once: a regex literal is a new RegExp each time it is reached, and the sort below reaches OPENING at every comparison
const AS_REPORTED = /^as reported\b/i;
const OPENING = /^\W*(?:on|around|early on|late on|in|during|between)?\s*$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DAY_START = /^\d{4}-\d{2}-\d{2}/;

/** Shifts an ISO date (YYYY-MM-DD) by whole days. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') + days * DAY_MS).toISOString().slice(0, 10);
}

function isDated(t: TimeMention): boolean {
  return (t.type === 'DATE' || t.type === 'TIME') && t.range !== null && t.resolved;
}

/** True when the mention dates the act of reporting rather than the event. */
export function isReportDate(sentence: Sentence, t: TimeMention): boolean {
  const rel = t.start - sentence.start;
  return REPORT_BEFORE.test(sentence.text.slice(Math.max(0, rel - 30), rel)) || AS_REPORTED.test(t.text);
}

/**
 * How far a date stands from the anchor: a day beats a time of day, and an
 * opening "On 9 May," governs the whole sentence. (Module functions, not
 * closures: under tsx each closure made gets its name set, a costly defineProperty.)
 */
function distance(sentence: Sentence, anchor: { start: number; end: number }, t: TimeMention): number {
  const opening = t.start - sentence.start < 25 && OPENING.test(sentence.text.slice(0, t.start - sentence.start));
  return (t.type === 'DATE' ? 0 : 1000) + (opening ? 0 : t.end <= anchor.start ? anchor.start - t.end : Math.max(0, t.start - anchor.end) * 1.2);
}

/**
 * The date of an event reported in `sentence` around `anchor`.
 * @example eventDate(s, {start: 40, end: 48}, times, '2016-05-29').date.start // '2016-05-27'
 */
export function eventDate(sentence: Sentence, anchor: { start: number; end: number }, times: readonly TimeMention[], published: string | null): ReportDate {
  const inSentence = times.filter((t) => t.sentence === sentence.index && isDated(t));
  const reportDates = inSentence.filter((t) => isReportDate(sentence, t));
  const eventDates = inSentence.filter((t) => !reportDates.includes(t));
  const best = [...eventDates].sort((x, y) => distance(sentence, anchor, x) - distance(sentence, anchor, y))[0];
  if (best?.range) {
    const day = best.value && ISO_DAY.test(best.value) ? best.value : best.range.end;
    return { date: { start: best.range.start, end: best.range.end, precision: best.precision, text: best.text }, basis: 'text', mention: best, day };
  }
  const said = reportDates[0];
  if (said?.range) {
    return { date: { start: addDays(said.range.end, -6), end: said.range.end, precision: 2, text: said.text }, basis: 'report', mention: said, day: said.range.end };
  }
  if (published && ISO_DAY_START.test(published)) {
    const day = published.slice(0, 10);
    return { date: { start: addDays(day, -6), end: day, precision: 2, text: null }, basis: 'published', mention: null, day };
  }
  return { date: { start: null, end: null, precision: 3, text: null }, basis: 'none', mention: null, day: null };
}
