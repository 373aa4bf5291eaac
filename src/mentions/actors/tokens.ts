/**
 * The tokenizer that both codebook phrases and document text go through, so
 * that a phrase matches whatever spelling variants normalise alike:
 * hyphens are dropped ("al-Shabaab" = "al Shabaab"), case and diacritics are
 * folded ("Türkiye" = "turkiye"), curly apostrophes become "'".
 */

export interface Tok {
  /** folded form used for lookup */
  norm: string;
  /** the text as written */
  raw: string;
  start: number;
  end: number;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
const ASCII = /^[\x20-\x5f\x61-\x7e]*$/;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const WHITE = /\s/u;

/** Folds one token: lower case, no diacritics, straight apostrophe. */
export function fold(raw: string): string {
  if (ASCII.test(raw)) return raw.toLowerCase();
  return raw.normalize('NFD').replace(/\p{M}/gu, '').replace(APOSTROPHES, "'").toLowerCase();
}

/** What a code point is to the tokenizer. */
const SPACE = 0;
const WORD = 1;
const SYMBOL = 2;

/** A code point's kind: part of a word (a letter, mark or digit), white space, or a symbol that is a token alone. */
function kindOf(cp: number): number {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57)) return WORD;
    return cp === 32 || (cp >= 9 && cp <= 13) ? SPACE : SYMBOL;
  }
  const ch = String.fromCodePoint(cp);
  return WORD_CHAR.test(ch) ? WORD : WHITE.test(ch) ? SPACE : SYMBOL;
}

/**
 * Tokens of `text` with offsets shifted by `offset`, hyphens left out: runs
 * of letters, marks and digits, and every other character but white space
 * alone (the runs of /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu, read by
 * hand: this runs on every sentence, and a regex scan costs three times more).
 * @example tokenize("pro-Houthi forces").map(t => t.norm) // ['pro', 'houthi', 'forces']
 */
export function tokenize(text: string, offset = 0): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind === SPACE) {
      i += width;
      continue;
    }
    let j = i + width;
    let ascii = cp < 128 && cp !== 0x60;
    let upper = cp >= 65 && cp <= 90;
    if (kind === WORD) {
      while (j < text.length) {
        const next = text.codePointAt(j)!;
        if (kindOf(next) !== WORD) break;
        if (next >= 128) ascii = false;
        else if (next <= 90 && next >= 65) upper = true;
        j += next > 0xffff ? 2 : 1;
      }
    }
    const raw = text.slice(i, j);
    // a word already in lower case is its own norm: toLowerCase copies a string even when nothing changes
    const norm = !ascii ? fold(raw) : upper ? raw.toLowerCase() : raw;
    if (!(kind === SYMBOL && HYPHENS.has(raw))) out.push({ norm, raw, start: offset + i, end: offset + j });
    i = j;
  }
  return out;
}

/**
 * True when a phrase must match in its own case: every letter a capital and
 * two or more of them ("IS", "SDF", "U.S."), or one word with a capital inside
 * ("LeT", "JeM"), which would otherwise match "let" and "jem".
 */
export function keepsCase(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  return /^\p{L}+$/u.test(phrase) && /\p{Lu}/u.test(phrase.slice(1)) && phrase.length <= 6;
}

/** A small set of phrases as folded token keys, for rules that look for a handful of phrases outside the trie. */
export interface PhraseSet {
  keys: Set<string>;
  /** first tokens of the phrases: most tokens start none */
  first: Set<string>;
  longest: number;
}

export function phraseSet(phrases: readonly string[]): PhraseSet {
  const split = phrases.map((p) => tokenize(p)).filter((t) => t.length > 0);
  return {
    keys: new Set(split.map((toks) => toks.map((t) => t.norm).join(' '))),
    first: new Set(split.map((toks) => toks[0].norm)),
    longest: Math.max(0, ...split.map((t) => t.length)),
  };
}

/** Token spans [i, j) of the set's phrases in a token list, longest first at each start. */
export function phrasesIn(toks: Tok[], set: PhraseSet): { i: number; j: number }[] {
  const out: { i: number; j: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!set.first.has(toks[i].norm)) continue;
    let key = '';
    let found = -1;
    for (let j = i; j < toks.length && j - i < set.longest; j++) {
      key = j === i ? toks[j].norm : `${key} ${toks[j].norm}`;
      if (set.keys.has(key)) found = j + 1;
    }
    if (found < 0) continue;
    out.push({ i, j: found });
    i = found - 1;
  }
  return out;
}
