/** `sitrep export [--format F] [filters] [--db PATH]`: stored events to stdout. */
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportEvents } from '../serve/formats.ts';
import type { ExportFormat } from '../serve/formats.ts';
import { toFilters } from '../serve/filters.ts';
import type { FilterQuery } from '../serve/filters.ts';
import { DEFAULT_DB, openStore, REVIEW_STATES } from '../store/index.ts';
import type { ReviewState } from '../store/index.ts';
import { UsageError } from './main.ts';

const TEXT_FILTERS = ['from', 'to', 'bbox', 'country', 'admin1', 'actor', 'event-type', 'sub-event-type', 'q', 'review', 'min-fatalities'] as const;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        format: { type: 'string', default: 'jsonl' },
        ...Object.fromEntries(TEXT_FILTERS.map((f) => [f, { type: 'string' as const }])),
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values as Record<string, string | undefined>;
  const format = v.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
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
