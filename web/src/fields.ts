/** The event fields the event view lists, how each reads, and how a correction is typed in. */
import type { StoredEvent } from './api.ts';
import { fmtCount } from './format.ts';

export type Editor = 'date' | 'type' | 'subtype' | 'actor' | 'count' | 'bool' | 'text' | 'location' | null;

export const FIELDS: { key: string; label: string; editor: Editor }[] = [
  { key: 'event_date', label: 'Date', editor: 'date' },
  { key: 'event_type', label: 'Event type', editor: 'type' },
  { key: 'sub_event_type', label: 'Sub-event type', editor: 'subtype' },
  { key: 'actor1', label: 'Actor 1', editor: 'actor' },
  { key: 'actor2', label: 'Actor 2', editor: 'actor' },
  { key: 'assoc_actors', label: 'Associated actors', editor: null },
  { key: 'location', label: 'Location', editor: 'location' },
  { key: 'fatalities', label: 'Fatalities', editor: 'count' },
  { key: 'injuries', label: 'Injuries', editor: 'count' },
  { key: 'civilian_targeting', label: 'Civilian targeting', editor: 'bool' },
  { key: 'interaction', label: 'Interaction', editor: null },
  { key: 'disorder_type', label: 'Disorder type', editor: null },
  { key: 'notes', label: 'Notes', editor: 'text' },
  { key: 'plover', label: 'PLOVER', editor: null },
];

type Rec = Record<string, unknown>;

/** One line of plain text for a field value (rendered as a text node). */
export function show(key: string, value: unknown, e?: StoredEvent): string {
  if (value === null || value === undefined || value === '') return '—';
  const v = value as Rec;
  switch (key) {
    case 'event_date': {
      const d = e?.date;
      const range = d && d.start && d.end && d.start !== d.end ? ` (between ${d.start} and ${d.end})` : '';
      const precision = d ? `, precision ${d.precision}` : '';
      return `${value}${range}${precision}${d?.text ? ` — “${d.text}”` : ''}`;
    }
    case 'date': return `${v.start ?? '?'} … ${v.end ?? '?'}${v.text ? ` — “${v.text}”` : ''}`;
    case 'actor1': case 'actor2': return `${v.name}${v.inter !== undefined ? ` (inter ${v.inter})` : ''}${v.text ? ` — “${v.text}”` : ''}`;
    case 'assoc_actors': return (value as Rec[]).length ? (value as Rec[]).map((a) => a.name).join('; ') : '—';
    case 'location': {
      const coords = typeof v.lat === 'number' && typeof v.lon === 'number' ? ` (${(v.lat as number).toFixed(3)}, ${(v.lon as number).toFixed(3)})` : ' (no coordinates)';
      const names = [v.name ?? v.text, v.admin2, v.admin1, v.country].filter((x, i, a) => x && a.indexOf(x) === i).join(', ');
      return `${names}${coords}, geo precision ${v.geo_precision}${v.text && v.text !== v.name ? ` — “${v.text}”` : ''}`;
    }
    case 'fatalities': case 'injuries': {
      const c = v as unknown as { low: number | null; best: number | null; high: number | null; text: string };
      return `${fmtCount(c)} (low–best–high)${c.text ? ` — “${c.text}”` : ''}`;
    }
    case 'civilian_targeting': return value ? 'yes' : 'no';
    case 'plover': return `${v.event}${v.mode ? ` / ${v.mode}` : ''}`;
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
