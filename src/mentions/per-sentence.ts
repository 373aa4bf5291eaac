/**
 * Mentions of one kind, found a sentence at a time when first asked for.
 * A record reads the times, figures and sources of a few sentences only
 * (its own, the two before it, the rest of its paragraph), and most
 * sentences of a story hold no record, so `sitrep extract` finds no more of
 * them than its records read. Ingest stores every mention for the source
 * view and asks for `all()`.
 */
import type { Sentence } from '../text/types.ts';
import type { MentionBase } from './types.ts';

export class SentenceMentions<T extends MentionBase> {
  private readonly found: (T[] | undefined)[];

  private constructor(
    private readonly sentences: readonly Sentence[],
    private readonly find: (s: Sentence) => T[],
  ) {
    this.found = new Array<T[] | undefined>(sentences.length);
  }

  /** Mentions that `find` gives for each sentence, once asked. */
  static over<T extends MentionBase>(sentences: readonly Sentence[], find: (s: Sentence) => T[]): SentenceMentions<T> {
    return new SentenceMentions(sentences, find);
  }

  /** No sentences, so no mentions: one shared instance, since it never changes. */
  static none<T extends MentionBase>(): SentenceMentions<T> {
    return NONE as SentenceMentions<T>;
  }

  /** Mentions already known, in text order (a Doc built by hand, as in tests). */
  static of<T extends MentionBase>(mentions: readonly T[]): SentenceMentions<T> {
    const count = mentions.reduce((n, m) => Math.max(n, m.sentence + 1), 0);
    const sentences = Array.from({ length: count }, (_, index): Sentence => ({ index, start: 0, end: 0, text: '' }));
    return new SentenceMentions(sentences, (s) => mentions.filter((m) => m.sentence === s.index));
  }

  /** The mentions of one sentence, in the order `find` gives them; none past the last sentence. */
  in(sentence: number): readonly T[] {
    if (sentence < 0 || sentence >= this.sentences.length) return [];
    return (this.found[sentence] ??= this.find(this.sentences[sentence]));
  }

  /** Every sentence's mentions, in text order. */
  all(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.sentences.length; i++) out.push(...this.in(i));
    return out;
  }
}

const NONE = SentenceMentions.over<MentionBase>([], () => []);
