/**
 * Find cues: every match of a cue pattern in a sentence, with its status
 * (a new event, background, irrealis, a back-reference, a cause named in a
 * displacement sentence, a topic or a court charge, or a mishap: harm from an
 * accident, a fire or a storm). Pure: Doc and Lexicon in, hits out.
 */
import type { Doc, Sentence } from '../text/index.ts';
import type { Lexicon } from './lexicon.ts';

export type CueStatus = 'event' | 'background' | 'irrealis' | 'anaphor' | 'cause' | 'topic' | 'mishap';

export interface CueHit {
  id: string;
  cue: string;
  anchor: boolean;
  strength: number;
  sentence: number;
  start: number;
  end: number;
  text: string;
  status: CueStatus;
}

/** "the strikes on the al-Waer neighborhood" introduces an event; "the offensive on Thursday" refers back to one */
const NEW_PLACE_AFTER = /^\s*(?:on|in|at|near|against|between|targeting)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d|early|late|the (?:morning|evening|night|afternoon|weekend))\b)/i;
const PROTEST_CUES = new Set(['protest', 'protest_weak', 'riot', 'intervention', 'lethal_force']);
/** the cues an accident, a fire or a storm can also fill: deaths, a fight, an attack */
const MISHAP_CUES = new Set(['violence', 'clash', 'attack']);
const CLAUSE_BREAK = /[,;:()\u2014]|\b(?:but|while|whereas|where|which|when)\b/gi;

/** The clause around a position: the text between the nearest clause breaks. */
export function clauseAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  // exec from lastIndex: matchAll copies the regex and makes an iterator for every hit judged
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    const i = m.index;
    if (i + m[0].length <= at) start = i + m[0].length;
    else if (i >= at) {
      end = i;
      break;
    }
  }
  CLAUSE_BREAK.lastIndex = 0;
  return { start, end };
}

// made once: a regex literal is a new RegExp each time judge reaches it
const TO_BEFORE = /\bto\s+$/i;
const MOTIVE_BEFORE = /\b(?:following|after|over|about|for|of|amid)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}$/i;

function judge(sentence: Sentence, rel: number, relEnd: number, lex: Lexicon, cue: string, protest: boolean): CueStatus {
  const ctx = lex.context;
  const text = sentence.text;
  const before = text.slice(Math.max(0, rel - 60), rel);
  const clause = clauseAround(text, rel);
  const clauseText = text.slice(clause.start, clause.end);
  if (ctx.causeBefore.test(before) && ctx.displacement.test(text)) return 'cause';
  // "gathered to protest": the purpose names the protest itself
  const purpose = (cue === 'protest' || cue === 'protest_weak') && TO_BEFORE.test(before);
  if (!purpose && ctx.irrealisBefore.test(before.slice(-40))) return 'irrealis';
  if (ctx.topicBefore.test(before.slice(-50)) || ctx.chargeBefore.test(before)) return 'topic';
  // "killed in a car accident", "firefighters battled the blaze": no one's violence, unless a weapon or an armed group is in the clause
  if (MISHAP_CUES.has(cue) && ctx.mishap.test(clauseText) && !ctx.mishapOverruled.test(clauseText)) return 'mishap';
  // "dogs are killed for their meat": harm, but not to people
  if (MISHAP_CUES.has(cue) && ctx.animalVictim.test(clauseText)) return 'mishap';
  // "protested following the killing of a trader": the killing is what the protest is about
  if (protest && !PROTEST_CUES.has(cue) && MOTIVE_BEFORE.test(before)) return 'topic';
  if (ctx.ongoingBefore.test(text.slice(Math.max(clause.start, rel - 60), rel))) return 'background';
  if (ctx.ongoingClause.test(clauseText)) return 'background';
  if (ctx.anaphorBefore.test(before.slice(-25)) && !NEW_PLACE_AFTER.test(text.slice(relEnd))) return 'anaphor';
  return 'event';
}

/** An intervention a protest is about ("demanded the release of activists who were detained") does not shape it. */
function shapes(text: string, rel: number, lex: Lexicon, cue: string, protest: boolean): CueStatus {
  if (!protest || cue !== 'intervention') return 'event';
  return lex.context.topicBefore.test(text.slice(Math.max(0, rel - 50), rel)) ? 'topic' : 'event';
}

const isUpper = (c: number) => c >= 65 && c <= 90;
/** weapons are named in capitals ("3 Grad Missiles", "a Hellfire missile"): their cues stand in names too */
const WEAPON_CUES = new Set(['shelling', 'air', 'ied', 'grenade', 'chemical', 'suicide']);

/** The word that ends just before `at` (one space between), else null. */
function wordBefore(text: string, at: number): string | null {
  if (at < 2 || text.charCodeAt(at - 1) !== 32) return null;
  let i = at - 1;
  while (i > 0 && /[\w.'’-]/.test(text[i - 1])) i--;
  return i < at - 1 ? text.slice(i, at - 1) : null;
}

/**
 * "said Dick Lynch", "at Battle Ground Academy": a capitalised word that
 * could start an event, beside another capitalised word, in a sentence not
 * set in title case, is part of a name. (A headline in title case
 * capitalises every word; an armed group's name is read by other cues.)
 */
function inName(text: string, rel: number, relEnd: number): boolean {
  // an acronym ("a Taliban-planted IED") is the word itself
  if (!isUpper(text.charCodeAt(rel)) || isUpper(text.charCodeAt(rel + 1))) return false;
  const before = wordBefore(text, rel);
  const after = text.charCodeAt(relEnd) === 32 && isUpper(text.charCodeAt(relEnd + 1));
  if (!(before !== null && isUpper(before.charCodeAt(0)) && rel - before.length - 1 > 0) && !after) return false;
  // title case leaves at most one longer word in lower case ("Blast Injures Three in Abkhazia")
  let lower = 0;
  for (const w of text.split(' ')) if (w.length >= 4 && !isUpper(w.charCodeAt(0)) && ++lower > 1) return true;
  return false;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * All cue hits of one sentence, longest first among overlapping hits of the same cue.
 * @example findCuesIn(doc.sentences[0], lex).map(h => h.cue) // ['territory', 'armed']
 */
export function findCuesIn(sentence: Sentence, lex: Lexicon): CueHit[] {
  const hits: CueHit[] = [];
  const text = sentence.text;
  const starts = lex.cueStarts(text);
  const cues = lex.cues;
  // indexed loops, no callbacks or entries(): the pair and iterator objects each cue made were most of what this allocated
  let shaping = false;
  let protestWoken = false;
  for (let k = 0; k < cues.length; k++) {
    if (!starts[k]) continue;
    shaping ||= cues[k].shaping;
    protestWoken ||= cues[k].cue === 'protest';
  }
  if (!shaping) return hits;
  const protest = protestWoken && lex.protest.test(text);
  // a sentence whose shaping cues all fail to match is skipped whole, whatever else matches
  let shaped = false;
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k];
    const at = starts[k];
    if (!at) continue;
    const re = c.sticky(text);
    // the matches a scan from the left finds, tried only where the cue can start, none inside the one before
    let from = 0;
    for (const p of at) {
      if (p < from) continue;
      re.lastIndex = p;
      const m = re.exec(text);
      if (!m) continue;
      from = p + Math.max(1, m[0].length);
      shaped ||= c.shaping;
      const rel = p;
      const relEnd = rel + m[0].length;
      if (c.after && !c.after.test(text.slice(relEnd))) continue;
      if (c.notAfter && c.notAfter.test(text.slice(relEnd))) continue;
      if (c.anchor && !WEAPON_CUES.has(c.cue) && inName(text, rel, relEnd)) continue;
      const hit: CueHit = {
        id: c.id,
        cue: c.cue,
        anchor: c.anchor,
        strength: c.strength,
        sentence: sentence.index,
        start: sentence.start + rel,
        end: sentence.start + relEnd,
        text: m[0],
        status: c.anchor ? judge(sentence, rel, relEnd, lex, c.cue, protest) : shapes(text, rel, lex, c.cue, protest),
      };
      const clash = hits.findIndex((h) => h.cue === hit.cue && overlaps(h, hit));
      if (clash < 0) hits.push(hit);
      else if (hit.end - hit.start > hits[clash].end - hits[clash].start) hits[clash] = hit;
    }
  }
  if (!shaped) return [];
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Cue hits for every sentence of the document, indexed by sentence. */
export function findCues(doc: Doc, lex: Lexicon): CueHit[][] {
  return doc.sentences.map((s) => findCuesIn(s, lex));
}
