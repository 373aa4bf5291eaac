/**
 * What ACLED codes, by country (data/events/scope.json): where it records
 * violence only with a political dimension, an ordinary shooting, stabbing,
 * brawl or arrest told by local news is no event. Pure.
 */
import type { EventRecord } from './types.ts';

export interface Scope {
  /** ISO3 codes of the countries where crime without a political dimension is not coded */
  crimeNotCoded: Set<string>;
  ordinaryActor: RegExp;
  ordinaryInter: Set<number>;
  politicalContext: RegExp;
  keptEventTypes: Set<string>;
  keptSubEventTypes: Set<string>;
  /** sub-event types coded only with an actor1 */
  agentRequired: Set<string>;
}

export interface ScopeFile {
  crime_not_coded: string[];
  ordinary_actors: string;
  ordinary_inter: number[];
  political_context: string;
  kept_event_types: string[];
  kept_sub_event_types: string[];
  agent_required: string[];
}

/** Checks the names against the taxonomy and the country codes against ACLED's; throws naming the bad entry. */
export function compileScope(file: ScopeFile, known: { types: Set<string>; countries: Set<string> }): Scope {
  for (const name of [...file.kept_event_types, ...file.kept_sub_event_types, ...file.agent_required]) {
    if (!known.types.has(name)) throw new Error(`scope.json: "${name}" is no ACLED event or sub-event type`);
  }
  for (const iso3 of file.crime_not_coded) if (!known.countries.has(iso3)) throw new Error(`scope.json: "${iso3}" is no country of acled-countries.json`);
  return {
    crimeNotCoded: new Set(file.crime_not_coded),
    ordinaryActor: new RegExp(file.ordinary_actors),
    ordinaryInter: new Set(file.ordinary_inter),
    politicalContext: new RegExp(`\\b(?:${file.political_context})\\b`, 'i'),
    keptEventTypes: new Set(file.kept_event_types),
    keptSubEventTypes: new Set(file.kept_sub_event_types),
    agentRequired: new Set(file.agent_required),
  };
}

/**
 * Whether ACLED would code `e`. An arrest, agreement, handover or weapons
 * seizure needs the party that made it. Then, given the countries it
 * happens in (its place's, else the story's, and those of the places its
 * sentences name; none known: any): where one of them codes crime, always
 * ("in Zamora, Michoacan" read as Zamora in Spain stays); where none does,
 * when a party is no ordinary one (a named armed group, a military,
 * protesters), the type is a protest or a weapon of war's, or its own
 * sentences set it in politics ("a synagogue", "far-right", "protesters").
 * @example inScope(shootingInOhio, scope, ['USA']) // false
 */
export function inScope(e: EventRecord, scope: Scope, countries: (string | null)[]): boolean {
  if (!e.actor1 && scope.agentRequired.has(e.sub_event_type)) return false;
  if (countries.length === 0 || countries.some((c) => !c || !scope.crimeNotCoded.has(c))) return true;
  if (scope.keptEventTypes.has(e.event_type) || scope.keptSubEventTypes.has(e.sub_event_type)) return true;
  const parties = [e.actor1, e.actor2, ...e.assoc_actors];
  if (parties.some((a) => a && !scope.ordinaryInter.has(a.inter) && !scope.ordinaryActor.test(a.name))) return true;
  return e.sources.some((s) => scope.politicalContext.test(s.sentence));
}
