/**
 * A cheap language guess: the share of tokens that are a language's most
 * frequent function words (data/text/stopwords.json), or the script.
 * Good enough to keep non-English text out of English-only coding.
 */
import lists from '../../data/text/stopwords.json' with { type: 'json' };

/** word → the languages it is a function word of */
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(lists.languages)) {
  for (const w of words) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);
}
const SCRIPTS = lists.scripts.map((s) => ({ lang: s.lang, re: new RegExp(`[${s.range}]`, 'u') }));
/** Enough text to decide; a longer text is sampled from its start. */
const SAMPLE = 4_000;

/** The script most letters belong to, if it holds a third of them. */
function scriptLanguage(tokens: string[], letters: number): string | null {
  const counts = new Map<string, number>();
  for (const t of tokens) {
    if (t.charCodeAt(0) < 0x370) continue;
    const script = SCRIPTS.find((s) => s.re.test(t));
    if (script) counts.set(script.lang, (counts.get(script.lang) ?? 0) + t.length);
  }
  for (const [lang, n] of counts) if (n / letters > 0.3) return lang;
  return null;
}

/** Below this code unit (Greek starts there) every letter is Latin, IPA or a modifier: no script to tell. */
const LATIN_END = 0x370;
/** By code unit below LATIN_END: 1 for a letter (\p{L}), 2 for a letter that is its own lower case; a code unit at or above it is no Latin letter (countLatin tests those apart). */
const LATIN_LETTER = new Uint8Array(LATIN_END);
for (let c = 0; c < LATIN_END; c++) {
  const ch = String.fromCharCode(c);
  if (/\p{L}/u.test(ch)) LATIN_LETTER[c] = ch === ch.toLowerCase() ? 2 : 1;
}
/** No function word is longer: a longer word is counted without being looked up. */
const LONGEST_WORD = Math.max(...[...WORD_LANGS.keys()].map((w) => w.length));

/** Made once: a regex literal in countLatin's loop made a RegExp at every curly quote and dash. */
const LETTER = /\p{L}/u;

/** A hash of a word, over its code units; countLatin computes the same while it scans. */
function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}
const LANGS = Object.keys(lists.languages);
/** A function word and the indices (into LANGS) of its languages. */
interface Entry {
  word: string;
  langs: number[];
}
/** The function words by hash, to look a word of the sample up where it stands, without making its string. */
const WORDS_BY_HASH = new Map<number, Entry[]>();
/** 1 where some function word's hash has these low bits: most words of a sample are rejected by one read. */
const HASH_BITS = new Uint8Array(1 << 16);
for (const [word, langs] of WORD_LANGS) {
  const h = hashOf(word);
  WORDS_BY_HASH.set(h, [...(WORDS_BY_HASH.get(h) ?? []), { word, langs: langs.map((l) => LANGS.indexOf(l)) }]);
  HASH_BITS[h & 0xffff] = 1;
}

/** What the guess rests on: the words of the sample, those that start in lower case, and their hits by language. */
interface Counts {
  tokens: number;
  words: number;
  hits: Map<string, number>;
}

function countWord(w: string, hits: Map<string, number>): void {
  for (const lang of WORD_LANGS.get(w) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
}

/** The function word of `length` units at `start` of `sample`, whose hash is `h`; a loop, where a find callback would be made for every word looked up. */
function functionWordAt(sample: string, start: number, length: number, h: number): Entry | null {
  const entries = WORDS_BY_HASH.get(h);
  if (!entries) return null;
  for (const e of entries) if (e.word.length === length && sample.startsWith(e.word, start)) return e;
  return null;
}

/**
 * The counts for a sample with no letter at or above LATIN_END (curly quotes
 * and dashes are no letters), in one scan that makes no string of a word:
 * a word that starts in lower case and is short enough to be a function word
 * is hashed as it is read and looked up where it stands. Gives what `tokens`
 * and the filter of guessLanguage give, the hits in the same order; null when
 * the sample has a letter of another script.
 */
function countLatin(sample: string): Counts | null {
  let tokens = 0;
  let words = 0;
  const hits = new Int32Array(LANGS.length);
  const order: number[] = [];
  const n = sample.length;
  let i = 0;
  while (i < n) {
    // LATIN_LETTER read in place, not through a helper: the CLI runs V8 without inlining, and this runs at every character
    const c = sample.charCodeAt(i);
    if (c >= LATIN_END && LETTER.test(String.fromCodePoint(sample.codePointAt(i)!))) return null;
    const kind = c < LATIN_END ? LATIN_LETTER[c] : 0;
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    for (; i < n; i++) {
      const d = sample.charCodeAt(i);
      if (d >= LATIN_END || LATIN_LETTER[d] === 0) break;
      h = (Math.imul(h, 31) + d) | 0;
    }
    tokens++;
    if (kind !== 2) continue;
    words++;
    if (i - start > LONGEST_WORD || HASH_BITS[h & 0xffff] === 0) continue;
    const entry = functionWordAt(sample, start, i - start, h);
    if (!entry) continue;
    for (const l of entry.langs) if (hits[l]++ === 0) order.push(l);
  }
  return { tokens, words, hits: new Map(order.map((l) => [LANGS[l], hits[l]])) };
}

/** The language the counts point to (see guessLanguage). */
function decide({ words, hits }: Counts): string {
  let best = { lang: 'und', share: 0 };
  for (const [lang, n] of hits) if (n / Math.max(1, words) > best.share) best = { lang, share: n / words };
  // another language needs evidence of its own; without any, a short text (a headline, a one-line
  // note of place names) is taken as English, the corpus default, and a long one as unknown
  const en = (hits.get('en') ?? 0) / Math.max(1, words);
  if (best.lang !== 'en' && (hits.get(best.lang) ?? 0) >= 2 && best.share >= lists.minShare / 2) return best.lang;
  if (en >= lists.minShare / 3 || words < 40) return 'en';
  return 'und';
}

/**
 * ISO 639-1 code of the text's language, or 'und' when it cannot be told.
 * @example guessLanguage('Fighters captured the town on Friday, a monitor said.') // 'en'
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  const counts = countLatin(sample);
  if (counts) return counts.tokens === 0 ? 'und' : decide(counts);
  const tokens = sample.match(/\p{L}+/gu) ?? [];
  if (tokens.length === 0) return 'und';
  let letters = 0;
  for (const t of tokens) letters += t.length;
  const script = scriptLanguage(tokens, letters);
  if (script) return script;
  // function words are written in lower case; capitalised words are mostly names ("Al Jabal", "Los Angeles")
  const words = tokens.filter((t) => t[0] === t[0].toLowerCase());
  const hits = new Map<string, number>();
  for (const t of words) countWord(t, hits);
  return decide({ tokens: tokens.length, words: words.length, hits });
}
