/**
 * `sitrep export [--format F] [filters] [--db PATH]`: stored events to stdout,
 * or the derived picture: `control-geojson` (who holds what; `--date` picks
 * the day, default the latest picture) and `displacement-hxl`.
 */
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportEvents } from '../serve/formats.ts';
import type { ExportFormat } from '../serve/formats.ts';
import { toFilters } from '../serve/filters.ts';
import type { FilterQuery } from '../serve/filters.ts';
import { DEFAULT_DB, openStore, REVIEW_STATES } from '../store/index.ts';
import type { ReviewState } from '../store/index.ts';
import { UsageError } from './main.ts';
import { controlAt, controlGeoJSON, displacementHxl, readPicture } from '../derive/index.ts';

const PICTURE_FORMATS = ['control-geojson', 'displacement-hxl'];

const TEXT_FILTERS = ['from', 'to', 'bbox', 'country', 'admin1', 'actor', 'event-type', 'sub-event-type', 'q', 'review', 'min-fatalities'] as const;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        format: { type: 'string', default: 'jsonl' },
        date: { type: 'string' },
        ...Object.fromEntries(TEXT_FILTERS.map((f) => [f, { type: 'string' as const }])),
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values as Record<string, string | undefined>;
  const format = v.format as ExportFormat;
  if (PICTURE_FORMATS.includes(v.format!)) return exportPicture(v);
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${[...EXPORT_FORMATS, ...PICTURE_FORMATS].join(', ')}`);
  if (v.review && !REVIEW_STATES.includes(v.review as ReviewState)) throw new UsageError(`--review must be one of ${REVIEW_STATES.join(', ')}`);
  if (v.bbox && !/^-?[\d.]+(,-?[\d.]+){3}$/.test(v.bbox)) throw new UsageError('--bbox must be west,south,east,north');
  const min = v['min-fatalities'];
  if (min !== undefined && !/^\d+$/.test(min)) throw new UsageError('--min-fatalities must be a whole number');
  const query: FilterQuery = {
    from: v.from, to: v.to, bbox: v.bbox, country: v.country, admin1: v.admin1, actor: v.actor, event_type: v['event-type'],
    sub_event_type: v['sub-event-type'], q: v.q, review: v.review as ReviewState | undefined, min_fatalities: min === undefined ? undefined : Number(min),
  };
  let filters;
  try {
    filters = toFilters(Object.fromEntries(Object.entries(query).filter(([, x]) => x !== undefined)));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const store = openStore(v.db);
  try {
    for await (const chunk of exportEvents(store.eachEvent(filters), format)) {
      if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
    }
  } finally {
    await store.close();
  }
  return 0;
}

async function exportPicture(v: Record<string, string | undefined>): Promise<number> {
  if (v.date && !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new UsageError('--date must be YYYY-MM-DD');
  const store = openStore(v.db);
  try {
    const picture = await readPicture(store);
    const bbox = v.bbox ? v.bbox.split(',').map(Number) : null;
    process.stdout.write(
      v.format === 'control-geojson' ? `${JSON.stringify(controlGeoJSON(controlAt(picture.periods, v.date ?? null, bbox)))}\n` : displacementHxl(picture.displacement),
    );
  } finally {
    await store.close();
  }
  return 0;
}
