/**
 * Statements of territorial control in text: "rebel-held territory", "areas
 * controlled by the Kurdish-led alliance", "under IS control", "the Houthis
 * control Hodeidah", "cutting off the road between Marea and Azaz". Each
 * names a controller (a canonical actor from the doc's actor mentions) and,
 * when the text gives one, a place or a road segment between two places.
 */
import type { Doc } from '../text/types.ts';
import type { ActorMention, PlaceMention } from '../mentions/types.ts';
import cues from '../../data/derive/control.json' with { type: 'json' };
import { actorEndingAt, alternation, bySentence, clauseEnd, firstPlaceIn, isCountry, lastActorIn, placesIn } from './evidence.ts';

export interface ControlStatement {
  /** which wording said it */
  pattern: 'held' | 'held-by' | 'under' | 'controls' | 'road';
  controller: ActorMention;
  /** the place held, or the first end of a road; null when the text names none ("territory controlled by …") */
  place: PlaceMention | null;
  /** the other end of a road segment */
  to: PlaceMention | null;
  /** true when the sentence reports the place being taken: the statement says who held it before */
  prior: boolean;
  sentence: number;
  /** the phrase that states control, a span of doc.text */
  start: number;
  end: number;
  text: string;
}

const re = (src: string) => new RegExp(src, 'gi');
const HELD = re(`-${alternation(cues.heldSuffixes)}\\b`);
const HELD_BY = re(`\\b${alternation(cues.heldBy)}\\s+`);
const UNDER = re(`\\bunder\\s+(?:the\\s+)?([^,.;]{1,60}?)\\s+control\\b`);
const CONTROLS = new RegExp(`^\\s+(?:(?:who|which|that)\\s+)?(?:still\\s+|now\\s+)?${alternation(cues.controlVerbs)}\\s+`, 'i');
const ROAD = re(
  `\\b${alternation(cues.roadVerbs)}\\s+(?:off\\s+)?(?:the\\s+|a\\s+)?(?:[\\w-]+\\s+){0,3}?${alternation(cues.roadNouns)}\\s+${alternation(cues.roadBetween)}\\s+`,
);
const ROAD_SEGMENT = re(`\\b${alternation(cues.roadNouns)}\\s+${alternation(cues.roadBetween)}\\s+`);
const ROAD_PASSIVE = new RegExp(`^\\s*,?\\s*(?:was|were|has been|have been|had been|is|are)\\s+(?:now\\s+)?${alternation(cues.roadVerbs)}(?:\\s+off)?\\s+by\\s+`, 'i');
const ROAD_JOIN = new RegExp(`^\\s*,?\\s*${alternation(cues.roadAnd)}\\s+(?:the\\s+(?:town|city|village)\\s+of\\s+)?$`, 'i');
const TAKEOVER = new RegExp(`\\b${alternation(cues.takeoverVerbs)}\\b`, 'i');

/**
 * Every wording a finder needs: "-held", "held by", "under … control", a road
 * between two places, a control verb. A sentence with none states no control,
 * whoever it names, so this is read before the actors are found.
 */
const WORDING = new RegExp([HELD, HELD_BY, UNDER, ROAD_SEGMENT, new RegExp(`\\b${alternation(cues.controlVerbs)}\\s+`)].map((r) => r.source).join('|'), 'i');

/**
 * Whether a sentence can state control, before its mentions are found.
 * @example mayStateControl('Houthi rebels still hold Hodeidah.') // true
 */
export function mayStateControl(text: string): boolean {
  return WORDING.test(text);
}

/**
 * Finds statements of control in a Doc whose actor and place mentions are filled.
 * @example findControlStatements(doc)[0] // {pattern: 'road', controller: {name: 'Islamic State (Syria)'…}, place: Marea, to: Azaz…}
 */
export function findControlStatements(doc: Doc): ControlStatement[] {
  const out: ControlStatement[] = [];
  // a sentence without an actor states no control: most have none, and are not filtered for theirs one by one
  const actorsOf = bySentence(doc.mentions.actors);
  for (const s of doc.sentences) {
    const actors = actorsOf.get(s.index);
    if (!actors) continue;
    const places = placesIn(doc, s.index).filter((p) => !isCountry(p));
    for (const find of FINDERS) {
      for (const st of find(doc, s.index, actors, places)) {
        if (!out.some((o) => o.sentence === st.sentence && o.start < st.end && st.start < o.end)) out.push(st);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Every match of a global regex, by exec from lastIndex: matchAll copies the regex on every call, for every sentence with an actor. */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

type Finder = (doc: Doc, sentence: number, actors: ActorMention[], places: PlaceMention[]) => ControlStatement[];

function statement(doc: Doc, fields: Omit<ControlStatement, 'text'>): ControlStatement {
  return { ...fields, text: doc.text.slice(fields.start, fields.end) };
}

/**
 * "cutting off the main road between Marea and Azaz": the sentence's agent holds the segment;
 * "the highway linking A with B was cut by X": the agent after "by" does.
 */
const roadStatements: Finder = (doc, sentence, actors, places) => {
  const s = doc.sentences[sentence];
  const out: ControlStatement[] = [];
  const segments = allMatches(ROAD_SEGMENT, s.text).map((m) => ({ at: s.start + m.index, end: s.start + m.index + m[0].length, verb: false }));
  // a ROAD match ends in a segment after white space ("cutting the road between"; every road noun starts with a letter): no segment, no match
  if (segments.length === 0) return out;
  const active = allMatches(ROAD, s.text).map((m) => ({ at: s.start + m.index, end: s.start + m.index + m[0].length, verb: true }));
  for (const m of [...active, ...segments.filter((g) => !active.some((a) => a.end === g.end))]) {
    const a = firstPlaceIn(places, m.end, m.end + 4);
    if (!a) continue;
    const b = places.find((p) => p.start > a.end && ROAD_JOIN.test(doc.text.slice(a.end, p.start)));
    if (!b) continue;
    const passive = ROAD_PASSIVE.exec(doc.text.slice(b.end, s.end));
    const controller = passive
      ? (actors.find((x) => x.start >= b.end + passive[0].length && x.start <= b.end + passive[0].length + 30) ?? null)
      : m.verb ? agentBefore(doc, actors, m.at) : null;
    if (!controller) continue;
    out.push(statement(doc, { pattern: 'road', controller, place: a, to: b, prior: false, sentence, start: m.at, end: passive ? controller.end : b.end }));
  }
  return out;
};

/** "rebel-held eastern Aleppo", "IS-controlled territory": the actor ends at the hyphen. */
const heldStatements: Finder = (doc, sentence, actors, places) => {
  const s = doc.sentences[sentence];
  const out: ControlStatement[] = [];
  for (const m of allMatches(HELD, s.text)) {
    const hyphen = s.start + m.index;
    const controller = actorEndingAt(actors, hyphen);
    if (!controller) continue;
    const end = hyphen + m[0].length;
    const place = firstPlaceIn(places, end, clauseEnd(doc.text, end, s.end));
    const prior = takeoverBefore(doc, s.start, controller.start);
    out.push(statement(doc, { pattern: 'held', controller, place, to: null, prior, sentence, start: controller.start, end: place?.end ?? end }));
  }
  return out;
};

/** "territory controlled by a US-backed Kurdish-led alliance", "towns under IS control". */
const heldByStatements: Finder = (doc, sentence, actors, places) => {
  const s = doc.sentences[sentence];
  const out: ControlStatement[] = [];
  for (const m of allMatches(HELD_BY, s.text)) {
    const at = s.start + m.index;
    const after = at + m[0].length;
    const controller = lastActorIn(actors, after, clauseEnd(doc.text, after, s.end));
    if (!controller) continue;
    const place = placeBefore(doc, places, at, s.start);
    out.push(statement(doc, { pattern: 'held-by', controller, place, to: null, prior: false, sentence, start: place?.start ?? at, end: controller.end }));
  }
  for (const m of allMatches(UNDER, s.text)) {
    const at = s.start + m.index;
    const controller = lastActorIn(actors, at, at + m[0].length);
    if (!controller) continue;
    const place = placeBefore(doc, places, at, s.start);
    out.push(statement(doc, { pattern: 'under', controller, place, to: null, prior: false, sentence, start: place?.start ?? at, end: at + m[0].length }));
  }
  return out;
};

/** "the Houthis, who control Hodeidah", "rebels still hold Idlib". */
const controlsStatements: Finder = (doc, sentence, actors, places) => {
  const s = doc.sentences[sentence];
  const out: ControlStatement[] = [];
  for (const controller of actors) {
    const m = CONTROLS.exec(doc.text.slice(controller.end, s.end));
    if (!m) continue;
    const after = controller.end + m[0].length;
    const place = firstPlaceIn(places, after, Math.min(after + 40, clauseEnd(doc.text, after, s.end)));
    if (!place) continue;
    out.push(statement(doc, { pattern: 'controls', controller, place, to: null, prior: false, sentence, start: controller.start, end: place.end }));
  }
  return out;
};

/** In the order their statements win an overlap. */
const FINDERS: Finder[] = [roadStatements, heldStatements, heldByStatements, controlsStatements];

/**
 * The place a "held by" phrase modifies: named just before it with at most a
 * few words between ("Marea, held by rebels", "the port of Hodeidah, controlled
 * by …"), not across a region noun ("northern Syria into territory controlled by …").
 */
function placeBefore(doc: Doc, places: PlaceMention[], at: number, sentenceStart: number): PlaceMention | null {
  const before = places.filter((p) => p.end <= at && p.start >= sentenceStart);
  const p = before[before.length - 1];
  if (!p) return null;
  const gap = doc.text.slice(p.end, at);
  return gap.split(/\s+/).filter(Boolean).length <= 3 && !REGION_GAP.test(gap) ? p : null;
}
const REGION_GAP = new RegExp(`\\b${alternation(cues.regionNouns)}\\b|[;.]`, 'i');

/** The subject: the first actor before the verb that is not itself a "-held" modifier or an object of "from"/"against". */
function agentBefore(doc: Doc, actors: ActorMention[], verbAt: number): ActorMention | null {
  return (
    actors.find((a) => {
      if (a.start >= verbAt) return false;
      if (HELD_AFTER.test(doc.text.slice(a.end, a.end + 12))) return false;
      return !/\b(?:from|against|by|of)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, a.start - 14), a.start));
    }) ?? null
  );
}
const HELD_AFTER = new RegExp(`^-${alternation(cues.heldSuffixes)}\\b`, 'i');

/** A takeover verb earlier in the sentence means the "-held" place is being taken from its holder. */
function takeoverBefore(doc: Doc, sentenceStart: number, at: number): boolean {
  return TAKEOVER.test(doc.text.slice(sentenceStart, at));
}
