/**
 * Displacement records for people outside sitrep: the flows/stocks split the
 * API serves, and an HXL-tagged CSV in the style of IDMC's displacement data
 * (HXL 1.1 hashtags; flows are new displacements, stocks are totals at a date).
 */
import type { DisplacementRecord, LocationField } from '../events/types.ts';

export interface DisplacementQuery {
  /** first and last day, inclusive (ISO dates) */
  from?: string | null;
  to?: string | null;
  /** [west, south, east, north]: a record matches when its origin or a destination is inside */
  bbox?: readonly number[] | null;
}

/**
 * Splits records into flows and stocks, filtered by date and bbox. Stocks are never added to flows.
 * @example splitDisplacement(records, {from: '2016-05-01'}) // {flows: [...], stocks: [...]}
 */
export function splitDisplacement(records: readonly DisplacementRecord[], q: DisplacementQuery = {}): { flows: DisplacementRecord[]; stocks: DisplacementRecord[] } {
  const keep = records.filter((r) => inDates(r, q) && inBbox(r, q.bbox ?? null));
  return { flows: keep.filter((r) => r.kind === 'flow'), stocks: keep.filter((r) => r.kind === 'stock') };
}

function inDates(r: DisplacementRecord, q: DisplacementQuery): boolean {
  const start = r.date.start;
  const end = r.date.end ?? start;
  if (q.from && (end === null || end < q.from)) return false;
  if (q.to && (start === null || start > q.to)) return false;
  return true;
}

function inBbox(r: DisplacementRecord, bbox: readonly number[] | null): boolean {
  if (!bbox) return true;
  const [w, s, e, n] = bbox;
  return [r.from, ...r.to].some((l) => l && l.lat !== null && l.lon !== null && l.lon >= w && l.lon <= e && l.lat >= s && l.lat <= n);
}

const COLUMNS: [string, string, (r: DisplacementRecord) => string | number | null][] = [
  ['id', '#meta+id', (r) => r.id],
  ['figure', '#indicator+type', (r) => (r.kind === 'flow' ? 'new displacements' : 'total displaced (stock)')],
  ['date_start', '#date+start', (r) => r.date.start],
  ['date_end', '#date+end', (r) => r.date.end],
  ['country', '#country+name', (r) => r.from?.country ?? r.to[0]?.country ?? null],
  ['iso3', '#country+code', (r) => r.from?.iso3 ?? r.to[0]?.iso3 ?? null],
  ['origin', '#loc+name+origin', (r) => placeName(r.from)],
  ['origin_admin1', '#adm1+name+origin', (r) => r.from?.admin1 ?? null],
  ['origin_lat', '#geo+lat+origin', (r) => r.from?.lat ?? null],
  ['origin_lon', '#geo+lon+origin', (r) => r.from?.lon ?? null],
  ['destination', '#loc+name+dest', (r) => [...r.to.map(placeName), r.to_text].filter(Boolean).join('; ') || null],
  ['destination_admin1', '#adm1+name+dest', (r) => [...new Set(r.to.map((t) => t.admin1).filter(Boolean))].join('; ') || null],
  ['people_min', '#affected+idps+min', (r) => r.people?.low ?? null],
  ['people', '#affected+idps', (r) => r.people?.best ?? null],
  ['people_max', '#affected+idps+max', (r) => r.people?.high ?? null],
  ['people_text', '#affected+idps+text', (r) => r.people?.text ?? null],
  ['cause_event', '#event+id+cause', (r) => r.cause_event_id],
  ['source', '#meta+source', (r) => [...new Set(r.sources.map((s) => [s.outlet, s.claimed_by].filter(Boolean).join(' citing ')).filter(Boolean))].join('; ') || null],
  ['document', '#meta+document', (r) => r.document_id],
  ['evidence', '#description+evidence', (r) => r.sources.map((s) => s.sentence).join(' | ')],
];

function placeName(l: LocationField | null): string | null {
  return l ? (l.name ?? l.text) : null;
}

/**
 * HXL-tagged CSV: a header row, the hashtag row, one row per record.
 * An open-ended figure leaves #affected+idps+max empty.
 * @example displacementHxl(records).split('\n')[1] // '#meta+id,#indicator+type,#date+start,…'
 */
export function displacementHxl(records: readonly DisplacementRecord[]): string {
  const lines = [COLUMNS.map((c) => c[0]).join(','), COLUMNS.map((c) => c[1]).join(',')];
  for (const r of records) lines.push(COLUMNS.map((c) => csvCell(c[2](r))).join(','));
  return `${lines.join('\n')}\n`;
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
