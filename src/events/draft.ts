/**
 * One report becomes a draft event: sub-event type, actors by role, place,
 * date, casualty counts and the source that claims it.
 */
import type { Doc } from '../text/index.ts';
import type { ActorMention, PlaceMention, QuantityMention, SourceMention } from '../mentions/types.ts';
import type { ActorField, CountField, EvidenceSource, LocationField } from './types.ts';
import type { Lexicon, SubEventType } from './lexicon.ts';
import type { Report } from './report.ts';
import { assignRoles, subjectOf, type Target } from './roles.ts';
import { classify, decidingCues } from './classify.ts';
import { addDays, eventDate, type ReportDate } from './dating.ts';
import { countOf } from './counts.ts';

export type GenericKind = 'civilians' | 'protesters' | 'rioters' | 'unidentified' | 'gang' | 'unidentified-military';

/** What the events stage needs from the geo and actors stages, injected by the pipeline. */
export interface EventHooks {
  /** the place governing an anchor span (geo's eventLocation + toLocationField) */
  locate(doc: Doc, anchor: { sentence: number; start: number; end: number }): LocationField | null;
  toLocation(m: PlaceMention): LocationField;
  /** one place of a list as an event's place, read the way `locate` reads a lone one (offsets, stated containers), the list's other items set aside */
  locatePlace?(doc: Doc, place: PlaceMention, others: PlaceMention[]): LocationField;
  /** "Civilians (Syria)", "Protesters (India)" … for the country of a location */
  genericActor(kind: GenericKind, location: LocationField | null, date: string | null): ActorField | null;
  /** ISO3 of the country of a location, else of the story's country in focus */
  country(location: LocationField | null): string | null;
}

export interface Draft {
  report: Report;
  trigger: { sentence: number; start: number; end: number; text: string };
  sub: SubEventType;
  actor1: ActorField | null;
  actor2: ActorField | null;
  assoc: ActorField[];
  location: LocationField | null;
  date: ReportDate;
  fatalities: CountField | null;
  injuries: CountField | null;
  source: EvidenceSource;
  sourceRank: number;
  strength: number;
}

const UNNAMED_AGENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
/** below this strength a cue (data/events/cues.json) needs a named party to tell a change of activity */
const WEAK = 0.5;
const PEACEFUL = new Set(['Peaceful protest', 'Protest with intervention']);

/**
 * Background told in passing: a date a year or more before publication, or a
 * month-or-coarser one ("in 2024", "last July") that ended a month before it.
 * News of the day is dated to the day or week; history is not. A story with
 * no publication date is as late as the latest date it names, and then only
 * the year-old test applies: "the 1946 lynching" told beside "in 2009".
 */
function isPast(date: ReportDate, doc: Doc): boolean {
  if (date.basis !== 'text' || !date.date.end) return false;
  if (doc.published) {
    const day = doc.published.slice(0, 10);
    return date.date.end < addDays(day, -365) || (date.date.precision === 3 && date.date.end < addDays(day, -30));
  }
  const latest = latestDate(doc);
  return latest !== null && date.date.end < addDays(latest, -365);
}

/** A plan, not news: the text dates it wholly after publication ("protests planned for next month"). */
function isFuture(date: ReportDate, published: string | null): boolean {
  return date.basis === 'text' && !!published && !!date.date.start && date.date.start > addDays(published.slice(0, 10), 1);
}

/** The last day of the latest date a story's text names, when it has no publication date. */
function latestDate(doc: Doc): string | null {
  let latest: string | null = null;
  for (const t of doc.mentions.times.all()) if (t.type === 'DATE' && t.range && (latest === null || t.range.end > latest)) latest = t.range.end;
  return latest;
}

function sameParagraph(doc: Doc, a: number, b: number): boolean {
  return !doc.text.slice(doc.sentences[a].end, doc.sentences[b].start).includes('\n');
}

const SOURCE_RANK: Record<SourceMention['kind'], number> = { monitor: 4, official: 3, organisation: 3, outlet: 2, witness: 2, unnamed: 1 };

function field(m: ActorMention): ActorField {
  return { name: m.name, inter: m.inter, text: m.text, start: m.start, end: m.end };
}

function overlapsAny(m: { start: number; end: number }, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => m.start < s.end && s.start < m.end);
}

// two crowds or two armed sides fighting each other: ACLED names both sides ("Rioters" vs "Rioters")
const MUTUAL = /\b(?:each other|one another|among themselves|(?:physical |fist ?-?)fights?|scuffles?|brawls?|counter-?(?:demonstrators|protesters)|between (?:the )?(?:two|2|rival|several) (?:\w+ )?(?:groups?|factions?|families|communities|clans|gangs|parties|sides|villages)|(?:two|2|rival) (?:\w+ )?(?:groups|factions|families|clans|communities) (?:of \w+ )?(?:clashed|fought))\b/i;

interface Setting {
  day: string | null;
  /** the story is about crime (gangs, cartels, robbery): asked only when an agent is missing */
  criminal: () => boolean;
  /** the report's words say two sides fought each other (a clash, "each other", a scuffle) */
  mutual: boolean;
  /** a clash cue triggered the report ("clashed", "a shoot-out") */
  clashed: boolean;
  target: Target;
  /** the report names civilian victims and no armed ones */
  civilianVictims: boolean;
}

const CROWD = /protest|demonstrat|rall|march|participant|crowd|\d/i;

type Roled = Pick<Draft, 'sub' | 'actor1' | 'actor2' | 'assoc' | 'location' | 'fatalities' | 'injuries'>;

/**
 * A crowd's generic actor (protesters, rioters) leads unless an actor of its kind does; who was named steps aside.
 * A force named as agent ("soldiers shot dead two protesters") becomes the other side, in place of the crowd it faced.
 * (Module functions, not closures made per draft: under tsx each closure made has its name set by a costly defineProperty.)
 */
function leadWith(d: Roled, hooks: EventHooks, day: string | null, kind: GenericKind, inter: number): void {
  if (d.actor1?.inter === inter) return;
  const generic = hooks.genericActor(kind, d.location, day);
  if (!generic) return;
  if (d.actor1 && d.actor1.inter !== 1 && d.actor1.inter !== 3) d.assoc.push(d.actor1);
  else if (d.actor1 && (!d.actor2 || d.actor2.inter === inter)) d.actor2 = d.actor1;
  d.actor1 = { ...generic, text: d.actor1?.text ?? generic.text };
}

/** Fills the roles ACLED always names with a generic actor of the event's country. */
function genericRoles(d: Roled, hooks: EventHooks, { day, criminal, mutual, clashed, target, civilianVictims }: Setting): void {
  const type = d.sub.eventType;
  if (type === 'Protests') leadWith(d, hooks, day, 'protesters', 6);
  else if (type === 'Riots') leadWith(d, hooks, day, 'rioters', 5);
  // "villagers attacked each other": the people named are the crowd on both sides, not its victims
  if (type === 'Riots' && mutual && (!d.actor2 || d.actor2.inter === 7)) d.actor2 = hooks.genericActor('rioters', d.location, day) ?? d.actor2;
  if (type === 'Violence against civilians' || (type === 'Riots' && d.sub.name === 'Mob violence' && !d.actor2)) {
    if (!d.actor2 || d.actor2.inter !== 7) d.actor2 = hooks.genericActor('civilians', d.location, day) ?? d.actor2;
  }
  // a bomb or shell that killed or hurt civilians, and no armed men, has them as its target
  if (type === 'Explosions/Remote violence' && !d.actor2 && (target === 'civilian' || civilianVictims) && (d.fatalities || d.injuries)) d.actor2 = hooks.genericActor('civilians', d.location, day);
  // ACLED's civilian side is always "Civilians (<country>)"; who they were (women, journalists) is an associated actor
  const identity = d.actor2 && (d.actor2.inter === 7 || (d.actor2.inter === 0 && type !== 'Battles'));
  if (d.actor2 && identity && !d.actor2.name.startsWith('Civilians')) {
    const civilians = hooks.genericActor('civilians', d.location, day);
    if (civilians && civilians.name !== d.actor2.name) {
      d.assoc.push(d.actor2);
      d.actor2 = { ...civilians, text: d.actor2.text, start: d.actor2.start, end: d.actor2.end };
    }
  }
  // someone did it, unnamed: ACLED's unidentified actor of the country (a gang where the story is about crime)
  if (!d.actor1 && UNNAMED_AGENT.has(type)) {
    d.actor1 = d.sub.name === 'Air/drone strike' ? hooks.genericActor('unidentified-military', d.location, day) : hooks.genericActor(criminal() ? 'gang' : 'unidentified', d.location, day);
    // a shoot-out where neither side is named: unidentified on both sides
    if (d.sub.name === 'Armed clash' && !d.actor2) d.actor2 = d.actor1;
  }
  // "armed men clashed": a fight among the unnamed, with nobody else in it
  if (d.sub.name === 'Armed clash' && !d.actor2 && clashed && target === null && d.actor1?.name.startsWith('Unidentified Armed Group')) d.actor2 = d.actor1;
}

/**
 * Of `quantities`, those that can be an event's own figures: not a cumulative toll
 * ("a war that lasted three years and killed 100,000 people", "deaths that
 * have occurred in recent years"), nor, for a protest or riot, the deaths the
 * crowd is angry about ("over the death of a teenager").
 */
function ownFigures(doc: Doc, lex: Lexicon, eventType: string, quantities: QuantityMention[]): QuantityMention[] {
  const crowd = eventType === 'Protests' || eventType === 'Riots';
  return quantities.filter((q) => {
    if (q.kind !== 'killed' && q.kind !== 'injured') return true;
    const s = doc.sentences[q.sentence];
    const before = doc.text.slice(s.start, q.start);
    const after = doc.text.slice(q.end, s.end).split(/[;:]|,\s+(?:and|but|while)\b/)[0];
    if (lex.context.tollSubject.test(before) || lex.context.tollAfter.test(after)) return false;
    return !(crowd && q.kind === 'killed' && lex.context.motiveBefore.test(before));
  });
}

/**
 * Codes one report; null when no taxonomy rule fits its cues. `criminal`
 * says whether the whole text is about crime; a caller coding several
 * reports of one document passes one that reads the text once.
 * @example draftEvent(doc, reports[0], lex, hooks)?.sub.name // 'Non-state actor overtakes territory'
 */
export function draftEvent(doc: Doc, report: Report, lex: Lexicon, hooks: EventHooks, criminal = () => lex.context.criminal.test(doc.text)): Draft | null {
  const sentence = doc.sentences[report.sentence];
  const sources = doc.mentions.sources.in(report.sentence);
  // a monitor or outlet that reports is not a party; an official source may be ("the army said it killed five")
  const reporters = sources.filter((s) => s.kind === 'monitor' || s.kind === 'outlet' || s.kind === 'organisation');
  const actors = doc.mentions.actors.filter((a) => a.sentence === report.sentence && !overlapsAny(a, reporters));
  const roles = assignRoles(sentence, report.anchor, actors, report.hits);
  // the agent may be the subject of the sentence before, in the same paragraph, never over one the cue sentence names
  for (let back = report.sentence - 1; !roles.actor1 && back >= Math.max(0, report.sentence - 2) && sameParagraph(doc, back, report.sentence); back--) {
    const said = doc.mentions.sources.in(back);
    const earlier = subjectOf(doc.sentences[back], doc.mentions.actors.filter((a) => a.sentence === back && !overlapsAny(a, said)));
    if (earlier && earlier.name !== roles.actor2?.name) roles.actor1 = earlier;
  }
  // an arrest told later counts as intervention only when it is of the crowd ("15 demonstrators were detained")
  const cues = new Set(report.hits.filter((h) => h.sentence === report.sentence || h.cue !== 'arrest' || CROWD.test(doc.sentences[h.sentence].text)).map((h) => h.cue));
  const picked = classify(lex, { cues, actor1Inter: roles.actor1?.inter ?? null, target: roles.target, anchorText: report.anchor.text });
  if (!picked) return null;
  // "the minister demanded", "Erdogan denounced Israel": a statement, unless the sentence names people who gathered
  if (picked.sub.name === 'Peaceful protest' && !lex.protest.test(sentence.text) && !lex.context.crowd.test(sentence.text)) return null;
  const deciding = decidingCues(picked.rule);
  const trigger = report.hits.find((h) => h.anchor && deciding.includes(h.cue) && h.sentence === report.sentence) ?? report.anchor;
  // "ordered to pay damages", "imposed a ban": a weak word tells a group's change only when the group is named
  if (picked.sub.name === 'Change to group/activity' && !roles.actor1 && trigger.strength < WEAK) return null;
  const sentences = [report.sentence, ...report.more];
  let date = eventDate(sentence, trigger, doc.mentions.times.in(sentence.index), doc.published);
  // "On 9 May, 20 people protested. Police detained three.": the paragraph's date carries over
  for (let back = report.sentence - 1; date.basis !== 'text' && back >= Math.max(0, report.sentence - 2) && sameParagraph(doc, back, report.sentence); back--) {
    const earlier = eventDate(doc.sentences[back], { start: doc.sentences[back].end, end: doc.sentences[back].end }, doc.mentions.times.in(back), doc.published);
    if (earlier.basis === 'text') date = earlier;
  }
  if (isPast(date, doc) || isFuture(date, doc.published)) return null;
  let location = hooks.locate(doc, trigger);
  for (const s of report.more) location ??= hooks.locate(doc, { sentence: s, start: doc.sentences[s].start, end: doc.sentences[s].start });
  const claim = sources.find((s) => s.name !== doc.source) ?? sources[0] ?? null;
  // only the report's own sentences are counted, so only their figures need judging
  const figures = ownFigures(doc, lex, picked.sub.eventType, sentences.flatMap((s) => doc.mentions.quantities.in(s)));
  const draft: Draft = {
    report,
    trigger: { sentence: trigger.sentence, start: trigger.start, end: trigger.end, text: trigger.text },
    sub: picked.sub,
    actor1: roles.actor1 ? field(roles.actor1) : null,
    actor2: roles.actor2 ? field(roles.actor2) : null,
    assoc: roles.assoc.map(field),
    location,
    date,
    // a protest that kills is not peaceful: deaths told beside one ("a gas leak killed 11") are its topic
    fatalities: PEACEFUL.has(picked.sub.name) ? null : countOf(figures, sentences, 'killed'),
    injuries: countOf(figures, sentences, 'injured'),
    source: {
      outlet: doc.source,
      claimed_by: claim?.name ?? null,
      document_id: doc.id,
      sentence: sentence.text,
      start: sentence.start,
      end: sentence.end,
    },
    sourceRank: claim ? SOURCE_RANK[claim.kind] : 0,
    strength: trigger.strength,
  };
  const seen = new Set(report.hits.filter((h) => sentences.includes(h.sentence)).map((h) => h.cue));
  const mutual = seen.has('clash') || sentences.some((i) => MUTUAL.test(doc.sentences[i].text));
  const civilianVictims = seen.has('victim') && !seen.has('armed');
  genericRoles(draft, hooks, { day: date.date.end, criminal, mutual, clashed: trigger.cue === 'clash', target: roles.target, civilianVictims });
  return draft;
}
