/**
 * Bare-name lookup with the administrative context a structured row gives
 * (ACLED's country, admin1 and admin2 columns): among a name's namesakes in
 * the country, the one inside the named first- and second-level areas wins,
 * so that Ukraine's many Lozoves and Piskys resolve to the right oblast's.
 * When the gazetteer lacks the name, the row's second-level (else
 * first-level) area stands in with a coarser geo_precision, as ACLED itself
 * codes such places.
 */
import type { Place } from '../mentions/types.ts';
import type { Gazetteer, GazEntry } from './gazetteer.ts';
import { precisionOf, toPlace } from './place.ts';
import { nameKey, similarity, skeleton } from './normalize.ts';

export interface LookupContext {
  /** ISO2 of the country (resolve names first with countryCode) */
  cc: string | null;
  admin1?: string;
  admin2?: string;
}

const AREA_WORDS = /\b(oblast|province|governorate|muhafazah|region|state|district|division|county|department|municipality|raion|rayon|wilayah|prefecture|territory|city)\b/g;

/** Key of an area name without its kind ("Donetsk Oblast" = "Donetsk"). */
export function areaKey(name: string): string {
  return nameKey(name).replace(AREA_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

function sameArea(a: string | null, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = areaKey(a);
  const y = areaKey(b);
  return x !== '' && (x === y || similarity(x, y) >= 0.8);
}

const PRIOR: Record<string, number> = { PCLI: 3, ADM1: 1.2, PPLC: 1.5, PPLA: 1, PPLA2: 0.5 };

/** How well a candidate fits the name and the row's areas; the parts are kept for the reason. */
function fit(e: GazEntry, text: string, ctx: LookupContext, pool: GazEntry[]): Record<string, number> {
  const f: Record<string, number> = {};
  f.match = e.kind === 0 ? 1 : e.kind === 2 ? 1.5 : e.kind === 3 ? -1 + 2 * similarity(nameKey(text), e.matched) : 0.4;
  if (e.name.toLowerCase() === text.toLowerCase()) f.exact = 0.5;
  // an area named like a town in it ("Al Hudaydah", "Deir ez-Zor"): the bare name means the town
  if (e.fclass === 'A' && e.fcode !== 'PCLI' && pool.some((o) => o.cc === e.cc && o.kind === 0 && /^PPL(A\d?|C)?$/.test(o.fcode) && o.matched === e.matched)) f.areaNamedLikeTown = -3;
  f.prior = PRIOR[e.fcode] ?? 0;
  f.population = Math.log10(1 + (e.fclass === 'A' && e.fcode !== 'PCLI' ? e.population * 0.3 : e.population)) / 3;
  if (ctx.admin1) f.admin1 = sameArea(e.admin1, ctx.admin1) ? 3 : e.admin1 ? -1 : 0;
  if (ctx.admin2 && sameArea(e.admin2, ctx.admin2)) f.admin2 = 1;
  return f;
}

function best(cands: GazEntry[], text: string, ctx: LookupContext): GazEntry | null {
  const pool = ctx.cc ? cands.filter((c) => c.cc === ctx.cc) : cands;
  const total = (e: GazEntry) => Object.values(fit(e, text, ctx, pool)).reduce((s, v) => s + v, 0);
  return pool.map((e) => ({ e, s: total(e) })).sort((a, b) => b.s - a.s)[0]?.e ?? null;
}

/** The row's own second-level, else first-level, area as the place (geo_precision 2 or 3). */
function enclosingArea(gaz: Gazetteer, ctx: LookupContext): Place | null {
  for (const [name, code, precision] of [[ctx.admin2, /^ADM2/, 2], [ctx.admin1, /^ADM1/, 3]] as const) {
    if (!name) continue;
    const areas = gaz.byKey(nameKey(name)).concat(areaKey(name) !== nameKey(name) ? gaz.byKey(areaKey(name)) : []);
    const hit = areas.find((e) => (!ctx.cc || e.cc === ctx.cc) && code.test(e.fcode) && (precision === 3 || !ctx.admin1 || sameArea(e.admin1, ctx.admin1)));
    if (hit) return { ...toPlace(hit, gaz), geoPrecision: precision };
  }
  return null;
}

/**
 * Resolves a bare place name within a row's country, admin1 and admin2.
 * Tries the exact key, then "City-Subarea" forms (the city, geo_precision 2),
 * then transliteration skeletons in the country, then the row's areas.
 * @example findPlace(gaz, 'Pisky', {cc: 'UA', admin1: 'Donetsk'})?.admin1 // 'Donetsk'
 */
export function findPlace(gaz: Gazetteer, text: string, ctx: LookupContext): Place | null {
  const key = nameKey(text);
  if (key.length < 2) return null;
  const direct = best(gaz.byKey(key), text, ctx);
  // a namesake outside the row's admin1 is likely another village: a spelling variant inside it, or the row's own area, is nearer
  if (direct && !(ctx.admin1 && direct.fclass === 'P' && direct.admin1 && !sameArea(direct.admin1, ctx.admin1))) return toPlace(direct, gaz);
  const inside = ctx.admin1 ? variants(gaz, key, ctx).filter((e) => sameArea(e.admin1, ctx.admin1)) : [];
  if (inside.length > 0) return toPlace(best(inside, text, ctx)!, gaz);
  if (direct) return enclosingArea(gaz, ctx) ?? toPlace(direct, gaz);
  const parts = text.split(/\s*[-–]\s*|\s*\(\s*|\s*,\s*/).filter((p) => nameKey(p).length >= 2);
  if (parts.length > 1) {
    const city = best(gaz.byKey(nameKey(parts[0])), parts[0], ctx);
    if (city) return { ...toPlace(city, gaz), geoPrecision: Math.max(2, precisionOf(city)) as 2 | 3 };
  }
  const close = variants(gaz, key, ctx);
  const top = Math.max(0, ...close.map((e) => similarity(key, e.matched)));
  const fuzzy = best(close.filter((e) => similarity(key, e.matched) >= top - 0.1), text, ctx);
  if (fuzzy) return toPlace(fuzzy, gaz);
  return enclosingArea(gaz, ctx);
}

/** Transliteration variants of a key in the row's country (same consonant skeleton, similar spelling). */
function variants(gaz: Gazetteer, key: string, ctx: LookupContext): GazEntry[] {
  const skel = skeleton(key);
  if (!ctx.cc || skel.length < 2) return [];
  return gaz.bySkeleton(ctx.cc, skel).filter((e) => similarity(key, e.matched) >= 0.6);
}
