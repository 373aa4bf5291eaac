/**
 * ACLED-style names for generic actors: a country's state forces under the
 * regime in force at a date ("Military Forces of Turkey (2016-)"), and
 * "Civilians (Syria)", "Unidentified Armed Group (Mexico)" and the like.
 */
import type { InterCode } from '../types.ts';
import type { ActorEntry, ActorKind, Codebook, CountryEntry, Regime } from './types.ts';

export interface GenericActor {
  name: string;
  inter: InterCode;
  country: string | null;
  /** the actor it is coded under as an associated actor (ActorMention.partOf) */
  partOf?: string;
}

/** True when `date` (ISO day or prefix) falls in [from, to); a null date counts as "now". */
export function inPeriod(date: string | null, from: string | undefined, to: string | undefined): boolean {
  if (date === null) return to === undefined;
  if (from !== undefined && date < from) return false;
  return to === undefined || date < to;
}

/**
 * The regime in force at `date`; the latest when the date is null, the
 * earliest when the date precedes them all; null when the country has none.
 * @example regimeAt(turkey, '2016-05-27')?.label // '2016-'
 */
export function regimeAt(country: CountryEntry, date: string | null): Regime | null {
  const rs = country.regimes;
  if (rs.length === 0) return null;
  if (date === null) return rs[rs.length - 1];
  return rs.find((r) => inPeriod(date, r.from, r.to)) ?? (date < rs[0].from ? rs[0] : rs[rs.length - 1]);
}

/**
 * The label as printed at `asOf`: ACLED closes a regime's years only once it
 * has ended, so a report of 2020 names "(2000-)" what one of 2025 names
 * "(2000-2024)". A null date reads the labels as they are today.
 */
export function labelAt(regime: Regime, asOf: string | null): string {
  return asOf !== null && regime.to !== undefined && asOf < regime.to ? regime.label.replace(/-\d{4}$/, '-') : regime.label;
}

function fill(template: string, country: CountryEntry, regime: Regime | null, asOf: string | null): string {
  const bracket = regime ? ` (${labelAt(regime, asOf)})${regime.suffix ? ' ' + regime.suffix : ''}` : '';
  return template
    .replace('{state}', (country.the ? 'the ' : '') + country.name)
    .replace('{country}', country.name)
    .replace('{regime}', bracket);
}

/**
 * The generic actor of `kind` for a country at a date (null date = latest
 * regime); null when the country or kind is unknown.
 * @example actorForCountry(cb, 'TR', 'military', '2016-05-27') // {name: 'Military Forces of Turkey (2016-)', inter: 1, country: 'TR'}
 * @example actorForCountry(cb, 'SY', 'civilians') // {name: 'Civilians (Syria)', inter: 7, country: 'SY'}
 */
export function actorForCountry(cb: Codebook, iso2: string, kind: ActorKind, date: string | null = null): GenericActor | null {
  const country = cb.byIso2.get(iso2);
  const rule = cb.generic.kinds[kind];
  if (!country || !rule) return null;
  return { name: fill(rule.name, country, regimeAt(country, date), date), inter: rule.inter, country: iso2 };
}

/** The same regime given by label (for leaders: "forces loyal to Assad" names Assad's regime), its label as printed at `asOf`. */
export function actorForRegime(cb: Codebook, iso2: string, kind: ActorKind, label: string, asOf: string | null = null): GenericActor | null {
  const country = cb.byIso2.get(iso2);
  const rule = cb.generic.kinds[kind];
  if (!country || !rule) return null;
  return { name: fill(rule.name, country, country.regimes.find((r) => r.label === label) ?? null, asOf), inter: rule.inter, country: iso2 };
}

/** "Unidentified Military Forces", for air strikes nobody is named for. */
export function unidentifiedMilitary(cb: Codebook): GenericActor {
  const u = cb.generic.unidentifiedMilitary;
  return { name: u.name, inter: u.inter, country: null };
}

/**
 * The printed name of a codebook entry at a date: "{military} Peshmerga"
 * becomes "Military Forces of Iraq (2018-2020) Peshmerga" in 2019.
 */
export function entryName(cb: Codebook, entry: ActorEntry, date: string | null): string {
  // "AMISOM … (2007-2022)" was "(2007-)" while it lasted, as regime labels are (labelAt)
  const own = entry.to !== undefined && date !== null && date < entry.to ? entry.name.replace(/\((\d{4})-\d{4}\)/, '($1-)') : entry.name;
  return own.replace(/\{(military|police|government)\}/g, (_, kind: string) =>
    entry.country ? actorForCountry(cb, entry.country, kind, date)?.name ?? kind : kind,
  );
}

/** Country entry by ISO2, or by ACLED name ("Democratic Republic of Congo"), case-insensitive. */
export function countryOf(cb: Codebook, isoOrName: string): CountryEntry | null {
  const byIso = cb.byIso2.get(isoOrName.toUpperCase());
  if (byIso) return byIso;
  const low = isoOrName.toLowerCase();
  return cb.countries.find((c) => c.name.toLowerCase() === low || c.names?.some((n) => n.toLowerCase() === low)) ?? null;
}
