/**
 * Expressions that point at the present, past or future without a date
 * ("now", "recently", "the future", "in recent weeks"), quarters ("the third
 * quarter of 1990") and month names with "last/this/next" ("last April").
 */
import { addDays, daysInMonth, isoMonth } from './calendar.ts';
import { dayRange, unresolved, type TimeCandidate } from './candidate.ts';
import { LAST_THIS_NEXT_PAST, MONTH, NOW, PAST_OR_FUTURE, PLURAL_UNIT, QUARTER, RECENT } from './gates.ts';
import { all, hinted, type Finder, type GatedFinder } from './patterns.ts';
import { MONTHS, MONTH_PATTERN } from './words.ts';

/** "now", "currently": the publication day itself. */
const present: Finder = (text, { ref }) =>
  all(/\b(?:right now|now|currently|at present|at the moment|nowadays|these days)\b(?![-‑])/gi, text).map((m) =>
    ref
      ? { start: m.index, end: m.index + m[0].length, type: 'DATE', value: 'PRESENT_REF', range: dayRange(ref), precision: 1, resolved: true }
      : unresolved(m.index, m.index + m[0].length, 'DATE', 1),
  );

/**
 * "recently", "in recent weeks", "in the past", "soon", "the future": TIMEX3
 * PAST_REF / FUTURE_REF. They name no day, so their range is null and no
 * event is ever dated by them.
 */
const pastOrFuture: Finder = (text) => {
  const re = /\b(?:(recently|(?:the|in the) past(?! (?:few |several )?(?:\d|days?|weeks?|months?|years?|decades?|hours?)\b))|((?:the|in) future|the near future|in the coming (?:days|weeks|months|years)))\b/gi;
  return all(re, text).map((m) => {
    const lead = /^in (?=the )|^in (?!the )/i.exec(m[0])?.[0].length ?? 0;
    return { start: m.index + lead, end: m.index + m[0].length, type: 'DATE', value: m[1] ? 'PAST_REF' : 'FUTURE_REF', range: null, precision: 3, resolved: true };
  });
};

const ORDINAL_QUARTER: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** "the third quarter", "third-quarter", "the fourth quarter of 1989", "the 1988 second quarter". */
const quarters: Finder = (text, { ref }) => {
  const re = /\b(?:(?:the\s+)?(?:((?:19|20)\d{2})\s+)?(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of\s+((?:19|20)\d{2}))?)/gi;
  const out: TimeCandidate[] = [];
  for (const m of all(re, text)) {
    const q = ORDINAL_QUARTER[m[2].toLowerCase()];
    const given = m[1] ?? m[3];
    const end = m.index + m[0].length;
    if (!given && !ref) {
      out.push(unresolved(m.index, end, 'DATE', 3));
      continue;
    }
    // the latest such quarter up to publication
    const y = given ? Number(given) : ref && q <= Math.floor((ref.m - 1) / 3) + 1 ? ref.y : (ref?.y ?? 0) - 1;
    const first = { y, m: 3 * q - 2, d: 1 };
    const last = { y, m: 3 * q, d: daysInMonth(y, 3 * q) };
    out.push({ start: m.index, end, type: 'DATE', value: `${y}-Q${q}`, range: dayRange(first, last), precision: 3, resolved: true });
  }
  return out;
};

const NAMED_MONTH = new RegExp(`\\b(last|this|next|past)\\s+(${MONTH_PATTERN})(?!\\s+\\d)`, 'g');

/** "last April", "this September", "next March". */
const namedMonths: Finder = (text, { ref }) => {
  const out: TimeCandidate[] = [];
  for (const m of all(NAMED_MONTH, text)) {
    const month = MONTHS[m[2].toLowerCase().replace('.', '')];
    const end = m.index + m[0].length;
    if (!ref) {
      out.push(unresolved(m.index, end, 'DATE', 3));
      continue;
    }
    const which = m[1].toLowerCase();
    const y = which === 'next' ? (month > ref.m ? ref.y : ref.y + 1) : which === 'this' ? ref.y : month < ref.m ? ref.y : ref.y - 1;
    out.push({ start: m.index, end, type: 'DATE', value: isoMonth(y, month), range: dayRange({ y, m: month, d: 1 }, { y, m: month, d: daysInMonth(y, month) }), precision: 3, resolved: true });
  }
  return out;
};

/** "in recent weeks": an unknown stretch of time up to the publication day (TIMEX3 PXW). */
const recent: Finder = (text, { ref }) =>
  all(/\brecent (days|weeks|months|years|decades)\b/gi, text).map((m) => {
    const unit = m[1].toLowerCase();
    const days = { days: 7, weeks: 28, months: 120, years: 1461, decades: 7305 }[unit] ?? 28;
    const range = ref ? dayRange(addDays(ref, -days), ref) : null;
    const designator = { days: 'D', weeks: 'W', months: 'M', years: 'Y', decades: 'DE' }[unit] ?? 'W';
    return { start: m.index, end: m.index + m[0].length, type: 'DURATION', value: `PX${designator}`, range, precision: 3, resolved: true };
  });

/** "for weeks", "for years": an unknown number of units. */
const bareUnits: Finder = (text) =>
  all(/\b(?:for|over|within|in)\s+((?:days|weeks|months|years|decades)(?:\s+or\s+(?:days|weeks|months|years|decades))?)\b/gi, text).map((m) => {
    const unit = m[1].split(/\s+/)[0].toLowerCase();
    const designator = { days: 'D', weeks: 'W', months: 'M', years: 'Y', decades: 'Y' }[unit] ?? 'D';
    const start = m.index + m[0].length - m[1].length;
    return { start, end: m.index + m[0].length, type: 'DURATION', value: `PX${designator}`, range: null, precision: 3, resolved: true };
  });

export const REFERENCE_FINDERS: readonly GatedFinder[] = [
  { need: NOW, find: hinted(/\b(?:now|currently|present|moment|nowadays|these days)\b/i, present) },
  { need: PAST_OR_FUTURE, find: pastOrFuture },
  { need: RECENT, find: hinted(/\brecent\s/i, recent) },
  { need: QUARTER, find: quarters },
  { need: LAST_THIS_NEXT_PAST | MONTH, find: hinted(new RegExp(`\\b(?:last|this|next|past)\\s+${MONTH_PATTERN}`), namedMonths) },
  { need: PLURAL_UNIT, find: hinted(/\b(?:days|weeks|months|years|decades)\b/i, bareUnits) },
];
