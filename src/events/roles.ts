/**
 * Who did what to whom: actor1 (agent) and actor2 (target) around an anchor
 * cue, from word order, voice and the prepositions reporters use ("by X",
 * "from X", "against X", "between X and Y").
 */
import type { Sentence } from '../text/index.ts';
import type { ActorMention } from '../mentions/types.ts';
import type { CueHit } from './cues.ts';

export type Target = 'civilian' | 'armed' | null;

export interface Roles {
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  assoc: ActorMention[];
  passive: boolean;
  target: Target;
}

// case-sensitive: "IS swept through" is the group, not the verb
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|got|get|gets)\s+(?:\w+ly\s+|also\s+|not\s+)?$/;
const BY_BEFORE = /\bby\s+(?:(?:the|a|an|suspected|alleged|presumed|reportedly|allegedly|apparently|unidentified|unknown|armed|some|about|around|at least|more than|over|nearly|up to|\d+|two|three|four|five|six|several|dozens of|hundreds of|a group of|members of)\s+)*$/i;
const PREP_BEFORE = /\b(?:of|from|against|on|by|to|with|between|at|in|near|into|for|including|targeting|and)\s+(?:(?:the|a|an|two|several|some|suspected)\s+)*$/i;
const TARGET_PREP_BEFORE = /\b(?:against|on|targeting|at|from|with|upon)\s+(?:(?:the|a|an|suspected)\s+)*$/i;
// "fighters of the FSA attacked": the group after a member noun is the subject
const MEMBERS_OF = /\b(?:fighters|members|militants|militiamen|troops|soldiers|forces|units|elements|gunmen|supporters|loyalists|cadres|operatives|a group)\s+(?:of|from)\s+(?:the\s+)?$/i;
const JOIN = /^\s*(?:,|and|,? including|,? alongside|together with|,? backed by|,? supported by|as well as|with)\s*(?:the\s+)?$/i;
// "killed after exchanging fire with military police": in the passive, the other side of the fight is the agent
const FOUGHT_WITH = /\b(?:exchang\w* (?:of )?(?:fire|gunfire|shots) with|clash(?:es|ed)? with|fighting with|(?:shoot-?outs?|gun ?fights?|firefights?|gun ?battles?|confrontations?|encounters?) with)\s+(?:the\s+)?$/i;
// "killed during a police raid": the force whose operation it was
const DURING = /\bduring\s+(?:an?\s+|the\s+|their\s+)?$/i;
const OPERATION_AFTER = /^\s*(?:raids?|operations?|crackdowns?|patrols?|offensives?|assaults?)\b/i;
const STRUCK = /\b(?:struck|hit|stepped on|ran over|drove over|trod on|triggered)\b/i;
const REPELLED = /^\s*(?:\w+\s+)?(?:repell?ed|repulsed|thwarted|foiled|fought off|fended off|beat back|pushed back|rebuffed)\b/i;
const THEIR_ATTACK = /^\s*(?:their|its|his)\s+(?:\w+\s+)?(?:attacks?|assaults?|offensive|advance|raids?)\b/i;
const PROTEST_CUES = new Set(['protest', 'protest_weak']);
const CROWD_CUES = new Set(['protest', 'protest_weak', 'riot', 'mob']);
const STATE_FORCE = /^(?:Police|Military) Forces of /;
// "after being hit by a Taliban-planted IED": a passive by-phrase before the cue names its agent too
const PASSIVE_BY = /\b(?:was|were|been|being|is|are|got|get|gets)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\s+by\s+(?:(?:a|an|the|suspected|alleged)\s+)*$/i;
// "unknown gunmen presumably IS", "gunmen believed to belong to IS": the named group the reporter attributes the act to
const ATTRIBUTED = /^\s*,?\s*(?:presumably|presumed to be|believed to (?:be|belong to)|suspected to (?:be|belong to)|thought to be|likely|probably)\s+(?:members of\s+)?(?:the\s+)?$/i;
// a subject that acts: "the police carried out", "gunmen reportedly opened fire", not "controlled by an alliance, a monitor said"
const ACTS_AFTER = /^\s+(?:(?:\w+ly|also|then|first)\s+)?(?!(?:was|were|need|used|based|backed|led|linked)\b)(?:\w+ed|opened|shot|went|came|began|fought|took|set|broke|ran|stormed|struck|hit|seized|overran|launched|attacked|entered)\b/i;
const WINDOW = 140;

function before(text: string, rel: number, n = 40): string {
  return text.slice(Math.max(0, rel - n), rel);
}

function classOf(inter: number): Target {
  if (inter === 7) return 'civilian';
  if ([1, 2, 3, 4, 8].includes(inter)) return 'armed';
  return null;
}

/** The kind of target named by words: after the verb in the active voice ("killed a man"), before it in the passive ("a man was killed"). */
function targetWords(text: string, sentenceStart: number, hits: CueHit[], anchor: CueHit, passive: boolean): Target {
  const kinds = hits.filter((h) => (h.cue === 'victim' || h.cue === 'armed') && h.sentence === anchor.sentence);
  const pick = passive
    ? kinds.filter((h) => h.end <= anchor.start).reverse()[0]
    : kinds.find((h) => h.start >= anchor.end && !BY_BEFORE.test(before(text, h.start - sentenceStart)));
  if (!pick) return null;
  return pick.cue === 'victim' ? 'civilian' : 'armed';
}

/** "X repelled an attack by Y", "X repelled a Y attack", "Y were killed when X repulsed their attacks": Y is the attacker. */
function repelled(text: string, start: number, actors: ActorMention[]): { attacker: ActorMention; defender: ActorMention } | null {
  for (const d of actors) {
    const verb = REPELLED.exec(text.slice(d.end - start));
    if (!verb) continue;
    const from = d.end + verb[0].length;
    const named = actors.find((m) => m.start >= from && m.start - from < 60 && m.name !== d.name && !TARGET_PREP_BEFORE.test(before(text, m.start - start)));
    if (named) return { attacker: named, defender: d };
    const earlier = THEIR_ATTACK.test(text.slice(from - start)) ? actors.find((m) => m.end <= d.start && m.name !== d.name) : undefined;
    if (earlier) return { attacker: earlier, defender: d };
  }
  return null;
}

/**
 * A mention's offset into its sentence's text. (Module functions, not closures
 * made per call: under tsx each closure made has its name set by a costly defineProperty.)
 */
function rel(sentence: Sentence, m: { start: number }): number {
  return m.start - sentence.start;
}

/** The actor ACLED codes a faction under (FSA → Opposition Rebels); the faction is kept as associated actor. */
function lead(m: ActorMention | null, assoc: ActorMention[]): ActorMention | null {
  if (!m?.partOf) return m;
  if (!assoc.includes(m)) assoc.push(m);
  return { ...m, name: m.partOf };
}

/**
 * Assigns the roles of the actors of one sentence around its anchor cue.
 * @example assignRoles(s, hit, actors, hits).actor1?.name // 'Islamic State (Syria)'
 */
export function assignRoles(sentence: Sentence, anchor: CueHit, actors: ActorMention[], hits: CueHit[]): Roles {
  const text = sentence.text;
  const a = rel(sentence, anchor);
  const b = anchor.end - sentence.start;
  // actors whose role the words fix (a monitor's note: who fired at a held place) stand in only for what the sentence leaves open
  const implied = actors.filter((m) => m.role);
  const inReach = actors.filter((m) => !m.role && Math.abs(rel(sentence, m) - a) < WINDOW);
  const passive = PASSIVE_BEFORE.test(before(text, a));
  // a cue may run over its target ("fired mortars at the governmental positions"): what starts inside it comes after the verb
  const afterAnchor = inReach.filter((m) => rel(sentence, m) > a);
  // and one that holds the cue ("Israeli artillery", "Israeli warplanes") stands before it, as does one that is the cue
  // ("gunmen"), unless it is a crowd, whose roles the protest and riot rules give
  const beforeAnchor = inReach.filter((m) => rel(sentence, m) < a || (rel(sentence, m) === a && m.end >= anchor.end && !CROWD_CUES.has(anchor.cue)));
  const byAgent = afterAnchor.find((m) => BY_BEFORE.test(before(text, rel(sentence, m)))) ?? null;

  let actor1: ActorMention | null = null;
  let actor2: ActorMention | null = null;
  const between = /\bbetween\b/i.exec(text.slice(b, b + 60));
  if (between) {
    const from = b + between.index;
    const pair = inReach.filter((m) => rel(sentence, m) > from);
    if (pair.length >= 2) [actor1, actor2] = pair;
  }
  if (!actor1 && beforeAnchor.length >= 2 && anchor.cue === 'clash') {
    const [x, y] = beforeAnchor.slice(-2);
    if (/^\s*and\s+(?:the\s+)?$/i.test(text.slice(x.end - sentence.start, rel(sentence, y)))) [actor1, actor2] = [x, y];
  }
  if (!actor1) {
    const subject = [...beforeAnchor].reverse().find((m) => !PREP_BEFORE.test(before(text, rel(sentence, m))) || MEMBERS_OF.test(before(text, rel(sentence, m)))) ?? null;
    const objects = afterAnchor.filter((m) => m !== byAgent && !BY_BEFORE.test(before(text, rel(sentence, m))));
    const object = objects.find((m) => TARGET_PREP_BEFORE.test(before(text, rel(sentence, m)))) ?? objects[0] ?? null;
    const earlyBy = beforeAnchor.find((m) => PASSIVE_BY.test(before(text, rel(sentence, m), 60))) ?? null;
    if (earlyBy) {
      actor1 = earlyBy;
      actor2 = subject ?? object;
    } else if (passive) {
      actor1 = byAgent ?? afterAnchor.find((m) => FOUGHT_WITH.test(before(text, rel(sentence, m))) || (DURING.test(before(text, rel(sentence, m))) && OPERATION_AFTER.test(text.slice(m.end - sentence.start)))) ?? null;
      actor2 = subject ?? object;
    } else if (byAgent && !subject) {
      actor1 = byAgent;
      actor2 = object;
    } else {
      actor1 = subject ?? byAgent;
      // "X destroyed a tank belonging to Y with artillery fire": a party named between the subject and the cue
      const inBetween = subject ? beforeAnchor.filter((m) => rel(sentence, m) > rel(sentence, subject) && !JOIN.test(text.slice(subject.end - sentence.start, rel(sentence, m)))) : [];
      actor2 = object ?? inBetween[inBetween.length - 1] ?? null;
    }
  }
  // "an army vehicle struck an IED": who drives onto a mine is its target, not who laid it
  if (anchor.cue === 'ied' && actor1 && !actor2 && rel(sentence, actor1) < a && STRUCK.test(text.slice(actor1.end - sentence.start, a))) [actor1, actor2] = [null, actor1];
  const rep = between ? null : repelled(text, sentence.start, inReach);
  if (rep) [actor1, actor2] = [rep.attacker, rep.defender];
  if (actor1?.name.startsWith('Unidentified')) {
    const u = actor1;
    actor1 = inReach.find((m) => m.actorId && m.start >= u.end && ATTRIBUTED.test(text.slice(u.end - sentence.start, rel(sentence, m)))) ?? actor1;
  }
  actor1 ??= implied.find((m) => m.role === 'agent' && m.name !== actor2?.name) ?? null;
  const clash = hits.some((h) => h.cue === 'clash' && h.sentence === anchor.sentence);
  if (!actor2 && clash) actor2 = implied.find((m) => m.role === 'target' && m.name !== actor1?.name) ?? null;
  if (actor1 && actor2 && actor1.name === actor2.name) actor2 = null;
  const assoc = inReach.filter((m) => {
    if (m === actor1 || m === actor2) return false;
    return [actor1, actor2].some((side) => {
      if (!side || side.name === m.name) return false;
      const [l, r] = rel(sentence, side) < rel(sentence, m) ? [side, m] : [m, side];
      return JOIN.test(text.slice(l.end - sentence.start, rel(sentence, r)));
    });
  });
  // ACLED names a protest's crowd by the event's country and keeps who they are as associated actor;
  // the other side of a protest is only a force that stepped in, not what it was against ("against the government")
  if (PROTEST_CUES.has(anchor.cue)) {
    if (actor1 && actor1.inter !== 1) {
      assoc.push(actor1);
      actor1 = null;
    }
    if (actor2 && !STATE_FORCE.test(actor2.name)) actor2 = null;
  }
  // a faction ACLED codes under another actor takes that actor's name and stays as associated actor (FSA → Opposition Rebels)
  [actor1, actor2] = [lead(actor1, assoc), lead(actor2, assoc)];
  if (actor1 && actor2 && actor1.name === actor2.name) actor2 = null;
  // the nearer of the named target and the target words wins ("killed a civilian ... near the army base")
  const words = targetWords(text, sentence.start, hits, anchor, passive);
  const wordHit = hits.find((h) => (h.cue === 'victim' || h.cue === 'armed') && h.sentence === anchor.sentence && (passive ? h.end <= anchor.start : h.start >= anchor.end));
  const actorFirst = actor2 && (!wordHit || (passive ? actor2.start > wordHit.start : actor2.start <= wordHit.start));
  const target = actorFirst ? classOf(actor2!.inter) : (words ?? (actor2 ? classOf(actor2.inter) : null));
  return { actor1, actor2, assoc, passive, target };
}

/**
 * The agent a sentence names as its subject, for a next sentence that names
 * none ("The police raided the area. A shoot-out broke out."): the first
 * actor not governed by a preposition.
 */
export function subjectOf(sentence: Sentence, actors: ActorMention[]): ActorMention | null {
  return actors.find((m) => !m.role && !PREP_BEFORE.test(before(sentence.text, m.start - sentence.start)) && ACTS_AFTER.test(sentence.text.slice(m.end - sentence.start))) ?? null;
}
