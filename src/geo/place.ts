/**
 * A gazetteer entry as the Place records carry, with its ACLED geo_precision.
 */
import type { Place } from '../mentions/types.ts';
import type { Gazetteer, GazEntry } from './gazetteer.ts';

/** ACLED geo_precision from the kind of feature. */
export function precisionOf(e: GazEntry): 1 | 2 | 3 {
  if (e.precision === 1 || e.precision === 2 || e.precision === 3) return e.precision;
  if (/^(PCLI|PCLD|ADM1|RGN|CONT)$/.test(e.fcode)) return 3;
  if (e.fcode.startsWith('ADM')) return 2;
  return 1;
}

/** A gazetteer entry as a Place, with admin1 inferred from the nearest place when the row lacks it. */
export function toPlace(e: GazEntry, gaz: Gazetteer): Place {
  const country = gaz.countries().get(e.cc);
  const admin1 = e.admin1 ?? (e.fcode === 'PCLI' ? null : gaz.nearestAdmin1(e.cc, e.lat, e.lon));
  return {
    geonameid: e.id > 0 ? e.id : null,
    name: e.name,
    lat: e.lat,
    lon: e.lon,
    featureCode: e.fcode,
    admin1: e.fcode === 'ADM1' ? e.name : admin1,
    admin2: e.admin2,
    country: country?.name ?? null,
    iso2: e.cc || null,
    iso3: country?.iso3 ?? null,
    population: e.population,
    geoPrecision: precisionOf(e),
  };
}
