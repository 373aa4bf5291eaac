/**
 * Actor mentions in a Doc: codebook aliases, "<demonym> troops",
 * "<Country>'s military", "forces loyal to <leader>", generic groups of the
 * country in focus, and definite descriptions ("the jihadist group") that
 * refer back to the last compatible named actor.
 */
import type { Doc } from '../../text/types.ts';
import type { ActorMention } from '../types.ts';
import { all, emit, entryActor, get, kindFor, memberEnd, resolveEntry, type Ctx } from './context.ts';
import { focusCountry } from './focus.ts';
import { frontLineActors } from './fronts.ts';
import { crimeActor } from './crime.ts';
import { phraseSet, phrasesIn, tokenize, type PhraseSet } from './tokens.ts';
import { actorForCountry, unidentifiedMilitary } from './names.ts';
import { scan, scanWithin, type Hit } from './phrases.ts';
import { coreference, countryPhrase, headOfCountry, leaderPhrase, loyalty, namedGroup, theState } from './rules.ts';
import type { Codebook } from './types.ts';

export interface FindOptions {
  /** ISO2 of the country in focus; inferred from the text (focusCountry) when absent */
  country?: string | null;
  /** ISO day the time-bounded names are chosen for; default doc.published, else the current names */
  date?: string | null;
}

/** "regime-controlled areas", "a regime prison": the words describe a place, not an actor */
const MODIFIES = new Set(['controlled', 'held', 'run', 'prison', 'prisons', 'areas', 'territory', 'territories', 'media']);

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
      const m = theState(ctx, k);
      k = m >= 0 ? m : coreference(ctx, k);
      continue;
    }
    const before = h.i > 0 ? toks[h.i - 1].norm : '';
    const entry = before === 'anti' ? null : resolveEntry(ctx, h, ctx.focus);
    if (entry) {
      const end = memberEnd(ctx, k);
      emit(ctx, before === 'pro' ? h.i - 1 : h.i, hits[end].j, entryActor(ctx, entry.a), 'alias', entry.a.id, entry.reason);
      k = end;
      continue;
    }
    if (h.j - h.i > 1 && all(h, 'actor').length === h.values.length) {
      // A context alias of another country ("Saudi forces" outside Yemen): read its words again, shorter.
      hits.splice(k, 1, ...scanWithin(ctx.cb.index, toks, h.i, h.j, h.j - h.i - 1));
      k--;
      continue;
    }
    const group = get(h, 'named') ? namedGroup(ctx, k) : -1;
    if (group >= 0) {
      k = group;
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
    if (get(h, 'standalone') && ctx.focus && before !== 'anti' && !MODIFIES.has(toks[h.j]?.norm ?? '')) {
      const actor = actorForCountry(ctx.cb, ctx.focus, kindFor(ctx, h, 'standalone', ctx.focus), ctx.date);
      if (actor) emit(ctx, h.i, h.j, actor, 'generic', null, `country in focus: ${ctx.focus}`);
    }
  }
}

/**
 * The few phrase lists read outside the trie, tokenized once per codebook: a
 * memo of a read-only resource (the codebook never changes once built).
 */
const SETS = new WeakMap<Codebook, { signs: PhraseSet; monitors: PhraseSet }>();
function phraseSets(cb: Codebook): { signs: PhraseSet; monitors: PhraseSet } {
  let sets = SETS.get(cb);
  if (!sets) {
    sets = { signs: phraseSet(cb.generic.organisedCrimeSigns ?? []), monitors: phraseSet(cb.generic.monitors ?? []) };
    SETS.set(cb, sets);
  }
  return sets;
}

/** More than 60% of the letters (ASCII is enough to tell) in capitals: a shouted headline, where "IS" is only a verb. */
function shouted(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper + lower >= 12 && upper / (upper + lower) > 0.6;
}

/** "2016-05-29T10:00Z" or "Sun, 29 May 2016 10:00 GMT" → "2016-05-29"; null when unreadable. */
export function dayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value.trim());
  if (iso) return iso[0];
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/**
 * The one country each sentence's places lie in, where they lie in one: a
 * story from Georgia that turns to "gunmen shot dead a police officer in
 * Kano" means Nigeria's police and gunmen, whatever the story's focus.
 */
function sentenceCountries(doc: Doc): Map<number, string> {
  const out = new Map<number, string>();
  const mixed = new Set<number>();
  for (const p of doc.mentions.places) {
    const cc = p.resolved?.iso2;
    if (!cc || (p.use ?? 'place') !== 'place' || mixed.has(p.sentence)) continue;
    const seen = out.get(p.sentence);
    if (seen === undefined) out.set(p.sentence, cc);
    else if (seen !== cc) {
      out.delete(p.sentence);
      mixed.add(p.sentence);
    }
  }
  return out;
}

/**
 * Every actor mention of the document, in text order, spans exact
 * (`doc.text.slice(start, end) === text`).
 * @example findActors(makeDoc({id: 'd', text: "Turkey's military shelled IS.", published: '2016-05-29'}), loadCodebook())
 *   // [{text: "Turkey's military", name: 'Military Forces of Turkey (2016-)', via: 'possessive', …},
 *   //  {text: 'IS', name: 'Islamic State (Syria)', via: 'alias', …}]
 */
export function findActors(doc: Doc, cb: Codebook, opts: FindOptions = {}): ActorMention[] {
  const date = dayOf(opts.date !== undefined ? opts.date : doc.published);
  const perSentence = doc.sentences.map((s) => {
    const toks = tokenize(s.text, s.start);
    const all = scan(cb.index, toks);
    const caseOnly = (h: Hit) => h.values.every((v) => v.exact);
    const hits = all.some(caseOnly) && shouted(s.text) ? all.filter((h) => !caseOnly(h)) : all;
    return { s, toks, hits };
  });
  // The title (not part of doc.text when it came from HTML) still says where the story is.
  const titleHits = doc.title && !doc.text.startsWith(doc.title) ? [scan(cb.index, tokenize(doc.title))] : [];
  const focus = opts.country ? opts.country.toUpperCase() : focusCountry(doc, [...titleHits, ...perSentence.map((p) => p.hits)], cb);
  const out: ActorMention[] = [];
  const { signs, monitors } = phraseSets(cb);
  const crime = perSentence.some((p) => phrasesIn(p.toks, signs).length > 0);
  const local = opts.country ? null : sentenceCountries(doc);
  for (const { s, toks, hits } of perSentence) {
    const ctx = { cb, doc, date, focus: local?.get(s.index) ?? focus, sentence: s.index, toks, hits, out, crime };
    sentenceActors(ctx);
    frontLineActors(ctx, monitors);
    if (crime) crimeActor(ctx, signs);
  }
  return out.sort((a, b) => a.start - b.start);
}
