/**
 * Toponym recognition without a model: runs of capitalised tokens (with
 * name particles such as al-, de, of and hyphens inside) are matched against
 * the gazetteer, longest first; capitalisation, the gazetteer's English
 * words and the words around a match decide whether it is a place, an actor
 * ("Turkey's military"), part of an organisation's name, or nothing (a
 * person, a common word at the start of a sentence).
 */
import type { Doc, Token } from '../text/types.ts';
import type { Gazetteer, GazEntry } from './gazetteer.ts';
import { loadCues, type Cues } from './cues.ts';
import { nameKey, skeleton } from './normalize.ts';
import { closeMatches } from './candidates.ts';
import { chunks, isShouting, isUpperInitial, lower, personSurnames, upperInitials, withoutFinalDot } from './runs.ts';

/** How a toponym is used where it stands. */
export type PlaceUse = 'place' | 'actor' | 'adjective' | 'in-name';

export interface Recognized {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** token indices [first, last] in doc.tokens */
  first: number;
  last: number;
  key: string;
  candidates: GazEntry[];
  via: 'name' | 'demonym' | 'alias';
  use: PlaceUse;
  /** iso2 of the country a demonym points to (null for regions and non-demonyms) */
  demonymOf: string | null;
  /** word after the name that says what kind of place it is ("province", "city") */
  areaWord: string | null;
  /** preceded by a locative word ("in", "near", "north of") */
  locative: boolean;
  /** the candidates match only part of the name ("Marigny" of "Faubourg Marigny") */
  partial?: boolean;
}

const MAX_SPAN_TOKENS = 6;
// made once: a regex literal in a function is a new object at each call, and the first call of one deoptimises its caller
const SUB_AREA_WORD = /county|district|parish|municipality|division/;
const COUNTRY_OR_REGION = /^(PCLI|ADM1|CONT|RGN)$/;
const COUNTRY_OR_CONTINENT = /^(PCLI|CONT|RGN)$/;
const STATE_LIKE = /^(PCLI|PCLD|RGN|ADM1)$/;
const ACRONYM = /^\p{Lu}{2,3}$/u;
const POSSESSIVE = /^['’]s$/;
const ARTICLE_WORD = /^(the|a|an)$/i;
const PLURAL = /s$/;
const SINGULAR_S = /(ese|ss|is|ois)$/;
const OPENING_MARK = /^["“‘'(\[]$/;
const ABBREVIATED_WORD = /^\p{Lu}\p{Ll}+\.$/u;

/** doc.tokens[i], or undefined outside the list (checked first: a read past either end deoptimises the caller) */
function tokenAt(doc: Doc, i: number): Token | undefined {
  return i >= 0 && i < doc.tokens.length ? doc.tokens[i] : undefined;
}
/**
 * Finds toponym mentions in the document's sentences, or in `only` those.
 * A sentence is read on its own but for the document's person surnames, so
 * the mentions of `only` are those of the whole document in them.
 * @example recognize(makeDoc({id: 'd', text: 'Shelling hit Aleppo province.'}), gaz)[0].text // 'Aleppo'
 */
export function recognize(doc: Doc, gaz: Gazetteer, only?: ReadonlySet<number>): Recognized[] {
  const cues = loadCues();
  const out: Recognized[] = [];
  const caps = upperInitials(doc.tokens);
  const surnames = personSurnames(doc, gaz, cues, caps);
  for (const [sentence, toks] of tokensBySentence(doc.tokens)) {
    if (only && !only.has(sentence)) continue;
    const shouting = isShouting(toks, caps);
    for (const run of chunks(doc, toks, cues, caps)) {
      const before = out.length;
      // a short run is tried whole first, as a known name and then as an unknown one; neither is tried again below
      const triedWhole = run.length > 1 && run.length <= 4 && !shouting;
      if (triedWhole) {
        const whole = match(doc, gaz, cues, run, 0, run.length, sentence, shouting, false, surnames) ?? match(doc, gaz, cues, run, 0, run.length, sentence, shouting, true, surnames);
        if (whole) {
          out.push(whole);
          continue;
        }
      }
      let a = 0;
      while (a < run.length) {
        let found: Recognized | null = null;
        for (let b = Math.min(run.length, a + MAX_SPAN_TOKENS); b > a && !found; b--) {
          if (!caps[run[b - 1].index] || (triedWhole && a === 0 && b === run.length)) continue;
          found = match(doc, gaz, cues, run, a, b, sentence, shouting, false, surnames);
        }
        if (found) {
          out.push(found);
          // (a loop: a closure over found would allocate a context at every step of this one)
          while (run[a].index !== found.last) a++;
          a++;
        } else a++;
      }
      if (out.length === before && !shouting && run.length === 1) {
        const unknown = match(doc, gaz, cues, run, 0, run.length, sentence, shouting, true, surnames);
        if (unknown) out.push(unknown);
      }
    }
  }
  return out;
}

/**
 * Each sentence's tokens, sentences in the order they first appear. Tokens come
 * in text order, a sentence's together: cut where the sentence changes rather
 * than filling a map token by token (which stays for tokens out of that order).
 */
function tokensBySentence(tokens: Token[]): Iterable<[number, Token[]]> {
  const runs: [number, Token[]][] = [];
  for (let i = 0; i < tokens.length; ) {
    const sentence = tokens[i].sentence;
    if (runs.length > 0 && sentence <= runs[runs.length - 1][0]) return groupedBySentence(tokens);
    let j = i + 1;
    while (j < tokens.length && tokens[j].sentence === sentence) j++;
    runs.push([sentence, tokens.slice(i, j)]);
    i = j;
  }
  return runs;
}

function groupedBySentence(tokens: Token[]): Map<number, Token[]> {
  const bySentence = new Map<number, Token[]>();
  for (const t of tokens) {
    const list = bySentence.get(t.sentence) ?? [];
    list.push(t);
    bySentence.set(t.sentence, list);
  }
  return bySentence;
}

/** A county or district is neither a country nor a first-level area. */
function subAreas(candidates: GazEntry[], areaWord: string): GazEntry[] {
  return SUB_AREA_WORD.test(areaWord) ? candidates.filter((c) => !COUNTRY_OR_REGION.test(c.fcode)) : candidates;
}

/** Countries, first-level areas, continents and big cities: names a writer capitalises even where a common word could stand. */
function isProminent(candidates: GazEntry[]): boolean {
  return candidates.some((c) => (COUNTRY_OR_CONTINENT.test(c.fcode) && c.kind !== 1) || (c.fcode === 'ADM1' && c.kind === 0 && c.population > 0) || c.kind === 2 || c.population >= 1_000_000);
}

/** Whether a single capitalised word is a toponym here rather than a common word or a person. */
function singleWordIsPlace(gaz: Gazetteer, cues: Cues, run: Token[], a: number, ctx: { candidates: GazEntry[]; before?: Token; areaWord: string | null; locative: boolean; sentenceStart: boolean; shouting: boolean }): boolean {
  const tok = run[a];
  const { candidates, before, areaWord, locative } = ctx;
  if (tok.text.length < 2 || (tok.text.length === 2 && tok.text !== tok.text.toUpperCase())) return false;
  if (ACRONYM.test(tok.text) && !candidates.some((c) => COUNTRY_OR_CONTINENT.test(c.fcode) && c.kind !== 1)) return false;
  const cls = gaz.wordClass(tok.text);
  // an English word is a prominent place by a place's own name or an alias, not by an alternate name or a spelling ("Man" of Amman)
  const prominent = isProminent(cls === 'common' ? candidates.filter((c) => c.kind === 0 || c.kind === 2) : candidates);
  if (cls === 'common') {
    if (run.length > 1 && !prominent) return false;
    if (ctx.sentenceStart || ctx.shouting) return prominent || !!areaWord;
    return locative || !!areaWord || prominent || candidates.some((c) => c.population >= 100_000);
  }
  if (cls === 'person') {
    const next = run[a + 1];
    if (next && isUpperInitial(next) && next.text !== '-' && !areaWord) return false;
    const titled = cues.personTitles.has(withoutFinalDot(lower(before))) || (a > 0 && isUpperInitial(run[a - 1]));
    if (titled && !locative) return false;
    return prominent || locative || !!areaWord || candidates.some((c) => c.population >= 100_000);
  }
  return true;
}

/** How the toponym is used: an actor ("Turkey's military", "Moscow said"), part of a name ("the Washington Post"), an adjective, or a place. */
const FORCES_OF = new Set(['forces', 'military', 'army', 'troops', 'government', 'regime', 'authorities', 'navy']);

function useOf(cues: Cues, run: Token[], b: number, ctx: { demonym: boolean; candidates: GazEntry[]; before?: Token; before2?: Token; after?: Token; after2?: Token; locative: boolean }): PlaceUse {
  const { after, after2 } = ctx;
  const next = run[b];
  if (next && isUpperInitial(next) && cues.orgWordsAfter.has(lower(next))) return 'in-name';
  if (ctx.demonym) return 'adjective';
  if (after && POSSESSIVE.test(after.text) && cues.actorAfterPossessive.has(lower(after2))) return 'actor';
  if (after && cues.actorVerbsAfter.has(lower(after)) && ctx.candidates.some((c) => c.fcode === 'PCLI' || c.fcode === 'PPLC') && !ctx.locative) return 'actor';
  // "the military forces of Artsakh", "the government of Yemen": a country or region standing for its state
  if (lower(ctx.before) === 'of' && FORCES_OF.has(lower(ctx.before2)) && (ctx.candidates.length === 0 || ctx.candidates.some((c) => STATE_LIKE.test(c.fcode)))) return 'actor';
  return 'place';
}

/** A toponym at run[a..b), or null; `unknown` accepts a name the gazetteer lacks when the context says it is a place. */
function match(doc: Doc, gaz: Gazetteer, cues: Cues, run: Token[], a: number, b: number, sentence: number, shouting: boolean, unknown: boolean, surnames: Set<string>): Recognized | null {
  const first = run[a];
  const last = run[b - 1];
  const single = b - a === 1;
  // a token's text is its slice of doc.text already: no new string to hash
  const text = single ? first.text : doc.text.slice(first.start, last.end);
  const key = gaz.key(text);
  if (key.length < 2 || cues.notPlaces.has(key) || (first.text.length <= 3 && ARTICLE_WORD.test(first.text))) return null;
  // "Colonia" of "Colonia Agua Blanca", "Vila" of "Vila Olavo Costa": the opening word of a neighbourhood's name
  if (b < run.length && cues.subPlacePrefixes.has(lower(last))) return null;
  const demonym = single && !unknown ? gaz.demonym(key) : null;
  if (demonym && PLURAL.test(key) && !SINGULAR_S.test(key)) return null;
  let candidates: GazEntry[] = demonym ? [demonym] : unknown ? [] : gaz.byKey(key);
  const lastWord = single ? '' : lower(last);
  const ownAreaWord = !single && cues.adminAfter.has(lastWord) ? lastWord : null;
  // most spans tried name nothing: settled before the words around them are read
  if (candidates.length === 0 && !unknown && !ownAreaWord) return null;
  const skel = unknown && !single ? skeleton(key) : '';
  if (skel.length >= 5) candidates = closeMatches(gaz.bySkeletonAnywhere(skel), key, 0.7);
  const before = tokenAt(doc, first.index - 1);
  const before2 = tokenAt(doc, first.index - 2);
  const after = tokenAt(doc, last.index + 1);
  const after2 = tokenAt(doc, last.index + 2);
  const sentenceStart = !before || before.sentence !== sentence || OPENING_MARK.test(before.text);
  const afterWord = lower(after);
  let areaWord = after && cues.areaAfter.has(afterWord) ? afterWord : null;
  const stem = ownAreaWord ? doc.text.slice(first.start, run[b - 2].end) : '';
  if (candidates.length === 0 && ownAreaWord && !unknown && (b - a > 2 || gaz.wordClass(stem) === null || ownAreaWord === 'county' || ownAreaWord === 'parish')) {
    // "Orange County", "Idlib Governorate": the name without its kind of area
    candidates = subAreas(gaz.byKey(gaz.key(stem)), ownAreaWord);
    areaWord = ownAreaWord;
  }
  const beforeWord = lower(before);
  const locative = !!before && (cues.locativeBefore.has(beforeWord) || (beforeWord === 'of' && cues.bearings[lower(before2)] !== undefined));
  if (candidates.length === 0 && !(unknown && unknownNameInContext(gaz, run, areaWord, locative))) return null;
  if (single && !demonym && !singleWordIsPlace(gaz, cues, run, a, { candidates, before, areaWord, locative, sentenceStart, shouting })) return null;
  if (single && !demonym && !isProminent(candidates) && (surnames.has(first.text) || (after && cues.personVerbsAfter.has(afterWord) && !locative))) return null;
  const use = useOf(cues, run, b, { demonym: !!demonym, candidates, before, before2, after, after2, locative });
  const via = demonym ? 'demonym' : candidates.length > 0 && candidates.every((c) => c.kind === 2) ? 'alias' : 'name';
  return { start: first.start, end: last.end, text, sentence, first: first.index, last: last.index, key, candidates, via, use, demonymOf: demonym ? demonym.cc || null : null, areaWord, locative };
}

/**
 * A capitalised name the gazetteer lacks still counts as a toponym where the
 * context says so ("near Kafr Kalbein", "Tal Rifaat countryside"); it is
 * resolved later through transliteration skeletons, or kept unresolved. None
 * of its words may be English or a first name, and a lone abbreviated word
 * ("Pct.", "Gov.") is none either: initials ("U.S.") may be.
 */
function unknownNameInContext(gaz: Gazetteer, run: Token[], areaWord: string | null, locative: boolean): boolean {
  if (!areaWord && !locative) return false;
  if (run.length === 1 && ABBREVIATED_WORD.test(run[0].text)) return false;
  return !run.some((t) => isUpperInitial(t) && gaz.wordClass(t.text) !== null);
}

/**
 * A mention for a span chosen elsewhere (gold spans in benchmarks, a name
 * typed by a user): the whole text, else its longest known part, stands for
 * the place.
 */
export function recognizeSpan(doc: Doc, gaz: Gazetteer, start: number, end: number): Recognized {
  const cues = loadCues();
  const toks = doc.tokens.filter((t) => t.end > start && t.start < end);
  const text = doc.text.slice(start, end);
  const key = nameKey(text);
  const demonym = gaz.demonym(key) ?? (key.endsWith('s') ? gaz.demonym(key.slice(0, -1)) : null);
  let candidates: GazEntry[] = demonym ? [demonym] : gaz.byKey(key);
  if (candidates.length === 0 && skeleton(key).length >= 5) candidates = closeMatches(gaz.bySkeletonAnywhere(skeleton(key)), key, 0.7);
  const ownAreaWord = toks.length > 1 && cues.adminAfter.has(lower(toks[toks.length - 1])) ? lower(toks[toks.length - 1]) : null;
  if (candidates.length === 0 && ownAreaWord) candidates = subAreas(gaz.byKey(gaz.key(doc.text.slice(start, toks[toks.length - 2].end))), ownAreaWord);
  const whole = candidates.length > 0;
  for (let n = toks.length - 1; n >= 1 && candidates.length === 0; n--) {
    for (let i = 0; i + n <= toks.length && candidates.length === 0; i++) {
      const part = doc.text.slice(toks[i].start, toks[i + n - 1].end);
      const k = nameKey(part);
      if (k.length < 3 || cues.notPlaces.has(k) || (n === 1 && gaz.wordClass(part) !== null) || gaz.wordClass(toks[i + n - 1].text) === 'common') continue;
      candidates = gaz.byKey(k);
    }
  }
  const first = toks[0]?.index ?? -1;
  const last = toks[toks.length - 1]?.index ?? -1;
  const before = doc.tokens[first - 1];
  const after = doc.tokens[last + 1];
  return {
    start,
    end,
    text,
    sentence: toks[0]?.sentence ?? 0,
    first,
    last,
    key,
    candidates,
    via: demonym ? 'demonym' : 'name',
    use: demonym ? 'adjective' : 'place',
    demonymOf: demonym ? demonym.cc || null : null,
    areaWord: ownAreaWord ?? (after && cues.areaAfter.has(lower(after)) ? lower(after) : null),
    locative: !!before && cues.locativeBefore.has(lower(before)),
    partial: !whole && !ownAreaWord && candidates.length > 0,
  };
}
