/**
 * The extraction pipeline, loaded once per process (the gazetteer and the
 * NLP model take a moment). Loaded by path until src/pipeline.ts lands.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Extractor, ExtractorSource } from './document.ts';
import { IngestError } from './errors.ts';

const PIPELINE = new URL('../pipeline.ts', import.meta.url);

/** @example const extract = await loadExtractor(); extract({id: 'd', text: '…'}).result.events */
export async function loadExtractor(): Promise<Extractor> {
  if (!existsSync(fileURLToPath(PIPELINE))) throw new IngestError('bad_input', 'the extraction pipeline (src/pipeline.ts) is not available');
  const pipeline = (await import(PIPELINE.href)) as { loadResources(): unknown; extract(input: unknown, res: unknown): ReturnType<Extractor> };
  const resources = pipeline.loadResources();
  return (input) => pipeline.extract(input, resources);
}

/** Loads the extractor on first call, once. */
export function lazyExtractor(load: () => Promise<Extractor> = loadExtractor): ExtractorSource {
  let pending: Promise<Extractor> | null = null;
  // a failed load is not kept: the next document tries again
  return () => (pending ??= load().catch((e) => {
    pending = null;
    throw e;
  }));
}
