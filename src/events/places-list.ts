/**
 * One kind of event told at several places ("clashes on the Sirwah (Marib),
 * Nihm (Sanaa) and Al Jawf frontlines", "shelling hit Avdiivka, Marinka and
 * Krasnohorivka"): ACLED codes one event per place. This finds the places
 * coordinated with the one an event was located at, when they are each a
 * locative of the trigger: a list after in/on/at/near, or the object of a
 * verb that hits a place. A container ("Jarablus, Aleppo", "X (Y province)")
 * and a flow ("fled from X to Y") are never a list.
 */
import type { Doc } from '../text/index.ts';
import type { Place, PlaceMention } from '../mentions/types.ts';

/** what may stand between two items of a list: a parenthesised container, a comma, and/or */
const JOINER = /^\s*(?:(?:front|frontline|area|sector|village|town|city|district|camp|checkpoint|LGA)s?\s+)?(?:\([^()]{1,60}\)\s*)?(?:,\s*|(,\s*)?(and|or|as well as|&)\s+(?:(?:in|at|on)\s+)?)(?:the\s+)?(?:(?:towns?|villages?|cities|city|areas?|districts?)\s+of\s+)?$/i;
/** a list's opening: a locative preposition, or a verb whose object is the place hit */
const OPENER = /\b(?:in|on|at|near|around|outside|inside|across|throughout|within|hit|struck|shelled|bombed|pounded|targeted|attacked|stormed|raided|seized|captured|overran|recaptured|besieged)\s+(?:the\s+)?(?:(?:outskirts|vicinity|areas?|villages?|towns?|cities|districts?|localities|settlements|neighbou?rhoods|regions?|provinces?|governorates?|states?)\s+(?:of\s+)?)?(?:the\s+)?$/i;
/**
 * What follows a list that makes it one place: a singular noun ("in
 * Kohgiluyeh and Boyer-Ahmad province" is one province) or a line between
 * the places ("at the Bijapur and Dantewada border").
 */
const ONE_PLACE_AFTER = /^\s*(?:province|governorate|state|district|county|region|municipality|department|prefecture|oblast|town|village|city|camp|border|boundary|frontier|road|highway|axis|junction|intersection|crossing|crossroads|roundabout|line|corridor|bridge)\b(?!-)/i;
/**
 * Places told by a reference point after them ("the villages of Ngoupou and
 * Bahema Nord, near Bule"): too small to be coded apart, they are one event
 * at the reference place.
 */
const LOCATED_BY_REFERENCE = /^\s*(?:\([^()]*\)\s*)?(?:(?:villages?|areas?|localities)\s+)?,?\s*(?:near|close to|outside|in the vicinity of|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\d+\s*(?:km|kilomet))\b/i;
/** a flow or a span between two places is not a list of event places */
const FLOW = /\b(?:from|between|to|towards?|into)\s+(?:the\s+)?$/i;

function isArea(p: Place): boolean {
  return /^(ADM|PCL)/.test(p.featureCode);
}

/** 0 a country, 1 a first-level area … a town below every area */
function level(p: Place): number {
  if (p.featureCode.startsWith('PCL')) return 0;
  const adm = /^ADM(\d)/.exec(p.featureCode);
  return adm ? Number(adm[1]) : 9;
}

/** b names an area that holds a ("Maiduguri, Borno", "Idlib, Syria"); two districts of one province hold neither */
function holds(b: Place, a: Place): boolean {
  if (!isArea(b) || a.iso2 !== b.iso2 || level(b) >= level(a)) return false;
  if (level(b) === 0) return true;
  if (level(b) === 1) return a.admin1 === b.admin1;
  return a.admin1 === b.admin1 && (level(b) !== 2 || (a.admin2 !== null && (a.admin2 === b.admin2 || a.admin2 === b.name)));
}

/** inside parentheses opened in the same sentence: a container of the name before it */
function parenthesised(doc: Doc, m: PlaceMention): boolean {
  const s = doc.sentences[m.sentence];
  const before = doc.text.slice(s?.start ?? 0, m.start);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

/**
 * The places coordinated with `chosen` in its sentence (itself included, in
 * text order); [] when it stands alone.
 * @example coordinatedPlaces(doc, 'protests were held in Kano, Kaduna and Abuja' mention of Kano).map(p => p.text) // ['Kano', 'Kaduna', 'Abuja']
 */
export function coordinatedPlaces(doc: Doc, chosen: PlaceMention, places: PlaceMention[]): PlaceMention[] {
  // a country in focus stands for an event no text places; it heads no list
  if (!chosen.resolved || chosen.resolved.featureCode.startsWith('PCL')) return [];
  const items = places
    .filter((p) => p.sentence === chosen.sentence && (p.use ?? 'place') === 'place' && p.resolved && !parenthesised(doc, p))
    .sort((a, b) => a.start - b.start);
  const at = items.findIndex((p) => p.start === chosen.start && p.end === chosen.end);
  if (at < 0) return [];
  const joined = (a: PlaceMention, b: PlaceMention) => {
    const gap = doc.text.slice(a.end, b.start);
    if (!JOINER.test(gap)) return false;
    // "Maiduguri, Borno", "Kano and Kano State": an area holding the place before it is its container
    return !holds(b.resolved!, a.resolved!) && !holds(a.resolved!, b.resolved!);
  };
  let first = at;
  while (first > 0 && joined(items[first - 1], items[first])) first--;
  let last = at;
  while (last < items.length - 1 && joined(items[last], items[last + 1])) last++;
  // English coordinates with a conjunction before the last item; "Catole do Rocha, Paraiba" and
  // "Macarthur, Monreal, Masbate" are a place and its containers
  while (last > first && !JOINER.exec(doc.text.slice(items[last - 1].end, items[last].start))![2]) last--;
  if (first >= last || at > last) return [];
  const list = items.slice(first, last + 1);
  const sentenceStart = doc.sentences[chosen.sentence].start;
  const lead = doc.text.slice(Math.max(sentenceStart, list[0].start - 60), list[0].start);
  if (!OPENER.test(lead) || FLOW.test(lead)) return [];
  const after = doc.text.slice(list[list.length - 1].end, list[list.length - 1].end + 80);
  if (ONE_PLACE_AFTER.test(after) || LOCATED_BY_REFERENCE.test(after)) return [];
  const ids = new Set(list.map((p) => p.resolved!.geonameid ?? p.text));
  if (ids.size < list.length) return [];
  return list;
}

/**
 * The list item a figure is tied to: "killing two in Marinka", the place
 * named right after the figure in its own clause; null when the figure is undivided.
 */
export function placeOfFigure(doc: Doc, figure: { start?: number; end?: number }, list: PlaceMention[], places: PlaceMention[]): PlaceMention | null {
  if (figure.start === undefined || figure.end === undefined) return null;
  const listed = new Set(list);
  const after = places.find((p) => !listed.has(p) && p.start >= figure.end! && p.start - figure.end! <= 40 &&
    /^[^,;.]*\b(?:in|at|near)\s+(?:the\s+)?$/i.test(doc.text.slice(figure.end!, p.start)));
  if (!after) return null;
  const key = (p: PlaceMention) => p.resolved?.geonameid ?? p.text.toLowerCase();
  return list.find((p) => key(p) === key(after)) ?? null;
}
