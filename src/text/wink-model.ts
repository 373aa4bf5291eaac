/**
 * wink's English lite model, assembled to load in about half the time. The
 * package's own loader parses its 3 MB core JSON, copies it through
 * JSON.stringify/JSON.parse and decodes the packed lexicon one byte at a time;
 * its index also parses the NER and POS models and the WordNet lemma
 * exceptions, which a pipeline of sentence boundaries never uses. Here the
 * core is parsed once and decoded with Buffer, NER and POS have no machines,
 * and the lemmatizer is required only when a lemma is asked for. `core()`
 * must give what the package's loader gives: a test compares the two.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

/** The parts of the core model this loader touches; the rest passes through. */
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

function dist(): string {
  return dirname(require.resolve('wink-eng-lite-web-model'));
}

function uint32(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  // a copy: Buffer may hand out a slice of a shared pool that is not 4-byte aligned
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function indexOf(f: Feature): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < f.list.length; k++) hash[f.list[k]] = k;
  return hash;
}

/** The same object as the package's `core()` (read-core-model.js + load-core-model.js). */
export function readCoreModel(): CoreModel {
  const model = JSON.parse(readFileSync(join(dist(), 'languages/cur/models/eng-core-web-model.json'), 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32(model.lexicon as string);
  model.xpansions = uint32(model.xpansions as string);
  for (const f in packing.layout) if (packing.layout[f][3] === 0) features[f].hash = indexOf(features[f]);
  features.lexeme.hash = indexOf(features.lexeme);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f];
    if (layout[3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = layout[1] >>> layout[2];
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

let cerMeta: unknown = null;
/**
 * wink's own loader of this part stringifies its module's machines in place,
 * so a second call stringifies the string again and each further instance
 * doubles it until V8 refuses: it is called once and its answer kept.
 */
function metaCER(): () => unknown {
  const load = require(join(dist(), 'load-cer-meta-model.js')) as () => unknown;
  return () => (cerMeta ??= load());
}

/**
 * The features wink computes for a word it has not seen that the pipe of
 * sentence boundaries reads: the abbreviation flag ("isAbbrev"). The model
 * also lists the tagger's default tag, prefix, suffix, case and shape, which
 * only the tagger and wink's `its.prefix`, `its.shape`, … accessors read (for
 * a word outside the list wink answers 0), and which cost a fifth of the
 * first reading of a text full of new names.
 */
const PIPE_FEATURES = new Set(['isAbbrev']);

/** The core model with only the new-word features the pipe reads (see PIPE_FEATURES). */
function pipeCoreModel(): CoreModel {
  const model = readCoreModel();
  model.packing.efList = model.packing.efList!.filter((f) => PIPE_FEATURES.has(f));
  return model;
}

/**
 * The model object winkNLP() takes, for a pipe of sentence boundaries (no NER, no POS tags).
 * @example winkNLP(englishModel(), ['sbd'])
 */
export function englishModel(): Record<string, unknown> {
  const part = (name: string) => require(join(dist(), name)) as unknown;
  let lemmatize: ((...args: unknown[]) => unknown) | null = null;
  return {
    core: pipeCoreModel,
    sbd: part('load-sbd-model.js'),
    // wink loads every model whatever its pipe: these two are empty
    pos: () => ({ machines: [], transformers: [] }),
    ner: () => ({ machines: [], transformers: [] }),
    negation: part('load-negation-model.js'),
    sa: part('load-sa-model.js'),
    metaCER: metaCER(),
    featureFn: part('feature.js'),
    addons: {
      stem: part('porter-stemmer.js'),
      lemmatize: (...args: unknown[]) => (lemmatize ??= part('lemmatize.js') as typeof lemmatize)!(...args),
      readabilityStats: part('readability-stats.js'),
      wordVectors: undefined,
    },
  };
}
