/**
 * Export formats for stored events, streamed record by record: JSONL, the
 * ACLED-style CSV, GeoJSON, HXL-tagged CSV and PLOVER JSON.
 */
import type { StoredEvent } from '../store/index.ts';
import { featureOf, hasPoint } from './routes/events.ts';

export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl', 'hxl', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Formatter {
  contentType: string;
  extension: string;
  head: string;
  /** '' to leave a record out (GeoJSON without coordinates) */
  row(e: StoredEvent, index: number): string;
  tail: string;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLine = (values: unknown[]) => values.map(csvField).join(',') + '\r\n';

export const ACLED_COLUMNS = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes',
  'fatalities', 'tags', 'timestamp'] as const;

function outlets(e: StoredEvent): string {
  return [...new Set(e.sources.map((s) => s.claimed_by ?? s.outlet).filter(Boolean))].join('; ');
}

/** ACLED's single conservative figure: the lower bound, 0 when none is given. */
function acledFatalities(e: StoredEvent): number {
  return e.fatalities?.low ?? 0;
}

export function acledRow(e: StoredEvent): unknown[] {
  const l = e.location;
  const assoc = e.assoc_actors.map((a) => a.name).join('; ');
  return [e.id, e.event_date, e.event_date?.slice(0, 4) ?? '', e.date.precision, e.disorder_type, e.event_type, e.sub_event_type,
    e.actor1?.name, assoc, e.actor1?.inter, e.actor2?.name, '', e.actor2?.inter ?? 0, e.interaction, e.civilian_targeting ? 'Civilian targeting' : '',
    l?.iso3, '', l?.country, l?.admin1, l?.admin2, '', l?.name ?? l?.text, l?.lat, l?.lon, l?.geo_precision, outlets(e),
    e.source_count > 1 ? 'Multiple' : '', e.notes, acledFatalities(e), '', Math.floor(Date.now() / 1000)];
}

export const HXL_COLUMNS: [string, string, (e: StoredEvent) => unknown][] = [
  ['event_id', '#event+id', (e) => e.id],
  ['event_date', '#date', (e) => e.event_date],
  ['event_type', '#event+type', (e) => e.event_type],
  ['sub_event_type', '#event+type+sub', (e) => e.sub_event_type],
  ['actor1', '#actor+name', (e) => e.actor1?.name],
  ['actor2', '#actor+name+target', (e) => e.actor2?.name],
  ['country', '#country+name', (e) => e.location?.country],
  ['iso3', '#country+code', (e) => e.location?.iso3],
  ['admin1', '#adm1+name', (e) => e.location?.admin1],
  ['admin2', '#adm2+name', (e) => e.location?.admin2],
  ['location', '#loc+name', (e) => e.location?.name ?? e.location?.text],
  ['latitude', '#geo+lat', (e) => e.location?.lat],
  ['longitude', '#geo+lon', (e) => e.location?.lon],
  ['fatalities_low', '#affected+killed+min', (e) => e.fatalities?.low],
  ['fatalities_best', '#affected+killed', (e) => e.fatalities?.best],
  ['fatalities_high', '#affected+killed+max', (e) => e.fatalities?.high],
  ['injuries', '#affected+injured', (e) => e.injuries?.best],
  ['source', '#meta+source', (e) => outlets(e)],
  ['confidence', '#meta+confidence', (e) => e.confidence],
];

function ploverOf(e: StoredEvent) {
  const l = e.location;
  return {
    event_id: e.id,
    event_date: e.event_date,
    event_type: e.plover?.event ?? null,
    mode: e.plover?.mode ?? null,
    actor: e.actor1?.name ?? null,
    recipient: e.actor2?.name ?? null,
    fatalities: e.fatalities?.best ?? e.fatalities?.low ?? null,
    location: l ? { name: l.name ?? l.text, geonameid: l.geonameid, lat: l.lat, lon: l.lon, admin1: l.admin1, country: l.country, iso3: l.iso3 } : null,
    acled: { event_type: e.event_type, sub_event_type: e.sub_event_type },
    sources: e.sources.map((s) => ({ outlet: s.outlet, claimed_by: s.claimed_by, document_id: s.document_id })),
    notes: e.notes,
  };
}

/** @example formatter('jsonl').row(event, 0) // '{"id":…}\n' */
export function formatter(format: ExportFormat): Formatter {
  switch (format) {
    case 'jsonl':
      return { contentType: 'application/x-ndjson', extension: 'jsonl', head: '', row: (e) => JSON.stringify(e) + '\n', tail: '' };
    case 'acled-csv':
      return { contentType: 'text/csv; charset=utf-8', extension: 'csv', head: csvLine([...ACLED_COLUMNS]), row: (e) => csvLine(acledRow(e)), tail: '' };
    case 'hxl':
      return {
        contentType: 'text/csv; charset=utf-8', extension: 'csv',
        head: csvLine(HXL_COLUMNS.map((c) => c[0])) + csvLine(HXL_COLUMNS.map((c) => c[1])),
        row: (e) => csvLine(HXL_COLUMNS.map((c) => c[2](e))), tail: '',
      };
    case 'geojson': {
      let n = 0;
      return {
        contentType: 'application/geo+json', extension: 'geojson', head: '{"type":"FeatureCollection","features":[\n',
        row: (e) => (hasPoint(e) ? (n++ ? ',\n' : '') + JSON.stringify(featureOf(e)) : ''), tail: '\n]}\n',
      };
    }
    case 'plover':
      return { contentType: 'application/json', extension: 'json', head: '[\n', row: (e, i) => (i ? ',\n' : '') + JSON.stringify(ploverOf(e)), tail: '\n]\n' };
  }
}

/** The whole export as a stream of text chunks. */
export async function* exportEvents(events: AsyncIterable<StoredEvent>, format: ExportFormat): AsyncGenerator<string> {
  const f = formatter(format);
  yield f.head;
  let i = 0;
  let buf = '';
  for await (const e of events) {
    buf += f.row(e, i++);
    if (buf.length > 64 * 1024) {
      yield buf;
      buf = '';
    }
  }
  yield buf + f.tail;
}
