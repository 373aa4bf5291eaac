/**
 * Ceasefire monitors' notes ("the OSCE SMM observed 6 explosions near
 * Lozove") name no side, but the place does: fire observed near a place one
 * side holds came from the other side of the line (countries.json
 * frontLines). The two sides become mentions on the place's words, with the
 * role the place gives them.
 */
import type { ActorMention } from '../types.ts';
import { emit, entryActor, type Ctx } from './context.ts';
import { actorForCountry, inPeriod, type GenericActor } from './names.ts';
import { phrasesIn, tokenize, type PhraseSet, type Tok } from './tokens.ts';
import type { ActorEntry, FrontLine } from './types.ts';

const key = (toks: { norm: string }[]) => toks.map((t) => t.norm).join(' ');
const LONGEST = 4;
/** "Donetsk region", "Luhansk People's Republic" are not the town */
const NOT_TOWN = new Set(['region', 'oblast', 'province', 'people', "people's", 'republic', 'regional', 'direction']);

/** Which side held each place of a line, by token key; built once per line (a memo of read-only data). */
const SIDES = new WeakMap<FrontLine, Map<string, boolean>>();
function sidesOf(line: FrontLine): Map<string, boolean> {
  let sides = SIDES.get(line);
  if (!sides) {
    sides = new Map<string, boolean>();
    for (const p of line.nonStateHeld) sides.set(key(tokenize(p)), false);
    for (const p of line.stateHeld) sides.set(key(tokenize(p)), true);
    SIDES.set(line, sides);
  }
  return sides;
}

/** The first place of the line in the sentence, and who held it. */
function heldPlace(toks: Tok[], line: FrontLine): { i: number; j: number; state: boolean } | null {
  const sides = sidesOf(line);
  for (let i = 0; i < toks.length; i++) {
    if (!/^\p{Lu}/u.test(toks[i].raw)) continue;
    for (let j = Math.min(toks.length, i + LONGEST); j > i; j--) {
      const state = sides.get(key(toks.slice(i, j)));
      if (state === undefined) continue;
      if (j < toks.length && NOT_TOWN.has(toks[j].norm)) break;
      return { i, j, state };
    }
  }
  return null;
}

/**
 * Adds the two sides of a monitor's observation near a held place; nothing
 * when the sentence has no monitor, no country has a line at the report's
 * date, or the place is not known to be on either side. The focus country's
 * line is tried first; a place name alone may say which line (the geoparser
 * can put a frontline village in another country).
 */
export function frontLineActors(ctx: Ctx, monitors: PhraseSet): void {
  if (ctx.date === null || phrasesIn(ctx.toks, monitors).length === 0) return;
  const date = ctx.date;
  const lines = ctx.cb.countries
    .flatMap((c) => (c.frontLines ?? []).filter((l) => inPeriod(date, l.from, l.to)).map((line) => ({ country: c, line })))
    .sort((a, b) => Number(b.country.iso2 === ctx.focus) - Number(a.country.iso2 === ctx.focus));
  for (const { country, line } of lines) {
    const place = heldPlace(ctx.toks, line);
    const nonState = ctx.cb.byId.get(line.nonState) as ActorEntry | undefined;
    const state = actorForCountry(ctx.cb, country.iso2, 'military', date);
    if (!place || !nonState || !state) continue;
    sides(ctx, place, entryActor(ctx, nonState), nonState.id, state);
    return;
  }
}

function sides(ctx: Ctx, place: { i: number; j: number; state: boolean }, nonState: GenericActor, nonStateId: string, state: GenericActor): void {
  const [firing, fired] = place.state ? [nonState, state] : [state, nonState];
  const words = ctx.doc.text.slice(ctx.toks[place.i].start, ctx.toks[place.j - 1].end);
  const why = `a monitor observed fire near ${words}, held by ${fired.name}: it came from the other side of the line`;
  const from = ctx.out.length;
  emit(ctx, place.i, place.j, firing, 'generic', place.state ? nonStateId : null, why);
  emit(ctx, place.i, place.j, fired, 'generic', place.state ? null : nonStateId, why);
  const [agent, target] = ctx.out.slice(from) as [ActorMention, ActorMention];
  agent.role = 'agent';
  target.role = 'target';
}
