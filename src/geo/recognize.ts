/**
 * Toponym recognition without a model: runs of capitalised tokens (with
 * name particles such as al-, de, of and hyphens inside) are matched against
 * the gazetteer, longest first; capitalisation, part of speech and the words
 * around a match decide whether it is a place, an actor ("Turkey's
 * military"), part of an organisation's name, or nothing (a person, a
 * common word at the start of a sentence).
 */
import type { Doc, Token } from '../text/types.ts';
import type { Gazetteer, GazEntry } from './gazetteer.ts';
import { loadCues, type Cues } from './cues.ts';
import { nameKey, similarity, skeleton } from './normalize.ts';

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
  /** iso2 a demonym points to */
  demonymOf: string | null;
  /** word after the name that says what kind of place it is ("province", "city") */
  areaWord: string | null;
  /** preceded by a locative word ("in", "near", "north of") */
  locative: boolean;
}

const MAX_SPAN_TOKENS = 6;
const MAX_CHUNK_TOKENS = 40;

function isUpperInitial(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text);
}

function gap(doc: Doc, a: Token, b: Token): string {
  return doc.text.slice(a.end, b.start);
}

/** Token runs that can hold a name: capitalised words joined by spaces, hyphens and particles. */
function chunks(doc: Doc, toks: Token[], cues: Cues): Token[][] {
  const out: Token[][] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    const articleStart = cues.particles.has(t.text.toLowerCase()) && toks[i + 1]?.text === '-' && toks[i + 2] && isUpperInitial(toks[i + 2]);
    if (!isUpperInitial(t) && !articleStart) {
      i++;
      continue;
    }
    const run = [t];
    let j = i + 1;
    while (j < toks.length && run.length < MAX_CHUNK_TOKENS) {
      const prev = run[run.length - 1];
      const next = toks[j];
      const g = gap(doc, prev, next);
      if (g !== '' && g !== ' ') break;
      if (isUpperInitial(next) && next.pos !== 'PUNCT') run.push(next);
      else if (/^[-‐]$/.test(next.text) && g === '' && toks[j + 1] && gap(doc, next, toks[j + 1]) === '') run.push(next);
      else if (cues.particles.has(next.text.toLowerCase()) && next.text === next.text.toLowerCase() && toks[j + 1] && (isUpperInitial(toks[j + 1]) || toks[j + 1].text === '-')) run.push(next);
      else break;
      j++;
    }
    while (run.length > 1 && !isUpperInitial(run[run.length - 1])) run.pop();
    out.push(run);
    i = i + Math.max(1, run.length);
  }
  return out;
}

function lower(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

/**
 * Finds toponym mentions in one sentence's tokens.
 * @example recognize(makeDoc({id: 'd', text: 'Shelling hit Aleppo province.'}), gaz)[0].text // 'Aleppo'
 */
export function recognize(doc: Doc, gaz: Gazetteer): Recognized[] {
  const cues = loadCues();
  const out: Recognized[] = [];
  const bySentence = new Map<number, Token[]>();
  for (const t of doc.tokens) {
    const list = bySentence.get(t.sentence) ?? [];
    list.push(t);
    bySentence.set(t.sentence, list);
  }
  for (const [sentence, toks] of bySentence) {
    const letters = toks.map((t) => t.text).join('').replace(/[^\p{L}]/gu, '');
    const shouting = letters.length > 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.8;
    for (const run of chunks(doc, toks, cues)) {
      const before = out.length;
      if (run.length > 1 && run.length <= 4 && !shouting) {
        const whole = match(doc, gaz, cues, run, 0, run.length, sentence, shouting, false) ?? match(doc, gaz, cues, run, 0, run.length, sentence, shouting, true);
        if (whole) {
          out.push(whole);
          continue;
        }
      }
      let a = 0;
      while (a < run.length) {
        let found: Recognized | null = null;
        for (let b = Math.min(run.length, a + MAX_SPAN_TOKENS); b > a && !found; b--) {
          if (!isUpperInitial(run[b - 1])) continue;
          found = match(doc, gaz, cues, run, a, b, sentence, shouting, false);
        }
        if (found) {
          out.push(found);
          a = run.findIndex((t) => t.index === found.last) + 1;
        } else a++;
      }
      if (out.length === before && !shouting && run.length <= 4) {
        const unknown = match(doc, gaz, cues, run, 0, run.length, sentence, shouting, true);
        if (unknown) out.push(unknown);
      }
    }
  }
  return out;
}

/** A toponym at run[a..b), or null; `unknown` accepts a name the gazetteer lacks when the context says it is a place. */
function match(doc: Doc, gaz: Gazetteer, cues: Cues, run: Token[], a: number, b: number, sentence: number, shouting: boolean, unknown: boolean): Recognized | null {
  const first = run[a];
  const last = run[b - 1];
  const text = doc.text.slice(first.start, last.end);
  const key = nameKey(text);
  if (key.length < 2 || cues.notPlaces.has(key) || /^(the|a|an)$/i.test(first.text)) return null;
  const single = b - a === 1;
  const before = doc.tokens[first.index - 1];
  const before2 = doc.tokens[first.index - 2];
  const after = doc.tokens[last.index + 1];
  const after2 = doc.tokens[last.index + 2];
  const sentenceStart = !before || before.sentence !== sentence || /^["“‘'(\[]$/.test(before.text);
  const demonymOf = single ? gaz.demonym(key) : null;
  const country = demonymOf ? gaz.countryPlace(demonymOf) : null;
  let candidates: GazEntry[] = country ? [country] : demonymOf || unknown ? [] : gaz.byKey(key);
  if (unknown && b - a > 1 && skeleton(key).length >= 5) candidates = gaz.bySkeletonAnywhere(skeleton(key)).filter((c) => similarity(key, c.matched) >= 0.7);
  const areaWord = after && cues.areaAfter.has(lower(after)) ? lower(after) : null;
  const locative = !!before && (cues.locativeBefore.has(lower(before)) || (lower(before) === 'of' && cues.bearings[lower(before2)] !== undefined));
  if (candidates.length === 0 && !demonymOf && !(unknown && unknownNameInContext(gaz, cues, run, areaWord, locative))) return null;
  const big = !demonymOf && candidates.some((c) => c.fcode === 'PCLI' || c.fcode === 'ADM1' || c.population >= 100_000 || c.kind === 2);
  if (single) {
    const cls = gaz.wordClass(first.text);
    if (first.text.length < 2 || (first.text.length === 2 && first.text !== first.text.toUpperCase())) return null;
    if (/^\p{Lu}{2,3}$/u.test(first.text) && !candidates.some((c) => c.fcode === 'PCLI' && c.kind !== 1) && !demonymOf) return null;
    if (cls === 'common' && !demonymOf) {
      if (run.length > 1) return null;
      if (sentenceStart || shouting) {
        if (!areaWord && !(big && after?.text === ',')) return null;
      } else if (!locative && !areaWord && !big) return null;
    }
    if (cls === 'person' && !demonymOf) {
      const nextName = run[b] && isUpperInitial(run[b]) && run[b].text !== '-';
      const prevTitle = cues.personTitles.has(lower(before).replace(/\.$/, '')) || (run[a - 1] && isUpperInitial(run[a - 1]));
      if (nextName && !areaWord && gaz.wordClass(run[b].text) === 'person') return null;
      if (prevTitle && !locative) return null;
      if (!big && !locative && !areaWord) return null;
    }
    if (demonymOf && /s$/.test(key) && !/(ese|ss|is|ois)$/.test(key)) return null;
  }
  if (!single || !demonymOf) {
    // a known person name followed by a capitalised surname is a person ("Jordan Peterson")
    const nextTok = run[b];
    if (nextTok && isUpperInitial(nextTok) && gaz.wordClass(first.text) === 'person' && gaz.wordClass(nextTok.text) === 'person' && single) return null;
  }
  let use: PlaceUse = demonymOf ? 'adjective' : 'place';
  if (!demonymOf && after && /^['’]s$/.test(after.text) && cues.actorAfterPossessive.has(lower(after2))) use = 'actor';
  if (!demonymOf && after && cues.actorVerbsAfter.has(lower(after)) && candidates.some((c) => c.fcode === 'PCLI') && !locative) use = 'actor';
  if (run[b] && isUpperInitial(run[b]) && cues.orgWordsAfter.has(lower(run[b]))) use = 'in-name';
  if (before && /^the$/i.test(before.text) && run[b] && cues.orgWordsAfter.has(lower(run[b]))) use = 'in-name';
  const via = candidates.length > 0 && candidates.every((c) => c.kind === 2) ? 'alias' : demonymOf ? 'demonym' : 'name';
  return { start: first.start, end: last.end, text, sentence, first: first.index, last: last.index, key, candidates, via, use, demonymOf, areaWord, locative };
}

/**
 * A capitalised name the gazetteer lacks still counts as a toponym where the
 * context says so ("near Kafr Kalbein", "Tal Rifaat countryside"); it is
 * resolved later through transliteration skeletons, or kept unresolved.
 */
function unknownNameInContext(gaz: Gazetteer, cues: Cues, run: Token[], areaWord: string | null, locative: boolean): boolean {
  if (!areaWord && !locative) return false;
  if (run.some((t) => t.pos !== 'PROPN' && !/^[-‐]$/.test(t.text) && !cues.particles.has(t.text.toLowerCase()))) return false;
  return !run.some((t) => isUpperInitial(t) && gaz.wordClass(t.text) !== null);
}
