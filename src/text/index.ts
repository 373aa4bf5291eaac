/**
 * Text stage: a DocumentInput becomes a Doc with litter marked, sentences and
 * tokens located by character offsets into `doc.text`.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, DocumentInput, Sentence, Span, Token } from './types.ts';
import { emptyMentions } from '../mentions/types.ts';
import { isLitterLine } from './litter.ts';

export type { Doc, DocumentInput, Sentence, Span, Token } from './types.ts';

let nlp: ReturnType<typeof winkNLP> | null = null;
/** wink's model takes ~0.3 s to load, so it is loaded once, on first use. */
function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}

/** Lines of the text, with their offsets. */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/**
 * Builds the Doc for plain text. Each line is its own block, because a
 * headline or a caption has no full stop yet is not part of the next sentence.
 * @example makeDoc({id: 'd1', text: 'Share\nIS took Marea on Friday.'}).sentences[0].text // 'IS took Marea on Friday.'
 */
export function makeDoc(input: DocumentInput): Doc {
  const text = input.text;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const litter: Span[] = [];
  const { its } = getNlp();
  for (const line of lines(text)) {
    if (isLitterLine(line.text)) {
      litter.push(line);
      continue;
    }
    if (line.text.trim() === '') continue;
    const wdoc = getNlp().readDoc(line.text);
    const words = wdoc.tokens().out() as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    const starts: number[] = [];
    let cursor = 0;
    for (const w of words) {
      const at = line.text.indexOf(w, cursor);
      starts.push(at < 0 ? cursor : at);
      cursor = at < 0 ? cursor : at + w.length;
    }
    for (const [first, last] of wdoc.sentences().out(its.span) as unknown as [number, number][]) {
      const sentenceIndex = sentences.length;
      let sStart = -1;
      let sEnd = -1;
      for (let i = first; i <= last; i++) {
        if (pos[i] === 'SPACE') continue;
        const start = line.start + starts[i];
        const end = start + words[i].length;
        if (sStart < 0) sStart = start;
        sEnd = end;
        tokens.push({ index: tokens.length, sentence: sentenceIndex, pos: pos[i], start, end, text: text.slice(start, end) });
      }
      if (sStart >= 0) sentences.push({ index: sentenceIndex, start: sStart, end: sEnd, text: text.slice(sStart, sEnd) });
    }
  }
  return {
    id: input.id,
    text,
    published: input.published ?? null,
    title: input.title ?? null,
    source: input.source ?? null,
    url: input.url ?? null,
    language: 'en',
    litter,
    sentences,
    tokens,
    mentions: emptyMentions(),
  };
}
