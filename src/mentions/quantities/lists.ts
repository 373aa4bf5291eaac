/**
 * Victims named in a list: "a woman and her son", "three CRPF personnel and
 * one civilian", "21 militants including 2 commanders". A pattern finds one
 * victim phrase next to the verb; the phrases joined to it by "and", "as well
 * as" or a comma are counted too, and those after "including" are a part of
 * the phrase before them, not more people.
 */
import words from '../../../data/lexicon/casualty-words.json' with { type: 'json' };
import type { Interval } from '../types.ts';
import { AMOUNT, WORD_ALT, readAmount } from './amount.ts';
import { nativeRegExp } from './native.ts';

/** the words that can end a phrase naming people ("police officers" ends in "officers") */
const PERSON_HEADS = new Set(words.personNouns.map((n) => n.toLowerCase().split(' ').at(-1)!));
const PLURAL = new Set(['men', 'women', 'people', 'children', 'police', 'personnel', 'youth', 'elderly', 'militia', 'family']);
const ONE = /^(?:an?|one|the|he|she|him|her|his|their)$/i;

/** "driver", "head", "owner" are one person; "soldiers", "men", "police" are not */
export function singularHead(np: string): boolean {
  const last = np.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
  return last !== '' && !PLURAL.has(last) && !/[^s']s$/.test(last) && !/^(?:and|or|of)$/.test(last);
}

export interface ListItem extends Interval {
  start: number;
  end: number;
  amountStart: number;
  amountEnd: number;
}

function itemInterval(amount: string, np: string): Interval | null {
  if (ONE.test(amount)) return singularHead(np) ? { low: 1, best: 1, high: 1 } : null;
  return readAmount(amount);
}

const personHead = (np: string) => PERSON_HEADS.has(np.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '');

const JOIN_BACK = /(?:\s*,\s*and|\s*,|\s+and|\s+as\s+well\s+as|\s+including)\s+$/i;
/** a word of a victim phrase: no number, no joining word */
const NP_WORD = `(?!(?:${WORD_ALT}|and|or|including|as|well|who|which|that|were|was|is|are|the|an?|his|her|\\d)\\b)[\\w'’-]+`;
const itemBack = nativeRegExp(`(?:^|[\\s(])(?<amount>${AMOUNT}|an?|one|the|his|her)\\s+(?<np>(?:${NP_WORD}\\s+){0,4}?${NP_WORD})\\s*$`, 'i');

/**
 * The victims listed before a subject that starts at `at` ("X and Y were killed").
 * The phrase at `at` is `first`; the result says which phrases count, in text order.
 */
export function subjectsBefore(text: string, at: number, first: ListItem): ListItem[] {
  // a parenthesis inside a list is an aside ("4 people (including 1 journalist)")
  let prefix = text.slice(0, at).replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  // the list from right to left; `whole` marks an item that "including" follows
  const items: { item: ListItem; whole: boolean }[] = [{ item: first, whole: false }];
  for (let guard = 0; guard < 8; guard++) {
    const join = JOIN_BACK.exec(prefix);
    if (!join) break;
    const before = prefix.slice(0, join.index);
    const offset = Math.max(0, before.length - 120);
    const tail = before.slice(offset);
    const m = itemBack(tail).exec(tail);
    if (!m?.groups || !personHead(m.groups.np)) break;
    const interval = itemInterval(m.groups.amount, m.groups.np);
    if (!interval) break;
    const amountStart = offset + m.index + (m[0].length - m[0].trimStart().length);
    const end = offset + m.index + m[0].trimEnd().length;
    items.push({ item: { start: amountStart, end, amountStart, amountEnd: amountStart + m.groups.amount.length, ...interval }, whole: /including/i.test(join[0]) });
    prefix = before.slice(0, amountStart);
  }
  // left to right: the parts after "including" are in their whole, until they outnumber it
  const counted: ListItem[] = [];
  let room = -1;
  for (const { item, whole } of items.reverse()) {
    if (room >= (item.low ?? 0)) {
      room -= item.low ?? 0;
      continue;
    }
    room = -1;
    counted.push(item);
    if (whole && item.low !== null) room = item.low;
  }
  return counted;
}

const itemAfter = nativeRegExp(`^\\s*,?\\s+(?:and|as\\s+well\\s+as)\\s+(?:(?<poss>his|her|their|its)\\s+)?(?<amount>(?:${AMOUNT}|an?|one)(?=\\s))?(?<np>(?:\\s*(?!(?:in|on|at|near|from|with|after|and|or|but|who|which|that|while|as|during|by|for|to|of|was|were|is|are|had|has|have|including)\\b)(?!\\d)[\\w'’-]+){1,4})`, 'id');

/**
 * The victims joined after an object that ends at `end` ("killing a woman and
 * her son"); stops at a verb ("... and 2 soldiers were wounded" is another clause).
 */
export function objectsAfter(text: string, end: number): ListItem[] {
  const out: ListItem[] = [];
  let at = end;
  for (let guard = 0; guard < 6; guard++) {
    const from = text.slice(at);
    const m = itemAfter(from).exec(from);
    if (!m?.groups || !personHead(m.groups.np)) break;
    const rest = text.slice(at + m[0].length);
    if (/^\s+(?:were|was|are|is|have|has|had|got|been|also)\b/i.test(rest)) break;
    const amount = m.groups.amount ?? m.groups.poss ?? '';
    const interval = amount ? itemInterval(amount, m.groups.np) : null;
    if (!interval) break;
    const [amountStart, amountEnd] = (m.indices?.groups?.amount ?? m.indices?.groups?.poss ?? [0, 0]).map((i) => at + i);
    out.push({ start: amountStart, end: at + m[0].length, amountStart, amountEnd, ...interval });
    at += m[0].length;
  }
  return out;
}
