/**
 * Quantities stage: how many people were killed, injured, fled, arrested or
 * kidnapped, as intervals with their hedges ("at least 28" → 28..open).
 * Counts of people with no verb of harm ("4.8 million refugees") come out as
 * kind 'people': a stock, never an event figure.
 */
import type { Doc } from '../../text/types.ts';
import type { Interval, QuantityKind, QuantityMention } from '../types.ts';
import { SentenceMentions } from '../per-sentence.ts';
import { WORD_ALT, readAmount } from './amount.ts';
import { isWide, narrowText } from './native.ts';
import { MIXED_TRIGGER, PATTERNS, kindOf } from './patterns.ts';
import { objectsAfter, singularHead, subjectsBefore, type ListItem } from './lists.ts';

export type { QuantityMention, QuantityKind, Interval } from '../types.ts';
export { readAmount, readNumber, acledFigure } from './amount.ts';
export { nativeRegExp } from './native.ts';
export { fuseCounts, type CountClaim, type FusedCount } from './fuse.ts';

/** A quantity found in one text; offsets are into that text. */
export interface QuantityCandidate {
  start: number;
  end: number;
  kind: QuantityKind;
  amountStart: number;
  amountEnd: number;
  low: number | null;
  best: number | null;
  high: number | null;
}

/** Every amount has a digit, a number word, a vague amount or a singular article. */
const ANY_AMOUNT = new RegExp(`\\d|\\b(?:${WORD_ALT}|an?|the|he|she|him|her|his)\\b`, 'i');
const YEAR = /^(?:1[89]|20)\d{2}$/;

/** Each word that starts a phrase of some pattern's hint, with the patterns it wakes (their indexes in PATTERNS). */
const WAKES = new Map<string, number[]>();
for (const [k, pattern] of PATTERNS.entries()) for (const w of pattern.starts ?? []) WAKES.set(w, [...(WAKES.get(w) ?? []), k]);

/**
 * The word characters ([\w-], ASCII) as a table read in the scan's loop: the
 * CLI runs V8 without inlining, where a test called for every character of
 * every sentence costs a call each.
 */
const WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => (/[\w-]/.test(String.fromCharCode(c)) ? 1 : 0));
/**
 * A word's first three characters in lower case, as one number (the words
 * are ASCII; `| 32` lower-cases a letter and maps every other character the
 * same way for the text as for the start words).
 */
const head = (text: string, i: number) => (text.charCodeAt(i) | 32) | ((text.charCodeAt(i + 1) | 32) << 8) | ((text.charCodeAt(i + 2) | 32) << 16);
/** The heads of the start words: most words of a sentence have none of them, and are not copied to be looked up. */
const HEADS = new Set([...WAKES.keys()].filter((w) => w.length >= 3).map((w) => head(w, 0)));
/** Whether a word shorter than three characters can start a hint's phrase (none does in the data today). */
const SHORT_STARTS = [...WAKES.keys()].some((w) => w.length < 3);

/**
 * The patterns that need one of their nouns, by the nouns' first runs of
 * word characters ("police officers" → "police", "ex-soldiers" → "ex"). A
 * noun stands after white space, so its first run is also the first run of
 * a word of the text (up to a hyphen or the word's end). A pattern with a
 * noun whose first run is shorter than a head is not gated.
 */
const firstRun = (phrase: string) => /^\w*/.exec(phrase)![0].toLowerCase();
const NOUN_WAKES = new Map<string, number[]>();
const UNGATED = PATTERNS.map((p) => p.starts === null && (!p.nouns || p.nouns.some((n) => firstRun(n).length < 3)));
for (const [k, pattern] of PATTERNS.entries()) {
  if (UNGATED[k] || !pattern.nouns) continue;
  for (const key of new Set(pattern.nouns.map(firstRun))) NOUN_WAKES.set(key, [...(NOUN_WAKES.get(key) ?? []), k]);
}
/** The heads of those runs: most words have none of them, and are not copied to be looked up. */
const NOUN_HEADS = new Set([...NOUN_WAKES.keys()].map((w) => head(w, 0)));

/**
 * Which patterns may match a text: those one of whose start words stands in
 * the text as a whole word (a run of [\w-]), those one of whose nouns may
 * (a word that starts with a noun's first run), and the others whose hint
 * has no word list. Found in one pass, where running every hint costs 22 scans.
 */
function wokenPatterns(text: string): boolean[] {
  const woken = [...UNGATED];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c >= 128 || WORD_CHAR[c] === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 128 || WORD_CHAR[d] === 0) break;
      j++;
    }
    const h = j - i >= 3 ? head(text, i) : -1;
    if (h >= 0 ? HEADS.has(h) : SHORT_STARTS) for (const k of WAKES.get(text.slice(i, j).toLowerCase()) ?? []) woken[k] = true;
    if (h >= 0 && NOUN_HEADS.has(h)) {
      let run = i;
      while (run < j && text.charCodeAt(run) !== 45) run++;
      for (const k of NOUN_WAKES.get(text.slice(i, run).toLowerCase()) ?? []) woken[k] = true;
    }
    i = j;
  }
  return woken;
}

/** The patterns that can count the killed or injured: all but those of another fixed kind. */
const NOT_CASUALTY_KINDS = new Set(['fled', 'people', 'arrested', 'kidnapped']);
const CASUALTY = PATTERNS.map((p) => !NOT_CASUALTY_KINDS.has(p.kind));

/**
 * Whether a sentence may count the killed or injured: quantitiesInText's own
 * first tests, for the patterns that can give such a count. Most sentences
 * asked this ("does the next sentence give the toll?") fail it, and their
 * quantities are never found.
 * @example mayCountCasualties('The mayor spoke on Friday.') // false
 */
export function mayCountCasualties(text: string): boolean {
  if (!ANY_AMOUNT.test(text)) return false;
  const woken = wokenPatterns(text);
  for (let k = 0; k < woken.length; k++) if (woken[k] && CASUALTY[k]) return true;
  return false;
}

/** The distinct hints, and each pattern's: a hint that several patterns share is tested once a sentence. */
const HINTS = [...new Set(PATTERNS.map((p) => p.hint))];
const HINT_OF = PATTERNS.map((p) => HINTS.indexOf(p.hint));
/** A hint's state in a sentence. */
const UNTESTED = 0;
const PASSED = 1;
const FAILED = 2;

/**
 * The quantities in one sentence's text.
 * @example quantitiesInText('The strikes killed four people.')[0] // {kind: 'killed', low: 4, best: 4, high: 4, …}
 */
export function quantitiesInText(sentence: string, narrow = false): QuantityCandidate[] {
  const out: QuantityCandidate[] = [];
  const claimed: [number, number][] = [];
  if (!ANY_AMOUNT.test(sentence)) return out;
  // `narrow`: the caller knows the sentence is held one byte a character (a slice of a text that is)
  const { text, wide } = narrow ? { text: sentence, wide: false } : narrowText(sentence);
  const free = (i: { amountStart: number; amountEnd: number }) => !claimed.some(([s, e]) => i.amountStart < e && s < i.amountEnd);
  const take = (kind: QuantityKind, i: ListItem) => {
    claimed.push([i.amountStart, i.amountEnd]);
    out.push({ ...i, kind });
  };
  const woken = wokenPatterns(text);
  const hints = new Uint8Array(HINTS.length);
  PATTERNS.forEach((pattern, k) => {
    if (!woken[k]) return;
    const h = HINT_OF[k];
    if (hints[h] === UNTESTED) hints[h] = pattern.hint.test(text) ? PASSED : FAILED;
    if (hints[h] !== PASSED) return;
    const re = pattern.re(text, wide);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // no pattern matches the empty string; were one to, the scan must still move on
      if (m[0] === '') re.lastIndex++;
      const g = m.groups ?? {};
      const amountText = g.amount;
      const [amountStart, amountEnd] = m.indices?.groups?.amount ?? [0, 0];
      if (!free({ amountStart, amountEnd })) continue;
      // a bare year is a date, unless people are counted right after it
      if (YEAR.test(amountText) && !(g.person && /^\s+(?!(?:a|an|the|in|on|at|of|to|and)\b)\w/i.test(text.slice(amountEnd)))) continue;
      const mixed = pattern.mixed || (g.trigger !== undefined && MIXED_TRIGGER.test(g.trigger));
      const interval = mixed ? { low: null, best: null, high: null } : ONE.test(amountText) ? oneVictim(amountText, g) : readAmount(amountText);
      if (!interval) continue;
      const kind = mixed ? 'killed' : pattern.kind in { active: 1, passive: 1, nouns: 1, tolls: 1, left: 1 }
        ? kindOf(pattern.kind as 'active', g.trigger)
        : (pattern.kind as QuantityKind);
      if (!kind) continue;
      if (kind === 'people' && interval.low === null && interval.best === null && interval.high === null) continue;
      const end = (m.index ?? 0) + m[0].length;
      // "Thousands of": the amount's words stop before the "of" that joins them to the people
      const ofAt = /\s+of$/i.exec(amountText);
      const found: ListItem = { start: m.index ?? 0, end, amountStart, amountEnd: ofAt ? amountStart + ofAt.index : amountEnd, ...interval };
      if (kind === 'people' || mixed) take(kind, found);
      else if (pattern.list === 'subject') subjectsBefore(text, amountStart, found).filter(free).forEach((i) => take(kind, i));
      else {
        take(kind, found);
        if (pattern.list === 'object') objectsAfter(text, end).filter(free).forEach((i) => take(kind, i));
      }
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

const ONE = /^(?:an?|one|the|he|she|him|her|his|himself|herself)$/i;

/**
 * One victim: "a man", "one of the injured men", "the driver", "him". A
 * definite phrase must name one person ("the soldiers" is no count), and a
 * pronoun stands alone ("he died", not "he said the men died").
 */
function oneVictim(amount: string, g: Record<string, string | undefined>): Interval | null {
  const np = (g.np ?? '').trim();
  const a = amount.toLowerCase();
  if (a === 'he' || a === 'she' || a === 'him') return np === '' ? { low: 1, best: 1, high: 1 } : null;
  if ((a === 'the' || a === 'his' || a === 'her') && np === '') return a === 'the' ? null : { low: 1, best: 1, high: 1 };
  if ((a === 'the' || a === 'his' || a === 'her') && (np.split(/\s+/).length > 4 || /[()]/.test(np) || !singularHead(np))) return null;
  if (a === 'one' && g.of) return { low: 1, best: 1, high: 1 };
  return { low: 1, best: 1, high: 1 };
}

/**
 * The quantities of a Doc, sentence by sentence. `text` is the evidence
 * ("killed four people"), `amountText` the number words ("four").
 */
export function findQuantities(doc: Doc): QuantityMention[] {
  return quantitiesBySentence(doc).all();
}

/** The same, each sentence's found when first asked for. */
export function quantitiesBySentence(doc: Doc): SentenceMentions<QuantityMention> {
  // the sentences of a story with nothing outside Latin-1 need no one-byte copies
  const narrow = !isWide(doc.text);
  return SentenceMentions.over(doc.sentences, (s) => quantitiesInText(s.text, narrow).map((c) => {
    const start = s.start + c.start;
    const end = s.start + c.end;
    return {
      start, end, text: doc.text.slice(start, end), sentence: s.index, kind: c.kind,
      amountText: doc.text.slice(s.start + c.amountStart, s.start + c.amountEnd),
      low: c.low, best: c.best, high: c.high,
    };
  }));
}
