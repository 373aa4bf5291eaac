/**
 * The one document object every stage annotates (spaCy's Doc idea).
 * Offsets are UTF-16 code-unit offsets into `Doc.text`; a span owns no copy
 * of the text except `text`, which must equal `doc.text.slice(start, end)`.
 */
import type { Mentions } from '../mentions/types.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  index: number;
}

export interface Token extends Span {
  index: number;
  /** index of the sentence that holds the token */
  sentence: number;
  /**
   * Universal POS tag (PROPN, NOUN, VERB, ADP, AUX, …). The text stage no
   * longer sets it: wink runs without its tagger, which cost a sixth of the
   * stage's time and decided nothing the gazetteer's word classes do not.
   */
  pos?: string;
}

/** What a caller hands to the pipeline: one report. */
export interface DocumentInput {
  id: string;
  text: string;
  /** ISO date or datetime the relative dates resolve against; null = unknown */
  published?: string | null;
  title?: string | null;
  /** the outlet ("Reuters", "VOA") */
  source?: string | null;
  url?: string | null;
  format?: 'text' | 'html';
}

export interface Doc {
  id: string;
  /** the text all offsets point into: the input text, or the article text extracted from HTML */
  text: string;
  published: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  /** ISO 639-1 guess ("en"); non-English text is coded no further */
  language: string;
  /** page litter ("Share", "Advertisement", bylines) kept out of sentences */
  litter: Span[];
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mentions;
  /**
   * Why the pipeline stopped early, when it did: the text is not English, or
   * no word of it can start an event, displacement or control record (the
   * pipeline's gate; sentences, tokens and mentions stay empty), or its
   * sentences, once split, hold no live event cue, no displacement cue and no
   * control statement that names a place ('no-record'; the mentions stop where
   * the pipeline stopped).
   */
  skipped?: 'language' | 'no-record-cue' | 'no-record';
}
