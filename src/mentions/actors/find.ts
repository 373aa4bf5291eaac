/**
 * Actor mentions in a Doc: codebook aliases, "<demonym> troops",
 * "<Country>'s military", "forces loyal to <leader>", generic groups of the
 * country in focus, and definite descriptions ("the jihadist group") that
 * refer back to the last compatible named actor.
 */
import type { Doc } from '../../text/types.ts';
import type { ActorMention, InterCode } from '../types.ts';
import { scopeOf } from './check.ts';
import { focusCountry } from './focus.ts';
import { actorForCountry, actorForRegime, entryName, inPeriod, regimeAt, unidentifiedMilitary, type GenericActor } from './names.ts';
import { scan, type Hit, type Target } from './phrases.ts';
import { tokenize, type Tok } from './tokens.ts';
import type { ActorEntry, Codebook } from './types.ts';

export interface FindOptions {
  /** ISO2 of the country in focus; inferred from the text (focusCountry) when absent */
  country?: string | null;
  /** ISO day the time-bounded names are chosen for; default doc.published, else the current names */
  date?: string | null;
}

type Of<T extends Target['t']> = Extract<Target, { t: T }>;

function get<T extends Target['t']>(h: Hit | undefined, t: T): Of<T> | undefined {
  return h?.values.find((v) => v.target.t === t)?.target as Of<T> | undefined;
}

function all<T extends Target['t']>(h: Hit | undefined, t: T): Of<T>[] {
  return (h?.values ?? []).filter((v) => v.target.t === t).map((v) => v.target as Of<T>);
}

function phraseOf(h: Hit, t: Target['t']): string {
  return h.values.find((v) => v.target.t === t)?.phrase.toLowerCase() ?? '';
}

interface Ctx {
  cb: Codebook;
  doc: Doc;
  date: string | null;
  focus: string | null;
  sentence: number;
  toks: Tok[];
  hits: Hit[];
  out: ActorMention[];
}

/** State forces acting outside their own country are "external/other forces" (inter 8) in ACLED. */
function interIn(inter: InterCode, country: string | null, ctx: Ctx): InterCode {
  return inter === 1 && country && ctx.focus && country !== ctx.focus ? 8 : inter;
}

function emit(ctx: Ctx, i: number, j: number, actor: GenericActor, via: ActorMention['via'], actorId: string | null): void {
  const start = ctx.toks[i].start;
  const end = ctx.toks[j - 1].end;
  const inter = interIn(actor.inter, actor.country, ctx);
  ctx.out.push({ start, end, text: ctx.doc.text.slice(start, end), sentence: ctx.sentence, name: actor.name, inter, country: actor.country, via, actorId });
}

function entryActor(ctx: Ctx, a: ActorEntry): GenericActor {
  return { name: entryName(ctx.cb, a, ctx.date), inter: a.inter, country: a.country };
}

/** The codebook entry a hit names, given the country it is said of; context aliases need that country. */
function resolveEntry(ctx: Ctx, h: Hit | undefined, hint: string | null): ActorEntry | null {
  const cands = all(h, 'actor')
    .map((t) => ({ t, a: ctx.cb.byId.get(t.id) as ActorEntry }))
    .filter((x) => inPeriod(ctx.date, x.a.from, x.a.to));
  const fits = cands.find((x) => hint !== null && scopeOf(x.a).includes(hint));
  if (fits) return fits.a;
  const proper = cands.filter((x) => !x.t.context);
  return (proper.find((x) => x.a.default) ?? proper[0])?.a ?? null;
}

function adjacent(a: Hit | undefined, b: Hit | undefined): b is Hit {
  return !!a && !!b && a.j === b.i;
}

/** "IS fighters": the span of a named actor runs over one following member noun. */
function memberEnd(ctx: Ctx, k: number): number {
  return adjacent(ctx.hits[k], ctx.hits[k + 1]) && get(ctx.hits[k + 1], 'member') ? k + 1 : k;
}

/** "security forces" are police in some countries (countries.json securityForces). */
function kindFor(ctx: Ctx, h: Hit, t: 'head' | 'standalone', iso2: string): string {
  const kind = (get(h, t) as Of<'head'>).kind;
  if (kind === 'military' && phraseOf(h, t) === 'security forces') return ctx.cb.byIso2.get(iso2)?.securityForces ?? 'military';
  return kind;
}

function leaderActor(ctx: Ctx, h: Hit): { actor: GenericActor; id: string | null } | null {
  const ls = all(h, 'leader');
  const named = ls.find((l) => l.actorId);
  if (named?.actorId) {
    const a = ctx.cb.byId.get(named.actorId) as ActorEntry;
    return { actor: entryActor(ctx, a), id: a.id };
  }
  const now = ls.find((l) => l.iso2 && ctx.cb.byIso2.get(l.iso2) && regimeAt(ctx.cb.byIso2.get(l.iso2)!, ctx.date)?.label === l.regime) ?? ls[ls.length - 1];
  const actor = now?.iso2 && now.regime ? actorForRegime(ctx.cb, now.iso2, 'military', now.regime) : null;
  return actor ? { actor, id: null } : null;
}

/** "forces loyal to Syrian President Bashar al-Assad": titles, demonyms and capitalised words may stand between. */
function loyalty(ctx: Ctx, k: number): number {
  const { hits, toks } = ctx;
  for (let m = k + 1; m < hits.length && hits[m].i - hits[k].j <= 6; m++) {
    for (let g = hits[m - 1].j; g < hits[m].i; g++) if (!/^\p{Lu}/u.test(toks[g].raw)) return -1;
    if (get(hits[m], 'leader')) {
      const l = leaderActor(ctx, hits[m]);
      if (!l) return -1;
      emit(ctx, hits[k].i, hits[m].j, l.actor, l.id ? 'alias' : 'generic', l.id);
      return m;
    }
    if (!get(hits[m], 'title') && !get(hits[m], 'country') && !get(hits[m], 'det')) return -1;
  }
  return -1;
}

/** "Haftar's forces", "pro-Assad troops", "Assad loyalists". */
function leaderPhrase(ctx: Ctx, k: number): number {
  const { hits, toks } = ctx;
  const h = hits[k];
  let m = k + 1;
  if (adjacent(h, hits[m]) && get(hits[m], 'poss')) m++;
  const pro = h.i > 0 && toks[h.i - 1].norm === 'pro';
  const n = hits[m];
  const forces = adjacent(hits[m - 1], n) && ((get(n, 'head')?.kind === 'military') || get(n, 'member'));
  if (!forces && !pro) return -1;
  const l = leaderActor(ctx, h);
  if (!l) return -1;
  const end = forces ? m : k;
  emit(ctx, pro ? h.i - 1 : h.i, hits[end].j, l.actor, l.id ? 'alias' : 'generic', l.id);
  return end;
}

/** "Syrian troops", "Turkey's military", "Syrian rebels", "Turkish shelling". */
function countryPhrase(ctx: Ctx, k: number): number {
  const { hits } = ctx;
  const h = hits[k];
  const c = get(h, 'country') as Of<'country'>;
  let m = k + 1;
  const poss = adjacent(h, hits[m]) && !!get(hits[m], 'poss');
  if (poss) m++;
  const n = hits[m];
  if (!adjacent(hits[m - 1], n)) return k;
  const entry = resolveEntry(ctx, n, c.iso2);
  if (entry && !poss) {
    const end = memberEnd(ctx, m);
    emit(ctx, h.i, hits[end].j, entryActor(ctx, entry), 'alias', entry.id);
    return end;
  }
  if (get(n, 'head')) {
    const actor = actorForCountry(ctx.cb, c.iso2, kindFor(ctx, n, 'head', c.iso2), ctx.date);
    if (actor) emit(ctx, h.i, n.j, actor, poss ? 'possessive' : 'generic', null);
    return m;
  }
  if (get(n, 'attack') && !poss) {
    const actor = actorForCountry(ctx.cb, c.iso2, 'military', ctx.date);
    if (actor) emit(ctx, h.i, h.j, actor, 'demonym', null);
  }
  return k;
}

/** "military forces of Azerbaijan", "the police of Kenya": a head, "of", then a country's name. */
function headOfCountry(ctx: Ctx, k: number): number {
  const { hits, toks } = ctx;
  const h = hits[k];
  const n = hits[k + 1];
  const c = get(n, 'country');
  if (!c || c.form !== 'name' || n.i !== h.j + 1 || toks[h.j].norm !== 'of') return -1;
  const t = get(h, 'head') ? 'head' : 'standalone';
  const actor = actorForCountry(ctx.cb, c.iso2, kindFor(ctx, h, t, c.iso2), ctx.date);
  if (!actor) return -1;
  emit(ctx, h.i, n.j, actor, 'generic', null);
  return k + 1;
}

/** "the jihadist group" → the last named actor whose categories fit. */
function coreference(ctx: Ctx, k: number): number {
  const d = get(ctx.hits[k + 1], 'description');
  if (!d || !adjacent(ctx.hits[k], ctx.hits[k + 1]) || resolveEntry(ctx, ctx.hits[k + 1], ctx.focus)) return k;
  for (let x = ctx.out.length - 1; x >= 0; x--) {
    const m = ctx.out[x];
    const a = m.actorId ? ctx.cb.byId.get(m.actorId) : undefined;
    if (!a) continue;
    const fits = d.categories.some((cat) => (cat === '*' ? a.type !== 'state' : a.categories?.includes(cat)));
    if (!fits) continue;
    const start = ctx.toks[ctx.hits[k].i].start;
    const end = ctx.toks[ctx.hits[k + 1].j - 1].end;
    ctx.out.push({ ...m, start, end, text: ctx.doc.text.slice(start, end), sentence: ctx.sentence, via: 'coreference' });
    return k + 1;
  }
  return k + 1;
}

function sentenceActors(ctx: Ctx): void {
  const { hits, toks } = ctx;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    if (get(h, 'loyal')) {
      const m = loyalty(ctx, k);
      if (m >= 0) {
        k = m;
        continue;
      }
    }
    if (get(h, 'country')) {
      k = countryPhrase(ctx, k);
      continue;
    }
    if (get(h, 'det')) {
      k = coreference(ctx, k);
      continue;
    }
    const before = h.i > 0 ? toks[h.i - 1].norm : '';
    const entry = before === 'anti' ? null : resolveEntry(ctx, h, ctx.focus);
    if (entry) {
      const end = memberEnd(ctx, k);
      emit(ctx, before === 'pro' ? h.i - 1 : h.i, hits[end].j, entryActor(ctx, entry), 'alias', entry.id);
      k = end;
      continue;
    }
    if (get(h, 'leader')) {
      const m = leaderPhrase(ctx, k);
      if (m >= 0) k = m;
      continue;
    }
    if (get(h, 'head') || get(h, 'standalone')) {
      const m = headOfCountry(ctx, k);
      if (m >= 0) {
        k = m;
        continue;
      }
    }
    if (get(h, 'unidentified-military')) {
      emit(ctx, h.i, h.j, unidentifiedMilitary(ctx.cb), 'generic', null);
      continue;
    }
    if (get(h, 'standalone') && ctx.focus && before !== 'anti') {
      const actor = actorForCountry(ctx.cb, ctx.focus, kindFor(ctx, h, 'standalone', ctx.focus), ctx.date);
      if (actor) emit(ctx, h.i, h.j, actor, 'generic', null);
    }
  }
}

/** More than half the letters in capitals: a shouted headline, where "IS" is only a verb. */
function shouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 12 && upper.length / letters.length > 0.6;
}

/**
 * Every actor mention of the document, in text order, spans exact
 * (`doc.text.slice(start, end) === text`).
 * @example findActors(makeDoc({id: 'd', text: "Turkey's military shelled IS.", published: '2016-05-29'}), loadCodebook())
 *   // [{text: "Turkey's military", name: 'Military Forces of Turkey (2016-)', via: 'possessive', …},
 *   //  {text: 'IS', name: 'Islamic State (Syria)', via: 'alias', …}]
 */
export function findActors(doc: Doc, cb: Codebook, opts: FindOptions = {}): ActorMention[] {
  const date = opts.date !== undefined ? opts.date : doc.published ? doc.published.slice(0, 10) : null;
  const perSentence = doc.sentences.map((s) => {
    const toks = tokenize(s.text, s.start);
    const hits = scan(cb.index, toks).filter((h) => !(shouted(s.text) && h.values.every((v) => v.exact)));
    return { s, toks, hits };
  });
  const focus = opts.country !== undefined && opts.country !== null ? opts.country : focusCountry(doc, perSentence.map((p) => p.hits), cb);
  const out: ActorMention[] = [];
  for (const { s, toks, hits } of perSentence) sentenceActors({ cb, doc, date, focus, sentence: s.index, toks, hits, out });
  return out;
}
