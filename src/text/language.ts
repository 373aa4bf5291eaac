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

/**
 * ISO 639-1 code of the text's language, or 'und' when it cannot be told.
 * @example guessLanguage('Fighters captured the town on Friday, a monitor said.') // 'en'
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  const tokens = sample.match(/\p{L}+/gu) ?? [];
  if (tokens.length === 0) return 'und';
  let letters = 0;
  for (const t of tokens) letters += t.length;
  if (/[^\u0000-\u036f]/.test(sample)) {
    const script = scriptLanguage(tokens, letters);
    if (script) return script;
  }
  // function words are written in lower case; capitalised words are mostly names ("Al Jabal", "Los Angeles")
  const words = tokens.filter((t) => t[0] === t[0].toLowerCase());
  const hits = new Map<string, number>();
  for (const t of words) for (const lang of WORD_LANGS.get(t) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  let best = { lang: 'und', share: 0 };
  for (const [lang, n] of hits) if (n / Math.max(1, words.length) > best.share) best = { lang, share: n / words.length };
  // another language needs evidence of its own; without any, a short text (a headline, a one-line
  // note of place names) is taken as English, the corpus default, and a long one as unknown
  const en = (hits.get('en') ?? 0) / Math.max(1, words.length);
  if (best.lang !== 'en' && (hits.get(best.lang) ?? 0) >= 2 && best.share >= lists.minShare / 2) return best.lang;
  if (en >= lists.minShare / 3 || words.length < 40) return 'en';
  return 'und';
}
