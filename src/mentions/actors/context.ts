/**
 * What the actor rules share while reading one sentence: the token list, the
 * phrase hits, the mentions found so far, and the small helpers that turn a
 * hit into a mention.
 */
import type { Doc } from '../../text/types.ts';
import type { ActorMention, InterCode } from '../types.ts';
import { scopeOf } from './check.ts';
import { entryName, inPeriod, type GenericActor } from './names.ts';
import type { Hit, Target } from './phrases.ts';
import type { Tok } from './tokens.ts';
import type { ActorEntry, Codebook } from './types.ts';

export type Of<T extends Target['t']> = Extract<Target, { t: T }>;

export function get<T extends Target['t']>(h: Hit | undefined, t: T): Of<T> | undefined {
  // a loop, not find: the rules ask this of every hit, most of them "the" and "a"
  if (h) for (const v of h.values) if (v.target.t === t) return v.target as Of<T>;
  return undefined;
}

export function all<T extends Target['t']>(h: Hit | undefined, t: T): Of<T>[] {
  return (h?.values ?? []).filter((v) => v.target.t === t).map((v) => v.target as Of<T>);
}

export function phraseOf(h: Hit, t: Target['t']): string {
  return h.values.find((v) => v.target.t === t)?.phrase.toLowerCase() ?? '';
}

export interface Ctx {
  cb: Codebook;
  doc: Doc;
  date: string | null;
  focus: string | null;
  sentence: number;
  toks: Tok[];
  hits: Hit[];
  out: ActorMention[];
  /** the document bears marks of organised crime (generic.json organisedCrimeSigns) */
  crime: boolean;
}

/** State forces acting outside their own country are "external/other forces" (inter 8) in ACLED. */
export function interIn(inter: InterCode, country: string | null, ctx: Ctx): InterCode {
  return inter === 1 && country && ctx.focus && country !== ctx.focus ? 8 : inter;
}

export function emit(ctx: Ctx, i: number, j: number, actor: GenericActor, via: ActorMention['via'], actorId: string | null, reason?: string): void {
  const start = ctx.toks[i].start;
  const end = ctx.toks[j - 1].end;
  const inter = interIn(actor.inter, actor.country, ctx);
  const mention: ActorMention = { start, end, text: ctx.doc.text.slice(start, end), sentence: ctx.sentence, name: actor.name, inter, country: actor.country, via, actorId };
  if (actor.partOf) mention.partOf = actor.partOf;
  if (reason) mention.reason = reason;
  ctx.out.push(mention);
}

export function entryActor(ctx: Ctx, a: ActorEntry): GenericActor {
  const primary = a.partOf ? ctx.cb.byId.get(a.partOf) : undefined;
  return { name: entryName(ctx.cb, a, ctx.date), inter: a.inter, country: a.country, ...(primary ? { partOf: entryName(ctx.cb, primary, ctx.date) } : {}) };
}

/** The codebook entry a hit names, and why, given the country it is said of; context aliases need that country. */
export function resolveEntry(ctx: Ctx, h: Hit | undefined, hint: string | null): { a: ActorEntry; reason: string } | null {
  const cands = all(h, 'actor')
    .map((t) => ({ t, a: ctx.cb.byId.get(t.id) as ActorEntry }))
    .filter((x) => inPeriod(ctx.date, x.a.from, x.a.to));
  // most hits name no actor ("the", "people"): no reason to word
  if (cands.length === 0) return null;
  const ids = new Set(cands.map((x) => x.a.id));
  const words = `"${h?.values.find((v) => v.target.t === 'actor')?.phrase ?? ''}" names ${ids.size} actor${ids.size === 1 ? '' : 's'}`;
  const fits = cands.find((x) => hint !== null && scopeOf(x.a).includes(hint));
  if (fits) return { a: fits.a, reason: ids.size > 1 || fits.t.context ? `${words}; ${hint} is its country` : words };
  const proper = cands.filter((x) => !x.t.context);
  const pick = proper.find((x) => x.a.default) ?? proper[0];
  if (!pick) return null;
  return { a: pick.a, reason: ids.size > 1 ? `${words}; none in ${hint ?? 'an unknown country'}, ${pick.a.default ? 'the default' : 'the first'} taken` : words };
}

export function adjacent(a: Hit | undefined, b: Hit | undefined): b is Hit {
  return !!a && !!b && a.j === b.i;
}

/** "IS fighters", "the Taliban's fighters": the span of a named actor runs over one following member noun. */
export function memberEnd(ctx: Ctx, k: number): number {
  const { hits } = ctx;
  if (adjacent(hits[k], hits[k + 1]) && get(hits[k + 1], 'member')) return k + 1;
  if (adjacent(hits[k], hits[k + 1]) && get(hits[k + 1], 'poss') && adjacent(hits[k + 1], hits[k + 2]) && get(hits[k + 2], 'member')) return k + 2;
  return k;
}

/** "security forces" are police in some countries (countries.json securityForces); unnamed killers a gang in some. */
export function kindFor(ctx: Ctx, h: Hit, t: 'head' | 'standalone', iso2: string): string {
  const kind = (get(h, t) as Of<'head'>).kind;
  if (kind === 'military' && phraseOf(h, t) === 'security forces') return ctx.cb.byIso2.get(iso2)?.securityForces ?? 'military';
  // "armed men" who leave the marks of organised crime are a gang where ACLED codes gangs
  if (kind === 'unidentified' && ctx.crime) return ctx.cb.byIso2.get(iso2)?.crimeKind ?? kind;
  return kind;
}

