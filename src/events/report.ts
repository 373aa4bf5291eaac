/**
 * Reports: the sentences that say an event happened. One sentence with a
 * live anchor cue starts a report; a following sentence of the same
 * paragraph with no date of its own and no "separately" continues it
 * ("... attacked a man. The victim died. 1 fatality.").
 */
import type { Doc } from '../text/index.ts';
import type { CueHit } from './cues.ts';
import type { Lexicon } from './lexicon.ts';

export interface Report {
  /** the sentence that names the event */
  sentence: number;
  /** sentences that continue it (counts, consequences) */
  more: number[];
  /** live cues of all its sentences */
  hits: CueHit[];
  /** the first live anchor of the first sentence */
  anchor: CueHit;
  /** "the attack", "the offensive": a report of an event already named */
  anaphoric: boolean;
}

const FAMILY: Record<string, string> = {
  protest: 'protest', protest_weak: 'protest', riot: 'protest', mob: 'protest', intervention: 'protest', lethal_force: 'protest',
  agreement: 'strategic', base: 'strategic', withdrawal: 'strategic', group_change: 'strategic', disrupt: 'strategic',
};
/** cues that follow any event as its consequence ("two were arrested", "houses were torched") */
const CONSEQUENCE = new Set(['arrest', 'looting', 'violence', 'found_dead', 'intervention', 'lethal_force', 'victim', 'armed']);

function family(cue: string): string {
  return FAMILY[cue] ?? 'violence';
}

/**
 * Each sentence's paragraph, as the number of line breaks up to its start:
 * two sentences share a paragraph when no break lies between their starts.
 * One pass over the text, not a search back from every sentence (a story
 * without line breaks made that quadratic).
 */
function paragraphs(doc: Doc): number[] {
  const out: number[] = [];
  let paragraph = 0;
  let nextBreak = doc.text.indexOf('\n');
  for (const s of doc.sentences) {
    while (nextBreak >= 0 && nextBreak <= s.start) {
      paragraph++;
      nextBreak = doc.text.indexOf('\n', nextBreak + 1);
    }
    out.push(paragraph);
  }
  return out;
}

/** A first line with no final punctuation, followed by more text, is a headline: it repeats the story. */
function isHeadline(doc: Doc, index: number): boolean {
  const s = doc.sentences[index];
  if (index !== 0 || doc.sentences.length < 2) return false;
  if (doc.title && s.text.trim() === doc.title.trim()) return true;
  const lineEnd = doc.text.indexOf('\n', s.start);
  const line = doc.text.slice(s.start, lineEnd < 0 ? undefined : lineEnd).trim();
  return line === s.text.trim() && !/[.!?"”’')\]]$/.test(line);
}

/** A hit that tells of an event, new or named before (not background, irrealis, a cause or a topic). */
function isLive(h: CueHit): boolean {
  return h.status === 'event' || h.status === 'anaphor';
}

/** A hit that can start a report: a live anchor cue. */
function startsReport(h: CueHit): boolean {
  return h.anchor && isLive(h);
}

/**
 * Whether findReports can find any report: a sentence other than the
 * headline holds a live anchor cue. Read before the mentions are found, so
 * that a document without one is not worth finding them.
 */
export function mayReport(doc: Doc, cues: CueHit[][]): boolean {
  return doc.sentences.some((s) => !isHeadline(doc, s.index) && cues[s.index].some(startsReport));
}

/**
 * Groups live cue hits into reports.
 * @example findReports(doc, findCues(doc, lex), lex, {dated: () => false, counted: () => false})[0].anchor.text // 'swept through'
 */
export function findReports(doc: Doc, cues: CueHit[][], lex: Lexicon, marks: { dated: (sentence: number) => boolean; counted: (sentence: number) => boolean }): Report[] {
  const reports: Report[] = [];
  let current: Report | null = null;
  const paragraph = paragraphs(doc);
  for (const s of doc.sentences) {
    if (isHeadline(doc, s.index)) continue;
    const hits = cues[s.index];
    // most sentences hold no cue: their empty list is read as it is, not filtered into two more (it is never changed)
    const live = hits.length === 0 ? hits : hits.filter(isLive);
    const anchors = live.length === 0 ? live : live.filter((h) => h.anchor);
    const sameParagraph = current !== null && paragraph[current.sentence] === paragraph[s.index];
    if (anchors.length === 0) {
      if (current && sameParagraph && (live.some((h) => h.cue === 'intervention' || h.cue === 'lethal_force') || marks.counted(s.index))) {
        current.more.push(s.index);
        current.hits.push(...live);
      }
      continue;
    }
    const fresh = anchors.filter((h) => h.status === 'event');
    const displacement = lex.context.displacement.test(s.text);
    if (fresh.length === 0 && displacement) continue; // "the fighting added to the exodus": a cause, told in displacement
    const families = new Set(anchors.map((h) => family(h.cue)));
    // a dated sentence tells a new event; its times are found only when it could continue one
    const continues = current && sameParagraph && !lex.context.separate.test(s.text) && !marks.dated(s.index) &&
      (anchors.every((h) => CONSEQUENCE.has(h.cue)) || [...families].some((f) => current!.hits.some((h) => h.anchor && family(h.cue) === f)));
    if (current && continues) {
      current.more.push(s.index);
      current.hits.push(...live);
      continue;
    }
    const anchor = fresh[0] ?? anchors[0];
    current = { sentence: s.index, more: [], hits: [...live], anchor, anaphoric: fresh.length === 0 };
    reports.push(current);
  }
  return reports;
}
