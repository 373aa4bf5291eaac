/**
 * The marks organised crime leaves on a killing ("a drive-by shooting", "the
 * hands tied", "human remains in bags"). Where ACLED codes gangs, they make
 * the unnamed perpetrator a gang: "armed men" become "Unidentified Gang
 * (Mexico)", and a killing nobody is named for gets the gang as its agent,
 * on the words that bear the mark.
 */
import { emit, type Ctx } from './context.ts';
import { actorForCountry } from './names.ts';
import { tokenize, type Tok } from './tokens.ts';

const key = (toks: { norm: string }[]) => toks.map((t) => t.norm).join(' ');

/** The sign phrases as token keys, and the longest in tokens. */
export function signKeys(signs: readonly string[]): { keys: Set<string>; longest: number } {
  const split = signs.map((s) => tokenize(s));
  return { keys: new Set(split.map(key)), longest: Math.max(0, ...split.map((t) => t.length)) };
}

/** Token spans [i, j) of the signs in a token list, longest first at each start. */
export function signsIn(toks: Tok[], signs: { keys: Set<string>; longest: number }): { i: number; j: number }[] {
  const out: { i: number; j: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    for (let j = Math.min(toks.length, i + signs.longest); j > i; j--) {
      if (!signs.keys.has(key(toks.slice(i, j)))) continue;
      out.push({ i, j });
      i = j - 1;
      break;
    }
  }
  return out;
}

/** Adds the gang the first sign of the sentence implies as agent, when the country in focus codes gangs (countries.json crimeKind). */
export function crimeActor(ctx: Ctx, signs: { keys: Set<string>; longest: number }): void {
  const country = ctx.focus ? ctx.cb.byIso2.get(ctx.focus) : undefined;
  if (!country?.crimeKind) return;
  const [first] = signsIn(ctx.toks, signs);
  const gang = first && actorForCountry(ctx.cb, country.iso2, country.crimeKind, ctx.date);
  if (!gang) return;
  const words = ctx.doc.text.slice(ctx.toks[first.i].start, ctx.toks[first.j - 1].end);
  emit(ctx, first.i, first.j, gang, 'generic', null, `"${words}" is a mark of organised crime, which ACLED codes to gangs in ${country.name}`);
  ctx.out[ctx.out.length - 1].role = 'agent';
}
