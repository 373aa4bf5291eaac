/**
 * Text stage: a DocumentInput becomes a Doc with litter marked, sentences and
 * tokens located by character offsets into `doc.text`, and a language guess.
 * HTML input is reduced to its article text first.
 */
import winkNLP from 'wink-nlp';
import type { Doc, DocumentInput, Sentence, Span, Token } from './types.ts';
import { emptyMentions } from '../mentions/types.ts';
import { isLitterLine } from './litter.ts';
import { extractArticle } from './html.ts';
import { guessLanguage } from './language.ts';
import { englishModel } from './wink-model.ts';

export type { Doc, DocumentInput, Sentence, Span, Token } from './types.ts';
export { readInput, INPUT_ERRORS, MAX_INPUT_CHARS, type ReadInputOptions, type ReadInputResult, type InputErrorCode, type InputWarning } from './input.ts';
export { extractArticle, type Article } from './html.ts';
export { guessLanguage } from './language.ts';
export { prefixTrie, atomEnd, classEnd } from './alternation.ts';

/**
 * wink keeps every word it has not seen before in its lexicon for good (≈ 130
 * bytes each), so a server reading the world's news would grow without
 * bound; after this many tokens read (≈ 10,000 articles), a fresh instance
 * (0.2 s) starts over.
 */
const TOKENS_PER_INSTANCE = 5_000_000;

let nlp: ReturnType<typeof winkNLP> | null = null;
let tokensRead = 0;
/**
 * wink's model takes ~0.2 s to load, so it is loaded on first use and again
 * only after TOKENS_PER_INSTANCE tokens. Only sentence boundaries are
 * computed: the default pipeline's NER, negation and sentiment passes cost
 * twice as much and nothing reads them, and its POS tagger (a sixth to a
 * quarter of the text stage's CPU) changed the places of one document and
 * no record in the 3,412 bench documents.
 */
function getNlp(): ReturnType<typeof winkNLP> {
  if (!nlp || tokensRead > TOKENS_PER_INSTANCE) {
    nlp = winkNLP(englishModel() as unknown as Parameters<typeof winkNLP>[0], ['sbd']);
    tokensRead = 0;
  }
  return nlp;
}

/** Lines of the text, with their offsets. */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Whole lines of page chrome ("Share", "Advertisement", bylines, photo credits). */
export function findLitter(text: string): Span[] {
  return lines(text).filter((l) => isLitterLine(l.text));
}

/** Longer runs of non-space characters are no words (base64, ASCII art) and cost wink's tokenizer quadratic time. */
const MAX_WORD = 200;

/** The characters `\s` matches in a RegExp. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text` with every run of more than MAX_WORD non-space characters blanked; one scan, no RegExp backtracking. */
function blankLongRuns(text: string): string {
  let out = '';
  let at = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) {
      run++;
      continue;
    }
    if (run > MAX_WORD) {
      out += text.slice(at, i - run) + ' '.repeat(run);
      at = i;
    }
    run = 0;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * Whether the text holds a run of more than MAX_WORD non-space characters.
 * From each window's far end it looks back for a space, which in prose is a
 * few characters away, and jumps past it: a tenth of the characters are read.
 */
function hasLongRun(text: string): boolean {
  let from = 0;
  while (from + MAX_WORD < text.length) {
    let i = from + MAX_WORD;
    while (i >= from && !isSpace(text.charCodeAt(i))) i--;
    if (i < from) return true;
    from = i + 1;
  }
  return false;
}

/** The text with litter and overlong runs blanked out, offsets unchanged. */
function mask(text: string, litter: Span[]): string {
  let out = '';
  let at = 0;
  for (const l of litter) {
    out += text.slice(at, l.start) + ' '.repeat(l.end - l.start);
    at = l.end;
  }
  out += text.slice(at);
  return hasLongRun(out) ? blankLongRuns(out) : out;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * Sentences and tokens in one pass of wink over the whole text. A line
 * break always ends a sentence, because a headline or a caption has no full
 * stop yet is not part of the next sentence.
 */
function segment(text: string, masked: string): { sentences: Sentence[]; tokens: Token[] } {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  if (masked.trim() === '') return { sentences, tokens };
  const wink = getNlp();
  const { its } = wink;
  const wdoc = wink.readDoc(masked);
  const words = wdoc.tokens().out() as string[];
  tokensRead += words.length;
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  // sized once (wink's words bound the tokens, cut back at the end): grown by push, the list was copied over and over
  tokens.length = words.length;
  let count = 0;
  // where nothing was blanked a token's text is wink's word itself, and no copy is made
  const unmasked = text === masked;
  let cursor = 0;
  let sStart = -1;
  let sEnd = -1;
  const close = () => {
    if (sStart >= 0) sentences.push({ index: sentences.length, start: sStart, end: sEnd, text: text.slice(sStart, sEnd) });
    sStart = -1;
  };
  for (const [first, last] of spans) {
    for (let i = first; i <= last; i++) {
      const at = masked.indexOf(words[i], cursor);
      // wink keeps line breaks and tabs as tokens (type tabCRLF), its only tokens that start with white space
      if (isSpace(words[i].charCodeAt(0)) || at < 0) continue;
      const start = at;
      const end = at + words[i].length;
      if (sStart >= 0 && hasNewline(masked, cursor, start)) close();
      cursor = end;
      if (sStart < 0) sStart = start;
      sEnd = end;
      tokens[count] = { index: count, sentence: sentences.length, start, end, text: unmasked ? words[i] : text.slice(start, end) };
      count++;
    }
    close();
  }
  tokens.length = count;
  return { sentences, tokens };
}

/** A Doc whose text is read but not yet split, and that text with litter and overlong runs blanked (what wink reads). */
export interface ReadText {
  doc: Doc;
  masked: string;
}

/**
 * The cheap half of the text stage: HTML reduced to its article, litter
 * marked, the language guessed; sentences and tokens stay empty until
 * `segmentDoc`, so a caller can decide from the text alone (its language,
 * its words) whether wink needs to read it at all.
 * @example readText({id: 'd1', text: 'Share\nIS took Marea on Friday.'}).doc.litter[0].text // 'Share'
 */
export function readText(input: DocumentInput): ReadText {
  let text = input.text;
  let title = input.title ?? null;
  let published = input.published ?? null;
  let source = input.source ?? null;
  if (input.format === 'html') {
    const article = extractArticle(input.text);
    text = article?.text ?? '';
    title ??= article?.title ?? null;
    published ??= article?.published ?? null;
    source ??= article?.siteName ?? null;
  }
  const litter = findLitter(text);
  const masked = mask(text, litter);
  const doc: Doc = {
    id: input.id,
    text,
    published,
    title,
    source,
    url: input.url ?? null,
    language: guessLanguage(masked),
    litter,
    sentences: [],
    tokens: [],
    mentions: emptyMentions(),
  };
  return { doc, masked };
}

/** The expensive half: wink splits the read text into sentences and tokens, set on the Doc. */
export function segmentDoc({ doc, masked }: ReadText): Doc {
  const { sentences, tokens } = segment(doc.text, masked);
  doc.sentences = sentences;
  doc.tokens = tokens;
  return doc;
}

/**
 * Builds the Doc. For `format: 'html'` the text is the page's article text
 * (title, publication time and site name fill in what the input lacks).
 * @example makeDoc({id: 'd1', text: 'Share\nIS took Marea on Friday.'}).sentences[0].text // 'IS took Marea on Friday.'
 */
export function makeDoc(input: DocumentInput): Doc {
  return segmentDoc(readText(input));
}
