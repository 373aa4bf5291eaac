/**
 * The event lexicon: cue patterns (data/events/cues.json) and the ACLED
 * taxonomy with its classification rules (data/events/taxonomy.json),
 * validated and compiled once. Loading reads files; everything after is pure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nativeRegExp } from '../mentions/quantities/index.ts';
import { reportStarts } from './starts.ts';
import { matchStarts } from './heads.ts';
import { prefixTrie } from '../text/index.ts';
import { compileScope, type Scope, type ScopeFile } from './scope.ts';
import acledCountries from '../../data/events/acled-countries.json' with { type: 'json' };

export interface CueEntry {
  id: string;
  cue: string;
  pattern: string;
  anchor: boolean;
  strength: number;
  after?: string;
  not_after?: string;
  reviewer: string;
  date: string;
}

export interface CompiledCue {
  id: string;
  cue: string;
  anchor: boolean;
  strength: number;
  /** it can start or shape a report: a sentence with none of these is skipped whole */
  shaping: boolean;
  /** the cue's pattern (global, case-insensitive), compiled to machine code at first use (see nativeRegExp) */
  re: (subject: string) => RegExp;
  /** the same, sticky: tried only where cueStarts says it can match */
  sticky: (subject: string) => RegExp;
  after: RegExp | null;
  notAfter: RegExp | null;
}

export interface SubEventType {
  name: string;
  eventType: string;
  disorderType: string;
  plover: { event: string; mode: string | null };
  template: string;
}

export interface ClassRule {
  sub: string;
  all?: string[];
  any?: string[];
  none?: string[];
  actor1?: 'state' | 'nonstate';
  target?: 'civilian' | 'armed';
}

export interface EventContextPatterns {
  ongoingBefore: RegExp;
  ongoingClause: RegExp;
  irrealisBefore: RegExp;
  reportVerbs: RegExp;
  anaphorBefore: RegExp;
  causeBefore: RegExp;
  displacement: RegExp;
  stock: RegExp;
  separate: RegExp;
  topicBefore: RegExp;
  criminal: RegExp;
  /** before a count: the killer is a war or a crisis ("the war has killed 100,000"), a cumulative toll */
  tollSubject: RegExp;
  /** after a count: it spans months or years ("since 2011", "in recent years") */
  tollAfter: RegExp;
  /** before a count: the deaths a protest or riot is about ("over the death of", "after two children were killed") */
  motiveBefore: RegExp;
  /** before a cue: the crime a court story charges, convicts or sentences someone for ("charged with murder") */
  chargeBefore: RegExp;
  /** in a cue's clause: harm no one inflicted as violence (an accident, a fire fought, a storm) */
  mishap: RegExp;
  /** in the same clause: weapon or armed-actor words, which make it violence after all */
  mishapOverruled: RegExp;
  /** in a cue's clause: the victims are animals ("dogs are killed for their meat") */
  animalVictim: RegExp;
  /** the people of a gathering ("workers", "hundreds of residents"): a protest told only by its weak words names them */
  crowd: RegExp;
}

export interface Lexicon {
  cues: CompiledCue[];
  /** where in a text each cue (by index) can match, in text order; undefined: nowhere (see heads.ts) */
  cueStarts: (text: string) => (number[] | undefined)[];
  /** the anchor cues as looser patterns for a whole text: one without any holds no report (see starts.ts) */
  starts: string[];
  /** any protest cue: a sentence with one reads violence it mentions as the protest's topic */
  protest: RegExp;
  subEvents: Map<string, SubEventType>;
  rules: ClassRule[];
  context: EventContextPatterns;
  /** what ACLED codes, by country (data/events/scope.json) */
  scope: Scope;
}

const dataDir = fileURLToPath(new URL('../../data/events/', import.meta.url));

/** A validation failure names the file and the entry so a data edit is easy to fix. */
export class LexiconError extends Error {}

function word(pattern: string, flags: string): RegExp {
  return new RegExp(`\\b(?:${pattern})\\b`, flags);
}

/** Anchors start reports; an intervention or lethal force shapes a protest report. */
const isShaping = (e: CueEntry) => e.anchor || e.cue === 'intervention' || e.cue === 'lethal_force';

/** Checks and compiles the cue list; throws LexiconError on a malformed or duplicate entry. */
export function compileCues(entries: unknown[], knownCues?: Set<string>): CompiledCue[] {
  const seen = new Set<string>();
  return entries.map((raw, i) => {
    const e = raw as CueEntry;
    const where = `cue #${i} (${e?.id ?? 'no id'})`;
    for (const key of ['id', 'cue', 'pattern', 'reviewer', 'date'] as const) {
      if (typeof e?.[key] !== 'string' || e[key] === '') throw new LexiconError(`${where}: "${key}" must be a non-empty string`);
    }
    if (typeof e.anchor !== 'boolean') throw new LexiconError(`${where}: "anchor" must be true or false`);
    if (typeof e.strength !== 'number' || e.strength < 0 || e.strength > 1) throw new LexiconError(`${where}: "strength" must be 0..1`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw new LexiconError(`${where}: "date" must be YYYY-MM-DD`);
    if (seen.has(e.id)) throw new LexiconError(`${where}: duplicate id`);
    if (knownCues && !knownCues.has(e.cue)) throw new LexiconError(`${where}: cue "${e.cue}" is used by no classification rule`);
    seen.add(e.id);
    try {
      // built here to reject a bad pattern at load; compiled at its first use
      const re = word(e.pattern, 'gi');
      return {
        id: e.id,
        cue: e.cue,
        anchor: e.anchor,
        strength: e.strength,
        shaping: isShaping(e),
        re: nativeRegExp(re.source, re.flags),
        sticky: nativeRegExp(re.source, 'iy'),
        after: e.after ? new RegExp(e.after) : null,
        notAfter: e.not_after ? new RegExp(e.not_after, 'i') : null,
      };
    } catch (err) {
      throw new LexiconError(`${where}: bad pattern: ${(err as Error).message}`);
    }
  });
}

interface TaxonomyFile {
  event_types: { event_type: string; sub_event_types: { name: string; disorder_type: string; plover: { event: string; mode: string | null }; template: string }[] }[];
  rules: { list: ClassRule[] };
}

/** Checks the taxonomy: 6 event types, 25 unique sub-event types, rules naming only known sub-event types. */
export function compileTaxonomy(file: TaxonomyFile): { subEvents: Map<string, SubEventType>; rules: ClassRule[] } {
  const subEvents = new Map<string, SubEventType>();
  for (const et of file.event_types) {
    for (const s of et.sub_event_types) {
      if (subEvents.has(s.name)) throw new LexiconError(`taxonomy: duplicate sub-event type "${s.name}"`);
      if (!s.disorder_type || !s.plover?.event || !s.template) throw new LexiconError(`taxonomy: "${s.name}" lacks disorder_type, plover or template`);
      subEvents.set(s.name, { name: s.name, eventType: et.event_type, disorderType: s.disorder_type, plover: s.plover, template: s.template });
    }
  }
  if (file.event_types.length !== 6 || subEvents.size !== 25) {
    throw new LexiconError(`taxonomy: expected 6 event types and 25 sub-event types, got ${file.event_types.length} and ${subEvents.size}`);
  }
  for (const r of file.rules.list) {
    if (!subEvents.has(r.sub)) throw new LexiconError(`taxonomy rule: unknown sub-event type "${r.sub}"`);
    if (!r.any && !r.all) throw new LexiconError(`taxonomy rule for "${r.sub}": needs "any" or "all"`);
  }
  return { subEvents, rules: file.rules.list };
}

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(dataDir + name, 'utf8')) as Record<string, unknown>;
}

/**
 * Reads and compiles data/events/*.json.
 * @example const lex = loadLexicon(); lex.subEvents.get('Air/drone strike')?.eventType // 'Explosions/Remote violence'
 */
export function loadLexicon(): Lexicon {
  const taxonomy = compileTaxonomy(readJson('taxonomy.json') as unknown as TaxonomyFile);
  const usedCues = new Set(taxonomy.rules.flatMap((r) => [...(r.any ?? []), ...(r.all ?? [])]));
  for (const extra of ['victim', 'armed', 'intervention', 'lethal_force']) usedCues.add(extra);
  const cueFile = readJson('cues.json') as { cues: CueEntry[]; context: Record<string, string> };
  const types = new Set([...taxonomy.subEvents.values()].flatMap((s) => [s.name, s.eventType]));
  const countries = new Set(Object.keys(acledCountries.countries));
  const c = cueFile.context;
  return {
    cues: compileCues(cueFile.cues, usedCues),
    cueStarts: matchStarts(cueFile.cues.map((e) => e.pattern)),
    starts: reportStarts(cueFile.cues),
    protest: word(cueFile.cues.filter((e) => e.cue === 'protest').map((e) => `(?:${e.pattern})`).join('|'), 'i'),
    ...taxonomy,
    scope: compileScope(readJson('scope.json') as unknown as ScopeFile, { types, countries }),
    context: {
      ongoingBefore: new RegExp(c.ongoing_before, 'i'),
      ongoingClause: new RegExp(c.ongoing_clause, 'i'),
      irrealisBefore: new RegExp(c.irrealis_before, 'i'),
      reportVerbs: word(c.report_verbs, 'i'),
      anaphorBefore: new RegExp(c.anaphor_before, 'i'),
      causeBefore: new RegExp(c.cause_before, 'i'),
      displacement: word(c.displacement, 'i'),
      stock: word(c.stock, 'i'),
      separate: new RegExp(c.separate, 'i'),
      topicBefore: new RegExp(c.topic_before, 'i'),
      // tested once over a whole story: merged on its leading letters (same language), one scan costs less
      criminal: word(prefixTrie([`(?:${c.criminal})`]), 'i'),
      tollSubject: new RegExp(c.toll_subject, 'i'),
      tollAfter: new RegExp(c.toll_after, 'i'),
      motiveBefore: new RegExp(c.motive_before, 'i'),
      chargeBefore: new RegExp(c.charge_before, 'i'),
      mishap: new RegExp(c.mishap, 'i'),
      mishapOverruled: new RegExp(c.mishap_overruled, 'i'),
      animalVictim: new RegExp(c.animal_victim, 'i'),
      crowd: new RegExp(c.crowd, 'i'),
    },
  };
}
