/**
 * Time expressions chrono does not handle, or handles at the wrong
 * granularity: weeks, months and years relative to the publication day,
 * bare years and decades, parts of months and years, durations, sets,
 * "now", and "between 2 and 4 May". Each finder returns candidates with
 * offsets into the sentence text.
 */
import { addDays, daysInMonth, isoMonth, isoWeek, isoWeekValue, type Day } from './calendar.ts';
import { dayRange, monthRange, partOf, unresolved, yearRange, type TimeCandidate, type TimeContext } from './candidate.ts';
import { BETWEEN, DIGIT, MONTH, RELATIVE, SET, UNIT } from './gates.ts';
import { MONTHS, MONTH_PATTERN, NUMBER_PATTERN, SEASONS, UNIT_PATTERN, readCount, unitOf } from './words.ts';

export type Finder = (text: string, ctx: TimeContext) => TimeCandidate[];

/** A finder and the gate bits (gates.ts) a sentence needs for its pattern to find anything. */
export interface GatedFinder {
  need: number;
  find: Finder;
}

/** Runs a finder only on texts that pass a cheap test: the full patterns are slow to fail. */
export const hinted = (hint: RegExp, find: Finder): Finder => (text, ctx) => (hint.test(text) ? find(text, ctx) : []);

const MOD = '(early|earlier|late|later|mid|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)';

/**
 * Every match of a global pattern. The patterns are compiled once and shared;
 * the scan starts from 0 and runs to the end, which leaves `lastIndex` at 0.
 */
export function all(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
}

/** Precision of a range of days, on ACLED's scale. */
function precisionOf(days: number): 1 | 2 | 3 {
  return days <= 1 ? 1 : days <= 8 ? 2 : 3;
}

const RELATIVE_PERIOD = new RegExp(`(?<!\\bthe\\s)\\b(?:${MOD}\\s+(?:in\\s+)?)?(this|last|next|previous|coming|current)\\s+(week|weekend|month|year|quarter|spring|summer|autumn|fall|winter)\\b`, 'gi');

/** "last week", "this month", "earlier this year", "late last year", "next spring". */
const relativePeriod: Finder = (text, { ref }) => {
  return all(RELATIVE_PERIOD, text).map((m) => {
    const [mod, which, unit] = [m[1]?.toLowerCase(), m[2].toLowerCase(), m[3].toLowerCase()];
    // "earlier this week": the expression is "this week", narrowed; "late last year" keeps its "late"
    const start = mod === 'earlier' || mod === 'later' ? m.index + m[0].toLowerCase().indexOf(which, mod.length) : m.index;
    const end = m.index + m[0].length;
    const unitPrecision = unit === 'week' || unit === 'weekend' ? 2 : 3;
    if (!ref) return unresolved(start, end, 'DATE', unitPrecision);
    const step = which === 'last' || which === 'previous' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
    let value: string;
    let range: { start: string; end: string };
    if (unit === 'week' || unit === 'weekend') {
      const day = addDays(ref, 7 * step);
      const monday = isoWeek(day).monday;
      value = isoWeekValue(day) + (unit === 'weekend' ? '-WE' : '');
      range = unit === 'weekend' ? dayRange(addDays(monday, 5), addDays(monday, 6)) : dayRange(monday, addDays(monday, 6));
    } else if (unit === 'month') {
      const k = ref.y * 12 + (ref.m - 1) + step;
      const [y, mo] = [Math.floor(k / 12), (k % 12) + 1];
      value = isoMonth(y, mo);
      range = monthRange(y, mo);
    } else if (unit === 'quarter') {
      const k = ref.y * 4 + Math.floor((ref.m - 1) / 3) + step;
      const [y, q] = [Math.floor(k / 4), (k % 4) + 1];
      value = `${y}-Q${q}`;
      range = dayRange({ y, m: 3 * q - 2, d: 1 }, { y, m: 3 * q, d: daysInMonth(y, 3 * q) });
    } else if (unit === 'year') {
      value = String(ref.y + step);
      range = yearRange(ref.y + step);
    } else {
      value = `${ref.y + step}-${SEASONS[unit]}`;
      range = yearRange(ref.y + step);
    }
    if (mod) {
      // "earlier this year": from the start of the period up to the publication day
      const [first, last] = [range.start, range.end].map(fromIso);
      range = mod === 'earlier' && step === 0 ? dayRange(first, ref) : mod === 'later' && step === 0 ? dayRange(ref, last) : partOf(mod, first, last);
    }
    const days = (Date.parse(range.end) - Date.parse(range.start)) / 86_400_000 + 1;
    return { start, end, type: 'DATE', value, range, precision: Math.max(unitPrecision, precisionOf(days)) as 1 | 2 | 3, resolved: true };
  });
};

function fromIso(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

/** Lets a number through as a year only when nothing around it says it is a count or a quantity. */
const NOT_A_YEAR_AFTER = /^(?:\s*(?:%|percent|per cent|people|persons|men|women|children|troops|soldiers|fighters|civilians|refugees|families|homes|houses|residents|km|kilometres|kilometers|miles|metres|meters|feet|dollars|euros|pounds|tonnes|tons|[-–]\s*\d)|[.,]\d|\d)/i;
const NOT_A_YEAR_BEFORE = /(?:[$£€#]|\d[.,]?|\bno\.\s*|\bnumber\s+)$/i;

const YEARS = new RegExp(`\\b(?:the\\s+(?=(?:early|late|mid)[- ](?:1[89]|20)\\d0s|(?:1[89]|20)\\d0s))?(?:${MOD}[- ](?:in\\s+|of\\s+)?)?(?:fiscal\\s+(?:year\\s+)?)?((?:1[89]|20)\\d{2})(s)?\\b`, 'gi');

/** "2015", "late in 2015", "mid-2016", "the 1990s". */
const years: Finder = (text) => {
  const out: TimeCandidate[] = [];
  for (const m of all(YEARS, text)) {
    const yearStart = m.index + m[0].length - m[2].length - (m[3] ? 1 : 0);
    if (NOT_A_YEAR_BEFORE.test(text.slice(Math.max(0, yearStart - 8), yearStart))) continue;
    if (NOT_A_YEAR_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const y = Number(m[2]);
    if (m[3]) {
      const decade = Math.floor(y / 10);
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: String(decade), range: dayRange({ y: decade * 10, m: 1, d: 1 }, { y: decade * 10 + 9, m: 12, d: 31 }), precision: 3, resolved: true });
      continue;
    }
    const whole = yearRange(y);
    const range = m[1] ? partOf(m[1], { y, m: 1, d: 1 }, { y, m: 12, d: 31 }) : whole;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: String(y), range, precision: 3, resolved: true });
  }
  return out;
};

/** The most recent month of that name up to the publication day: news reports on the past. */
function yearOfMonth(month: number, ref: Day): number {
  return month <= ref.m ? ref.y : ref.y - 1;
}

const MONTH_PART = new RegExp(`\\b${MOD}[- ](?:of\\s+|in\\s+)?(${MONTH_PATTERN})(?:,?\\s+((?:19|20)\\d{2}))?\\b`, 'g');

/** "early May", "mid-May 2016", "the end of March". */
const monthParts: Finder = (text, { ref }) => {
  const out: TimeCandidate[] = [];
  for (const m of all(MONTH_PART, text)) {
    const month = MONTHS[m[2].toLowerCase().replace('.', '')];
    const end = m.index + m[0].length;
    if (!m[3] && !ref) {
      out.push(unresolved(m.index, end, 'DATE', 2));
      continue;
    }
    const y = m[3] ? Number(m[3]) : yearOfMonth(month, ref as Day);
    const range = partOf(m[1], { y, m: month, d: 1 }, { y, m: month, d: daysInMonth(y, month) });
    out.push({ start: m.index, end, type: 'DATE', value: isoMonth(y, month), range, precision: 2, resolved: true });
  }
  return out;
};

const BETWEEN_LITTLE = new RegExp(`\\b[Bb]etween\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+and\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})(?:,?\\s+((?:19|20)\\d{2}))?`, 'g');
const BETWEEN_MIDDLE = new RegExp(`\\b[Bb]etween\\s+(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+and\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?`, 'g');

/** "between 2 and 4 May 2020", "between May 2 and 4". */
const betweenDays: Finder = (text, { ref }) => {
  const found = [
    ...all(BETWEEN_LITTLE, text).map((m) => ({ m, a: m[1], b: m[2], month: m[3], year: m[4] })),
    ...all(BETWEEN_MIDDLE, text).map((m) => ({ m, a: m[2], b: m[3], month: m[1], year: m[4] })),
  ];
  const out: TimeCandidate[] = [];
  for (const { m, a, b, month, year } of found) {
    const mo = MONTHS[month.toLowerCase().replace('.', '')];
    const end = m.index + m[0].length;
    if (!year && !ref) {
      out.push(unresolved(m.index, end, 'DATE', 2));
      continue;
    }
    const y = year ? Number(year) : yearOfMonth(mo, ref as Day);
    const [d1, d2] = [Number(a), Number(b)];
    if (d1 < 1 || d2 > daysInMonth(y, mo) || d1 >= d2) continue;
    const first = { y, m: mo, d: d1 };
    out.push({ start: m.index, end, type: 'DATE', value: `${isoMonth(y, mo)}-${String(d1).padStart(2, '0')}`, range: dayRange(first, { y, m: mo, d: d2 }), precision: precisionOf(d2 - d1 + 1), resolved: true });
  }
  return out;
};

const DURATION = new RegExp(
  `\\b(the\\s+)?(?:(?:up to|within|over|more than|less than|nearly|almost|about|at least)\\s+)?(?:(past|last|previous|next|coming|first|latest|final)\\s+)?` +
    `(?:(${NUMBER_PATTERN})\\s+(?:to|or)\\s+)?(?:(${NUMBER_PATTERN})[- ](?:more\\s+)?)?(${UNIT_PATTERN})\\b(?![-‑]old|\\s+old)(\\s+ago|\\s+earlier|\\s+later)?`,
  'gi',
);

/**
 * "three days", "the past 24 hours", "16-hour" (DURATION); "two weeks ago"
 * (a DATE at the unit's granularity). "N days later/earlier" count from
 * another event, not from the publication day, so they stay durations.
 */
const durations: Finder = (text, { ref }) => {
  const out: TimeCandidate[] = [];
  for (const m of all(DURATION, text)) {
    // "two to three weeks" is written with its lower count (TimeBank: P2W)
    const [the, which, count, unitWord, after] = [m[1], m[2]?.toLowerCase(), m[3] ?? m[4], m[5], m[6]?.trim().toLowerCase()];
    if (!count && !(which && the)) continue; // a bare "day" is no expression; "the past week" is
    const ago = after === 'ago';
    const unit = unitOf(unitWord);
    // "the coming decades": a plural with no count is an unknown number
    const n = count ? readCount(count) : /s$/i.test(unitWord) ? null : 1;
    const fortnight = /^fortnight/i.test(unitWord) ? 2 : 1;
    // "the" belongs to a duration ("the nine months") but not to "the two days ago" or "the first day"
    const start = the && (ago || which === 'first') && !count ? m.index + the.length : m.index;
    const end = m.index + m[0].length;
    // "a second attack": an ordinal, not a unit of time
    if (/^seconds?$/i.test(unitWord) && !/^\s*(?:$|[,.;)]|ago\b|later\b|before\b|after\b|of\b|and\b|or\b)/i.test(text.slice(end))) continue;
    if (ago) {
      if (!ref || n === null || unit.clock) {
        if (!ref) out.push(unresolved(start, end, 'DATE', 1));
        continue;
      }
      out.push(agoCandidate(start, end, ref, n * fortnight, unitWord.toLowerCase()));
      continue;
    }
    // TIMEX3 writes decades and centuries in years: "two decades" is P20Y
    const scale = unit.timex === 'DE' ? 10 : unit.timex === 'CE' ? 100 : fortnight;
    const designator = unit.timex === 'DE' || unit.timex === 'CE' ? 'Y' : unit.timex;
    const amount = n === null ? 'X' : String(n * scale);
    const value = `P${unit.clock ? 'T' : ''}${amount}${designator}`;
    let range: TimeCandidate['range'] = null;
    let precision: 1 | 2 | 3 = 3;
    if (ref && n !== null && (which === 'past' || which === 'last' || which === 'previous')) {
      const days = Math.max(1, Math.ceil(n * fortnight * unit.days));
      range = dayRange(addDays(ref, -days), ref);
      precision = precisionOf(days + 1);
    }
    out.push({ start, end, type: 'DURATION', value, range, precision, resolved: true });
  }
  return out;
};

function agoCandidate(start: number, end: number, ref: Day, n: number, unitWord: string): TimeCandidate {
  const unit = unitWord.replace(/s$/, '');
  if (unit === 'day' || unit === 'night') {
    const day = addDays(ref, -n);
    return { start, end, type: 'DATE', value: dayRange(day).start, range: dayRange(day), precision: 1, resolved: true };
  }
  if (unit === 'week' || unit === 'fortnight') {
    const day = addDays(ref, -7 * n);
    const monday = isoWeek(day).monday;
    return { start, end, type: 'DATE', value: isoWeekValue(day), range: dayRange(monday, addDays(monday, 6)), precision: 2, resolved: true };
  }
  if (unit === 'month') {
    const k = ref.y * 12 + ref.m - 1 - n;
    const [y, mo] = [Math.floor(k / 12), (k % 12) + 1];
    return { start, end, type: 'DATE', value: isoMonth(y, mo), range: monthRange(y, mo), precision: 3, resolved: true };
  }
  const years = unit === 'decade' ? 10 * n : unit.startsWith('centur') ? 100 * n : n;
  return { start, end, type: 'DATE', value: String(ref.y - years), range: yearRange(ref.y - years), precision: 3, resolved: true };
}

const SET_UNITS: Record<string, string> = {
  day: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y', morning: 'TMO', night: 'TNI', evening: 'TEV', afternoon: 'TAF', weekend: 'P1WE',
  hourly: 'PT1H', daily: 'P1D', nightly: 'TNI', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y',
};
const WEEKDAY_NUMBER: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/** "every day", "each Friday", "weekly". */
const sets: Finder = (text) => {
  const re = /\b(?:(?:every|each)\s+(?:other\s+)?(day|week|month|year|morning|night|evening|afternoon|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(hourly|daily|nightly|weekly|monthly|annually|yearly))\b/gi;
  return all(re, text).map((m) => {
    const word = (m[1] ?? m[2]).toLowerCase();
    const value = word in WEEKDAY_NUMBER ? `XXXX-WXX-${WEEKDAY_NUMBER[word]}` : SET_UNITS[word];
    return { start: m.index, end: m.index + m[0].length, type: 'SET', value, range: null, precision: 3, resolved: true };
  });
};

/** The rule-based finders, run before chrono; on equal spans they win. */
export const FINDERS: readonly GatedFinder[] = [
  { need: RELATIVE, find: relativePeriod },
  { need: DIGIT, find: hinted(/(?:1[89]|20)\d\d/, years) },
  { need: MONTH, find: hinted(new RegExp(MONTH_PATTERN), monthParts) },
  { need: BETWEEN | MONTH | DIGIT, find: hinted(/[Bb]etween\s/, betweenDays) },
  { need: UNIT, find: durations },
  { need: SET, find: hinted(/\b(?:every|each|hourly|daily|nightly|weekly|monthly|annually|yearly)\b/i, sets) },
];
