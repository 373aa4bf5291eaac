/**
 * The phrase rules of actor recognition, each reading the hits from index k
 * and returning the last hit it consumed (or -1 / k when it did not apply):
 * loyalty to a leader, "<demonym> troops", "<head> of <Country>", named
 * tribal and clan groups, and definite descriptions that refer back.
 */
import { actorForCountry, actorForRegime, regimeAt, type GenericActor } from './names.ts';
import { adjacent, all, emit, entryActor, get, kindFor, memberEnd, phraseOf, resolveEntry, type Ctx, type Of } from './context.ts';
import type { Hit } from './phrases.ts';
import type { ActorEntry } from './types.ts';

function leaderActor(ctx: Ctx, h: Hit): { actor: GenericActor; id: string | null } | null {
  const ls = all(h, 'leader');
  const named = ls.find((l) => l.actorId);
  if (named?.actorId) {
    const a = ctx.cb.byId.get(named.actorId) as ActorEntry;
    return { actor: entryActor(ctx, a), id: a.id };
  }
  const now = ls.find((l) => l.iso2 && ctx.cb.byIso2.get(l.iso2) && regimeAt(ctx.cb.byIso2.get(l.iso2)!, ctx.date)?.label === l.regime) ?? ls[ls.length - 1];
  const actor = now?.iso2 && now.regime ? actorForRegime(ctx.cb, now.iso2, 'military', now.regime, ctx.date) : null;
  return actor ? { actor, id: null } : null;
}

/** "forces loyal to Syrian President Bashar al-Assad": titles, demonyms and capitalised words may stand between. */
export function loyalty(ctx: Ctx, k: number): number {
  const { hits, toks } = ctx;
  for (let m = k + 1; m < hits.length && hits[m].i - hits[k].j <= 6; m++) {
    for (let g = hits[m - 1].j; g < hits[m].i; g++) if (!/^\p{Lu}/u.test(toks[g].raw)) return -1;
    if (get(hits[m], 'leader')) {
      const l = leaderActor(ctx, hits[m]);
      if (!l) return -1;
      emit(ctx, hits[k].i, hits[m].j, l.actor, l.id ? 'alias' : 'generic', l.id, `loyal to ${hits[m].values[0].phrase}`);
      return m;
    }
    if (!get(hits[m], 'title') && !get(hits[m], 'country') && !get(hits[m], 'det')) return -1;
  }
  return -1;
}

/** "Haftar's forces", "pro-Assad troops", "Assad loyalists". */
export function leaderPhrase(ctx: Ctx, k: number): number {
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

/** Words that join two demonyms before one head. */
const JOINS = new Set(['and', 'or', ',']);

/** "Turkish and Russian forces": the first demonym shares the head of the second. */
function sharedHead(ctx: Ctx, k: number, iso2: string): void {
  const { hits, toks } = ctx;
  const h = hits[k];
  const c2 = hits[k + 1];
  const head = hits[k + 2];
  if (!c2 || !get(c2, 'country') || c2.i !== h.j + 1 || !JOINS.has(toks[h.j].norm)) return;
  if (!adjacent(c2, head) || !get(head, 'head')) return;
  const actor = actorForCountry(ctx.cb, iso2, kindFor(ctx, head, 'head', iso2), ctx.date);
  if (actor) emit(ctx, h.i, h.j, actor, 'demonym', null);
}

/** "Syrian troops", "Turkey's military", "Syrian rebels", "Turkish shelling". */
export function countryPhrase(ctx: Ctx, k: number): number {
  const { hits } = ctx;
  const h = hits[k];
  const c = get(h, 'country') as Of<'country'>;
  let m = k + 1;
  const poss = adjacent(h, hits[m]) && !!get(hits[m], 'poss');
  if (poss) m++;
  const n = hits[m];
  if (!poss) sharedHead(ctx, k, c.iso2);
  if (!adjacent(hits[m - 1], n)) return k;
  const entry = resolveEntry(ctx, n, c.iso2);
  if (entry && !poss) {
    const end = memberEnd(ctx, m);
    emit(ctx, h.i, hits[end].j, entryActor(ctx, entry.a), 'alias', entry.a.id, entry.reason);
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
export function headOfCountry(ctx: Ctx, k: number): number {
  const { hits, toks } = ctx;
  const h = hits[k];
  const n = hits[k + 1];
  const c = get(n, 'country');
  if (!c || c.form !== 'name' || n.i !== h.j + 1 || toks[h.j].norm !== 'of') return -1;
  const t = get(h, 'head') ? 'head' : 'standalone';
  const actor = actorForCountry(ctx.cb, c.iso2, kindFor(ctx, h, t, c.iso2), ctx.date);
  if (!actor) return -1;
  emit(ctx, h.i, n.j, actor, 'generic', null);
  // "military forces of India and Pakistan": the second country shares the head.
  const c2 = get(hits[k + 2], 'country');
  if (c2?.form === 'name' && hits[k + 2].i === n.j + 1 && ['and', 'or'].includes(toks[n.j].norm)) {
    const second = actorForCountry(ctx.cb, c2.iso2, kindFor(ctx, h, t, c2.iso2), ctx.date);
    if (second) emit(ctx, hits[k + 2].i, hits[k + 2].j, second, 'generic', null);
    return k + 2;
  }
  return k + 1;
}

const AIR_OR_GUNS = /jet|drone|aircraft|warplane|helicopter|artillery|tank|gunboat/;

/**
 * "the military", "the government", "the military forces of Azerbaijan":
 * a state head after "the" names the state in focus (or the country after "of").
 */
export function theState(ctx: Ctx, k: number): number {
  const { hits } = ctx;
  const n = hits[k + 1];
  const head = get(n, 'head');
  if (!adjacent(hits[k], n) || !head || !['military', 'police', 'government'].includes(head.kind)) return -1;
  const m = headOfCountry(ctx, k + 1);
  if (m >= 0) return m;
  const phrase = n.values.find((v) => v.target.t === 'head')?.phrase ?? '';
  if (get(n, 'standalone') || !ctx.focus || AIR_OR_GUNS.test(phrase)) return -1;
  const actor = actorForCountry(ctx.cb, ctx.focus, kindFor(ctx, n, 'head', ctx.focus), ctx.date);
  if (!actor) return -1;
  emit(ctx, n.i, n.j, actor, 'generic', null, `country in focus: ${ctx.focus}`);
  return k + 1;
}

/** "the jihadist group" → the last named actor whose categories fit. */
export function coreference(ctx: Ctx, k: number): number {
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
    ctx.out.push({ ...m, start, end, text: ctx.doc.text.slice(start, end), sentence: ctx.sentence, via: 'coreference', reason: `refers back to "${m.text}" (${d.categories.join('/')})` });
    return k + 1;
  }
  return k + 1;
}


const NAME_STOP = new Set(['the', 'a', 'an', 'on', 'in', 'at', 'of', 'and', 'by', 'from', 'with', 'between', 'for', 'to', 'two', 'three', 'rival', 'local', 'armed']);

/**
 * "Al Hayash tribesmen" → "Al Hayash Tribal Militia (Yemen)": up to four
 * capitalised words right before a group head name a group of the country in
 * focus; a clan "of <Parent> clan" is the parent's sub-clan, as ACLED names it.
 * Returns the last hit consumed, -1 when the rule did not apply.
 */
export function namedGroup(ctx: Ctx, k: number): number {
  const { hits, toks } = ctx;
  const h = hits[k];
  const g = get(h, 'named');
  const country = ctx.focus ? ctx.cb.byIso2.get(ctx.focus) : undefined;
  if (!g || !country) return -1;
  const floor = k > 0 ? hits[k - 1].j : 0;
  let i = h.i;
  while (i - 1 >= floor && h.i - (i - 1) <= 4 && /^\p{Lu}/u.test(toks[i - 1].raw)) i--;
  while (i < h.i && NAME_STOP.has(toks[i].norm)) i++;
  if (i === h.i) return -1;
  const rule = ctx.cb.generic.namedGroups[g.group];
  const group = (a: number, b: number) => ({
    name: rule.name.replace('{name}', ctx.doc.text.slice(toks[a].start, toks[b - 1].end)).replace('{country}', country.name),
    inter: rule.inter,
    country: country.iso2,
  });
  // "Fellata and Rizeigat communal militias": the first name shares the head.
  const and = i - 1;
  if (and - 1 >= floor && toks[and].norm === 'and' && /^\p{Lu}/u.test(toks[and - 1].raw) && !NAME_STOP.has(toks[and - 1].norm)) {
    let a = and - 1;
    while (a - 1 >= floor && and - (a - 1) <= 3 && /^\p{Lu}/u.test(toks[a - 1].raw) && !NAME_STOP.has(toks[a - 1].norm)) a--;
    emit(ctx, a, and, group(a, and), 'generic', null);
  }
  const parent = parentClan(ctx, h.j);
  const sub = ctx.cb.generic.namedGroups.find((r) => r.name.startsWith('{name} Sub-Clan'));
  if (parent && sub && /clan/i.test(phraseOf(h, 'named'))) {
    // "militiamen from the Ayr sub-clan of Habar Gedir clan" → "Habar Gedir-Ayr Sub-Clan Militia (Somalia)"
    const name = `${ctx.doc.text.slice(toks[parent.i].start, toks[parent.j - 1].end)}-${ctx.doc.text.slice(toks[i].start, toks[h.i - 1].end)}`;
    emit(ctx, i, parent.end, { name: sub.name.replace('{name}', name).replace('{country}', country.name), inter: sub.inter, country: country.iso2 }, 'generic', null);
    let m = k;
    while (hits[m + 1] && hits[m + 1].j <= parent.end) m++;
    return m;
  }
  emit(ctx, i, h.j, group(i, h.i), 'generic', null);
  return k;
}

/** "… of (the) Habar Gedir clan" right after a clan group: the clan it is a branch of, and where the phrase ends. */
function parentClan(ctx: Ctx, from: number): { i: number; j: number; end: number } | null {
  const { toks } = ctx;
  let k = from;
  if (toks[k]?.norm !== 'of') return null;
  k++;
  if (toks[k]?.norm === 'the') k++;
  const i = k;
  while (k < toks.length && k - i < 3 && /^\p{Lu}/u.test(toks[k].raw)) k++;
  if (k === i || toks[k]?.norm !== 'clan') return null;
  return { i, j: k, end: k + 1 };
}
