/**
 * Resolution: each recognised toponym's gazetteer candidates are scored on
 * named features (population and feature-class priors, how the name matched,
 * the country in focus, admin1 co-mentions, distance to the document's other
 * places), in two passes so that confident places inform ambiguous ones. The
 * pick keeps its features and a reason in words.
 */
import type { Doc } from '../text/types.ts';
import type { Gazetteer, GazEntry } from './gazetteer.ts';
import type { Recognized } from './recognize.ts';
import { distanceKm, similarity, skeleton } from './normalize.ts';
import { uniquePlaces, widenWithSkeleton } from './candidates.ts';
import { loadFronts, onFront, type Front } from './cues.ts';
import { adminFocusOf, adminVotes, countryFocus, countryVotes } from './focus.ts';
import { containerReadings, fits, fitsAny, pointOfEntry, statedContainers, verdictOf, type Container } from './containers.ts';
import { Features } from './features.ts';
import { mapList, sortDescending } from './lists.ts';

const CLASS_PRIOR: Record<string, number> = { CONT: 1, RGN: 0.8, PCLI: 1, ADM1: 0.55, PPLC: 0.7, PPLA: 0.45, PPLA2: 0.25, PPLA3: 0.1, ADM2: 0.3 };
const MIN_SCORE = 0.15;
/** words after a name that make it an area ("Aleppo province") */
const ADMIN_WORD = /province|governorate|region|state|oblast|prefecture|district|county/;
// made once: a regex literal in a function is a new object at each call (the features are made for every candidate, twice)
const SETTLEMENT_WORD = /city|town|village|camp|suburb|neighbo|outskirts/;
const SEAT = /^PPL(A\d?|C)$/;
const TOWN = /^PPL/;
const BIG_NAMESAKE = /^(PCLI|ADM1|PPLC)$/;
const COUNTRY_OR_CONTINENT = /^(PCLI|CONT|RGN)$/;
const AREA_OR_COUNTRY = /^(PCLI|ADM1|CONT|RGN)$/;

interface Context {
  /** country focus from the document's other names (see countryFocus) */
  focus: (key: string) => Map<string, number>;
  /** lower-case keys of every name in the document, for admin1 co-mentions */
  keys: Set<string>;
  /** the largest population among a mention's candidates */
  maxPopulation: (m: Recognized) => number;
  /** nameKey, memoised */
  keyOf: (name: string) => string;
  /** toLowerCase, memoised for the document */
  lowerOf: (text: string) => string;
  /** share of the other confidently resolved places that lie in the candidate's "cc|admin1" (areaOf) */
  adminFocus: (m: Recognized, c: GazEntry) => number;
  /** resolved points of the other mentions (first pass) */
  anchors: { key: string; lat: number; lon: number; weight: number }[];
  /** the war fronts the document's parties and monitors place it on */
  fronts: Front[];
}

/** A second-level area whose source gives no population (a county, a district). */
const UNKNOWN_AREA_POPULATION = 100_000;

/**
 * The population a candidate weighs with: a region's is the sum of its towns,
 * discounted when it competes with a town of the same name; an area whose
 * population the sources lack counts as a mid-sized county rather than as empty.
 */
function priorPopulation(c: GazEntry): number {
  if (c.fcode === 'ADM1') return c.population * 0.3;
  if (c.fclass === 'A' && c.fcode !== 'PCLI' && c.population === 0) return UNKNOWN_AREA_POPULATION;
  return c.population;
}

/** A place bearing a name in its own right: a town of some size, a seat, or an area of another country. */
function isRival(o: GazEntry, c: GazEntry): boolean {
  if (o.fclass === 'A') return o.cc !== c.cc;
  return o.population >= 10_000 || SEAT.test(o.fcode);
}

/** A candidate bearing the name itself (main name or alias) that rivals `c` in a country the story is at least as much about. */
function hasRivalNamesake(m: Recognized, c: GazEntry, focus: Map<string, number>, focusShare: number): boolean {
  for (const o of m.candidates) if ((o.kind === 0 || o.kind === 2) && isRival(o, c) && (focus.get(o.cc) ?? 0) >= focusShare) return true;
  return false;
}

/** A town of `c`'s country, matched on the same name, that can be the seat `c` is named after. */
function hasSeatNamesake(m: Recognized, c: GazEntry, seat: RegExp): boolean {
  for (const o of m.candidates) if (o !== c && o.cc === c.cc && o.kind !== 3 && seat.test(o.fcode) && o.matched === c.matched) return true;
  return false;
}

function features(m: Recognized, c: GazEntry, ctx: Context): Features {
  const f = new Features();
  const pop = priorPopulation(c);
  // each tenfold of population counts (a town of 10,000 over a hamlet of 500 namesake), the biggest namesake a little more
  f.population = (0.8 * Math.log10(1 + pop)) / 7 + (0.5 * pop) / ctx.maxPopulation(m);
  const focus = ctx.focus(m.key);
  const focusShare = focus.get(c.cc) ?? 0;
  if (c.fcode === 'PPLC' && (focusShare >= 0.3 || focus.size === 0)) f.capital = 0.4;
  f.featureClass = CLASS_PRIOR[c.fcode] ?? 0;
  // a country's own name means the country: a village named China or Jordan needs more than the story's country to win
  if (c.fcode === 'PCLI' && c.kind !== 1) f.countryName = 0.8;
  f.nameMatch = c.kind === 0 ? 0.1 : c.kind === 2 ? 0.6 : c.kind === 3 ? -0.4 + 0.4 * similarity(m.key, c.matched) : 0;
  // another place bears this very name: an old or foreign alternate name (Salisbury for Harare), or a spelling variant, is the weaker reading
  // (unless the alternate name's place lies in a country the story is more about: Jenin is Janīn in the West Bank, not Jenin in Poland)
  // (a hamlet, or an area of the same country named after the town, is no rival)
  if (c.kind === 1 && hasRivalNamesake(m, c, focus, focusShare)) f.namesakeHasName = -0.5;
  // a spelling variant is a fallback: it never beats a country, a first-level area or a big city bearing the name itself
  if (c.kind === 3) {
    // (loops rather than some/filter here and below: no closure per candidate and pass)
    let exact = 0;
    let big = false;
    for (const o of m.candidates) {
      if (o.kind === 3) continue;
      exact++;
      if (BIG_NAMESAKE.test(o.fcode) || o.population >= 1_000_000) big = true;
    }
    if (big) f.namesakeHasName = -2;
    else if (exact > 0) f.namesakeHasName = -1;
    // nor does one in a country the story never mentions
    if (focusShare === 0 && focus.size > 0) f.remoteVariant = -2;
  }
  if (ctx.lowerOf(m.text) === ctx.lowerOf(c.name)) f.exactForm = 0.1;
  // an area named after its seat (Idlib, Jenin, Sligo): the bare name means the town; below the first level, any town of that name is its seat
  const seat = c.fcode === 'ADM1' ? SEAT : TOWN;
  if (c.fclass === 'A' && c.fcode !== 'PCLI' && !ADMIN_WORD.test(m.areaWord ?? '') && hasSeatNamesake(m, c, seat)) f.sameNameCapital = c.fcode === 'ADM1' ? -0.5 : -1;
  f.countryInFocus = focusShare * 1.2;
  const a1 = c.admin1 && c.fcode !== 'ADM1' ? ctx.keyOf(c.admin1) : '';
  if (a1 && ctx.keys.has(a1) && a1 !== m.key) f.admin1Mentioned = 0.7;
  if (m.areaWord) {
    const admin = c.fcode === 'ADM1' || c.fcode.startsWith('ADM');
    if (ADMIN_WORD.test(m.areaWord)) f.areaWord = admin ? 0.6 : -0.2;
    else if (SETTLEMENT_WORD.test(m.areaWord)) f.areaWord = c.fclass === 'P' ? 0.3 : -0.3;
  }
  let near = Infinity;
  for (const a of ctx.anchors) if (a.key !== m.key) near = Math.min(near, distanceKm(a.lat, a.lon, c.lat, c.lon));
  if (near < Infinity) f.nearOtherPlaces = near < 50 ? 0.7 : near < 200 ? 0.35 : near < 800 ? 0.1 : 0;
  // a small town far from every other place of the story, in a country the story never mentions: likely a namesake
  if (near > 1500 && near < Infinity && focusShare === 0 && focus.size > 0 && c.fcode.startsWith('PPL') && c.fcode !== 'PPLC' && c.population < 100_000 && f.remoteVariant !== -2) f.remoteFar = -2;
  // (areaOf(c) is '' exactly when c is no first-level area and has no admin1; adminFocus makes the area only when it weighs it)
  if ((c.fcode === 'ADM1' || c.admin1) && c.fcode !== 'PCLI') f.admin1InFocus = 0.8 * ctx.adminFocus(m, c);
  // "the OSCE SMM observed explosions near Petrovskoye": the namesake on the front the report is about
  for (const fr of ctx.fronts) {
    if (!onFront(fr, c.cc, c.admin1, c.lat, c.lon)) continue;
    f.onFront = 1.2;
    break;
  }
  if (m.use === 'adjective') f.demonym = COUNTRY_OR_CONTINENT.test(c.fcode) ? 1 : -1;
  // "Qaatabah (Ad Dali)": a name read with its Arabic article is a place whose name has one (Aḑ Ḑāli‘ in Yemen), not Dali in China
  if (ARABIC_ARTICLE.test(m.text) && !ARABIC_ARTICLE.test(c.name.normalize('NFD').replace(MARKS, ''))) f.article = -0.5;
  return f;
}

const ARABIC_ARTICLE = /^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|et|ez|ul|ud|ur|us|uz)[\s'’‘-]/i;
const MARKS = /\p{M}/gu;

interface Ranked {
  entry: GazEntry;
  score: number;
  features: Features;
}

function rank(m: Recognized, ctx: Context): Ranked[] {
  const out: Ranked[] = [];
  for (const entry of m.candidates) {
    const f = features(m, entry, ctx);
    out.push({ entry, features: f, score: f.sum() });
  }
  return sortDescending(out, (r) => r.score);
}

export interface Resolution {
  mention: Recognized;
  best: GazEntry | null;
  score: number;
  reason: string;
  ranked: Ranked[];
  /** the places (indices into the resolutions) the text states contain this one, nearest first */
  containers: Container[];
}

function explain(r: Ranked, runnerUp: Ranked | undefined): string {
  const top = r.features.strongest(3, 0.05);
  const margin = runnerUp ? ` over ${runnerUp.entry.name} (${runnerUp.entry.cc})` : ' (only candidate)';
  return `${r.entry.name} (${r.entry.fcode}, ${r.entry.cc}) chosen for ${top.join(', ') || 'no strong evidence'}${margin}`;
}

/**
 * "Kabuta (Al Mansura, Aden)": a candidate inside the stated container gains,
 * one outside it loses. Containers come after their places in the text, so
 * the last are settled first.
 */
function fitToContainers(mentions: Recognized[], ranked: Ranked[][], containers: Container[][]): void {
  for (let i = mentions.length - 1; i >= 0; i--) {
    // "Warangal city (Warangal, TS)": a district named after its town says nothing more
    const known = containers[i].filter(({ index: k }) => mentions[k].key !== mentions[i].key && ranked[k][0] && ranked[k][0].score >= MIN_SCORE);
    const readings = known.map(({ index: k, frame }) => ({ frame, points: [...containerReadings(ranked[k][0], ranked[k].slice(1, 4), (r) => pointOfEntry(r.entry)), ...rivals(ranked[k]).map((r) => pointOfEntry(r.entry))] }));
    if (readings.length === 0 || ranked[i].length === 0) continue;
    for (const r of ranked[i]) {
      const value = 0.9 * verdictOf(readings.map((rs) => fitsAny(pointOfEntry(r.entry), rs.points, r.entry.kind === 3, rs.frame)));
      if (value === 0) continue;
      r.features.statedContainer = value;
      r.score += value;
    }
    sortDescending(ranked[i], (r) => r.score);
    const inner = ranked[i][0];
    if (inner.score < MIN_SCORE) continue;
    // "Monroe, Georgia": of a container's close readings in other countries, the one that holds the place stated in it wins
    for (const { index: k } of known) {
      const held = rivals(ranked[k]).find((r) => fits(pointOfEntry(inner.entry), pointOfEntry(r.entry)) === 1);
      if (!held || fits(pointOfEntry(inner.entry), pointOfEntry(ranked[k][0].entry)) === 1) continue;
      held.features.holdsStated = HOLDS_STATED;
      held.score += HOLDS_STATED;
      sortDescending(ranked[k], (r) => r.score);
    }
  }
}

/** How far below a container's pick a namesake in another country may score and still be read ("Georgia": the country or the US state). */
const RIVAL_MARGIN = 0.3;
const HOLDS_STATED = 0.9;

function rivals(ranked: Ranked[]): Ranked[] {
  const top = ranked[0];
  return ranked.slice(1, 4).filter((r) => r.entry.cc !== top.entry.cc && r.score >= top.score - RIVAL_MARGIN);
}

/**
 * "Near Petrovskoye" in a report from the Donbas line: when no namesake lies
 * on the front, its transliteration variants there join the candidates (Petrivske).
 */
function widenOnFront(m: Recognized, gaz: Gazetteer, front: Front): void {
  if (m.demonymOf || m.use !== 'place' || m.candidates.some((c) => onFront(front, c.cc, c.admin1, c.lat, c.lon))) return;
  const skel = skeleton(m.key);
  if (skel.length < 3) return;
  const near = gaz.bySkeleton(front.cc, skel).filter((c) => onFront(front, c.cc, c.admin1, c.lat, c.lon) && similarity(m.key, c.matched) >= 0.55);
  m.candidates = [...m.candidates, ...near];
}

/** The containers the text states for each mention (none without the text). */
function containersOf(mentions: Recognized[], doc: Doc | undefined): Container[][] {
  return doc ? statedContainers(doc.text, mentions, doc.sentences.map((s) => s.start)) : mapList(mentions, (): Container[] => []);
}

/**
 * Resolves every recognised mention; a document's places disambiguate each
 * other, and with the document's text, the containers it states narrow them.
 */
export function resolveAll(mentions: Recognized[], gaz: Gazetteer, doc?: Doc): Resolution[] {
  const focus = countryFocus(mentions);
  const fronts = doc ? loadFronts().filter((fr) => fr.cues.test(doc.text)) : [];
  for (const m of mentions) {
    widenWithSkeleton(m, gaz, focus(m.key));
    for (const fr of fronts) widenOnFront(m, gaz, fr);
    m.candidates = uniquePlaces(m.candidates);
  }
  const keys = new Set(mentions.map((m) => m.key));
  // admin1 names recur among a document's candidates and in both passes: a small memo of the document's beats
  // keying them again
  const areaKeys = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = areaKeys.get(name);
    if (k === undefined) {
      k = gaz.key(name);
      areaKeys.set(name, k);
    }
    return k;
  };
  const lowered = new Map<string, string>();
  const lowerOf = (text: string) => lowered.get(text) ?? lowered.set(text, text.toLowerCase()).get(text)!;
  const maxPop = new Map(mentions.map((m) => [m, Math.max(1, ...m.candidates.map(priorPopulation))]));
  const maxPopulation = (m: Recognized) => maxPop.get(m) ?? 1;
  const first: Context = { focus, keys, keyOf, lowerOf, maxPopulation, adminFocus: () => 0, anchors: [], fronts };
  const pass1 = mapList(mentions, (m) => rank(m, first));
  const seen = new Set<number>();
  const anchors = mentions.flatMap((m, i) => {
    const top = pass1[i][0];
    if (!top || m.use === 'adjective' || seen.has(top.entry.id)) return [];
    seen.add(top.entry.id);
    const e = top.entry;
    return AREA_OR_COUNTRY.test(e.fcode) ? [] : [{ key: m.key, lat: e.lat, lon: e.lon, weight: top.score }];
  });
  const adminFocus = adminFocusOf(mentions, adminVotes(pass1));
  // the second pass also hears where the first pass put each name: a story's towns, once placed, point to its country
  const picked = countryFocus(mentions, (m, i) => {
    const top = pass1[i][0];
    const pick: [string, number][] = top && top.score >= MIN_SCORE && top.entry.cc ? [[top.entry.cc, 1]] : [];
    return [...countryVotes(m), ...pick];
  });
  const second: Context = { focus: picked, keys, keyOf, lowerOf, maxPopulation, adminFocus, anchors, fronts };
  for (const m of mentions) if (m.partial) m.candidates = m.candidates.filter((c) => anchors.some((a) => a.key !== m.key && distanceKm(a.lat, a.lon, c.lat, c.lon) < 100));
  const final = mapList(mentions, (m) => rank(m, second));
  const containers = containersOf(mentions, doc);
  fitToContainers(mentions, final, containers);
  return mapList(mentions, (m, i) => {
    const ranked = final[i];
    const top = ranked[0];
    if (!top || top.score < MIN_SCORE) return { mention: m, best: null, score: top?.score ?? 0, reason: top ? 'no candidate scored high enough' : 'not in the gazetteer', ranked, containers: containers[i] };
    return { mention: m, best: top.entry, score: top.score, reason: explain(top, ranked[1]), ranked, containers: containers[i] };
  });
}
