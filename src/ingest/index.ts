/**
 * Ingest stage: reading and fetching documents (read.ts, fetch.ts, feed.ts,
 * html.ts) and handing each, extracted, to the store (document.ts).
 */
export { IngestError } from './errors.ts';
export type { IngestErrorCode } from './errors.ts';
export { htmlToArticle } from './html.ts';
export type { Article } from './html.ts';
export { safeFetch, isPrivateAddress, DEFAULT_FETCH } from './fetch.ts';
export type { FetchOptions, Fetched } from './fetch.ts';
export { parseFeed, looksLikeFeed } from './feed.ts';
export type { FeedItem } from './feed.ts';
export { readInputs, jsonlItems, isUrl } from './read.ts';
export type { Item, InputFormat, ReadOptions } from './read.ts';
export { ingestDocument, prepareDocument } from './document.ts';
export type { Extractor, ExtractorSource, RawDocument } from './document.ts';
export { canonicalUrl } from './url.ts';
export { loadExtractor, lazyExtractor } from './extractor.ts';
export { ingestAll, emptyTally, BATCH } from './run.ts';
export type { Outcome, Tally, BatchBounds } from './run.ts';
export { progress } from './progress.ts';
export type { Progress } from './progress.ts';
export { countInputs } from './read.ts';
