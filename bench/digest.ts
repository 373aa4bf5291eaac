/**
 * `npm run bench:digest [-- --out FILE] [--limit N]`: what `extract` codes
 * from every document the benches use (the seed, the VOA stories, the
 * GeoWebNews and LGL articles, the ACLED dev notes), as one hash. A speed
 * change must leave the hash as it was; --out writes one line per document
 * (its id and records) so that two runs can be diffed when it does not.
 */
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadResources, extract } from '../src/pipeline.ts';
import { ingestCorpus } from './corpus.ts';
import { acledPublished, acledRows } from './acled.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, limit: { type: 'string' } } });

function documents(): { id: string; text: string; published: string | null }[] {
  const docs: { id: string; text: string; published: string | null }[] = ingestCorpus().map((d, i) => ({ id: d.id ?? `doc-${i}`, text: d.text, published: d.published ?? null }));
  for (const r of acledRows() ?? []) docs.push({ id: `acled-${r.data_id}`, text: r.notes, published: acledPublished(r) });
  return values.limit ? docs.slice(0, Number(values.limit)) : docs;
}

const res = loadResources();
const hash = createHash('sha256');
const lines: string[] = [];
const counts = { documents: 0, events: 0, displacement: 0, control: 0, warnings: 0 };
for (const d of documents()) {
  const { result } = extract({ id: d.id, text: d.text, published: d.published ?? undefined }, res);
  const line = JSON.stringify(result);
  hash.update(line).update('\n');
  lines.push(line);
  counts.documents++;
  counts.events += result.events.length;
  counts.displacement += result.displacement.length;
  counts.control += result.control.length;
  counts.warnings += result.warnings.length;
}
if (values.out) writeFileSync(values.out, lines.join('\n') + '\n');
console.log(`${counts.documents} documents → ${counts.events} events, ${counts.displacement} displacement, ${counts.control} control, ${counts.warnings} warnings`);
console.log(`digest ${hash.digest('hex').slice(0, 16)}`);
