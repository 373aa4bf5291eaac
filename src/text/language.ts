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
/** By code unit below LATIN_END: 1 for a letter (\p{L}), 2 for a letter that is its own lower case. */
const LATIN_LETTER = new Uint8Array(LATIN_END);
for (let c = 0; c < LATIN_END; c++) {
  const ch = String.fromCharCode(c);
  if (/\p{L}/u.test(ch)) LATIN_LETTER[c] = ch === ch.toLowerCase() ? 2 : 1;
}
/** LATIN_LETTER's verdict; 0 for a code unit at or above LATIN_END, which countLatin tests apart. */
function latinLetter(c: number): number {
  return c < LATIN_END ? LATIN_LETTER[c] : 0;
}
/** No function word is longer: a longer word is counted without being looked up. */
const LONGEST_WORD = Math.max(...[...WORD_LANGS.keys()].map((w) => w.length));

/** A hash of text.slice(start, end), computed over its code units without making the string. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}
/** The function words by hash, to look a word of the sample up where it stands. */
const WORDS_BY_HASH = new Map<number, string[]>();
for (const w of WORD_LANGS.keys()) {
  const h = hashOf(w, 0, w.length);
  WORDS_BY_HASH.set(h, [...(WORDS_BY_HASH.get(h) ?? []), w]);
}

/** The function word written at text[start, end), if any. */
function functionWordAt(text: string, start: number, end: number): string | undefined {
  return WORDS_BY_HASH.get(hashOf(text, start, end))?.find((w) => w.length === end - start && text.startsWith(w, start));
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

/**
 * The counts for a sample with no letter at or above LATIN_END (curly quotes
 * and dashes are no letters), in one scan that makes no string of a word:
 * the words that start in lower case and are short enough to be function
 * words are looked up where they stand. Gives
 * what `tokens` and the filter of guessLanguage give; null when the sample
 * has a letter of another script.
 */
function countLatin(sample: string): Counts | null {
  const counts: Counts = { tokens: 0, words: 0, hits: new Map() };
  const n = sample.length;
  let i = 0;
  while (i < n) {
    const c = sample.charCodeAt(i);
    if (c >= LATIN_END && /\p{L}/u.test(String.fromCodePoint(sample.codePointAt(i)!))) return null;
    if (latinLetter(c) === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && latinLetter(sample.charCodeAt(i)) !== 0) i++;
    counts.tokens++;
    if (latinLetter(sample.charCodeAt(start)) !== 2) continue;
    counts.words++;
    const word = i - start <= LONGEST_WORD ? functionWordAt(sample, start, i) : undefined;
    if (word) countWord(word, counts.hits);
  }
  return counts;
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
