/**
 * Day- and clock-level expressions through chrono-node ("Friday",
 * "yesterday", "9 May 2020", "10:35 a.m."), with a refiner that reads a bare
 * weekday as the most recent one, as news reports the past.
 */
import * as en from 'chrono-node/en';
import type { ParsingComponents, ParsingResult, Refiner } from 'chrono-node/en';
import { addDays, isoDay, weekday, type Day } from './calendar.ts';
import { dayRange, monthRange, yearRange, type TimeCandidate } from './candidate.ts';

/** How far back the context tests look: enough for a few words, and no quadratic cost on a run-on sentence. */
const LOOK_BACK = 80;

/** Words before a weekday that put it ahead of the publication day. */
const FUTURE_BEFORE = /\b(?:will|'ll|shall|is due|are due|was due|were due|is expected|are expected|plans?|scheduled|to be held|set to|until|till|by next)\b[^.;]{0,40}$/i;

function localDay(date: Date): Day {
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

function implyDay(c: ParsingComponents, day: Day): void {
  c.imply('day', day.d);
  c.imply('month', day.m);
  c.imply('year', day.y);
}

/**
 * A bare weekday means the latest such day up to the publication day
 * ("on Friday" in a Sunday story is two days before); "next Friday" and a
 * weekday after "will" look forward; "last Friday" looks back at least a day.
 */
export const preferPastWeekday: Refiner = {
  refine(context, results) {
    const ref = localDay(context.reference.instant);
    for (const r of results) {
      for (const c of [r.start, r.end]) {
        if (!c || !c.isCertain('weekday') || c.isCertain('day')) continue;
        const wd = c.get('weekday') as number;
        const words = r.text.toLowerCase();
        const back = (weekday(ref) - wd + 7) % 7;
        let offset: number;
        if (/\bnext\b/.test(words)) offset = 7 - back || 7;
        else if (/\b(last|past)\b/.test(words)) offset = -(back || 7);
        else if (FUTURE_BEFORE.test(context.text.slice(Math.max(0, r.index - LOOK_BACK), r.index))) offset = (7 - back) % 7;
        else offset = -back;
        implyDay(c, addDays(ref, offset));
      }
    }
    return results;
  },
};

/**
 * A month (and day) with no year is the latest one up to the publication
 * day ("March" in an October story is last March), unless the sentence
 * looks ahead ("elections will be held on 12 June") or the date is only
 * weeks ahead (a meeting "on Dec. 7" in a November story).
 */
const NEAR_FUTURE_DAYS = 60;

/** "will meet on 12 June", "next March": the sentence looks ahead from the publication day. */
function lookingAhead(sentence: string, r: ParsingResult): boolean {
  return FUTURE_BEFORE.test(sentence.slice(Math.max(0, r.index - LOOK_BACK), r.index)) || /\bnext\b/i.test(r.text);
}

export const preferPastYear: Refiner = {
  refine(context, results) {
    const ref = localDay(context.reference.instant);
    for (const r of results) {
      const c = r.start;
      if (!c.isCertain('month') || c.isCertain('year') || lookingAhead(context.text, r)) continue;
      const [y, m, d] = [c.get('year') as number, c.get('month') as number, c.isCertain('day') ? (c.get('day') as number) : 1];
      const ahead = (Date.UTC(y, m - 1, d) - Date.UTC(ref.y, ref.m - 1, ref.d)) / 86_400_000;
      if (ahead <= NEAR_FUTURE_DAYS) continue;
      c.imply('year', y - 1);
      if (r.end && !r.end.isCertain('year')) r.end.imply('year', (r.end.get('year') as number) - 1);
    }
    return results;
  },
};

/**
 * Parsers whose expressions the rule-based finders read at the right
 * granularity ("last week" is a week, not a day seven days ago; "two days
 * later" counts from another event): dropping them also saves time.
 */
const LEFT_TO_RULES = new Set([
  'ENTimeUnitWithinFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser', 'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser', 'ENEndOfCurrentMonthParser',
]);

/**
 * What each parser's pattern cannot match without, a digit pattern or a
 * word (read off chrono 2.10's patterns, case-insensitive): a parser whose
 * need a sentence lacks finds nothing in it, so skipping it changes no
 * result (chrono.test.ts compares with the full parser). Parsers missing
 * here always run.
 */
const DIGIT = /[0-9]/;
const YEAR = /[0-9]{4}/;
const DIGIT_SEPARATOR_DIGIT = /[0-9][/.-][0-9]/;
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const PARSER_NEEDS: Record<string, RegExp> = {
  ENYearMonthDayParser: YEAR,
  ISOFormatParser: YEAR,
  SlashDateFormatParser: DIGIT_SEPARATOR_DIGIT,
  ENSlashMonthFormatParser: DIGIT_SEPARATOR_DIGIT,
  ENTimeExpressionParser: DIGIT,
  ENYearMonthNameParser: DIGIT,
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENMonthNameParser: MONTH,
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|weekend|weekday/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
};

interface Parsers {
  /** the distinct needs, each a bit of a sentence's mask */
  needs: RegExp[];
  /** by mask: a parser with only the parsers whose need the sentence meets */
  byMask: en.Chrono[];
}

let parsers: Parsers | null = null;
/** Built on first use: read-only parser configurations, one per set of words present (the last has them all). */
export function getParsers(): Parsers {
  if (!parsers) {
    const full = en.casual.clone();
    full.parsers = full.parsers.filter((p) => !LEFT_TO_RULES.has(p.constructor.name));
    full.refiners.push(preferPastWeekday, preferPastYear);
    const needs = [...new Set(full.parsers.map((p) => PARSER_NEEDS[p.constructor.name]).filter((re) => re !== undefined))];
    const byMask: en.Chrono[] = [];
    for (let mask = 0; mask < 1 << needs.length; mask++) {
      const chrono = full.clone();
      chrono.parsers = full.parsers.filter((p) => {
        const need = PARSER_NEEDS[p.constructor.name];
        return need === undefined || (mask & (1 << needs.indexOf(need))) !== 0;
      });
      byMask.push(chrono);
    }
    parsers = { needs, byMask };
  }
  return parsers;
}

/** The parser for one sentence: chrono's parsers less those that cannot match it. */
export function parserFor(sentence: string): en.Chrono {
  const { needs, byMask } = getParsers();
  let mask = 0;
  for (let k = 0; k < needs.length; k++) if (needs[k].test(sentence)) mask |= 1 << k;
  return byMask[mask];
}

/**
 * Chrono finds nothing in a sentence without a day, month or clock word, or
 * a digit pattern of a date or a time ("10:35", "5 pm", "2016-05-29", "29/5").
 * A count ("killed 28") is no reason to run it.
 */
const CHRONO_HINT = /\d{1,2}:\d\d|\d\s*[ap]\.?m\b|\d[/-]\d|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|today|tonight|tomorrow|yesterday|noon|midnight|morning|afternoon|evening|night|weekend)/i;

const PREPOSITION = /^(?:on|at|in|since|from|by|until|till|during|of|before|after|for)\s+/i;
const MONTH_ONLY_CONTEXT = /\b(?:in|since|until|till|by|during|from|of|through|before|after|last|next|this|early|late|mid|end of|beginning of)\s*[-–]?\s*$/i;
const CLOCK_WORDS = /[:.]\d\d|\b[ap]\.?m\b|o'clock|noon|midnight|morning|afternoon|evening|night|dawn|dusk/i;
const APPROXIMATE_BEFORE = /\b(?:around|about|approximately|circa|roughly|on or about|on or around|some time|sometime)\s+(?:on\s+)?$/i;
/** "early yesterday", "late on Friday" (TIMEX3 mod START/END); "earlier Friday" only places the event before the report. */
const DAY_MODIFIER_BEFORE = /\b(early|late)\s+(?:on\s+)?$/i;
const FORWARD_ANCHOR_AFTER = /^\s+(?:later|earlier|before|after|from now)\b/i;

/** Drops trailing punctuation, but not the dot of "a.m." or "Aug.". */
function trimEnd(raw: string): string {
  const t = raw.replace(/[\s,;:]+$/, '');
  return /(?:\b[ap]\.m|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\.$/i.test(t) ? t : t.replace(/[.\s]+$/, '');
}

/** False positives of the casual parser that a news text makes often. */
function plausible(r: ParsingResult, sentence: string): boolean {
  const s = r.start;
  const text = r.text.trim();
  const known = s.getCertainComponents();
  if (FORWARD_ANCHOR_AFTER.test(sentence.slice(r.index + r.text.length))) return false;
  // "7/8", "112 5/8": fractions (prices, scores) far more often than dates
  if (/(?:^|\s)\d{1,2}\/\d{1,2}(?:$|\s)/.test(text) && !s.isCertain('year')) return false;
  // a month name alone: "may" (modal), "march" (verb); keep "in May", "May 2016"
  if (known.length === 1 && known[0] === 'month') {
    if (!/^[A-Z]/.test(text.replace(PREPOSITION, ''))) return false;
    return PREPOSITION.test(text) || MONTH_ONLY_CONTEXT.test(sentence.slice(Math.max(0, r.index - LOOK_BACK), r.index));
  }
  // "at night", "in the morning": a part of any day, not of a known one
  if (/^(?:the\s+)?(?:morning|afternoon|evening|night)s?$/i.test(text.replace(PREPOSITION, ''))) return false;
  // a clock time needs a clock look: "at 5" is more often a count than an hour
  if (s.isCertain('hour') && !s.isCertain('day') && !s.isCertain('weekday') && !CLOCK_WORDS.test(text)) return false;
  // weekday abbreviations ("Sun", "Wed", "Sat") are mostly other words
  if (known.length === 1 && known[0] === 'weekday' && !/(day|days)\b/i.test(text)) return false;
  return true;
}

function dayOf(c: ParsingComponents): Day {
  return { y: c.get('year') as number, m: c.get('month') as number, d: c.get('day') as number };
}

const DAY_PART: [RegExp, string][] = [
  [/night/i, 'TNI'], [/evening|dusk/i, 'TEV'], [/afternoon/i, 'TAF'], [/morning|dawn/i, 'TMO'],
];

/** TIMEX3 value, type and range for one chrono result. */
function describe(r: ParsingResult): Pick<TimeCandidate, 'type' | 'value' | 'range' | 'precision'> | null {
  const s = r.start;
  const dayLevel = s.isCertain('day') || s.isCertain('weekday') || [...r.tags()].some((t) => t.startsWith('casualReference/'));
  if (dayLevel) {
    const day = dayOf(s);
    const endDay = r.end && (r.end.isCertain('day') || r.end.isCertain('weekday')) ? dayOf(r.end) : day;
    const days = Math.round((Date.UTC(endDay.y, endDay.m - 1, endDay.d) - Date.UTC(day.y, day.m - 1, day.d)) / 86_400_000) + 1;
    const part = DAY_PART.find(([re]) => re.test(r.text));
    let value = isoDay(day);
    let type: TimeCandidate['type'] = 'DATE';
    if (part && !s.isCertain('hour')) [value, type] = [`${value}${part[1]}`, 'TIME'];
    else if (s.isCertain('hour')) {
      const hh = String(s.get('hour')).padStart(2, '0');
      const mm = String(s.get('minute') ?? 0).padStart(2, '0');
      [value, type] = [`${value}T${hh}:${mm}`, 'TIME'];
    }
    return { type, value, range: dayRange(day, endDay), precision: days <= 1 ? 1 : days <= 8 ? 2 : 3 };
  }
  if (s.isCertain('hour')) return null; // a clock time with no day: nothing to place on a calendar
  if (s.isCertain('month')) {
    const [y, m] = [s.get('year') as number, s.get('month') as number];
    return { type: 'DATE', value: `${y}-${String(m).padStart(2, '0')}`, range: monthRange(y, m), precision: 3 };
  }
  if (s.isCertain('year')) {
    const y = s.get('year') as number;
    return { type: 'DATE', value: String(y), range: yearRange(y), precision: 3 };
  }
  return null;
}

/** A date that reads the same against two unrelated reference days needs no publication day. */
const PROBES = [new Date(2001, 2, 14, 12), new Date(2011, 8, 21, 12)];

/**
 * Chrono's candidates for one sentence. With no publication day, only
 * expressions that do not depend on one (absolute dates) are resolved.
 */
export function chronoCandidates(sentence: string, ref: Day | null): TimeCandidate[] {
  if (!CHRONO_HINT.test(sentence)) return [];
  const chrono = parserFor(sentence);
  const run = (instant: Date) => chrono.parse(sentence, { instant }, { forwardDate: false }) as ParsingResult[];
  const results = run(ref ? new Date(ref.y, ref.m - 1, ref.d, 12) : PROBES[0]);
  // the second probe is read only for a candidate that gets that far, and most sentences have none
  let twins: ParsingResult[] | null = null;
  const out: TimeCandidate[] = [];
  for (const r of results) {
    if (!plausible(r, sentence)) continue;
    const described = describe(r);
    if (!described) continue;
    let start = r.index;
    let end = r.index + r.text.length;
    const raw = r.text;
    const lead = PREPOSITION.exec(raw)?.[0].length ?? 0;
    start += lead;
    end -= raw.length - trimEnd(raw).length;
    const before = sentence.slice(Math.max(0, start - LOOK_BACK), start);
    const approx = APPROXIMATE_BEFORE.exec(before);
    const modifier = DAY_MODIFIER_BEFORE.exec(before);
    const extended = approx ?? modifier;
    if (extended) start = extended.index;
    const candidate: TimeCandidate = { start, end, ...described, resolved: true };
    if (approx && candidate.range && candidate.precision === 1) {
      const day = dayOf(r.start);
      candidate.range = dayRange(addDays(day, -3), addDays(day, 3));
      candidate.precision = 2;
    }
    if (!ref) {
      twins ??= run(PROBES[1]);
      const twin = twins.find((o) => o.index === r.index && o.text === r.text);
      const same = twin && describe(twin)?.value === described.value;
      if (!same) Object.assign(candidate, { value: null, range: null, resolved: false });
    }
    out.push(candidate);
  }
  return out;
}
