/**
 * Events stage: a Doc with its mentions becomes ACLED-style event records
 * (displacement and control follow from them in the derive stage).
 *   cues → reports → drafts (roles, type, date, counts, place, source) →
 *   coalesce (one event from many reports) → records, one per place of a
 *   list ("shelling hit Avdiivka, Marinka and Krasnohorivka").
 */
import type { Doc } from '../text/index.ts';
import type { EventRecord } from './types.ts';
import type { Lexicon } from './lexicon.ts';
import { findCues, type CueHit } from './cues.ts';
import { findReports } from './report.ts';
import { draftEvent, type Draft, type EventHooks } from './draft.ts';
import { coalesce } from './coalesce.ts';
import { assemble } from './assemble.ts';
import { splitByPlace } from './split.ts';
import { inScope } from './scope.ts';
import { mayCountCasualties } from '../mentions/quantities/index.ts';

export type * from './types.ts';
export type { EventHooks, GenericKind } from './draft.ts';
export type { Lexicon } from './lexicon.ts';
export { loadLexicon, LexiconError } from './lexicon.ts';
export { stableId, interaction } from './assemble.ts';
export { acledFatalities, combineCounts } from './counts.ts';
export { findCues, type CueHit } from './cues.ts';
export { mayReport } from './report.ts';

/**
 * Codes the events of one document whose mentions are filled; `cues` are
 * its cue hits when the caller has found them already.
 * @example codeEvents(doc, lexicon, hooks)[0].sub_event_type // 'Non-state actor overtakes territory'
 */
export function codeEvents(doc: Doc, lexicon: Lexicon, hooks: EventHooks, cues: CueHit[][] = findCues(doc, lexicon)): EventRecord[] {
  const { times, quantities } = doc.mentions;
  const reports = findReports(doc, cues, lexicon, {
    dated: (s) => times.in(s).some((t) => t.type === 'DATE' && t.range !== null),
    // most sentences asked fail the cheap test, and their quantities are never found
    counted: (s) => mayCountCasualties(doc.sentences[s].text) && quantities.in(s).some((q) => q.kind === 'killed' || q.kind === 'injured'),
  });
  // whether the story is about crime is read off the whole text, once, and only if a report asks
  let criminal: boolean | undefined;
  const isCriminal = () => (criminal ??= lexicon.context.criminal.test(doc.text));
  const drafts = reports.map((r) => draftEvent(doc, r, lexicon, hooks, isCriminal)).filter((d): d is Draft => d !== null);
  return coalesce(drafts).flatMap((group) => splitByPlace(doc, assemble(doc.id, group), hooks, group[0].sub.template))
    .filter((e) => inScope(e, lexicon.scope, [hooks.country(e.location), ...placeCountries(doc, e)]));
}

/** The countries of the places an event's sentences name. */
function placeCountries(doc: Doc, e: EventRecord): (string | null)[] {
  return doc.mentions.places
    .filter((p) => (p.use ?? 'place') === 'place' && p.resolved && e.sources.some((s) => p.start >= s.start && p.end <= s.end))
    .map((p) => p.resolved!.iso3 ?? null);
}
