/** Word tables for time expressions, kept apart from the rules that use them (chrono's constants.ts idea). */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Full or dotted month names only: a bare "Mar" or "May" is too often another word. */
export const MONTH_PATTERN =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)';

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a hundred': 100, 'a couple of': 2, 'a couple': 2, couple: 2, 'a dozen': 12, dozen: 12,
};

/** Counts that say "some number" without giving it: TIMEX3 writes them as X. */
export const VAGUE_COUNTS = ['several', 'a few', 'few', 'many', 'some', 'a number of', 'numerous'];

export const NUMBER_PATTERN =
  '(?:\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a couple(?: of)?|a dozen|a hundred|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|an?|several|a few|few|many|some|numerous)';

/** Reads a count written as digits or words; null for a vague count ("several"). */
export function readCount(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t];
  const compound = /^(\w+)[- ](\w+)$/.exec(t);
  if (compound && compound[1] in NUMBER_WORDS && compound[2] in NUMBER_WORDS) return NUMBER_WORDS[compound[1]] + NUMBER_WORDS[compound[2]];
  return null;
}

export interface UnitInfo {
  /** TIMEX3 duration designator, with T for clock units */
  timex: string;
  clock: boolean;
  /** days in one unit, for ranges */
  days: number;
}

export const UNITS: Record<string, UnitInfo> = {
  second: { timex: 'S', clock: true, days: 1 / 86400 },
  minute: { timex: 'M', clock: true, days: 1 / 1440 },
  hour: { timex: 'H', clock: true, days: 1 / 24 },
  day: { timex: 'D', clock: false, days: 1 },
  night: { timex: 'D', clock: false, days: 1 },
  week: { timex: 'W', clock: false, days: 7 },
  weekend: { timex: 'WE', clock: false, days: 2 },
  fortnight: { timex: 'W', clock: false, days: 14 },
  month: { timex: 'M', clock: false, days: 30 },
  year: { timex: 'Y', clock: false, days: 365 },
  decade: { timex: 'DE', clock: false, days: 3652 },
  century: { timex: 'CE', clock: false, days: 36524 },
};

export const UNIT_PATTERN = '(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?';

export function unitOf(word: string): UnitInfo {
  const w = word.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  return UNITS[w] ?? UNITS.day;
}

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
