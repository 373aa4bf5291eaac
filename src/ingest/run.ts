/**
 * A batch: every item read goes through extraction into the store; one bad
 * document is reported and the batch goes on. Extracted documents are
 * committed several at a time (see BATCH), each still whole or not at all.
 */
import type { AddResult, DocumentBundle, Store } from '../store/index.ts';
import type { ExtractorSource } from './document.ts';
import { prepareDocument } from './document.ts';
import { IngestError } from './errors.ts';
import type { Item } from './read.ts';

export interface Outcome {
  origin: string;
  document_id: string | null;
  duplicate_of?: string | null;
  events?: string[];
  error?: string;
  code?: string;
}

export interface Tally {
  documents: number;
  stored: number;
  duplicates: number;
  errors: number;
  events: number;
}

export function emptyTally(): Tally {
  return { documents: 0, stored: 0, duplicates: 0, errors: 0, events: 0 };
}

/** When a batch of extracted documents is committed: at this many, or this long after the first was ready. */
export interface BatchBounds {
  documents: number;
  ms: number;
}

/**
 * A commit has a cost of its own, whatever it holds (the pages on the path
 * of every index the documents touch, the search index's new segment): a
 * few milliseconds, as much as a document's whole write. 64 documents
 * share it down to a few percent. A batch is also committed a second after
 * its first document was ready, which bounds what readers wait for and
 * what a killed process must extract again. Batches start at one document
 * and double up to the bound, so a short run, or the start of a long one,
 * is stored and reported at once.
 */
export const BATCH: BatchBounds = { documents: 64, ms: 1000 };

function failed(origin: string, id: string | null, e: unknown): Outcome {
  const code = e instanceof IngestError ? e.code : ((e as { code?: string }).code ?? 'failed');
  return { origin, document_id: id, error: (e as Error).message, code };
}

type Pending = { origin: string; outcome: Outcome } | { origin: string; bundle: DocumentBundle };

async function write(store: Store, bundles: DocumentBundle[]): Promise<(AddResult | Error)[]> {
  if (store.addDocuments) return store.addDocuments(bundles);
  const out: (AddResult | Error)[] = [];
  for (const b of bundles) out.push(await store.addDocument(b).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
  return out;
}

/** The next item, or `late` once `ms` have passed without one. */
function nextWithin<T>(next: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, ms))));
  return Promise.race([next, late]).finally(() => clearTimeout(timer));
}

/** Ingests every item, calling `report` after each one is stored (or has failed), in input order. */
export async function ingestAll(store: Store, items: AsyncIterable<Item>, extractor: ExtractorSource, opts: { reprocess?: boolean }, report: (o: Outcome, t: Tally) => void, bounds: BatchBounds = BATCH): Promise<Tally> {
  const t = emptyTally();
  let pending: Pending[] = [];
  let since = 0;
  let size = 1;
  const tally = (o: Outcome) => {
    t.documents++;
    if (o.error) t.errors++;
    else if (o.duplicate_of) t.duplicates++;
    else {
      t.stored++;
      t.events += o.events?.length ?? 0;
    }
    report(o, t);
  };
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length) size = Math.min(size * 2, bounds.documents);
    const bundles = batch.flatMap((p) => ('bundle' in p ? [p.bundle] : []));
    const results = bundles.length ? await write(store, bundles) : [];
    let i = 0;
    for (const p of batch) {
      if ('outcome' in p) {
        tally(p.outcome);
        continue;
      }
      const r = results[i++];
      tally(r instanceof Error ? failed(p.origin, p.bundle.document.id, r) : { origin: p.origin, ...r });
    }
  };
  const it = items[Symbol.asyncIterator]();
  for (;;) {
    // a source that fails still leaves what came before it stored
    const next = it.next().catch(async (e: unknown) => {
      await flush();
      throw e;
    });
    // documents waiting to be committed are not kept waiting on a slow source
    if (pending.length && (await nextWithin(next, since + bounds.ms - performance.now())) === 'late') await flush();
    const step = await next;
    if (step.done) break;
    const item = step.value;
    if (!pending.length) since = performance.now();
    if ('error' in item) pending.push({ origin: item.origin, outcome: { origin: item.origin, document_id: item.id, error: item.error.message, code: item.error.code } });
    else {
      try {
        pending.push({ origin: item.origin, bundle: await prepareDocument(store, item.doc, extractor, opts) });
      } catch (e) {
        pending.push({ origin: item.origin, outcome: failed(item.origin, item.doc.id ?? null, e) });
      }
    }
    if (pending.length >= Math.min(size, bounds.documents) || performance.now() - since >= bounds.ms) await flush();
  }
  await flush();
  return t;
}
