/**
 * Export of stored events, streamed: the record formats of the events
 * stage (src/events/format.ts) with their HTTP content types.
 */
import { formatter } from '../events/format.ts';
import type { OutputFormat } from '../events/format.ts';
import type { StoredEvent } from '../store/index.ts';

export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl', 'hxl', 'plover', 'csv', 'json'] as const satisfies readonly OutputFormat[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA: Record<ExportFormat, { contentType: string; extension: string }> = {
  'acled-csv': { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  hxl: { contentType: 'text/csv; charset=utf-8', extension: 'hxl.csv' },
  geojson: { contentType: 'application/geo+json', extension: 'geojson' },
  jsonl: { contentType: 'application/x-ndjson', extension: 'jsonl' },
  plover: { contentType: 'application/x-ndjson', extension: 'plover.jsonl' },
  json: { contentType: 'application/json', extension: 'json' },
};

export function media(format: ExportFormat): { contentType: string; extension: string } {
  return MEDIA[format];
}

/**
 * The whole export as text chunks of about 64 kB.
 * @example for await (const chunk of exportEvents(store.eachEvent({}), 'acled-csv')) out.write(chunk)
 */
export async function* exportEvents(events: AsyncIterable<StoredEvent>, format: ExportFormat): AsyncGenerator<string> {
  const f = formatter(format);
  // ACLED's `timestamp` is when the event was last coded: each stored event's own updated_at, not the moment of export
  const row = format === 'acled-csv' ? (e: StoredEvent) => formatter(format, { codedAt: new Date(e.updated_at) }).row(e) : f.row;
  let buf = f.header;
  for await (const e of events) {
    buf += row(e);
    if (buf.length > 64 * 1024) {
      yield buf;
      buf = '';
    }
  }
  yield buf + f.footer;
}
