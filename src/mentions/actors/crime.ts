/**
 * The marks organised crime leaves on a killing ("a drive-by shooting", "the
 * hands tied", "human remains in bags"). Where ACLED codes gangs, they make
 * the unnamed perpetrator a gang: "armed men" become "Unidentified Gang
 * (Mexico)", and a killing nobody is named for gets the gang as its agent,
 * on the words that bear the mark.
 */
import { emit, type Ctx } from './context.ts';
import { actorForCountry } from './names.ts';
import { phrasesIn, type PhraseSet } from './tokens.ts';

/** Adds the gang the first sign of the sentence implies as agent, when the country in focus codes gangs (countries.json crimeKind). */
export function crimeActor(ctx: Ctx, signs: PhraseSet): void {
  const country = ctx.focus ? ctx.cb.byIso2.get(ctx.focus) : undefined;
  if (!country?.crimeKind) return;
  const [first] = phrasesIn(ctx.toks, signs);
  const gang = first && actorForCountry(ctx.cb, country.iso2, country.crimeKind, ctx.date);
  if (!gang) return;
  const words = ctx.doc.text.slice(ctx.toks[first.i].start, ctx.toks[first.j - 1].end);
  emit(ctx, first.i, first.j, gang, 'generic', null, `"${words}" is a mark of organised crime, which ACLED codes to gangs in ${country.name}`);
  ctx.out[ctx.out.length - 1].role = 'agent';
}
