/**
 * The admin hierarchy a text states around its place names: "Kabuta (Al
 * Mansura, Aden)", "Mora village (Surat, Gujarat)", "the Chora district of
 * Urozgan", "Jarablus in Aleppo", "Hamirpur village near Rapar town", and the
 * frame a report opens with ("On 9 May, in Celaya, Guanajuato, gunmen
 * attacked a patrol in Camargo community"). A stated container narrows a
 * name to the namesake inside it, and stands in for a place the gazetteer
 * lacks.
 */
import type { GazEntry } from './gazetteer.ts';
import type { Place } from '../mentions/types.ts';
import { loadCues } from './cues.ts';
import { distanceKm } from './normalize.ts';
import { mapList } from './lists.ts';

export interface Span {
  start: number;
  end: number;
  sentence: number;
}

/** a place this far from a town or district seat named as its container is inside it */
const INSIDE_POINT_KM = 50;
/** a spelling-variant match must lie closer still: it is only a guess at the name */
const INSIDE_POINT_FUZZY_KM = 25;
/** beyond this a place is outside any district or province named as its container (admin1 names differ between sources) */
const OUTSIDE_KM = 150;
/** a neighbourhood of a city ("Tondo, Manila", "Kadikoy, Istanbul") lies this close to its centre */
const CITY_KM = 30;
const CITY_POPULATION = 500_000;

const ADMIN_AREA = /^ADM[12]$/;
const BEARING = '(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?';
const BEARING_OF = new RegExp(`^\\s*,?\\s*(?:just\\s+)?${BEARING}\\s+of\\s+(?:the\\s+)?$`, 'u');
const CONNECTOR = /^((?:\s+[\p{Ll}-]+){0,2})\s*(\(|,|(?:,\s*)?(?:\bin\b|\bof\b|\bnear\b|\bwithin\b))\s*(?:the\s+)?$/u;

/**
 * ",", "(", "in", "of", "near", "within", "south of", after up to two words
 * for a kind of place ("village", "sector area"); before "(", also the rest
 * of a name the gazetteer matched only in part ("Mashru Al Hadba (Tripoli)").
 */
function link(gap: string, kinds: Set<string>): 'comma' | 'strong' | null {
  if (BEARING_OF.test(gap)) return 'strong';
  // and a name the gazetteer lacks inside the parentheses: "Bani Siyah area (Raizh, Sadah)"
  const plain = gap.replace(/^((?:\s+(?:\p{Lu}[\p{L}'’-]*|al|el|de|del|la))+)(?=\s*\()/u, '').replace(/\(\s*(?:\p{Lu}[\p{L}'’-]*\s*){1,3},\s*$/u, '(');
  const m = CONNECTOR.exec(plain);
  if (!m) return null;
  const words = m[1].trim().split(/\s+/).filter(Boolean);
  if (!words.every((w) => kinds.has(w))) return null;
  return m[2] === ',' && words.length === 0 ? 'comma' : 'strong';
}

/** "X, Y and Z", "X, Y, Z": a list of peers, not a hierarchy. */
function listAround(text: string, spans: Span[], i: number, j: number): boolean {
  const before = i > 0 && spans[i - 1].sentence === spans[i].sentence && /^\s*,\s*$/.test(text.slice(spans[i - 1].end, spans[i].start));
  const after = j + 1 < spans.length && spans[j + 1].sentence === spans[j].sentence && /^\s*(?:,\s*(?:and|or)?|and|or)\s*$/.test(text.slice(spans[j].end, spans[j + 1].start));
  return before || after;
}

/** The sentence opens with "in X" after its date clause ("On 9 May 2020, in Celaya, Guanajuato, …", "in Asuncion (Asuncion), …"). */
function opensFrame(text: string, sentenceStart: number, s: Span): boolean {
  const lead = text.slice(sentenceStart, s.start);
  return lead.length < 90 && /^(?:[^,.;]{0,70},\s*)?in\s+(?:the\s+[\p{L}\s]{0,25}\bof\s+)?$/iu.test(lead) && /^\s*(?:\([^()]{0,60}\)\s*)?,/.test(text.slice(s.end, s.end + 70));
}

/**
 * For each span, the indices of the spans the text states contain it (or lie
 * next to it, for "near"), nearest first.
 * @example statedContainers('clashes in Kabuta (Al Mansura, Aden)', spans, [0])[0] // [1, 2]
 */
export function statedContainers(text: string, given: Span[], sentenceStarts: number[]): Container[][] {
  const order = given.map((_, i) => i).sort((a, b) => given[a].start - given[b].start);
  const found = inTextOrder(text, order.map((i) => given[i]), sentenceStarts);
  const out = mapList(given, (): Container[] => []);
  // filled in place: every list comes from one literal, so lists share their shape (map() makes arrays of other kinds)
  found.forEach((ks, pos) => {
    const own = out[order[pos]];
    for (const k of ks) own.push({ index: order[k.index], frame: k.frame });
  });
  return out;
}

export interface Container {
  /** index of the container among the spans */
  index: number;
  /** the town a report opens with ("in Celaya, Guanajuato, …"): its later places lie in or right by it */
  frame: boolean;
}

function inTextOrder(text: string, spans: Span[], sentenceStarts: number[]): Container[][] {
  const kinds = loadCues().kindWords;
  const direct = mapList(spans, () => -1);
  for (let i = spans.length - 2; i >= 0; i--) {
    const j = i + 1;
    if (spans[j].sentence !== spans[i].sentence) continue;
    const gap = text.slice(spans[i].end, spans[j].start);
    // "Mashru Al Hadba (Tripoli)" read as two names: the parts share a container
    if (/^ $/.test(gap)) direct[i] = direct[j];
    const kind = link(gap, kinds);
    if (kind === 'strong' || (kind === 'comma' && !listAround(text, spans, i, j))) direct[i] = j;
  }
  const out = mapList(spans, (_, i): Container[] => {
    const chain: Container[] = [];
    for (let k = direct[i]; k >= 0 && !chain.some((c) => c.index === k); k = direct[k]) chain.push({ index: k, frame: false });
    return chain;
  });
  // a frame contains every later place of its sentence that is not part of its own chain
  for (let f = 0; f < spans.length; f++) {
    if (!opensFrame(text, sentenceStarts[spans[f].sentence] ?? 0, spans[f])) continue;
    const frame = [f];
    for (const c of out[f]) frame.push(c.index);
    const own = new Set(frame);
    for (let i = f + 1; i < spans.length && spans[i].sentence === spans[f].sentence; i++) {
      if (own.has(i)) continue;
      for (const k of frame) if (!out[i].some((c) => c.index === k)) out[i].push({ index: k, frame: k === f });
    }
  }
  return out;
}

interface Point {
  lat: number;
  lon: number;
  cc: string;
  fcode: string;
  admin1: string | null;
  name: string;
  population: number;
}

export function pointOfEntry(e: GazEntry): Point {
  return { lat: e.lat, lon: e.lon, cc: e.cc, fcode: e.fcode, admin1: e.fcode === 'ADM1' ? e.name : e.admin1, name: e.name, population: e.population };
}

export function pointOfPlace(p: Place): Point {
  return { lat: p.lat, lon: p.lon, cc: p.iso2 ?? '', fcode: p.featureCode, admin1: p.admin1, name: p.name, population: p.population };
}

/**
 * Whether a candidate lies inside a stated container: 1 yes, -1 no, 0 the
 * gazetteer cannot tell.
 */
/**
 * The readings of a container: its pick, and an area of the pick's country
 * bearing the name ("Calama, Antofagasta" names the region, whose seat
 * shares its name).
 */
export function containerReadings<T>(top: T, others: T[], point: (t: T) => Point): Point[] {
  const p = point(top);
  // a loop onto one literal: map's result is an array of another kind when empty, and its readers bailed out at the change
  const out = [p];
  for (const o of others) {
    const q = point(o);
    if (q.cc === p.cc && q.fcode !== p.fcode && ADMIN_AREA.test(q.fcode)) out.push(q);
  }
  return out;
}

/** The best verdict over a container's readings; a frame town admits only what lies by it. */
export function fitsAny(c: Point, readings: Point[], fuzzy: boolean, frame: boolean): 1 | 0 | -1 {
  let best: 1 | 0 | -1 = -1;
  for (const r of readings) best = Math.max(best, fits(c, r, fuzzy, frame)) as 1 | 0 | -1;
  return best;
}

/** A candidate outside any stated container loses; inside one, it gains; the gazetteer may not tell. */
export function verdictOf(verdicts: (1 | 0 | -1)[]): 1 | 0 | -1 {
  return verdicts.includes(-1) ? -1 : verdicts.includes(1) ? 1 : 0;
}

export function fits(c: Point, container: Point, fuzzy = false, frame = false): 1 | 0 | -1 {
  if (!c.cc || !container.cc) return 0;
  if (c.cc !== container.cc) return -1;
  if (/^(PCLI|PCLD|CONT|RGN)$/.test(container.fcode)) return 1;
  const km = distanceKm(c.lat, c.lon, container.lat, container.lon);
  if (container.fcode === 'ADM1' && c.admin1 === container.name) return 1;
  if (container.fcode === 'ADM2' && km <= OUTSIDE_KM / 2) return 1;
  const town = container.fcode.startsWith('PPL');
  const city = town && (container.fcode === 'PPLC' || container.population >= CITY_POPULATION);
  const sameArea = !c.admin1 || !container.admin1 || c.admin1 === container.admin1;
  const inside = fuzzy ? INSIDE_POINT_FUZZY_KM : city ? CITY_KM : INSIDE_POINT_KM;
  if (container.fcode !== 'ADM1' && km <= inside && sameArea) return 1;
  // a spelling guess ("Kabuta" read as Khabāthah) needs its container close by
  if ((frame || city || fuzzy) && town) return km <= INSIDE_POINT_KM && sameArea ? 0 : -1;
  return km > OUTSIDE_KM ? -1 : 0;
}
