/**
 * Amounts of people as intervals: "four" → 4..4, "at least 28" → 28..open,
 * "thousands" → 2,000..9,999. Hedges and vague amounts are data
 * (data/lexicon/amount-hedges.json, vague-amounts.json).
 */
import { createRequire } from 'node:module';
import hedges from '../../../data/lexicon/amount-hedges.json' with { type: 'json' };
import vague from '../../../data/lexicon/vague-amounts.json' with { type: 'json' };
import type { Interval } from '../types.ts';

type Rule = 'exact' | 'atLeast' | 'moreThan' | 'upTo' | 'lessThan' | 'approximately' | 'nearly';

const HEDGE_RULE = new Map(hedges.entries.map((e) => [e.text, e.rule as Rule]));
const VAGUE = new Map(vague.entries.map((e) => [e.text, { low: e.low, best: e.best, high: e.high }]));
const VAGUE_ACLED = new Map(vague.entries.map((e) => [e.text, e.acled]));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const longestFirst = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/** Number words and vague amounts' first words, for a quick "is there any amount here" test. */
export const WORD_ALT = [...Object.keys(UNITS), 'hundreds?', 'thousands?', 'millions?', 'billions?', 'dozens?', 'scores', 'several', 'few', 'handful', 'couple', 'number', 'numerous', 'many', 'tens'].join('|');
const WORD = `(?:${Object.keys(UNITS).join('|')}|hundred|thousand|million|billion)`;
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(?:million|thousand|billion))?';
/**
 * A number in digits or words: "28", "1,200", "4.8 million", "twenty-five", "two hundred and fifty".
 * Seven words at most: no number needs more, and an unbounded run makes matching quadratic.
 */
export const NUMBER = `(?:${DIGITS}|${WORD}(?:(?:[\\s-]+|\\s+and\\s+)${WORD}){0,6})`;
/** "150 to 200", "2-3", "between 2 to 4", "between 43 and 52" */
const RANGE = `between\\s+${NUMBER}\\s*(?:and|to|-|–)\\s*${NUMBER}|${NUMBER}\\s*(?:to|-|–|or)\\s*${NUMBER}`;
/** A hedge, then a range, a number or a vague amount; or a vague amount alone. */
export const AMOUNT = `(?:(?:${longestFirst([...HEDGE_RULE.keys()])})\\s+)?(?:${longestFirst([...VAGUE.keys()])}|${RANGE}|${NUMBER})|(?:${longestFirst([...VAGUE.keys()])})`;

type Compromise = typeof import('compromise').default;
let compromise: Compromise | null = null;
/** compromise takes ~150 ms to load and is needed only for long spelled-out numbers. */
function getCompromise(): Compromise {
  compromise ??= createRequire(import.meta.url)('compromise') as Compromise;
  return compromise;
}

function wordsToNumber(text: string): number | null {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  if (words.length >= 3) {
    // long spelled-out numbers are rare; compromise reads them, at ~1 ms a call
    const got = getCompromise()(text).numbers().get() as number[];
    return typeof got[0] === 'number' ? got[0] : null;
  }
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w in UNITS) current += UNITS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else return null;
  }
  return total + current;
}

/** Reads a number in digits or words; null when it is not one. */
export function readNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|thousand|billion)?$/.exec(t);
  if (digits) return Math.round(Number(digits[1].replace(/,/g, '')) * (digits[2] ? SCALES[digits[2]] : 1));
  return wordsToNumber(t);
}

function applyRule(rule: Rule, n: number): Interval {
  switch (rule) {
    case 'exact': return { low: n, best: n, high: n };
    case 'atLeast': return { low: n, best: n, high: null };
    case 'moreThan': return { low: n + 1, best: null, high: null };
    case 'upTo': return { low: null, best: null, high: n };
    case 'lessThan': return { low: null, best: null, high: n - 1 };
    case 'approximately': return { low: null, best: n, high: null };
    case 'nearly': return { low: null, best: n, high: n };
  }
}

/**
 * The interval an amount stands for; null when the text is no amount.
 * @example readAmount('at least 28') // {low: 28, best: 28, high: null}
 */
export function readAmount(text: string): Interval | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const known = VAGUE.get(t);
  if (known) return { ...known };
  for (const [hedge, rule] of HEDGE_RULE) {
    if (!t.startsWith(hedge + ' ')) continue;
    const rest = t.slice(hedge.length + 1);
    const vagueRest = VAGUE.get(rest);
    if (vagueRest) return rule === 'moreThan' || rule === 'atLeast' ? { ...vagueRest, high: null } : { ...vagueRest };
    const n = readNumber(rest);
    return n === null ? null : applyRule(rule, n);
  }
  const range = readRange(t);
  if (range) return range;
  const n = readNumber(t);
  return n === null ? null : applyRule('exact', n);
}

/**
 * The single figure ACLED codes for an amount: its lowest reported number, or
 * the codebook's figure for a vague one ("several" → 10, "dozens" → 12,
 * "hundreds" → 100; an unknown number → 10). "More than 20" reports 20: its
 * interval starts at 21, but the number the source gives, and ACLED codes, is 20.
 * @example acledFigure('dozens of', readAmount('dozens of')!) // 12
 * @example acledFigure('more than 20', readAmount('more than 20')!) // 20
 */
export function acledFigure(text: string, interval: Interval): number {
  let t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let rule: Rule | null = null;
  for (const [hedge, r] of HEDGE_RULE) {
    if (!t.startsWith(hedge + ' ')) continue;
    t = t.slice(hedge.length + 1);
    rule = r;
  }
  const stated = rule === 'moreThan' ? readNumber(t) : null;
  return VAGUE_ACLED.get(t) ?? stated ?? interval.low ?? interval.best ?? interval.high ?? 10;
}

/** "150 to 200", "2-3": low and high, no best. "twenty-five" is no range (20 > 5). */
function readRange(text: string): Interval | null {
  const between = /^between\s/.test(text);
  const t = text.replace(/^between\s+/, '');
  const m = (between ? /^(.+?)\s*(?:\s(?:to|and)\s|[-–])\s*(.+)$/ : /^(.+?)\s*(?:\s(?:to|or)\s|[-–])\s*(.+)$/).exec(t);
  if (!m || (/[-–]/.test(t) && !/^\d/.test(m[1]))) return null;
  const [low, high] = [readNumber(m[1]), readNumber(m[2])];
  return low !== null && high !== null && low < high ? { low, best: null, high } : null;
}
