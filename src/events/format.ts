/**
 * Output formats shared by `sitrep extract` and `sitrep export`: JSONL,
 * JSON, a flat CSV, ACLED-style CSV (ACLED's columns in ACLED's order),
 * GeoJSON, HXL-tagged CSV and PLOVER JSON. Pure: records in, text out.
 */
import type { ControlRecord, DisplacementRecord, ErrorRecord, EventRecord } from './types.ts';
import { acledFatalities } from './counts.ts';
import acledCountries from '../../data/events/acled-countries.json' with { type: 'json' };

const COUNTRY: Record<string, { iso: number; region: string } | undefined> = acledCountries.countries;

/** What the moment of output adds to a row: ACLED's `timestamp` is when the event was coded. */
export interface FormatOptions {
  /** the time of coding; the caller (CLI, server) reads the clock */
  codedAt?: Date;
}

export type AnyRecord = EventRecord | DisplacementRecord | ControlRecord | ErrorRecord;
export const FORMATS = ['jsonl', 'json', 'csv', 'acled-csv', 'geojson', 'hxl', 'plover'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** ACLED's export columns, in ACLED's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale',
  'notes', 'fatalities', 'tags', 'timestamp',
] as const;

export function isEvent(r: AnyRecord): r is EventRecord {
  return 'event_type' in r;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(values: unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

function sourcesText(e: EventRecord): string {
  return [...new Set(e.sources.map((s) => [s.outlet, s.claimed_by].filter(Boolean).join(' citing ')).filter(Boolean))].join('; ');
}

/**
 * An event as an ACLED row. ISO numeric code and region come from the
 * country (data/events/acled-countries.json); source scale is not known to a
 * coder of free text and stays empty; fatalities follow ACLED's conventions
 * (the lowest figure, 10 for an unknown number, 12 for "dozens").
 * @example acledRow(event).event_date // '2016-05-27'
 */
export function acledRow(e: EventRecord, options: FormatOptions = {}): Record<(typeof ACLED_COLUMNS)[number], string | number | null> {
  const country = e.location?.iso3 ? COUNTRY[e.location.iso3] : undefined;
  const side = (n: 1 | 2) => e.assoc_actors.filter((a) => (n === 1 ? a.inter === e.actor1?.inter : a.inter !== e.actor1?.inter)).map((a) => a.name).join('; ');
  return {
    event_id_cnty: `${e.location?.iso3 ?? 'XXX'}-${e.id}`,
    event_date: e.event_date,
    year: e.event_date ? Number(e.event_date.slice(0, 4)) : null,
    time_precision: e.date.precision,
    disorder_type: e.disorder_type,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1?.name ?? null,
    assoc_actor_1: side(1),
    inter1: e.actor1?.inter ?? null,
    actor2: e.actor2?.name ?? null,
    assoc_actor_2: side(2),
    inter2: e.actor2?.inter ?? 0,
    interaction: e.interaction,
    civilian_targeting: e.civilian_targeting ? 'Civilian targeting' : '',
    iso: country?.iso ?? null,
    region: country?.region ?? null,
    country: e.location?.country ?? null,
    admin1: e.location?.admin1 ?? null,
    admin2: e.location?.admin2 ?? null,
    admin3: null,
    location: e.location?.name ?? e.location?.text ?? null,
    latitude: e.location?.lat ?? null,
    longitude: e.location?.lon ?? null,
    geo_precision: e.location?.geo_precision ?? null,
    source: sourcesText(e),
    source_scale: null,
    notes: e.notes,
    fatalities: acledFatalities(e.fatalities),
    tags: null,
    timestamp: options.codedAt ? Math.floor(options.codedAt.getTime() / 1000) : null,
  };
}

const FLAT_COLUMNS = [
  'id', 'document_id', 'event_date', 'date_start', 'date_end', 'time_precision', 'date_text', 'event_type', 'sub_event_type',
  'disorder_type', 'actor1', 'inter1', 'actor2', 'inter2', 'assoc_actors', 'interaction', 'civilian_targeting', 'location',
  'location_name', 'geonameid', 'latitude', 'longitude', 'admin1', 'admin2', 'country', 'iso3', 'geo_precision',
  'fatalities_low', 'fatalities_best', 'fatalities_high', 'injuries_low', 'injuries_best', 'injuries_high', 'sources',
  'confidence', 'plover_event', 'plover_mode', 'notes',
];

function flatRow(e: EventRecord): unknown[] {
  const l = e.location;
  return [
    e.id, e.document_id, e.event_date, e.date.start, e.date.end, e.date.precision, e.date.text, e.event_type, e.sub_event_type,
    e.disorder_type, e.actor1?.name, e.actor1?.inter, e.actor2?.name, e.actor2?.inter, e.assoc_actors.map((a) => a.name).join('; '),
    e.interaction, e.civilian_targeting, l?.text, l?.name, l?.geonameid, l?.lat, l?.lon, l?.admin1, l?.admin2, l?.country, l?.iso3,
    l?.geo_precision, e.fatalities?.low, e.fatalities?.best, e.fatalities?.high, e.injuries?.low, e.injuries?.best, e.injuries?.high,
    sourcesText(e), e.confidence, e.plover.event, e.plover.mode, e.notes,
  ];
}

/** HXL columns: a readable header row, then the hashtag row. HXL has no #actor; actors are #group+name+first/+second, as in ACLED's HDX files. */
const HXL_COLUMNS: [string, string][] = [
  ['id', '#event+id'], ['event_date', '#date+occurred'], ['date_start', '#date+start'], ['date_end', '#date+end'],
  ['event_type', '#event+type'], ['sub_event_type', '#event+type+sub'], ['actor1', '#group+name+first'], ['actor2', '#group+name+second'],
  ['location', '#loc+name'], ['latitude', '#geo+lat'], ['longitude', '#geo+lon'], ['admin1', '#adm1+name'], ['country', '#country+name'],
  ['iso3', '#country+code'], ['fatalities_low', '#affected+killed+min'], ['injuries_low', '#affected+injured+min'], ['source', '#meta+source'],
  ['notes', '#description+notes'],
];

function hxlRow(e: EventRecord): unknown[] {
  const l = e.location;
  return [e.id, e.event_date, e.date.start, e.date.end, e.event_type, e.sub_event_type, e.actor1?.name, e.actor2?.name, l?.name ?? l?.text,
    l?.lat, l?.lon, l?.admin1, l?.country, l?.iso3, e.fatalities?.low, e.injuries?.low, sourcesText(e), e.notes];
}

/** PLOVER-style event JSON (openeventdata/PLOVER field names). */
export function ploverEvent(e: EventRecord): Record<string, unknown> {
  return {
    id: e.id,
    date: e.event_date,
    event_type: e.plover.event,
    mode: e.plover.mode,
    actor: e.actor1?.name ?? null,
    actor_text: e.actor1?.text ?? null,
    recipient: e.actor2?.name ?? null,
    recipient_text: e.actor2?.text ?? null,
    location: e.location ? { name: e.location.name ?? e.location.text, lat: e.location.lat, lon: e.location.lon, country: e.location.iso3 } : null,
    fatalities: e.fatalities?.low ?? null,
    source_event: { scheme: 'ACLED', event_type: e.event_type, sub_event_type: e.sub_event_type },
    text: e.sources.map((s) => s.sentence),
  };
}

/** GeoJSON Feature of an event; geometry null when it has no coordinates. */
export function geojsonFeature(e: EventRecord): Record<string, unknown> {
  const l = e.location;
  const geometry = l && l.lat !== null && l.lon !== null ? { type: 'Point', coordinates: [l.lon, l.lat] } : null;
  return { type: 'Feature', id: e.id, geometry, properties: e };
}

/**
 * Streams records in a format: `header` once, `row` per record, `footer` once.
 * Formats other than jsonl/json keep event records only. ACLED's `timestamp`
 * is `options.codedAt`, else the moment the formatter is made.
 * @example const f = formatter('acled-csv'); out.write(f.header + events.map(f.row).join('') + f.footer)
 */
export function formatter(format: OutputFormat, options: FormatOptions = {}): { header: string; row: (r: AnyRecord) => string; footer: string } {
  // one moment of coding for the whole output; a caller that knows it (a stored event's coding time) passes it
  const coded = { codedAt: options.codedAt ?? new Date() };
  let first = true;
  const sep = () => (first ? ((first = false), '') : ',');
  switch (format) {
    case 'jsonl':
      return { header: '', row: (r) => JSON.stringify(r) + '\n', footer: '' };
    case 'json':
      return { header: '[', row: (r) => sep() + '\n' + JSON.stringify(r), footer: '\n]\n' };
    case 'csv':
      return { header: csvRow(FLAT_COLUMNS), row: (r) => (isEvent(r) ? csvRow(flatRow(r)) : ''), footer: '' };
    case 'acled-csv':
      return { header: csvRow([...ACLED_COLUMNS]), row: (r) => (isEvent(r) ? csvRow(ACLED_COLUMNS.map((c) => acledRow(r, coded)[c])) : ''), footer: '' };
    case 'hxl':
      return { header: csvRow(HXL_COLUMNS.map(([name]) => name)) + csvRow(HXL_COLUMNS.map(([, tag]) => tag)), row: (r) => (isEvent(r) ? csvRow(hxlRow(r)) : ''), footer: '' };
    case 'geojson':
      return { header: '{"type":"FeatureCollection","features":[', row: (r) => (isEvent(r) ? sep() + '\n' + JSON.stringify(geojsonFeature(r)) : ''), footer: '\n]}\n' };
    case 'plover':
      return { header: '', row: (r) => (isEvent(r) ? JSON.stringify(ploverEvent(r)) + '\n' : ''), footer: '' };
  }
}
