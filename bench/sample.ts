/**
 * `npm run bench:sample [-- --seed N] [--n 40]`: a seeded random sample of
 * the events `extract` codes from the GeoWebNews and LGL articles, printed
 * for a person to judge. Those articles are general news (local crime,
 * courts, sport, business, some conflict) with no event gold, so no script
 * can score them: the share of a sample that a reader judges to be events
 * ACLED would code is the coder's precision on news that is mostly not
 * about conflict, which the ACLED notes (every one an event) cannot measure.
 * docs/BENCHMARKS.md gives the judged samples.
 */
import { parseArgs } from 'node:util';
import { ingestCorpus } from './corpus.ts';
import { mulberry32 } from './random.ts';
import { extract, loadResources } from '../src/pipeline.ts';
import type { EventRecord } from '../src/events/types.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '7' }, n: { type: 'string', default: '40' } } });
const articles = ingestCorpus().filter((d) => d.group === 'GeoWebNews_GWN' || d.group === 'lgl');
if (articles.length === 0) {
  console.log('bench:sample: skipped (the geoparsing articles of ../shared are missing)');
  process.exit(0);
}

const res = loadResources();
const events: EventRecord[] = [];
for (const d of articles) events.push(...extract({ id: d.id!, text: d.text, published: d.published ?? null }, res).result.events);
const withEvents = new Set(events.map((e) => e.document_id)).size;
console.log(`${articles.length} articles → ${events.length} events (${withEvents} articles with at least one)`);

const rand = mulberry32(Number(values.seed));
const picked = new Set<number>();
const n = Math.min(Number(values.n), events.length);
while (picked.size < n) picked.add(Math.floor(rand() * events.length));
for (const [k, i] of [...picked].entries()) {
  const e = events[i];
  const who = `${e.actor1?.name ?? '—'} / ${e.actor2?.name ?? '—'}`;
  const where = e.location ? `${e.location.name} (${e.location.iso3 ?? '?'})` : '—';
  console.log(`\n${k + 1}. ${e.document_id}: ${e.sub_event_type}; ${who}; ${where}; ${e.event_date ?? 'no date'}; confidence ${e.confidence}`);
  console.log(`   ${(e.sources[0]?.sentence ?? '').replace(/\s+/g, ' ').slice(0, 400)}`);
}
