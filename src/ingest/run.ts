/**
 * A batch: every item read goes through extraction into the store; one bad
 * document is reported and the batch goes on.
 */
import type { Store } from '../store/index.ts';
import type { ExtractorSource } from './document.ts';
import { ingestDocument } from './document.ts';
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

/** Ingests every item, calling `report` after each one. */
export async function ingestAll(store: Store, items: AsyncIterable<Item>, extractor: ExtractorSource, opts: { reprocess?: boolean }, report: (o: Outcome, t: Tally) => void): Promise<Tally> {
  const t = emptyTally();
  for await (const item of items) {
    t.documents++;
    let o: Outcome;
    if ('error' in item) o = { origin: item.origin, document_id: item.id, error: item.error.message, code: item.error.code };
    else {
      try {
        const r = await ingestDocument(store, item.doc, extractor, opts);
        o = { origin: item.origin, ...r };
      } catch (e) {
        const code = e instanceof IngestError ? e.code : ((e as { code?: string }).code ?? 'failed');
        o = { origin: item.origin, document_id: item.doc.id ?? null, error: (e as Error).message, code };
      }
    }
    if (o.error) t.errors++;
    else if (o.duplicate_of) t.duplicates++;
    else {
      t.stored++;
      t.events += o.events?.length ?? 0;
    }
    report(o, t);
  }
  return t;
}
