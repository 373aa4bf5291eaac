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

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
const ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

/** Folds one token: lower case, no diacritics, straight apostrophe. */
export function fold(raw: string): string {
  if (ASCII.test(raw)) return raw.toLowerCase();
  return raw.normalize('NFD').replace(/\p{M}/gu, '').replace(APOSTROPHES, "'").toLowerCase();
}

/**
 * Tokens of `text` with offsets shifted by `offset`, hyphens left out.
 * @example tokenize("pro-Houthi forces").map(t => t.norm) // ['pro', 'houthi', 'forces']
 */
export function tokenize(text: string, offset = 0): Tok[] {
  const out: Tok[] = [];
  // matchAll works on a copy of the regex, so no lastIndex is shared between calls.
  for (const m of text.matchAll(TOKEN)) {
    if (HYPHENS.has(m[0])) continue;
    out.push({ norm: fold(m[0]), raw: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
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
