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
  particles: Set<string>;
  notPlaces: Set<string>;
  personTitles: Set<string>;
  personVerbsAfter: Set<string>;
  /** hyphenated words after a name that make it an actor's modifier ("USA -backed") */
  modifierAfter: Set<string>;
  /** words for a kind of place between a name and its stated container ("Mora village (Surat, Gujarat)") */
  kindWords: Set<string>;
  offsetUnits: Record<string, number>;
  bearings: Record<string, number>;
}

export const CUES_FILE = new URL('../../data/geo/cues.json', import.meta.url);

let cues: Cues | null = null;

export function loadCues(): Cues {
  if (cues) return cues;
  const raw = JSON.parse(readFileSync(CUES_FILE, 'utf8')) as Record<string, unknown>;
  const set = (k: string) => new Set((raw[k] as string[]).map((w) => w.toLowerCase()));
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
    particles: set('particles'),
    notPlaces: set('notPlaces'),
    personTitles: set('personTitles'),
    personVerbsAfter: set('personVerbsAfter'),
    modifierAfter: set('modifierAfter'),
    kindWords: set('kindWords'),
    offsetUnits: raw.offsetUnits as Record<string, number>,
    bearings: raw.bearings as Record<string, number>,
  });
  return cues;
}
