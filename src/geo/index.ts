/**
 * Geo stage: toponyms in a Doc, recognised against a GeoNames-based
 * gazetteer and resolved with explainable scores; the event's own place; and
 * bare-name lookups for benchmarks and the store.
 */
import type { Doc } from '../text/types.ts';
import type { Place, PlaceCandidate, PlaceMention } from '../mentions/types.ts';
import type { LocationField } from '../events/types.ts';
import type { Gazetteer, GazEntry } from './gazetteer.ts';
import { recognize, recognizeSpan } from './recognize.ts';
import { resolveAll, type Resolution } from './resolve.ts';
import { precisionOf, toPlace } from './place.ts';
import { nameKey, similarity, skeleton } from './normalize.ts';
import { firstMax, mapList } from './lists.ts';

export type { Place, PlaceCandidate, PlaceMention } from '../mentions/types.ts';
export type { Gazetteer, GazEntry } from './gazetteer.ts';
export { openGazetteer, gazetteerPath } from './open.ts';
export { buildGazetteer } from './build.ts';
export { eventLocation, eventLocator, type Anchor } from './event-location.ts';
export { nameKey, skeleton, distanceKm } from './normalize.ts';

const CANDIDATES_KEPT = 4;

/**
 * Toponyms of a document, resolved where the gazetteer allows.
 * @example geoparse(makeDoc({id: 'd', text: 'IS fighters seized Marea.'}), gaz)[0].resolved?.admin1 // 'Aleppo'
 */
export function geoparse(doc: Doc, gaz: Gazetteer): PlaceMention[] {
  return toMentions(resolveAll(recognize(doc, gaz), gaz, doc), gaz);
}

/**
 * Whether any of `sentences` names a toponym. Every place mention is a
 * recognised name resolved (or an offset from one), so a sentence where
 * none is recognised holds no place: recognition of those sentences alone
 * tells, with no geoparse of the whole document.
 */
export function namesPlace(doc: Doc, gaz: Gazetteer, sentences: ReadonlySet<number>): boolean {
  return sentences.size > 0 && recognize(doc, gaz, sentences).length > 0;
}

/**
 * Resolves spans found elsewhere (gold toponyms in a benchmark), with the
 * same document-level disambiguation as geoparse.
 */
export function resolveSpans(doc: Doc, gaz: Gazetteer, spans: { start: number; end: number }[]): PlaceMention[] {
  return toMentions(resolveAll(spans.map((s) => recognizeSpan(doc, gaz, s.start, s.end)), gaz, doc), gaz);
}

/**
 * The document's own enclosing area for names the gazetteer lacks: its most
 * mentioned town, else its most mentioned region or country.
 */
function enclosingArea(resolutions: Resolution[]): Resolution | null {
  const tally = new Map<number, { r: Resolution; n: number }>();
  for (const r of resolutions) {
    if (!r.best || r.mention.use === 'actor' || r.mention.use === 'in-name') continue;
    const rank = r.best.fclass === 'P' ? 100 : r.best.fcode === 'PCLI' ? 1 : 10;
    const t = tally.get(r.best.id) ?? { r, n: 0 };
    t.n += rank;
    tally.set(r.best.id, t);
  }
  return firstMax([...tally.values()], (t) => t.n)?.r ?? null;
}

function toMentions(resolutions: Resolution[], gaz: Gazetteer): PlaceMention[] {
  const container = enclosingArea(resolutions);
  return mapList(resolutions, (r) => {
    // "Kabuta (Al Mansura, Aden)" with no Kabuta in the gazetteer: the stated container, else the document's
    let stated: Resolution | undefined;
    for (const c of r.containers) if (!stated && resolutions[c.index].best) stated = resolutions[c.index];
    const fallback = stated ?? container;
    if (!r.best && fallback?.best) {
      const area = toPlace(fallback.best, gaz);
      return {
        start: r.mention.start,
        end: r.mention.end,
        text: r.mention.text,
        sentence: r.mention.sentence,
        resolved: { ...area, geoPrecision: area.featureCode === 'PCLI' || area.featureCode === 'ADM1' ? 3 : 2 },
        score: 0,
        reason: `not in the gazetteer (${r.reason}); fell back to ${stated ? 'its stated container' : "the document's enclosing area"} ${area.name}`,
        candidates: [],
        via: r.mention.via,
        use: r.mention.use,
      };
    }
    const candidates: PlaceCandidate[] = r.ranked.slice(0, CANDIDATES_KEPT).map((c) => ({ place: toPlace(c.entry, gaz), score: round(c.score), features: c.features.record() }));
    return {
      start: r.mention.start,
      end: r.mention.end,
      text: r.mention.text,
      sentence: r.mention.sentence,
      resolved: r.best ? (candidates[0]?.place ?? toPlace(r.best, gaz)) : null,
      score: round(r.score),
      reason: r.reason,
      candidates,
      via: r.mention.via,
      use: r.mention.use,
    };
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The record fields of a place mention (INTERFACE.md "location"). */
export function toLocationField(m: PlaceMention): LocationField {
  const p = m.resolved;
  return {
    text: m.text,
    name: p?.name ?? null,
    geonameid: p?.geonameid ?? null,
    lat: p?.lat ?? null,
    lon: p?.lon ?? null,
    admin1: p?.admin1 ?? null,
    admin2: p?.admin2 ?? null,
    country: p?.country ?? null,
    iso3: p?.iso3 ?? null,
    geo_precision: p?.geoPrecision ?? 3,
    start: m.start,
    end: m.end,
  };
}

/** iso2 for a country given as ISO2, ISO3 or name; null when unknown. */
export function countryCode(gaz: Gazetteer, country: string | undefined): string | null {
  if (!country) return null;
  const all = gaz.countries();
  const up = country.trim().toUpperCase();
  if (all.has(up)) return up;
  for (const c of all.values()) if (c.iso3 === up) return c.iso2;
  const hit = gaz.byKey(nameKey(country)).find((e) => e.fcode === 'PCLI');
  return hit?.cc ?? null;
}

function lookupScore(e: GazEntry, text: string, pool: GazEntry[]): number {
  const prior: Record<string, number> = { PCLI: 3, ADM1: 1.2, PPLC: 1.5, PPLA: 1, PPLA2: 0.5 };
  const kind = e.kind === 0 ? 1 : e.kind === 2 ? 1.5 : e.kind === 3 ? -1 + 2 * similarity(nameKey(text), e.matched) : 0.4;
  const exact = e.name.toLowerCase() === text.toLowerCase() ? 0.5 : 0;
  // an area named like a town in it ("Al Hudaydah", "Deir ez-Zor"): the bare name means the town
  const capital = e.fclass === 'A' && e.fcode !== 'PCLI' && pool.some((o) => o.cc === e.cc && o.kind === 0 && /^PPL(A|A2|C)$/.test(o.fcode) && o.matched === e.matched) ? -3 : 0;
  const population = e.fclass === 'A' && e.fcode !== 'PCLI' ? e.population * 0.3 : e.population;
  return kind + exact + capital + (prior[e.fcode] ?? 0) + Math.log10(1 + population) / 3;
}

function best(cands: GazEntry[], text: string, cc: string | null): GazEntry | null {
  const pool = cc ? cands.filter((c) => c.cc === cc) : cands;
  return [...pool].sort((a, b) => lookupScore(b, text, pool) - lookupScore(a, text, pool))[0] ?? null;
}

/**
 * Resolves a bare place name, optionally within a country (ISO2, ISO3 or
 * name). Tries the exact key, then "City-Subarea" forms (resolved to the
 * city with geo_precision 2), then transliteration skeletons in the country.
 * @example lookupPlace(gaz, "A'zaz", {country: 'Syria'})?.name // 'I‘zāz'
 */
export function lookupPlace(gaz: Gazetteer, text: string, opts?: { country?: string }): Place | null {
  const cc = countryCode(gaz, opts?.country);
  const key = nameKey(text);
  if (key.length < 2) return null;
  const direct = best(gaz.byKey(key), text, cc);
  if (direct) return toPlace(direct, gaz);
  const parts = text.split(/\s*[-–]\s*|\s*\(\s*|\s*,\s*/).filter((p) => nameKey(p).length >= 2);
  if (parts.length > 1) {
    const city = best(gaz.byKey(nameKey(parts[0])), parts[0], cc);
    if (city) return { ...toPlace(city, gaz), geoPrecision: Math.max(2, precisionOf(city)) as 2 | 3 };
  }
  if (cc) {
    const skel = skeleton(key);
    if (skel.length >= 2) {
      const close = gaz.bySkeleton(cc, skel).filter((e) => similarity(key, e.matched) >= 0.6);
      const top = Math.max(0, ...close.map((e) => similarity(key, e.matched)));
      const fuzzy = best(close.filter((e) => similarity(key, e.matched) >= top - 0.1), text, cc);
      if (fuzzy) return toPlace(fuzzy, gaz);
    }
  }
  return null;
}
