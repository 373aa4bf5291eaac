/**
 * Calendar arithmetic on plain {y, m, d} days, in UTC so that the machine's
 * time zone never moves a date.
 */
export interface Day {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

const MS_PER_DAY = 86_400_000;

export function toEpochDay(day: Day): number {
  return Math.floor(Date.UTC(day.y, day.m - 1, day.d) / MS_PER_DAY);
}

export function fromEpochDay(n: number): Day {
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  return fromEpochDay(toEpochDay(day) + n);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(day: Day): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** ISO 8601 week: the week (Monday–Sunday) that holds the day, and that week's year. */
export function isoWeek(day: Day): { year: number; week: number; monday: Day } {
  const wd = (weekday(day) + 6) % 7; // Monday = 0
  const monday = addDays(day, -wd);
  const thursday = addDays(monday, 3);
  const jan1 = toEpochDay({ y: thursday.y, m: 1, d: 1 });
  const week = Math.floor((toEpochDay(thursday) - jan1) / 7) + 1;
  return { year: thursday.y, week, monday };
}

export function isoWeekValue(day: Day): string {
  const w = isoWeek(day);
  return `${w.year}-W${pad(w.week)}`;
}

/**
 * Reads the calendar day of a publication time. The date part is taken as
 * written ("2016-05-29T23:30:00+03:00" is the 29th where it was published).
 * Null when the value is missing or not an ISO date.
 */
export function parsePublished(published: string | null | undefined): Day | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (day.m < 1 || day.m > 12 || day.d < 1 || day.d > daysInMonth(day.y, day.m)) return null;
  return day;
}
