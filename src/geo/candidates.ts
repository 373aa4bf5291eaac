/**
 * A mention's candidate list before ranking: one entry per place, GeoNames'
 * own country and admin1 entries over the bundled twins, and transliteration
 * variants from the countries in focus when the name is not known there.
 */
import type { Gazetteer, GazEntry } from './gazetteer.ts';
import type { Recognized } from './recognize.ts';
import { similarity, skeleton } from './normalize.ts';

const KIND_ORDER = [1, 2, 0, 3];

/** One candidate per place, keeping the strongest way its name matched (alias, main name, alternate, skeleton). */
export function uniquePlaces(candidates: GazEntry[]): GazEntry[] {
  const best = new Map<number, GazEntry>();
  for (const c of candidates) {
    const had = best.get(c.id);
    if (!had || KIND_ORDER[c.kind] < KIND_ORDER[had.kind]) best.set(c.id, c);
  }
  return geoNamesAreas([...best.values()]);
}

/**
 * A country or first-level area present twice, from the bundled
 * countries/states source (negative id) and from an imported GeoNames dump:
 * GeoNames' own entry stands (its id and reference point are the ones
 * records and gold data use), with the larger population of the two.
 */
function geoNamesAreas(candidates: GazEntry[]): GazEntry[] {
  const imported = candidates.filter((c) => c.id > 0 && /^(PCLI|ADM1)$/.test(c.fcode));
  if (imported.length === 0) return candidates;
  const twin = (c: GazEntry) => imported.find((g) => g.cc === c.cc && g.fcode === c.fcode && g.matched === c.matched);
  const merged = new Map<GazEntry, number>();
  const kept = candidates.filter((c) => {
    const g = c.id < 0 ? twin(c) : undefined;
    if (g) merged.set(g, Math.max(merged.get(g) ?? 0, c.population));
    return !g;
  });
  return kept.map((c) => (merged.has(c) ? withPopulation(c, Math.max(c.population, merged.get(c)!)) : c));
}

/**
 * A copy of an entry with another population, its fields in the lookup
 * file's order: the copy shares the entries' shape (a spread would give it
 * another, and code optimised for one would be thrown away at the other).
 */
function withPopulation(c: GazEntry, population: number): GazEntry {
  return { id: c.id, name: c.name, matched: c.matched, lat: c.lat, lon: c.lon, fclass: c.fclass, fcode: c.fcode, cc: c.cc, population, source: c.source, kind: c.kind, precision: c.precision, admin1: c.admin1, admin2: c.admin2 };
}

/**
 * Adds transliteration variants: when no candidate lies in a country in
 * focus, places there with the same consonant skeleton join the list.
 */
export function widenWithSkeleton(m: Recognized, gaz: Gazetteer, focus: Map<string, number>): void {
  if (m.demonymOf) return;
  const skel = skeleton(m.key);
  if (skel.length < 2) return;
  // plain loops: the arrays that filter and map give differ in kind between empty and filled, and the optimised code bailed out at each
  const inFocus: string[] = [];
  for (const [cc, w] of focus) if (w >= 0.2) inFocus.push(cc);
  if (inFocus.length === 0) return;
  for (const c of m.candidates) if (c.kind !== 1 && inFocus.includes(c.cc)) return;
  const extra: GazEntry[] = [];
  for (const cc of inFocus) for (const c of closeMatches(gaz.bySkeleton(cc, skel), m.key, 0.55)) extra.push(c);
  m.candidates = [...m.candidates, ...extra];
}

/**
 * The entries whose matched name is at least `min` similar to `key`. A loop,
 * not a filter with a closure: a closure over a caller's variable makes V8
 * allocate a context at every call of the caller, the recogniser's match
 * (tried on every span) among them, whether or not the filter runs.
 */
export function closeMatches(entries: GazEntry[], key: string, min: number): GazEntry[] {
  const out: GazEntry[] = [];
  for (const e of entries) if (similarity(key, e.matched) >= min) out.push(e);
  return out;
}
