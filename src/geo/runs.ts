/**
 * Capitalised token runs that can hold a name (words joined by spaces,
 * hyphens and particles such as al-, de, of), whether a sentence is a
 * headline shouting in capitals, and the surnames of the people a document
 * names: what recognition reads from capitalisation alone.
 */
import type { Doc, Token } from '../text/types.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Cues } from './cues.ts';

const MAX_CHUNK_TOKENS = 40;
// made once: a regex literal in a function is a new object at each call, and the first call of one deoptimises its caller
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const UPPER_START = /^\p{Lu}/u;
const HYPHEN = /^[-‐]$/;

// ASCII first: a token starting with A-Z is upper-initial, any other ASCII start is not; only other scripts need Unicode classes
export function isUpperInitial(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(t.text) && LETTER.test(t.text);
}

/**
 * Whether each token (by its index in doc.tokens) starts with a capital:
 * recognition asks it of every token several times (headlines, runs,
 * surnames), and one byte per token is read faster than its text's first letter.
 */
export type Caps = Uint8Array;

export function upperInitials(tokens: Token[]): Caps {
  // one pass: a token's index is its place in the list, and the array grows for one that is not
  let caps = new Uint8Array(tokens.length);
  for (const t of tokens) {
    if (t.index >= caps.length) {
      const wider = new Uint8Array(t.index + 1);
      wider.set(caps);
      caps = wider;
    }
    if (isUpperInitial(t)) caps[t.index] = 1;
  }
  return caps;
}

/** Starts with four letters (a word long enough to tell title case from shouting). */
function isLongWord(text: string): boolean {
  if (text.length < 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) | 32;
    if (text.charCodeAt(i) >= 128) return /^\p{L}{4,}/u.test(text);
    if (c < 97 || c > 122) return false;
  }
  return true;
}


/** A headline in Title Case or capitals, where capitalisation says nothing about names. */
export function isShouting(toks: Token[], caps: Caps): boolean {
  let words = 0;
  let upperWords = 0;
  // letters are at most `length` UTF-16 units: once the small letters reach a fifth of that, capitals cannot pass 80%
  let length = 0;
  for (const t of toks) {
    length += t.text.length;
    if (!isLongWord(t.text)) continue;
    words++;
    upperWords += caps[t.index];
  }
  if (words >= 4 && upperWords / words > 0.75) return true;
  const counts = { letters: 0, capitals: 0 };
  let settled = false;
  for (const t of toks) {
    if (counts.letters - counts.capitals >= 0.2 * length) {
      settled = true;
      break;
    }
    countLetters(t.text, counts);
  }
  // every comparison runs at each call, so that the optimised code has seen them all (it bailed out at the unseen)
  const many = counts.letters > 12;
  const capitalShare = counts.capitals / Math.max(1, counts.letters) > 0.8;
  return !settled && many && capitalShare;
}

/** Adds the letters of `s` and its capitals, in UTF-16 units, to `counts`. */
function countLetters(s: string, counts: { letters: number; capitals: number }): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const l = c | 32;
      if (l >= 97 && l <= 122) {
        counts.letters++;
        if (c <= 90) counts.capitals++;
      }
      continue;
    }
    // one code point, counted in UTF-16 units as the string lengths are
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    if (LETTER.test(ch)) {
      counts.letters += ch.length;
      if (UPPER.test(ch)) counts.capitals += ch.length;
    }
    i += ch.length - 1;
  }
}

/** Tokens that touch (nothing between them). */
function adjacent(a: Token, b: Token): boolean {
  return b.start <= a.end;
}

/** Tokens with one plain space between them. */
function spaced(doc: Doc, a: Token, b: Token): boolean {
  return b.start === a.end + 1 && doc.text.charCodeAt(a.end) === 32;
}

/** Token runs that can hold a name: capitalised words joined by spaces, hyphens and particles. */
export function chunks(doc: Doc, toks: Token[], cues: Cues, caps: Caps): Token[][] {
  const out: Token[][] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    // (indices checked before reading: a read past the end deoptimises the compiled loop)
    if (!caps[t.index] && !(i + 2 < toks.length && toks[i + 1].text === '-' && cues.particles.has(t.text.toLowerCase()) && caps[toks[i + 2].index])) {
      i++;
      continue;
    }
    const run = [t];
    let j = i + 1;
    while (j < toks.length && run.length < MAX_CHUNK_TOKENS) {
      const prev = run[run.length - 1];
      const next = toks[j];
      const touching = adjacent(prev, next);
      if (!touching && !spaced(doc, prev, next)) break;
      const low = next.text.toLowerCase();
      if (cues.notPlaces.has(low)) break;
      if (caps[next.index]) run.push(next);
      else if (HYPHEN.test(next.text) && touching && j + 1 < toks.length && adjacent(next, toks[j + 1])) run.push(next);
      else if (cues.particles.has(low) && next.text === low && j + 1 < toks.length && (caps[toks[j + 1].index] || toks[j + 1].text === '-')) run.push(next);
      else break;
      j++;
    }
    while (run.length > 1 && !caps[run[run.length - 1].index]) run.pop();
    out.push(run);
    i = i + Math.max(1, run.length);
  }
  return out;
}

export function lower(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

/**
 * Surnames of the people a document names ("Sheriff John Welch", "Mr.
 * Trapani"), so that "Welch said" later is not read as the town of Welch.
 */
export function personSurnames(doc: Doc, gaz: Gazetteer, cues: Cues, caps: Caps): Set<string> {
  const out = new Set<string>();
  const toks = doc.tokens;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i];
    const next = toks[i + 1];
    if (!caps[next.index] || next.sentence !== t.sentence || !spaced(doc, t, next)) continue;
    const titled = cues.personTitles.has(withoutFinalDot(t.text).toLowerCase());
    const firstName = caps[t.index] === 1 && gaz.wordClass(t.text) === 'person' && !caps[(i + 2 < toks.length ? toks[i + 2] : t).index];
    if (titled || firstName) {
      let j = i + 1;
      while (j + 1 < toks.length && caps[toks[j + 1].index] && spaced(doc, toks[j], toks[j + 1]) && j < i + 3) j++;
      out.add(toks[j].text);
    }
  }
  return out;
}

/** "Mr." as "Mr": titles are listed without their dot. */
export function withoutFinalDot(text: string): string {
  return text.length > 0 && text.charCodeAt(text.length - 1) === 46 ? text.slice(0, -1) : text;
}
