/**
 * Which time finders a sentence can feed, read in one pass over its words.
 * Most sentences hold no time expression, and testing each finder's hint
 * scans the sentence once per finder (a dozen scans); here each run of word
 * characters is looked up once by the words it starts with.
 */

/** Bits of a sentence's gates; a finder runs when the sentence has every bit it needs. */
export const DIGIT = 1 << 0;
/** a word the time stage knows: with DIGIT, exactly what the stage's outer test was (see TIME_WORDS) */
export const TIME = 1 << 1;
export const NOW = 1 << 2;
export const PAST_OR_FUTURE = 1 << 3;
export const RECENT = 1 << 4;
export const QUARTER = 1 << 5;
export const LAST_THIS_NEXT_PAST = 1 << 6;
export const PLURAL_UNIT = 1 << 7;
export const RELATIVE = 1 << 8;
export const MONTH = 1 << 9;
export const BETWEEN = 1 << 10;
export const UNIT = 1 << 11;
export const SET = 1 << 12;
/** a day, month or clock word chrono reads (CHRONO_HINT's words) */
export const CHRONO_WORD = 1 << 13;

/**
 * Words a run of word characters ([A-Za-z0-9_], as \b sees them) must start
 * with, case aside, for each bit. Each list is what a finder's pattern
 * cannot match without, at a word boundary: a sentence with none of a
 * finder's words is one its pattern finds nothing in.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WORDS: [number, string[]][] = [
  // the words of the stage's outer test: every expression the finders know has a digit or one of them
  [TIME, [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', ...MONTHS,
    'spring', 'summer', 'autumn', 'fall', 'winter', 'today', 'tonight', 'tomorrow', 'yesterday', 'now', 'current', 'currently',
    'present', 'moment', 'nowadays', 'noon', 'midnight', 'morning', 'afternoon', 'evening', 'night', 'dawn', 'dusk', 'ago', 'recent',
    'previous', 'formerly', 'soon', 'future', 'past', 'quarter', 'second', 'minute', 'hour', 'day', 'week', 'weekend', 'fortnight',
    'month', 'year', 'decade', 'centur', 'daily', 'nightly', 'weekly', 'monthly', 'annually', 'yearly', 'hourly',
  ]],
  [NOW, ['now', 'currently', 'present', 'moment', 'nowadays', 'these']],
  [PAST_OR_FUTURE, ['recent', 'past', 'future', 'coming']],
  [RECENT, ['recent']],
  [QUARTER, ['quarter']],
  [LAST_THIS_NEXT_PAST, ['last', 'this', 'next', 'past']],
  [PLURAL_UNIT, ['days', 'weeks', 'months', 'years', 'decades']],
  [RELATIVE, ['this', 'last', 'next', 'previous', 'coming', 'current']],
  [MONTH, MONTHS],
  [BETWEEN, ['between']],
  [UNIT, ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'year', 'decade', 'centur']],
  [SET, ['every', 'each', 'hourly', 'daily', 'nightly', 'weekly', 'monthly', 'annually', 'yearly']],
  [CHRONO_WORD, [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', ...MONTHS,
    'today', 'tonight', 'tomorrow', 'yesterday', 'noon', 'midnight', 'morning', 'afternoon', 'evening', 'night', 'weekend',
  ]],
];

/**
 * A word's first three characters in lower case, as one number (`| 32`
 * lower-cases a letter and maps every other word character the same way for
 * the text as for the words above, which are all letters).
 */
const head = (text: string, i: number) => (text.charCodeAt(i) | 32) | ((text.charCodeAt(i + 1) | 32) << 8) | ((text.charCodeAt(i + 2) | 32) << 16);

/** By head, the words with that head and their bits (every word has three characters or more). */
const BY_HEAD = new Map<number, { word: string; bits: number }[]>();
for (const [bit, words] of WORDS) {
  for (const word of words) {
    const list = BY_HEAD.get(head(word, 0)) ?? [];
    const known = list.find((e) => e.word === word);
    if (known) known.bits |= bit;
    else list.push({ word, bits: bit });
    BY_HEAD.set(head(word, 0), list);
  }
}

/**
 * The word characters ([A-Za-z0-9_]) as a table read in the scan's loop: the
 * CLI runs V8 without inlining, where a test called for every character of
 * every sentence costs a call each (that made this scan slower than the
 * regexes it replaces).
 */
const WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => (/\w/.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * The gate bits of a text: DIGIT when it has a digit, and each word bit
 * when a run of word characters starts with one of the bit's words.
 * @example (timeGates('Clashes on Friday') & CHRONO_WORD) !== 0 // true
 */
export function timeGates(text: string): number {
  let bits = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const first = text.charCodeAt(i);
    if (first >= 128 || WORD_CHAR[first] === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c >= 128 || WORD_CHAR[c] === 0) break;
      if (c >= 48 && c <= 57) bits |= DIGIT;
      j++;
    }
    const words = j - i >= 3 ? BY_HEAD.get(head(text, i)) : undefined;
    // "the" (of "these") and "com" (of "coming") start many words: their bits are read once, with no copy of the word
    if (words) for (const { word, bits: b } of words) if ((bits & b) !== b && startsWith(text, i, j, word)) bits |= b;
    i = j;
  }
  return bits;
}

/** Whether the run text[i, j) starts with `word` (lower-case letters), case aside. */
function startsWith(text: string, i: number, j: number, word: string): boolean {
  if (j - i < word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(i + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}
