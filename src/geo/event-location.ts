/**
 * The place where an event happened, among the places of its sentence:
 * a locative place near the trigger wins; a flow's origin or destination
 * ("fled from X to Y"), a source's base ("a monitor based in London"), the
 * reference point of an offset ("X, 20 km northeast of Y"), actors,
 * adjectives and modifiers ("a USA -backed alliance") lose. With no place
 * in the sentence, the nearest earlier sentence, then the dateline, then the
 * country in focus stand in (and the reason says so).
 */
import type { Doc } from '../text/types.ts';
import type { Place, PlaceMention } from '../mentions/types.ts';
import { loadCues } from './cues.ts';
import { offsetBefore, offsetPlace, wordsAfter, wordsBefore } from './spatial.ts';
import { containerReadings, fitsAny, pointOfPlace, statedContainers, verdictOf, type Container } from './containers.ts';
import { sortDescending } from './lists.ts';

export interface Anchor {
  sentence: number;
  start: number;
  end: number;
}

const POSITION_WORDS = new Set(['located', 'stationed', 'positioned', 'deployed']);

function sentenceScore(doc: Doc, m: PlaceMention, anchor: Anchor, containsAnother: boolean): number {
  const cues = loadCues();
  const use = m.use ?? 'place';
  if (use === 'actor' || use === 'in-name') return -Infinity;
  let s = 1;
  const before = wordsBefore(doc, m.start, 2);
  const prev = before[before.length - 1] ?? '';
  const prev2 = before.length === 2 ? before[0] : '';
  const next = wordsAfter(doc, m.end, 2);
  if (cues.eventLocative.has(prev) || cues.targetVerbs.has(prev)) s += 0.6;
  if ((prev === 'in' || prev === 'of') && containedAfterPlace(doc, m)) s -= 0.5;
  // "Jarablus in Aleppo", "Mora village (Surat, Gujarat)": the most specific place of the clause is the event's
  if (containsAnother) s -= 0.8;
  // "forces located at Goyarkh fired on positions near Shikharkh": the shooters' position is not where the fire landed
  if (POSITION_WORDS.has(prev2) && m.end <= anchor.start && anchorFires(doc, anchor)) s -= 1;
  if (cues.sourceBefore.has(prev2) || cues.sourceBefore.has(prev) || /^-?based$/.test(next[0] ?? '') || doc.text.slice(m.end, m.end + 7) === '-based') s -= 2;
  const sentence = doc.sentences[m.sentence]?.text.toLowerCase() ?? '';
  const flow = cues.flowFromWord.test(sentence);
  if (flow && (prev === 'from' || prev === 'to' || prev === 'toward' || prev === 'towards' || prev === 'into')) s -= 1.2;
  if (prev === 'of' && cues.bearings[prev2] !== undefined && !offsetBefore(doc.text, m.start)) s -= 0.3;
  if (offsetBefore(doc.text, m.start) && referentBefore(doc, m)) s -= 1.5;
  if (use === 'adjective' || modifier(doc, m)) s -= 1.2;
  const code = m.resolved?.featureCode ?? '';
  if (code === 'PCLI') s -= 0.6;
  else if (code === 'ADM1') s -= 0.3;
  else if (m.resolved) s += 0.2;
  const distance = m.start >= anchor.end ? m.start - anchor.end : anchor.start - m.end;
  s -= Math.min(0.8, Math.max(0, distance) / 150);
  return s;
}

/** The trigger is fire sent somewhere ("fired", "shelled", "launched"). */
function anchorFires(doc: Doc, anchor: Anchor): boolean {
  return /^(fir|shell|launch|target|struck|hit|bomb|strik)/i.test(doc.text.slice(anchor.start, anchor.end));
}

/** "a USA -backed alliance", "the Saudi-led coalition": the name qualifies an actor. */
function modifier(doc: Doc, m: PlaceMention): boolean {
  const hyphened = /^ ?[-‐–] ?(\p{L}+)/u.exec(doc.text.slice(m.end, m.end + 20));
  return !!hyphened && loadCues().modifierAfter.has(hyphened[1].toLowerCase());
}

/** "Marea in Aleppo province", "Idlib, Syria": the mention names the container of the place before it. */
function containedAfterPlace(doc: Doc, m: PlaceMention): boolean {
  return /[\p{Lu}][\p{L}'’-]*\s*(?:,|\bin|\bof)\s*(?:the\s+)?$/u.test(doc.text.slice(Math.max(0, m.start - 40), m.start)) && m.resolved?.featureCode !== undefined && /^(PCLI|ADM)/.test(m.resolved.featureCode);
}

/** "X, 20 km northeast of Y": the offset's reference Y has a named place X right before it. */
function referentBefore(doc: Doc, m: PlaceMention): boolean {
  const o = offsetBefore(doc.text, m.start);
  if (!o) return false;
  return /[\p{Lu}][\p{L}'’-]+\s*,\s*(?:some\s+|about\s+|around\s+)?$/u.test(doc.text.slice(Math.max(0, o.start - 40), o.start));
}

function withOffset(doc: Doc, m: PlaceMention): PlaceMention {
  const o = offsetBefore(doc.text, m.start);
  if (!o || !m.resolved || referentBefore(doc, m)) return m;
  return {
    ...m,
    start: o.start,
    text: doc.text.slice(o.start, m.end),
    resolved: offsetPlace(m.resolved, o),
    via: 'offset',
    reason: `${m.reason}; offset ${o.km} km ${o.bearingWord} of it`,
  };
}

/** Not a capital, a first-level area or a city of 200,000: a name a namesake may well bear. */
function weak(m: PlaceMention): boolean {
  const p = m.resolved;
  return !p || (!/^(PPLC|ADM1|PCLI)$/.test(p.featureCode) && p.population < 200_000);
}

/** a container read as a place this small, in the same country, is more likely the misread one */
const HAMLET = 2000;
const RANK = ['PPL', 'PPLA4', 'PPLA3', 'ADM3', 'ADM2', 'PPLA2', 'PPLA', 'PPLC', 'ADM1', 'PCLI'];

/** How much a place is a place of standing: its kind first, then its size. */
function standing(p: Place): number {
  return RANK.indexOf(p.featureCode) * 10 + Math.log10(1 + p.population);
}

/**
 * "Gunmen attacked a patrol in Camargo community" in a report framed "in
 * Celaya, Guanajuato": a pick outside the container the text states is a
 * namesake; another candidate inside it, else the container itself, stands for the place.
 */
function withinContainer(m: PlaceMention, places: PlaceMention[], containers: Container[]): PlaceMention {
  const known = containers.map((c) => ({ c, p: places[c.index] })).filter(({ p }) => p.resolved && p.use !== 'actor' && p.use !== 'in-name' && p.text.toLowerCase() !== m.text.toLowerCase());
  if (known.length === 0 || !weak(m)) return m;
  const readings = known.map(({ c, p }) => ({ frame: c.frame, points: containerReadings(p.resolved!, p.candidates.map((o) => o.place), pointOfPlace) }));
  const verdict = (p: Place, fuzzy: boolean) => verdictOf(readings.map((rs) => fitsAny(pointOfPlace(p), rs.points, fuzzy, rs.frame)));
  if (m.resolved && verdict(m.resolved, (m.candidates[0]?.features.nameMatch ?? 0) < 0) !== -1) return m;
  const inside = m.candidates.find((c) => verdict(c.place, (c.features.nameMatch ?? 0) < 0) === 1);
  if (inside) return { ...m, resolved: inside.place, reason: `${m.reason}; ${inside.place.name} lies inside the stated ${known[0].p.text}` };
  const outer = known[0].p;
  // "Castanos, Coahuila" read as a hamlet called Coahuila: a container weaker than the place it holds is the misread one
  const held = outer.resolved!;
  if (m.resolved && held.iso2 === m.resolved.iso2 && held.featureCode === 'PPL' && held.population < HAMLET && standing(held) < standing(m.resolved)) return m;
  return { ...m, resolved: outer.resolved!.geoPrecision === 1 ? { ...outer.resolved!, geoPrecision: 2 } : outer.resolved, reason: `${m.reason}; no ${m.text} inside the stated ${outer.text}: the container stands for it` };
}

/**
 * The place where the event anchored at `anchor` (its trigger span) happened.
 * @example eventLocation(doc, places, {sentence: 2, start: 310, end: 318})?.resolved?.name // 'Mari`'
 */
export function eventLocation(doc: Doc, places: PlaceMention[], anchor: Anchor): PlaceMention | null {
  return eventLocator(doc, places)(anchor);
}

/**
 * eventLocation for many events of one document: the containers its text
 * states for its places ("Kabuta (Al Mansura, Aden)") are read once.
 * @example const locate = eventLocator(doc, doc.mentions.places); locate(trigger)
 */
export function eventLocator(doc: Doc, places: PlaceMention[]): (anchor: Anchor) => PlaceMention | null {
  const containers = statedContainers(doc.text, places, doc.sentences.map((s) => s.start));
  const isContainer = new Set(containers.flatMap((ks, i) => ((places[i].use ?? 'place') === 'place' ? ks.filter((k) => places[k.index].sentence === places[i].sentence).map((k) => k.index) : [])));
  return (anchor) => locate(doc, places, anchor, containers, isContainer);
}

function locate(doc: Doc, places: PlaceMention[], anchor: Anchor, containers: Container[][], isContainer: Set<number>): PlaceMention | null {
  for (let back = 0; back <= 2; back++) {
    const here = places.map((p, i) => ({ p, i })).filter(({ p }) => p.sentence === anchor.sentence - back);
    const scored = here.map(({ p, i }) => ({ p, i, s: sentenceScore(doc, p, anchor, isContainer.has(i)) - back * 0.5 })).filter((x) => x.s > 0);
    sortDescending(scored, (x) => x.s);
    const best = scored.find((x) => (x.p.use ?? 'place') === 'place') ?? scored[0];
    if (best) {
      const chosen = withOffset(doc, withinContainer(best.p, places, containers[best.i]));
      return back === 0 ? chosen : { ...chosen, reason: `${chosen.reason}; taken from an earlier sentence (none in the event's own)` };
    }
  }
  const dateline = places.find((p) => p.sentence <= 1 && p.start - (doc.sentences[p.sentence]?.start ?? 0) < 3 && (p.use ?? 'place') === 'place' && p.resolved);
  if (dateline) return { ...dateline, reason: `${dateline.reason}; dateline place (the event's sentence names none)` };
  const country = places.find((p) => p.resolved?.featureCode === 'PCLI' && (p.use ?? 'place') !== 'in-name');
  if (country) return { ...country, reason: `${country.reason}; country in focus only (no place named near the event)` };
  return null;
}
