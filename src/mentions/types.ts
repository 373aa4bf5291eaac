/**
 * Mention kinds found in a Doc. Every mention is a span of `doc.text` with
 * the sentence that holds it, so each value can be shown with its evidence.
 */
import type { Span } from '../text/types.ts';
import { SentenceMentions } from './per-sentence.ts';

export { SentenceMentions } from './per-sentence.ts';

export interface MentionBase extends Span {
  sentence: number;
}

/** ACLED inter codes: 1 state forces … 8 external/other forces */
export type InterCode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface ActorMention extends MentionBase {
  /** canonical name in ACLED style: "Islamic State (Syria)" */
  name: string;
  inter: InterCode;
  /** ISO 3166-1 alpha-2 of the actor's country, null when stateless/unknown */
  country: string | null;
  /** how the mention was found */
  via: 'alias' | 'generic' | 'possessive' | 'coreference' | 'demonym';
  /** codebook entry id, null for generic rules */
  actorId: string | null;
  /**
   * ACLED codes this actor as an associated actor of another: the name to use
   * as actor1/actor2 (FSA factions → "Opposition Rebels (Syria)"). Absent when none.
   */
  partOf?: string;
  /** why this name was picked when the words allowed several ("'Islamic State' names 9 actors; SY in focus") */
  reason?: string;
  /**
   * The role the words give this actor wherever it stands in the sentence,
   * when they name a place rather than the actor: "the OSCE SMM observed
   * explosions near Lozove" (held by one side) → the other side fired (agent).
   */
  role?: 'agent' | 'target';
}

/** A resolved place: a gazetteer entry, or an offset point derived from one. */
export interface Place {
  geonameid: number | null;
  name: string;
  lat: number;
  lon: number;
  featureCode: string;
  admin1: string | null;
  admin2: string | null;
  country: string | null;
  /** ISO 3166-1 alpha-2 */
  iso2: string | null;
  iso3: string | null;
  population: number;
  /** ACLED geo_precision: 1 town, 2 part of region / near a town, 3 region */
  geoPrecision: 1 | 2 | 3;
}

export interface PlaceCandidate {
  place: Place;
  score: number;
  /** named features behind the score, e.g. {population: 0.3, countryInFocus: 1} */
  features: Record<string, number>;
}

export interface PlaceMention extends MentionBase {
  /** null: found but not resolved (text kept) */
  resolved: Place | null;
  score: number;
  /** why the pick won, in words */
  reason: string;
  candidates: PlaceCandidate[];
  /** how the mention was recognised: gazetteer name, demonym, alias file … */
  via: 'name' | 'demonym' | 'alias' | 'offset';
  /**
   * how the toponym is used where it stands: a place; an actor ("Turkey's
   * military", "Moscow said"); an adjective ("Syrian"); part of a name ("the
   * Washington Post"). Absent means 'place'. Only places are event locations.
   */
  use?: 'place' | 'actor' | 'adjective' | 'in-name';
}

export interface TimeMention extends MentionBase {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 value: "2016-05-27", "2016-W21", "2016-05", "PRESENT_REF"; null when unresolved */
  value: string | null;
  /** first and last day the expression may mean, null when unresolved */
  range: { start: string; end: string } | null;
  /** ACLED time_precision: 1 day, 2 week, 3 month or coarser */
  precision: 1 | 2 | 3;
  /** false when there was no publication time to resolve a relative date against */
  resolved: boolean;
}

export type QuantityKind = 'killed' | 'injured' | 'fled' | 'arrested' | 'kidnapped' | 'people';

export interface Interval {
  low: number | null;
  /** null when only a bound is known */
  best: number | null;
  /** null = open-ended */
  high: number | null;
}

export interface QuantityMention extends MentionBase, Interval {
  kind: QuantityKind;
  /** the number words alone ("at least 28") */
  amountText: string;
}

export interface SourceMention extends MentionBase {
  /** who makes the claim: "Syrian Observatory for Human Rights", "a monitor", "Reuters" */
  name: string;
  kind: 'monitor' | 'outlet' | 'official' | 'witness' | 'organisation' | 'unnamed';
}

/** Times, quantities and sources are found a sentence at a time, when a record reads them (see SentenceMentions). */
export interface Mentions {
  actors: ActorMention[];
  places: PlaceMention[];
  times: SentenceMentions<TimeMention>;
  quantities: SentenceMentions<QuantityMention>;
  sources: SentenceMentions<SourceMention>;
}

export function emptyMentions(): Mentions {
  return { actors: [], places: [], times: SentenceMentions.none(), quantities: SentenceMentions.none(), sources: SentenceMentions.none() };
}
