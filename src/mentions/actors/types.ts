/**
 * Shapes of the actor codebook (data/actors/*.json, see data/actors/schema.json)
 * and of the compiled, read-only Codebook that findActors uses.
 */
import type { InterCode } from '../types.ts';
import type { PhraseNode } from './phrases.ts';

/** A period under which ACLED labels a state's forces alike, e.g. "(2016-)". `to` is exclusive. */
export interface Regime {
  label: string;
  from: string;
  to?: string;
  suffix?: string;
  leaders?: string[];
}

export interface CountryEntry {
  iso2: string;
  /** ACLED country name: "Democratic Republic of Congo" */
  name: string;
  /** the state name takes "the": "Military Forces of the Philippines" */
  the?: boolean;
  names?: string[];
  demonyms: string[];
  /** what "security forces" means there; default military */
  securityForces?: 'military' | 'police';
  regimes: Regime[];
  /** the kind ACLED names unidentified perpetrators of organised-crime violence by here: 'gang' */
  crimeKind?: string;
  frontLines?: FrontLine[];
}

/** A contact line over a period (`to` exclusive): which side held the places near it. */
export interface FrontLine {
  from: string;
  to?: string;
  /** actor id of the non-state side */
  nonState: string;
  nonStateHeld: string[];
  stateHeld: string[];
}

export type ActorType = 'state' | 'rebel' | 'political-militia' | 'identity-militia' | 'external' | 'party' | 'group' | 'organisation';

export interface ActorEntry {
  id: string;
  /** ACLED-style name; "{military}", "{police}", "{government}" stand for the state's forces at the report's date */
  name: string;
  aliases: string[];
  contextAliases?: string[];
  leaders?: string[];
  type: ActorType;
  inter: InterCode;
  country: string | null;
  operates?: string[];
  default?: boolean;
  categories?: string[];
  /** id of the actor ACLED codes this one under, as its associated actor */
  partOf?: string;
  from?: string;
  to?: string;
  reviewed?: string;
}

export interface KindRule {
  name: string;
  inter: InterCode;
  heads?: string[];
  standalone?: string[];
}

/** The generic rules file (data/actors/generic.json). */
export interface GenericRules {
  kinds: Record<string, KindRule>;
  /** "{name} Tribal Militia ({country})" after capitalised words: "Al Hayash tribesmen" */
  namedGroups: { name: string; inter: InterCode; heads: string[] }[];
  attackNouns: string[];
  memberNouns: string[];
  descriptions: { text: string; categories: string[] }[];
  determiners: string[];
  loyalty: string[];
  titles: string[];
  possessive: string[];
  unidentifiedMilitary: { name: string; inter: InterCode; phrases: string[] };
  /** ceasefire monitors whose notes locate fire without naming a side ("OSCE SMM") */
  monitors?: string[];
  /** marks of organised crime on a killing ("drive-by", "hands tied"): in a gang country the unnamed perpetrator is a gang */
  organisedCrimeSigns?: string[];
}

/** Kinds of generic actor every country has (more kinds are in generic.json). */
export type ActorKind = 'military' | 'police' | 'government' | 'civilians' | 'protesters' | 'rioters' | 'unidentified' | (string & {});

/** The parsed data files, before compilation. */
export interface CodebookFiles {
  countries: CountryEntry[];
  generic: GenericRules;
  actors: { file: string; entries: ActorEntry[] }[];
}

/** The compiled codebook: data plus a phrase trie built once. Read-only. */
export interface Codebook {
  readonly countries: readonly CountryEntry[];
  readonly actors: readonly ActorEntry[];
  readonly generic: GenericRules;
  readonly byIso2: ReadonlyMap<string, CountryEntry>;
  readonly byId: ReadonlyMap<string, ActorEntry>;
  readonly index: PhraseNode;
}
