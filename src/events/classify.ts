/**
 * The sub-event type of a report: the first taxonomy rule (data/events/
 * taxonomy.json) whose cue, actor and target conditions hold.
 */
import type { ClassRule, Lexicon, SubEventType } from './lexicon.ts';
import type { Target } from './roles.ts';

export interface ClassInput {
  cues: Set<string>;
  /** inter code of actor1, null when unknown */
  actor1Inter: number | null;
  target: Target;
  /** the anchor words, for "retook"/"regained" when the agent is unnamed */
  anchorText: string;
}

function actorClass(inter: number | null, anchorText: string): 'state' | 'nonstate' {
  if (inter === null) return /^(?:re|liberat)/i.test(anchorText) ? 'state' : 'nonstate';
  return inter === 1 || inter === 8 ? 'state' : 'nonstate';
}

function holds(rule: ClassRule, x: ClassInput): boolean {
  if (rule.all && !rule.all.every((c) => x.cues.has(c))) return false;
  if (rule.any && !rule.any.some((c) => x.cues.has(c))) return false;
  if (rule.none && rule.none.some((c) => x.cues.has(c))) return false;
  if (rule.actor1 && actorClass(x.actor1Inter, x.anchorText) !== rule.actor1) return false;
  if (rule.target && x.target !== rule.target) return false;
  return true;
}

/**
 * The sub-event type and the rule that chose it; null when no rule fits.
 * @example classify(lex, {cues: new Set(['air', 'violence']), actor1Inter: null, target: 'civilian', anchorText: 'strikes on'})?.sub.name // 'Air/drone strike'
 */
export function classify(lex: Lexicon, x: ClassInput): { sub: SubEventType; rule: ClassRule } | null {
  for (const rule of lex.rules) {
    if (holds(rule, x)) return { sub: lex.subEvents.get(rule.sub)!, rule };
  }
  return null;
}

/** The cues a rule relies on, so the event's trigger can be the hit that decided it. */
export function decidingCues(rule: ClassRule): string[] {
  return [...(rule.all ?? []), ...(rule.any ?? [])];
}
