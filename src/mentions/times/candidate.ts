import type { TimeMention } from '../types.ts';
import { addDays, daysInMonth, isoDay, type Day } from './calendar.ts';

/** A time expression found in one sentence; offsets are into that sentence's text. */
export interface TimeCandidate {
  start: number;
  end: number;
  type: TimeMention['type'];
  value: string | null;
  range: { start: string; end: string } | null;
  precision: 1 | 2 | 3;
  resolved: boolean;
}

/** What a finder needs: the publication day, or null when unknown. */
export interface TimeContext {
  ref: Day | null;
}

export function dayRange(a: Day, b: Day = a): { start: string; end: string } {
  return { start: isoDay(a), end: isoDay(b) };
}

export function monthRange(y: number, m: number): { start: string; end: string } {
  return dayRange({ y, m, d: 1 }, { y, m, d: daysInMonth(y, m) });
}

export function yearRange(y: number): { start: string; end: string } {
  return dayRange({ y, m: 1, d: 1 }, { y, m: 12, d: 31 });
}

/** The part of a month or a year that "early", "mid" or "late" points to, as thirds. */
export function partOf(mod: string, first: Day, last: Day): { start: string; end: string } {
  const span = Math.round((Date.UTC(last.y, last.m - 1, last.d) - Date.UTC(first.y, first.m - 1, first.d)) / 86_400_000) + 1;
  const third = Math.floor(span / 3);
  const m = mod.toLowerCase();
  if (/^(early|beginning|start)/.test(m)) return dayRange(first, addDays(first, third - 1));
  if (/^(late|end)/.test(m)) return dayRange(addDays(last, -(span - 2 * third) + 1), last);
  if (/^mid/.test(m)) return dayRange(addDays(first, third), addDays(first, 2 * third - 1));
  return dayRange(first, last);
}

/** A candidate for an expression that needs the publication day but has none. */
export function unresolved(start: number, end: number, type: TimeMention['type'], precision: 1 | 2 | 3): TimeCandidate {
  return { start, end, type, value: null, range: null, precision, resolved: false };
}
