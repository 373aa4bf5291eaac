/**
 * Where a displacement or control record can start, as patterns to look for
 * in a whole text: a flow or stock cue (displacement.json); a road noun
 * followed by a between-word ("road between", which both road wordings hold),
 * a "held by" phrase or a control verb ("under IS control" ends in one), or
 * an "-held" suffix (control.json). Looser than the statements that use them.
 */
import moves from '../../data/derive/displacement.json' with { type: 'json' };
import control from '../../data/derive/control.json' with { type: 'json' };
import { alternation } from './evidence.ts';

/** `words` stand between word boundaries; `heldSuffixes` follow a hyphen. */
export function recordStarts(): { words: string[]; heldSuffixes: string } {
  return {
    words: [
      alternation([...moves.flowCues, ...moves.stockCues]),
      alternation([...control.heldBy, ...control.controlVerbs]),
      `${alternation(control.roadNouns)}\\s+${alternation(control.roadBetween)}`,
    ],
    heldSuffixes: alternation(control.heldSuffixes),
  };
}
