/**
 * The pipeline, in one place: text → mentions (places, actors, times,
 * quantities, sources) → events. Each stage reads what the earlier ones
 * wrote on the Doc; `STAGES` says so, and a test checks the order meets it.
 * About half of all news holds no word that can start a record
 * (`recordGate`): such a document stops once its text is read, before wink
 * splits it. Of the rest, a document whose sentences hold no live event
 * cue, no displacement cue in a sentence about people (named, or counted)
 * and no control wording stops once they are split. One with a control
 * wording but no place named where it stands stops once those sentences are
 * read for toponyms; one whose statements name no place, once its places
 * and actors are found. Times, quantities and sources are found a sentence
 * at a time, when a record first reads that sentence's (see SentenceMentions).
 */
import type { Doc, DocumentInput } from './text/index.ts';
import type { ExtractResult, LocationField } from './events/types.ts';
import type { MentionBase, PlaceMention, SentenceMentions } from './mentions/types.ts';
import { readText, segmentDoc, prefixTrie } from './text/index.ts';
import { timesBySentence, parsePublished } from './mentions/times/index.ts';
import { quantitiesBySentence } from './mentions/quantities/index.ts';
import { sourcesBySentence } from './mentions/sources/index.ts';
import { geoparse, eventLocation, eventLocator, namesPlace, openGazetteer, toLocationField, countryCode, type Gazetteer } from './geo/index.ts';
import { findActors, loadCodebook, actorForCountry, unidentifiedMilitary, type Codebook } from './mentions/actors/index.ts';
import { findControl, findControlStatements, findDisplacement, mayDisplace, mayStateControl, recordStarts } from './derive/index.ts';
import { codeEvents, findCues, loadLexicon, mayReport, type EventHooks, type GenericKind, type Lexicon } from './events/index.ts';

export interface Resources {
  gazetteer: Gazetteer;
  codebook: Codebook;
  lexicon: Lexicon;
  /** any word that can start a record (see recordGate) */
  gate: RegExp;
}

/** What each stage reads and writes on the Doc, in running order. */
export const STAGES: { name: string; reads: string[]; writes: string }[] = [
  { name: 'text', reads: [], writes: 'sentences' },
  { name: 'places', reads: ['sentences'], writes: 'mentions.places' },
  { name: 'actors', reads: ['sentences', 'mentions.places'], writes: 'mentions.actors' },
  { name: 'times', reads: ['sentences'], writes: 'mentions.times' },
  { name: 'quantities', reads: ['sentences'], writes: 'mentions.quantities' },
  { name: 'sources', reads: ['sentences'], writes: 'mentions.sources' },
  { name: 'events', reads: ['sentences', 'mentions.times', 'mentions.quantities', 'mentions.sources', 'mentions.places', 'mentions.actors'], writes: 'result' },
];

/**
 * Opens the read-only resources once per process (gazetteer, actor codebook, event lexicon).
 * @example const res = loadResources(); extract({id: 'd1', text: 'IS seized Marea on Friday.'}, res)
 */
export function loadResources(opts?: { gazetteerPath?: string }): Resources {
  const lexicon = loadLexicon();
  return { gazetteer: openGazetteer(opts?.gazetteerPath ? { path: opts.gazetteerPath } : undefined), codebook: loadCodebook(undefined, { rememberChecks: true }), lexicon, gate: recordGate(lexicon) };
}

/**
 * Every word that can start a record, as one case-insensitive pattern: where
 * an event report can start (the lexicon's anchor cues) and where a
 * displacement or control record can (derive's wordings), each as loose as
 * or looser than the stages that use them. A document matching none yields
 * nothing, so it stops before wink reads it; the gate's test and
 * bench:digest check that it drops no record. The words are merged into a
 * prefix trie, which matches what their plain alternation matches at a
 * quarter of the cost.
 * @example recordGate(loadLexicon()).test('Fighters seized the town.') // true
 */
export function recordGate(lexicon: Lexicon, opts: { trie?: boolean } = {}): RegExp {
  const derived = recordStarts();
  const words = [...lexicon.starts, ...derived.words];
  return new RegExp(`\\b(?:${opts.trie === false ? words.join('|') : prefixTrie(words)})\\b|-${derived.heldSuffixes}\\b`, 'i');
}

function hooksFor(doc: Doc, res: Resources): EventHooks {
  // the places are final by now, so their country focus and stated containers are read once per document
  let focus: string | null | undefined;
  const focusIso2 = () => (focus === undefined ? (focus = focusOf(doc)) : focus);
  let locator: ReturnType<typeof eventLocator> | undefined;
  return {
    locate: (d, anchor) => {
      const m = (locator ??= eventLocator(d, d.mentions.places))(anchor);
      return m ? toLocationField(narrowed(d, m, anchor)) : null;
    },
    toLocation: toLocationField,
    locatePlace: (d, place, others) => {
      const m = eventLocation(d, d.mentions.places.filter((p) => p === place || !others.includes(p)), place);
      // the reading of this item (an offset from it ends where it ends), else the item as resolved
      return toLocationField(m && m.end === place.end && m.sentence === place.sentence ? m : place);
    },
    genericActor: (kind: GenericKind, location: LocationField | null, date: string | null) => {
      if (kind === 'unidentified-military') {
        const u = unidentifiedMilitary(res.codebook);
        return { name: u.name, inter: u.inter, text: u.name };
      }
      const iso2 = location?.iso3 ? countryCode(res.gazetteer, location.iso3) : focusIso2();
      const actor = iso2 ? actorForCountry(res.codebook, iso2, kind, date) : null;
      return actor ? { name: actor.name, inter: actor.inter, text: actor.name } : null;
    },
    country: (location) => {
      if (location?.iso3) return location.iso3;
      const iso2 = focusIso2();
      return iso2 ? res.gazetteer.countries().get(iso2)?.iso3 ?? null : null;
    },
  };
}

/**
 * "An offensive in Aleppo province, cutting the road between Marea and Azaz":
 * a region named beside towns inside it locates the event at the first such
 * town after the trigger, which is where the reporter puts it.
 */
function narrowed(doc: Doc, m: PlaceMention, anchor: { sentence: number; end: number }): PlaceMention {
  const region = m.resolved;
  if (!region || region.geoPrecision !== 3 || m.sentence !== anchor.sentence) return m;
  const inside = doc.mentions.places.filter((p) => p.sentence === m.sentence && p !== m && (p.use ?? 'place') === 'place' &&
    p.resolved?.geoPrecision === 1 && p.resolved.iso2 === region.iso2 && (region.featureCode.startsWith('PCL') || p.resolved.admin1 === region.admin1));
  return inside.find((p) => p.start >= anchor.end) ?? inside[0] ?? m;
}

/** The country the document's places (else its actors) are mostly in, when the event's place does not say. */
function focusOf(doc: Doc): string | null {
  const counts = new Map<string, number>();
  for (const p of doc.mentions.places) {
    const iso2 = p.resolved?.iso2;
    if (iso2 && (p.use ?? 'place') === 'place') counts.set(iso2, (counts.get(iso2) ?? 0) + 1);
  }
  if (counts.size === 0) for (const a of doc.mentions.actors) if (a.country) counts.set(a.country, (counts.get(a.country) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** CPU milliseconds spent in each stage, summed over the documents coded (see `extract`). */
export type StageTimes = Record<string, number>;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface ExtractOptions {
  /**
   * false: code every document whole, even one with no word that can start a
   * record (its sentences and mentions are then found too). The gate's test
   * runs both ways to prove the gate drops no record.
   */
  gate?: boolean;
  /**
   * CPU milliseconds so far, read between stages when `times` is given. The
   * default, process.cpuUsage, counts all the process's threads, so a stage
   * also pays for V8's garbage collection and compiling done beside it for
   * earlier stages; bench:speed passes a clock of the main thread alone.
   */
  clock?: () => number;
  /**
   * true: find the times, quantities and sources of every sentence in their
   * stages, not only those a record reads. Ingest stores every mention for
   * the source view.
   */
  allMentions?: boolean;
}

const emptyResult = (doc: Doc, warnings: string[]): ExtractResult => ({ document_id: doc.id, events: [], displacement: [], control: [], warnings });

/**
 * Codes one document: the annotated Doc and its event, displacement and control records.
 * Given `times`, adds each stage's CPU time to it (what bench:speed reports per stage).
 * A document in another language, or with no word that can start a record
 * (`res.gate`), is not split into sentences and gets no mentions; one whose
 * sentences hold no record stops early (see `stopped`): `doc.skipped` says which.
 * @example extract({id: 'seed', text, published: '2016-05-29'}, res).result.events.length // 3
 */
export function extract(input: DocumentInput, res: Resources, times?: StageTimes, opts: ExtractOptions = {}): { doc: Doc; result: ExtractResult } {
  // one clock reading between two stages, not two around each: a reading costs a system call (5–50 µs)
  const clock = opts.clock ?? cpuMs;
  let last = times ? clock() : 0;
  const stage = <T>(name: string, run: () => T): T => {
    if (!times) return run();
    const out = run();
    const now = clock();
    times[name] = (times[name] ?? 0) + now - last;
    last = now;
    return out;
  };
  const read = stage('text', () => readText(input));
  const doc = read.doc;
  const warnings: string[] = [];
  // "2020-13-45" or "9-May-20": relative dates cannot be resolved against it, so they stay unresolved, as with no time at all
  if (doc.published && !parsePublished(doc.published)) {
    warnings.push(`published "${doc.published}" is not a valid ISO date: relative dates are left unresolved`);
    doc.published = null;
  }
  if (doc.language !== 'en' && doc.language !== 'und') {
    doc.skipped = 'language';
    return { doc, result: emptyResult(doc, [...warnings, `language "${doc.language}" is not English: not coded`]) };
  }
  if (opts.gate !== false && !stage('gate', () => res.gate.test(doc.text))) {
    doc.skipped = 'no-record-cue';
    return { doc, result: emptyResult(doc, warnings) };
  }
  stage('text', () => segmentDoc(read));
  const gate = opts.gate !== false;
  const cues = stage('events', () => findCues(doc, res.lexicon));
  // no event and no displacement can start: only a control statement can, and it needs its wording, then a place and an actor in the same sentence
  // (the quantities are found a sentence at a time, when asked: a displacement record needs people named or counted)
  const quantities = quantitiesBySentence(doc);
  const controlOnly = gate && !stage('derive', () => mayReport(doc, cues) || doc.sentences.some((s) => mayDisplace(s, quantities)));
  if (controlOnly) {
    const worded = stage('derive', () => new Set(doc.sentences.filter((s) => mayStateControl(s.text)).map((s) => s.index)));
    if (!stage('places', () => namesPlace(doc, res.gazetteer, worded))) return stopped(doc, warnings);
  }
  doc.mentions.places = stage('places', () => geoparse(doc, res.gazetteer));
  doc.mentions.actors = stage('actors', () => findActors(doc, res.codebook));
  const statements = controlOnly ? stage('derive', () => findControlStatements(doc)) : null;
  if (statements && !statements.some((st) => st.place)) return stopped(doc, warnings);
  const found = <T extends MentionBase>(m: SentenceMentions<T>) => {
    if (opts.allMentions) m.all();
    return m;
  };
  doc.mentions.times = stage('times', () => found(timesBySentence(doc)));
  doc.mentions.quantities = stage('quantities', () => found(quantities));
  doc.mentions.sources = stage('sources', () => found(sourcesBySentence(doc)));
  const events = stage('events', () => codeEvents(doc, res.lexicon, hooksFor(doc, res), cues));
  const result = stage('derive', () => ({
    document_id: doc.id, events, displacement: findDisplacement(doc, events), control: findControl(doc, events, statements ?? undefined), warnings,
  }));
  return { doc, result };
}

/**
 * A document whose sentences, once split, hold no record: no live event cue,
 * no displacement cue, and no control statement that names a place. Its
 * mentions stop where the pipeline stopped (places and actors, when a
 * control wording made them worth finding).
 */
function stopped(doc: Doc, warnings: string[]): { doc: Doc; result: ExtractResult } {
  doc.skipped = 'no-record';
  return { doc, result: emptyResult(doc, warnings) };
}
