/** Display helpers shared by the table and the event view. */
import type { CountField, StoredEvent } from './api.ts';

export const fmtInt = (n: number) => n.toLocaleString('en');

/**
 * low–best–high as a reader says it: "4", "28+" (at least 28), "10–12–15".
 * @example fmtCount({low: 28, best: 28, high: null, text: 'at least 28'}) // '28+'
 */
export function fmtCount(c: CountField | null): string {
  if (!c) return '—';
  const v = (x: number | null) => (x === null ? '?' : String(x));
  if (c.low !== null && c.low === c.best && c.best === c.high) return String(c.best);
  if (c.high === null) return c.best === null || c.best === c.low ? `${v(c.low)}+` : `${v(c.low)}–${c.best}+`;
  return `${v(c.low)}–${v(c.best)}–${c.high}`;
}

export function place(e: StoredEvent): string {
  const l = e.location;
  if (!l) return '—';
  const name = l.name ?? l.text;
  return [name, l.admin1 !== name ? l.admin1 : null, l.country].filter(Boolean).join(', ');
}

export function actors(e: StoredEvent): string {
  const names = [e.actor1?.name, e.actor2?.name].filter(Boolean);
  return names.length ? names.join(' vs ') : '—';
}

export function dateText(e: StoredEvent): string {
  const d = e.date;
  if (d && d.start && d.end && d.start !== d.end) return `${e.event_date ?? d.start} (${d.start} … ${d.end})`;
  return e.event_date ?? 'no date';
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
