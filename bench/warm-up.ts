/**
 * What a benchmark codes before it times anything, so that the process is
 * at its steady state: modules and models loaded, code compiled and
 * optimised for every path news text takes, the tokenizer's lexicon and the
 * gazetteer's name memos filled with everyday words and places. None of it
 * is in the timed set (the GeoWebNews and LGL articles).
 *
 * - 'examples': the 89 VOA stories bundled in examples/, the warm-up of
 *   every session until the sixth: conflict news only, and too few to reach
 *   the steady state (codes the same unseen articles 10–30% dearer; see
 *   docs/BENCHMARKS.md).
 * - 'steady': those, then the 256 news texts of TimeBank and AQUAINT and the
 *   WikiEvents articles of ../shared/bench (385 documents in all).
 * - 'long': those and the 2,534 ACLED notes, to check that 'steady' is the
 *   steady state (`npm run bench:speed -- --warm-ups` times all three).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseTimeML, timeMLFiles } from './timeml.ts';
import { acledPublished, acledRows } from './acled.ts';

export type WarmUp = 'examples' | 'steady' | 'long';

export interface WarmUpDocument {
  id: string;
  text: string;
  published: string | null;
}

const EXAMPLES = new URL('../examples/voa_stories.jsonl', import.meta.url);
const WIKIEVENTS = join(import.meta.dirname, '../../shared/bench/event-args/wikievents');

function jsonl<T>(file: string | URL): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** The documents of a warm-up, in the order they are coded. */
export function warmUpDocuments(kind: WarmUp): WarmUpDocument[] {
  const docs: WarmUpDocument[] = jsonl<{ id: string; text: string; published: string }>(EXAMPLES).map((s) => ({ id: `voa-${s.id}`, text: s.text, published: s.published.slice(0, 10) }));
  if (kind === 'examples') return docs;
  docs.push(...otherNews());
  if (kind === 'long') for (const r of acledRows() ?? []) docs.push({ id: `acled-${r.data_id}`, text: r.notes, published: acledPublished(r) });
  return docs;
}

/** The steady warm-up's news beyond the examples: TimeBank/AQUAINT and WikiEvents (none without ../shared). */
export function otherNews(): WarmUpDocument[] {
  const docs: WarmUpDocument[] = [];
  for (const file of timeMLFiles()) {
    const { dct, text } = parseTimeML(readFileSync(file, 'utf8'));
    docs.push({ id: `timeml-${basename(file, '.tml')}`, text, published: dct?.slice(0, 10) ?? null });
  }
  for (const name of ['dev.jsonl', 'test.jsonl']) {
    const file = join(WIKIEVENTS, name);
    if (existsSync(file)) for (const d of jsonl<{ doc_id: string; text: string }>(file)) docs.push({ id: d.doc_id, text: d.text, published: null });
  }
  return docs;
}
