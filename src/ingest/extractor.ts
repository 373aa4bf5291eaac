/**
 * The extraction pipeline, loaded once per process (the gazetteer and the
 * NLP model take a moment), by path, so that a batch of duplicates never
 * loads it. When the CLI bundle is fresh (built from the sources as they
 * are now, see bin/bundle.js), its pipeline chunk is loaded: the same code,
 * compiled once, where the sources through tsx pay for tsx naming every
 * closure they make (a defineProperty call each).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from '../../bin/bundle.js';
import type { Extractor, ExtractorSource } from './document.ts';
import { IngestError } from './errors.ts';

const PIPELINE = new URL('../pipeline.ts', import.meta.url);

/** The pipeline module to load: the fresh bundle's chunk, else the sources. */
function pipelineUrl(): string {
  const bundle = freshBundle();
  const chunk = bundle ? join(dirname(bundle), 'pipeline.js') : null;
  return chunk && existsSync(chunk) ? pathToFileURL(chunk).href : PIPELINE.href;
}

/** @example const extract = await loadExtractor(); extract({id: 'd', text: '…'}).result.events */
export async function loadExtractor(): Promise<Extractor> {
  if (!existsSync(fileURLToPath(PIPELINE))) throw new IngestError('bad_input', 'the extraction pipeline (src/pipeline.ts) is not available');
  const pipeline = (await import(pipelineUrl())) as { loadResources(): unknown; extract(input: unknown, res: unknown, times: undefined, opts: { allMentions: boolean }): ReturnType<Extractor> };
  const resources = pipeline.loadResources();
  // the store keeps every mention, for the source view
  return (input) => pipeline.extract(input, resources, undefined, { allMentions: true });
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
