/**
 * One document into the store: fingerprint it, skip the extraction when it
 * is a known duplicate, otherwise extract and hand the store one bundle
 * (written in one transaction).
 */
import type { Doc, DocumentInput } from '../text/types.ts';
import type { ControlRecord, DisplacementRecord, EventRecord, ExtractResult } from '../events/types.ts';
import { fingerprints, stableId } from '../store/index.ts';
import type { AddResult, Claim, DocumentBundle, DocumentRow, DuplicateHit, SpanInput, Store } from '../store/index.ts';
import { canonicalUrl } from './url.ts';
import { IngestError } from './errors.ts';

export type Extractor = (input: DocumentInput) => { doc: Doc; result: ExtractResult };
/** The extractor on demand: a batch of duplicates never pays for loading it. */
export type ExtractorSource = () => Promise<Extractor>;

/** A document as read or fetched, before extraction. */
export interface RawDocument {
  id?: string | null;
  text: string;
  published?: string | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  language?: string | null;
}

function spansOf(doc: Doc): SpanInput[] {
  const m = doc.mentions;
  const at = (x: { start: number; end: number; sentence: number }) => ({ start: x.start, end: x.end, sentence: x.sentence });
  return [
    ...m.actors.map((a) => ({ kind: 'actor' as const, label: a.name, ...at(a) })),
    ...m.places.map((p) => ({ kind: 'place' as const, label: p.resolved?.name ?? null, ...at(p) })),
    ...m.times.all().map((t) => ({ kind: 'time' as const, label: t.value, ...at(t) })),
    ...m.quantities.all().map((q) => ({ kind: 'quantity' as const, label: `${q.kind} ${q.low ?? '?'}–${q.high ?? '…'}`, ...at(q) })),
    ...m.sources.all().map((s) => ({ kind: 'source' as const, label: s.name, ...at(s) })),
  ];
}

function claimOf(doc: Doc, ev: EventRecord, ordinal: number): Claim {
  const cited = ev.sources.find((s) => s.claimed_by) ?? ev.sources[0];
  return {
    id: stableId('cl', doc.id, ev.id, String(ordinal)),
    document_id: doc.id,
    outlet: cited?.outlet ?? doc.source,
    claimed_by: cited?.claimed_by ?? null,
    sentence: cited?.sentence ?? '',
    start: cited?.start ?? 0,
    end: cited?.end ?? 0,
    record: { ...ev, document_id: doc.id },
  };
}

/** Event references in displacement/control records → the ids of the claims they came from. */
function withClaimRefs(records: (DisplacementRecord | ControlRecord)[], claimOfEvent: Map<string, string>) {
  return records.map((r) => r.record === 'displacement'
    ? { ...r, cause_event_id: r.cause_event_id ? claimOfEvent.get(r.cause_event_id) ?? null : null }
    : { ...r, evidence: r.evidence.map((e) => claimOfEvent.get(e)).filter((e): e is string => !!e) });
}

/**
 * Stores one document; a duplicate (same URL, same text, or near-same text) is recorded as a copy.
 * @example await ingestDocument(store, {text: 'IS took Marea on Friday.'}, lazyExtractor()) // {document_id, duplicate_of: null, events: [...]}
 */
export async function ingestDocument(store: Store, raw: RawDocument, extractor: ExtractorSource, opts: { reprocess?: boolean } = {}): Promise<AddResult> {
  return store.addDocument(await prepareDocument(store, raw, extractor, opts));
}

/**
 * What storing one document takes: fingerprinted, checked against the
 * store, and extracted unless it is a known duplicate (its bundle then only
 * records the copy). The store checks again when it writes.
 */
export async function prepareDocument(store: Store, raw: RawDocument, extractor: ExtractorSource, opts: { reprocess?: boolean } = {}): Promise<DocumentBundle> {
  return extractChecked(await checkDocument(store, raw), raw, extractor, opts);
}

/** A document fingerprinted and looked up in the store, not yet extracted. */
export interface CheckedDocument {
  document: DocumentRow;
  stored: DuplicateHit | null;
}

/** The first half of prepareDocument: the fingerprints and the store's duplicate check. */
export async function checkDocument(store: Store, raw: RawDocument): Promise<CheckedDocument> {
  const document = documentRow(raw);
  return { document, stored: await store.findDuplicate(document) };
}

/** A document as the store keeps it, fingerprinted; throws on a document without text. */
export function documentRow(raw: RawDocument): DocumentRow {
  const text = raw.text.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) throw new IngestError('no_text', 'the document has no text');
  const { content_hash: hash, minhash } = fingerprints(text);
  const document = {
    id: raw.id?.trim() || stableId('doc', hash),
    title: raw.title ?? null,
    source: raw.source ?? null,
    url: raw.url ?? null,
    canonical_url: raw.url ? canonicalUrl(raw.url) : null,
    published: raw.published ?? null,
    language: raw.language ?? 'en',
    text,
    content_hash: hash,
    minhash,
    warnings: [] as string[],
  };
  return document;
}

/** The second half: extraction (unless a known duplicate), and the bundle the store writes. */
export async function extractChecked(checked: CheckedDocument, raw: RawDocument, extractor: ExtractorSource, opts: { reprocess?: boolean } = {}): Promise<DocumentBundle> {
  const { document, stored } = checked;
  const text = document.text;
  if (stored && !(opts.reprocess && stored.via === 'hash')) return { document, sentences: [], spans: [], claims: [], records: [] };
  // re-processing keeps the stored id, so claim ids (and with them events and corrections) stay the same
  const id = stored ? stored.document_id : document.id;
  const { doc, result } = (await extractor())({ id, text, published: document.published, title: document.title, source: document.source, url: document.url });
  const claims = result.events.map((ev, i) => claimOf(doc, ev, i));
  const claimOfEvent = new Map(result.events.map((ev, i) => [ev.id, claims[i].id]));
  return {
    document: { ...document, id, text: doc.text, language: raw.language ?? doc.language, warnings: result.warnings },
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    spans: spansOf(doc),
    claims,
    records: withClaimRefs([...result.displacement, ...result.control], claimOfEvent),
    replace: opts.reprocess && stored !== null,
  };
}
