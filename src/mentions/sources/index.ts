/**
 * Sources stage: who reports or claims each statement ("the Syrian
 * Observatory for Human Rights reported", "according to local sources",
 * "sources told AFP"). A mention's sentence is the statement it backs.
 */
import verbs from '../../../data/lexicon/reporting-verbs.json' with { type: 'json' };
import type { Doc } from '../../text/types.ts';
import type { SourceMention } from '../types.ts';
import { SentenceMentions } from '../per-sentence.ts';
import { classifySpeaker, isName, knownSourceIn, roleOf, roleOfName, type SourceKind } from './classify.ts';

export type { SourceMention } from '../types.ts';
export { classifySpeaker } from './classify.ts';

/** A source found in one text; offsets are into that text. */
export interface SourceCandidate {
  start: number;
  end: number;
  name: string;
  kind: SourceKind;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');

const AFTER_RE = new RegExp(`(?<![\\w-])(?:${alt(verbs.after)})(?![\\w-])`, 'g');
const BEFORE_RE = new RegExp(`(?<![\\w-])(?:${alt(verbs.before)})\\s+`, 'gi');
/** The verb is a noun here ("the report", "a claim"), or the first of two ("report said"). */
const NOUN_USE_BEFORE = /(?:\b(?:a|an|the|this|that|these|those|its|their|his|her|whose)|['’]s)\s+$/i;
const CLAUSE_START = /[,;:“”"()—–]|\b(?:that|and|but|while|as|after|when|because|which|who)\s/gi;
const TRAILING_AUX = /(?:\s+(?:has|have|had|was|were|is|are|also|later|earlier|separately|previously|then|further|again|reportedly|had\s+earlier|would|will|could|may|might|[a-z]+ly))+$/i;
const LEADING_CONJUNCTION = /^(?:although|though|while|when|if|but|and|so|yet|meanwhile|however|now)\s+/i;
const MAX_WORDS = 7;
const LOOK_BACK = 160;
/** Forms that are nouns as often as verbs ("the Iraqi claims", "news reports"): their speaker must be a plain name or role. */
const AMBIGUOUS = new Set(['report', 'reports', 'claim', 'claims', 'estimates', 'say', 'tell', 'documents', 'cited', 'quoted']);
const PREPOSITION_INSIDE = /\s(?:to|on|about|with|against|over|into|at|in)\s/i;
/** Verbs whose speaker may follow them after a quote or comma ("…, said the ministry"); not "saying" or "reports". */
const INVERTING = new Set(['said', 'says', 'told', 'added', 'adds', 'reported', 'wrote', 'noted', 'explained', 'insisted', 'warned', 'stated', 'declared', 'tweeted', 'confirmed', 'claimed', 'announced']);

function lastClause(before: string): { text: string; offset: number } {
  let cut = 0;
  for (const m of before.matchAll(CLAUSE_START)) cut = (m.index ?? 0) + m[0].length;
  return { text: before.slice(cut), offset: cut };
}

/** The speaker phrase right before a verb: "…, a monitor said" → "a monitor". */
function speakerBefore(text: string, verbAt: number): { start: number; end: number } | null {
  // a speaker phrase is a few words long: looking further back only costs time on a run-on sentence
  const from = Math.max(0, verbAt - LOOK_BACK);
  const span = speakerIn(text.slice(from, verbAt));
  return span && { start: from + span.start, end: from + span.end };
}

function speakerIn(before: string): { start: number; end: number } | null {
  // "Ahmad Khan, a spokesman for the ministry, said": name and apposition together
  const appos = /,\s*[^,;:“”"()]{1,60},\s*$/.exec(before);
  if (appos && before.slice(appos.index + 1).trim().split(/\s+/).length <= MAX_WORDS) {
    const head = lastClause(before.slice(0, appos.index));
    const start = head.offset + (head.text.length - head.text.trimStart().length);
    const relative = /^,\s*(?:which|who|whose|that)\b/i.test(appos[0]);
    const end = relative ? head.offset + head.text.trimEnd().length : before.replace(/,\s*$/, '').length;
    if (head.text.trim() !== '' && head.text.trim().split(/\s+/).length <= MAX_WORDS) return { start, end };
  }
  const { text: clause, offset } = lastClause(before);
  const trimmed = clause.trimEnd().replace(TRAILING_AUX, '').trimEnd();
  const conj = LEADING_CONJUNCTION.exec(trimmed.trimStart())?.[0].length ?? 0;
  const lead = trimmed.length - trimmed.trimStart().length + conj;
  const phrase = trimmed.trim().slice(conj);
  if (phrase === '') return null;
  const words = phrase.split(/\s+/);
  if (words.length > MAX_WORDS) return null;
  return { start: offset + lead, end: offset + lead + phrase.length };
}

/** The speaker phrase after a verb or "according to": up to the next comma or full stop. */
function speakerAfter(text: string, from: number): { start: number; end: number } | null {
  const rest = text.slice(from);
  const m = /^\s*([^,;:“”"()]+?)(?=\s*(?:[,;:“”"()]|(?<![A-Z])\.(?:\s|$)|$|\s+(?:on|in|at|late|early|last|this|yesterday|today)\b(?![-\w])))/.exec(rest);
  if (!m) return null;
  const phrase = m[1];
  if (phrase.split(/\s+/).length > MAX_WORDS) return null;
  const start = from + m[0].length - phrase.length;
  return { start, end: start + phrase.length };
}

/**
 * The sources named in one sentence's text.
 * @example sourcesInText('IS took the town, a monitor said.')[0] // {name: 'a monitor', kind: 'monitor', …}
 */
export function sourcesInText(text: string): SourceCandidate[] {
  const out: SourceCandidate[] = [];
  const push = (span: { start: number; end: number } | null, evidence: [number, number]) => {
    if (!span) return;
    const who = classifySpeaker(text.slice(span.start, span.end));
    if (!who) return;
    const start = Math.min(span.start, evidence[0]);
    const end = Math.max(span.end, evidence[1]);
    if (out.some((o) => o.start < end && start < o.end)) return;
    out.push({ start, end, ...who });
  };
  // exec in a loop, not matchAll, which copies the regex at every call; the verbs never match the empty string
  BEFORE_RE.lastIndex = 0;
  for (let m = BEFORE_RE.exec(text); m; m = BEFORE_RE.exec(text)) {
    const at = m.index;
    push(speakerAfter(text, at + m[0].length), [at, at + m[0].length]);
  }
  AFTER_RE.lastIndex = 0;
  for (let m = AFTER_RE.exec(text); m; m = AFTER_RE.exec(text)) {
    const at = m.index;
    const end = at + m[0].length;
    const before = text.slice(Math.max(0, at - LOOK_BACK), at);
    if (NOUN_USE_BEFORE.test(before)) continue;
    if (/^\s+(?:said|says|reported|reports|claimed|stated)\b/.test(text.slice(end))) continue;
    // "…,” said a local official" / "…, said the ministry": the speaker follows
    const quoted = /[“”"]\s*,?\s*$/.test(before) || before.trim() === '';
    const count = out.length;
    if (!quoted) {
      const speaker = speakerBefore(text, at);
      const ambiguous = AMBIGUOUS.has(m[0]) && speaker && PREPOSITION_INSIDE.test(` ${text.slice(speaker.start, speaker.end)} `);
      if (!ambiguous) push(speaker, [at, end]);
    }
    if (out.length === count && INVERTING.has(m[0]) && (quoted || /,\s*$/.test(before))) push(speakerAfter(text, end), [at, end]);
    // "sources told AFP": the outlet that carries the claim
    if (/^tol[dl]s?$/.test(m[0]) || m[0] === 'tell') {
      const heard = knownSourceIn(text.slice(end, end + 60));
      if (heard && /^\s*(?:the\s+)?$/.test(text.slice(end, end + heard.start))) {
        const s = end + heard.start;
        const e = end + heard.end;
        if (!out.some((o) => o.start < e && s < o.end)) out.push({ start: s, end: e, name: heard.name, kind: heard.kind });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The sources of a Doc. `text` spans the evidence ("the Syrian Observatory
 * for Human Rights reported"); `name` is canonical for known sources.
 */
export function findSources(doc: Doc): SourceMention[] {
  return sourcesBySentence(doc).all();
}

/** The same, each sentence's found when first asked for. */
export function sourcesBySentence(doc: Doc): SentenceMentions<SourceMention> {
  return SentenceMentions.over(doc.sentences, (s) => sourcesInText(s.text).map((c) => {
    const start = s.start + c.start;
    const end = s.start + c.end;
    // "Rubio said": a bare name takes the role the story gave it where it first named the person
    // ("Witnesses said", capitalised at the start of a sentence, is a role, not a name)
    const kind = c.kind === 'witness' && isName(c.name) && !roleOf(c.name) ? (roleOfName(doc.text, c.name) ?? c.kind) : c.kind;
    return { start, end, text: doc.text.slice(start, end), sentence: s.index, name: c.name, kind };
  }));
}
