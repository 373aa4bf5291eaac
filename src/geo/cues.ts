/**
 * The geoparser's context word lists (data/geo/cues.json), loaded once on
 * first use as read-only sets.
 */
import { readFileSync } from 'node:fs';

export interface Cues {
  locativeBefore: Set<string>;
  areaAfter: Set<string>;
  adminAfter: Set<string>;
  settlementAfter: Set<string>;
  actorAfterPossessive: Set<string>;
  actorVerbsAfter: Set<string>;
  orgWordsAfter: Set<string>;
  sourceBefore: Set<string>;
  flowFrom: Set<string>;
  /** any flowFrom word, as a whole word */
  flowFromWord: RegExp;
  particles: Set<string>;
  notPlaces: Set<string>;
  personTitles: Set<string>;
  personVerbsAfter: Set<string>;
  /** hyphenated words after a name that make it an actor's modifier ("USA -backed") */
  modifierAfter: Set<string>;
  /** words for a kind of place between a name and its stated container ("Mora village (Surat, Gujarat)") */
  kindWords: Set<string>;
  /** words opening a neighbourhood's name ("Colonia Agua Blanca"): alone they name no place */
  subPlacePrefixes: Set<string>;
  /** words right before a place that make it the event's ("clashes in X") */
  eventLocative: Set<string>;
  /** verbs whose object place is the event's ("shelled X") */
  targetVerbs: Set<string>;
  offsetUnits: Record<string, number>;
  bearings: Record<string, number>;
}

export const CUES_FILE = new URL('../../data/geo/cues.json', import.meta.url);
export const FRONTS_FILE = new URL('../../data/geo/fronts.json', import.meta.url);

/** A war's front: its areas, and the names whose mention places a report on it (data/geo/fronts.json). */
export interface Front {
  name: string;
  cc: string;
  admin1: Set<string>;
  /** [south, west, north, east] */
  box: [number, number, number, number];
  cues: RegExp;
}

/** A place in the front's country, in one of its areas or inside its box. */
export function onFront(f: Front, cc: string, admin1: string | null, lat: number, lon: number): boolean {
  if (cc !== f.cc) return false;
  if (admin1 && f.admin1.has(admin1)) return true;
  const [s, w, n, e] = f.box;
  return lat >= s && lat <= n && lon >= w && lon <= e;
}

let cues: Cues | null = null;
let fronts: Front[] | null = null;

export function loadFronts(): Front[] {
  if (fronts) return fronts;
  const raw = JSON.parse(readFileSync(FRONTS_FILE, 'utf8')) as { fronts: { name: string; cc: string; admin1: string[]; box: [number, number, number, number]; cues: string[] }[] };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  fronts = raw.fronts.map((f) => Object.freeze({ name: f.name, cc: f.cc, admin1: new Set(f.admin1), box: f.box, cues: new RegExp(`(?<![\\p{L}])(?:${f.cues.map(escape).join('|')})(?![\\p{L}])`, 'u') }));
  return fronts;
}

export function loadCues(): Cues {
  if (cues) return cues;
  const raw = JSON.parse(readFileSync(CUES_FILE, 'utf8')) as Record<string, unknown>;
  const set = (k: string) => new Set((raw[k] as string[]).map((w) => w.toLowerCase()));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  cues = Object.freeze({
    locativeBefore: set('locativeBefore'),
    areaAfter: set('areaAfter'),
    adminAfter: set('adminAfter'),
    settlementAfter: set('settlementAfter'),
    actorAfterPossessive: set('actorAfterPossessive'),
    actorVerbsAfter: set('actorVerbsAfter'),
    orgWordsAfter: set('orgWordsAfter'),
    sourceBefore: set('sourceBefore'),
    flowFrom: set('flowFrom'),
    flowFromWord: new RegExp(`\\b(?:${[...set('flowFrom')].map(escape).join('|')})\\b`),
    particles: set('particles'),
    notPlaces: set('notPlaces'),
    personTitles: set('personTitles'),
    personVerbsAfter: set('personVerbsAfter'),
    modifierAfter: set('modifierAfter'),
    kindWords: set('kindWords'),
    subPlacePrefixes: set('subPlacePrefixes'),
    eventLocative: set('eventLocative'),
    targetVerbs: set('targetVerbs'),
    offsetUnits: raw.offsetUnits as Record<string, number>,
    bearings: raw.bearings as Record<string, number>,
  });
  return cues;
}
