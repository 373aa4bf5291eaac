/**
 * A batch: every item read goes through extraction into the store; one bad
 * document is reported and the batch goes on. Extracted documents are
 * committed several at a time (see BATCH), each still whole or not at all.
 */
import type { AddResult, DocumentBundle, DocumentRow, Store } from '../store/index.ts';
import type { ExtractorSource } from './document.ts';
import { documentRow, extractChecked } from './document.ts';
import type { CheckedDocument, RawDocument } from './document.ts';
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
 * of every index the documents touch, the search index's new segment,
 * which later merges rewrite): about 0.8 ms at first, and more as the
 * store grows: the recent near-duplicate keys (document_lsh_recent, up to
 * 32,768 keys, a few hundred pages) are hashes, so a commit's keys dirty
 * nearly every page of that table. 256 documents share it: the steady
 * GWN/LGL ingest's store work went 0.47 → 0.42 ms a document from 64
 * (median of 21 rounds each, extraction done beforehand; 512 no better).
 * A group also closes when its source keeps it waiting a second after its
 * first item, which bounds (with the group's extraction, ≈ 0.8 s for 256
 * news articles) what readers wait for and what a killed process must
 * extract again. Groups start at one document and double up to the bound,
 * so a short run, or the start of a long one, is stored and reported at once.
 */
export const BATCH: BatchBounds = { documents: 256, ms: 1000 };

function failed(origin: string, id: string | null, e: unknown): Outcome {
  const code = e instanceof IngestError ? e.code : ((e as { code?: string }).code ?? 'failed');
  return { origin, document_id: id, error: (e as Error).message, code };
}

type Entry = { origin: string; outcome: Outcome } | { origin: string; bundle: DocumentBundle };

async function write(store: Store, bundles: DocumentBundle[]): Promise<(AddResult | Error)[]> {
  if (store.addDocuments) return store.addDocuments(bundles);
  const out: (AddResult | Error)[] = [];
  for (const b of bundles) out.push(await store.addDocument(b).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
  return out;
}

/** A promise that resolves to `late` at a time, and its timer's cancel. */
function deadline(ms: number): { late: Promise<'late'>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, ms))));
  return { late, cancel: () => clearTimeout(timer) };
}

/** Items read ahead from a source: up to `size`, or what came within `ms` of the first; the source's failure kept for after them. */
class Reader {
  private waiting: Promise<IteratorResult<Item>> | null = null;
  done = false;
  failure: unknown = null;

  constructor(private readonly it: AsyncIterator<Item>) {}

  async group(size: number, ms: number): Promise<Item[]> {
    const out: Item[] = [];
    // one timer a group, set when its first item comes (a timer an item cost as much as a tenth of a document's write)
    let due: ReturnType<typeof deadline> | null = null;
    try {
      while (out.length < size && !this.done) {
        const next = this.waiting ?? this.it.next();
        this.waiting = next;
        let step: IteratorResult<Item> | 'late';
        try {
          step = due ? await Promise.race([next, due.late]) : await next;
        } catch (e) {
          this.done = true;
          this.failure = e ?? new Error('the source failed');
          break;
        }
        // a slow source: what came so far goes on, the item still coming opens the next group
        if (step === 'late') break;
        this.waiting = null;
        if (step.done) this.done = true;
        else {
          out.push(step.value);
          if (!due && out.length < size) due = deadline(ms);
        }
      }
    } finally {
      due?.cancel();
    }
    return out;
  }
}

type Checked = { item: { origin: string; doc: RawDocument }; checked: CheckedDocument };

/**
 * A group's items fingerprinted and looked up in the store, in order, all
 * against the store as it was before the group: in one query when the
 * engine can (findDuplicates, PostgreSQL: one round trip instead of one a
 * document), else one by one (SQLite, where a lookup is a function call).
 */
async function checkGroup(store: Store, group: Item[]): Promise<(Entry | Checked)[]> {
  const out: (Entry | Checked | { item: { origin: string; doc: RawDocument }; document: DocumentRow })[] = group.map((item) => {
    if ('error' in item) return { origin: item.origin, outcome: { origin: item.origin, document_id: item.id, error: item.error.message, code: item.error.code } };
    try {
      return { item, document: documentRow(item.doc) };
    } catch (e) {
      return { origin: item.origin, outcome: failed(item.origin, item.doc.id ?? null, e) };
    }
  });
  const looked = out.flatMap((o) => ('document' in o ? [o] : []));
  const hits = store.findDuplicates && looked.length > 1 ? await store.findDuplicates(looked.map((o) => o.document)).catch(() => null) : null;
  const checked: (Entry | Checked)[] = [];
  for (const o of out) {
    if (!('document' in o)) checked.push(o);
    else {
      try {
        checked.push({ item: o.item, checked: { document: o.document, stored: hits ? hits[looked.indexOf(o)] : await store.findDuplicate(o.document) } });
      } catch (e) {
        checked.push({ origin: o.item.origin, outcome: failed(o.item.origin, o.item.doc.id ?? null, e) });
      }
    }
  }
  return checked;
}

/**
 * Ingests every item, calling `report` after each one is stored (or has
 * failed), in input order. Items are taken a group at a time: all
 * fingerprinted and checked, then extracted, then written in one commit,
 * so the store's work runs in runs rather than between extractions (its
 * code and pages stay in the processor's caches: a document's check and
 * write cost about half as much so). A copy of another document of the
 * same group is extracted for nothing, and found at the write.
 */
export async function ingestAll(store: Store, items: AsyncIterable<Item>, extractor: ExtractorSource, opts: { reprocess?: boolean }, report: (o: Outcome, t: Tally) => void, bounds: BatchBounds = BATCH): Promise<Tally> {
  const t = emptyTally();
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
  const reader = new Reader(items[Symbol.asyncIterator]());
  let size = 1;
  while (!reader.done) {
    const group = await reader.group(size, bounds.ms);
    if (!group.length) continue;
    size = Math.min(size * 2, bounds.documents);
    const checked = await checkGroup(store, group);
    const entries: Entry[] = [];
    for (const c of checked) {
      if (!('checked' in c)) entries.push(c);
      else {
        try {
          entries.push({ origin: c.item.origin, bundle: await extractChecked(c.checked, c.item.doc, extractor, opts) });
        } catch (e) {
          entries.push({ origin: c.item.origin, outcome: failed(c.item.origin, c.item.doc.id ?? null, e) });
        }
      }
    }
    const bundles = entries.flatMap((e) => ('bundle' in e ? [e.bundle] : []));
    const results = bundles.length ? await write(store, bundles) : [];
    let i = 0;
    for (const e of entries) {
      if ('outcome' in e) tally(e.outcome);
      else {
        const r = results[i++];
        tally(r instanceof Error ? failed(e.origin, e.bundle.document.id, r) : { origin: e.origin, ...r });
      }
    }
  }
  if (reader.failure) throw reader.failure;
  return t;
}
