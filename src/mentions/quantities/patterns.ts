/**
 * Clause patterns that tie an amount to what happened to the people counted.
 * Built once from data/lexicon/casualty-words.json; each pattern has named
 * groups `amount` (the number words), `trigger` (the word that gives the kind)
 * and optionally `person` (the head noun), so a match carries its evidence.
 */
import words from '../../../data/lexicon/casualty-words.json' with { type: 'json' };
import type { QuantityKind } from '../types.ts';
import { AMOUNT, NUMBER, WORD_ALT } from './amount.ts';
import { nativeRegExp } from './native.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alt = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(escape).join('|');

type KindWords = { active: string[]; passive: string[]; nouns: string[]; tolls: string[]; left: string[]; causative?: string[] };
const KINDS = Object.entries(words.kinds) as [Exclude<QuantityKind, 'people'>, KindWords][];

/** Which kind a trigger word belongs to, per slot ('passive' "dead" → killed, 'left' "homeless" → fled). */
export function kindOf(slot: keyof KindWords, trigger: string): Exclude<QuantityKind, 'people'> | null {
  const t = trigger.toLowerCase().replace(/\s+/g, ' ');
  for (const [kind, w] of KINDS) if (w[slot]?.includes(t)) return kind;
  return null;
}

const all = (slot: keyof KindWords) => alt(KINDS.flatMap(([, w]) => w[slot] ?? []));

const PERSON = alt(words.personNouns);
const STOCK = alt(words.stockNouns);
/** Not an amount of people: an age, a share, a distance, a sum, or part of a longer number. */
const NON_PERSON = alt(words.nonPersonNouns);
const NOT_PEOPLE_AFTER = '(?![\\w%]|\\s+(?:in|out of)\\s+(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|every)\\b|' +
  `\\s+(?:[\\w'’-]+\\s+)?(?:of\\s+)?(?:${NON_PERSON})\\b|` + '[.,]\\d|\\s*[-–]?\\s*(?:years?|yrs?)[- ]old|\\s*(?:%|percent|per cent|km\\b|kilomet|miles?\\b|metres?\\b|meters?\\b|feet\\b|dollars|euros|pounds|tonnes|tons|hours?\\b|days?\\b|weeks?\\b|months?\\b|years?\\b|times\\b|[ap]\\.?m\\b))';
const AM = `(?<![\\w.,$£€-])(?<!\\b(?:one|\\d+)\\s+(?:in|out of)\\s+)(?<amount>${AMOUNT})${NOT_PEOPLE_AFTER}`;
/** Up to four words that may stand between an amount and its verb ("Islamic State fighters", "of civilians"). */
const MOD_WORD = "(?:\\s+(?!(?:killed|dead|died|injured|wounded|hurt|\\d+|and|or|but|who|which|that|were|was|are|is|have|has|had|in|on|at|to|from|by|after|when|while|as|said|says|should|would|could|will|may|might|must|can)\\b)[\\w'’/-]+)";
const MODS = `${MOD_WORD}{0,4}?`;
/** a subject's words: "Kurdish civilians of the town", "(2 men, 2 women, and 1 child)", "including HM's chief" */
const SUBJECT_MODS = `${MOD_WORD}{0,6}?(?:\\s*\\([^()]{0,80}\\))?(?:\\s+and(?!\\s+(?:\\d|(?:an?|one|two|three|four|five|his|her|the)\\b))${MOD_WORD}{0,3}?\\s+(?:${PERSON}))?(?:,?\\s+including\\s+[^,.;()]{1,40}?)?`;
const PERSON_TAIL = `(?:(?:\\s+[\\w'’-]+){0,3}?\\s+(?<person>${PERSON})\\b)?`;
/** Words that end the noun phrase of a victim ("a doctor in Napak", "a man who"). */
const NP_STOP = '(?:in|on|at|near|from|with|after|and|or|but|who|which|that|while|as|during|by|for|to|of|was|were|is|are|had|has|have|\\d+)';
const AUX = '(?:\\s+(?:were|was|are|is|have|has|had|been|being|got|reportedly|reported|also|allegedly|all|later|subsequently|confirmed|believed|feared|to have|to be)){0,4}(?:(?<=\\b(?:were|was|are|is|been|got|reportedly|reported))\\s+(?:[a-z]+ed|shot)\\s+and)?';

export interface QuantityPattern {
  name: string;
  /** the slot of casualty-words.json the trigger comes from, or a fixed kind */
  kind: keyof KindWords | QuantityKind;
  /** the clause pattern (global, with indices), compiled on first use (for the subject given) */
  re: (subject: string, wide?: boolean) => RegExp;
  /** a cheap test that the sentence may match at all: the full pattern is slow */
  hint: RegExp;
  /** the words (lower case) that can start a phrase of the hint; null when the hint is more than a list of phrases */
  starts: string[] | null;
  /** phrases one of which every match holds right after white space (the people a stock counts) */
  nouns?: string[];
  /** how more victims joined to this one are found: after an object, before a subject */
  list?: 'object' | 'subject';
  /** the number killed is unknown: counted together with the injured, or not counted at all */
  mixed?: boolean;
}

/** One regex per hint source: the patterns that share a hint (three on "killed N", three on "N were killed") share its test. */
const HINTS = new Map<string, RegExp>();
const hint = (source: string) => {
  if (!HINTS.has(source)) HINTS.set(source, new RegExp(`(?<![\\w-])(?:${source})(?![\\w-])`, 'i'));
  return HINTS.get(source) as RegExp;
};

/**
 * The first words of a hint's phrases ("shot\\s+dead" → "shot"). A hint can
 * match only where one of them stands as a whole word, since it matches
 * whole words only; null when a phrase is more than plain words.
 */
function startsOf(source: string): string[] | null {
  const starts = new Set<string>();
  for (const phrase of source.split('|')) {
    const plain = phrase.replace(/\\s\+/g, ' ');
    const first = /^[\w-]+/.exec(plain)?.[0];
    if (!first || /[\\?*+()[\]{}^$.|]/.test(plain)) return null;
    starts.add(first.toLowerCase());
  }
  return [...starts];
}

const p = (name: string, kind: QuantityPattern['kind'], hintSource: string, source: string, more: Partial<QuantityPattern> = {}): QuantityPattern =>
  ({ name, kind, re: nativeRegExp(source, 'gid'), hint: hint(hintSource), starts: startsOf(hintSource), ...more });
const NUMBERISH = `\\d+|${WORD_ALT}`;

/** "to kill", "threatened to kill": an intent, not a deed */
const DONE = '(?<!\\bto\\s)';
/** "killed 3 injured": the amount belongs to the participle after it */
const NOT_PARTICIPLE = `(?!\\s+(?:${all('passive')})\\b)`;
/** a victim phrase of one or more words that a stop word ends */
const NP = `(?<np>(?:\\s+(?!${NP_STOP}\\b)[\\w'’-]+){1,4})`;
/** up to seven words of a singular subject ("a local leader of Jubo League"), no verb of being among them */
const SUBJECT = "(?<np>(?:\\s+(?!(?:was|were|is|are|has|have|had|and|but|who|which|that)\\b)(?!\\d)[\\w'’()-]+){1,7}?)";
const WAS = '\\s+(?:was|has\\s+been|had\\s+been)(?:\\s+(?:reportedly|reported|allegedly|also|later|subsequently|then|brutally|found))*(?:\\s+(?:[a-z]+ed|shot)(?:\\s+(?!(?:and|was|were)\\b)[\\w’-]+){0,4}?\\s+and(?:\\s+later)?)?';
const LATER = '(?:\\s+(?:later|eventually|subsequently|also|then|reportedly|instantly))?';
const CONSEQUENCE = '\\b(?:result(?:ed|ing|s)?\\s+in|lead(?:ing|s)?\\s+to|led\\s+to|caus(?:ed|ing|es))';
const DIED = 'died|succumbed';
/** "a number of", "a few", "a dozen": an amount, not one person */
const NOT_VAGUE = '(?!\\s+(?:number|few|dozen|couple|handful|total|large|series|group)\\b)';

/** "killing and injuring dozens", "killing/injuring 75": how many of them died is not told */
const MIXED = '(?:killing\\s*(?:\\/|,|\\s+and|\\s+and\\/or)\\s*(?:injuring|wounding)|killed\\s*(?:\\/|,|\\s+and|\\s+and\\/or)\\s*(?:injured|wounded))';
export const MIXED_TRIGGER = new RegExp(`^${MIXED}$`, 'i');
/** a plain number with a common hedge, for the patterns whose words already say people are counted */
const COUNT = `(?<amount>(?:(?:at least|more than|some|about|around|nearly|over)\\s+)?${NUMBER})\\b`;

/** In order of trust: a later pattern never takes an amount an earlier one has claimed. */
export const PATTERNS: readonly QuantityPattern[] = [
  // "killed four people", "killing 5", "wounding at least 17 others", "killing the two men"
  p('active', 'active', all('active'), `${DONE}\\b(?<trigger>${MIXED}|${all('active')})\\s+(?:(?:a total of|an estimated|the)\\s+)?${AM}${NOT_PARTICIPLE}${PERSON_TAIL}`, { list: 'object' }),
  // "leaving 7 dead", "left 12 people injured"
  p('left', 'left', 'leaving|left|leave|leaves', `\\b(?:leaving|left|leave|leaves)\\s+${AM}(?:\\s+[\\w'’-]+){0,3}?\\s+(?<trigger>${all('left')})\\b`, { list: 'subject' }),
  // "leaving the driver dead", "leaving him killed"
  p('leftOne', 'left', 'leaving|left', `\\b(?:leaving|left)\\s+(?<amount>the|an?|one|him|her)(?<np>(?:\\s+(?!${NP_STOP}\\b)[\\w'’-]+){0,3}?)\\s+(?<trigger>${all('left')})\\b`),
  // "the death toll rose to 12", "a toll of 30"
  p('toll', 'tolls', all('tolls'), `\\b(?<trigger>${all('tolls')})\\b[^.;:]{0,40}?\\b(?:to|at|of|reached|hit|is|was|passed|exceeded|topped)\\s+${AM}`),
  // "the bodies of 3 men were found"
  p('bodies', 'killed', 'bodies|remains|corpses', `\\b(?<trigger>bodies|remains|corpses)\\s+of\\s+${AM}${PERSON_TAIL}`),
  // "resulting in the deaths of 3 people", "leading to death of one demonstrator"
  p('deathOf', 'killed', 'death|deaths|killing', `(?:${CONSEQUENCE}|\\bsuffer(?:ed|ing|s)?)\\s+(?:the\\s+)?(?<trigger>deaths?|killing)\\s+of\\s+${COUNT}`),
  // "The victim died", "the soldier later died", "her daughter died", "He died", "One of the injured men died"
  p('died', 'killed', DIED, `\\b(?<amount>he|she|the|his|her|an?|one)(?!\\s+(?:in|out of)\\s)${NOT_VAGUE}(?<of>\\s+of\\s+the)?${SUBJECT}?${LATER}\\s+(?<trigger>${DIED})\\b`, { list: 'subject' }),
  // "incurring fatalities", "suffered heavy fatalities": deaths told, not counted
  p('uncounted', 'killed', 'fatalities|deaths', `\\b(?:incurr(?:ing|ed|s)|inflict(?:ing|ed|s)|caus(?:ing|ed|es)|result(?:ing|ed|s)?\\s+in|suffer(?:ing|ed|s))\\s+(?:heavy\\s+|some\\s+)?(?<amount>fatalities|deaths)\\b`, { mixed: true }),
  // "12 deaths", "five fatalities", "1 fatality"
  p('noun', 'nouns', all('nouns'), `${AM}(?:\\s+(?!(?:killed|dead|died|injured|wounded|\\d+)\\b)[\\w'’-]+){0,2}?\\s+(?<trigger>${all('nouns')})\\b`, { list: 'subject' }),
  // "forced 500 families to flee", "forcing thousands of people from their homes"
  p('causative', 'fled', 'flee|leave|homes|abandon', `\\b(?<trigger>${alt(words.kinds.fled.causative ?? [])})\\s+${AM}${MODS}\\s+(?:to\\s+flee|to\\s+leave|from\\s+their\\s+homes|out\\s+of\\s+their\\s+homes|to\\s+abandon)`),
  // "killed a family of three"
  p('family', 'active', 'family', `${DONE}\\b(?<trigger>${all('active')})\\s+(?:an?|an\\s+entire|the\\s+entire)\\s+family\\s+of\\s+${COUNT}`),
  // "killing a woman", "assassinated a QSD member", "abducted an aid worker"
  p('activeSingular', 'active', all('active'), `${DONE}\\b(?<trigger>${all('active')})\\s+(?<amount>an?|one)(?!\\s+(?:entire\\s+)?family\\s+of\\b)${NP}`, { list: 'object' }),
  // "killing the driver", "shot dead the owner", "killed him": one victim named before
  p('activeDefinite', 'active', all('active'), `${DONE}\\b(?<trigger>${all('active')})\\s+(?<amount>him|her|the)\\b(?:${NP})?`, { list: 'object' }),
  // "the body of a man was found", "a man's body was found"
  p('bodySingular', 'killed', 'body|corpse', `\\b(?<trigger>body|corpse)\\s+of\\s+(?<amount>an?|one)${NP}`),
  p('bodyOwner', 'killed', 'body|corpse', `\\b(?<amount>an?|one)(?:\\s+[\\w-]+){0,2}?\\s+(?:${PERSON})['’]s\\s+(?<trigger>body|corpse)\\b`),
  // a suicide bomber dies with the blast, and ACLED counts the perpetrator's death too
  p('selfBlast', 'killed', 'blew', `\\bblew\\s+(?<amount>himself|herself)\\s+up\\b`),
  p('ownBelt', 'killed', 'detonated', `\\bdetonated\\s+(?<amount>his|her)\\s+(?:[\\w-]+\\s+)?(?:belt|vest)\\b`),
  // "resulting in his death"
  p('hisDeath', 'killed', 'death', `${CONSEQUENCE}\\s+(?<amount>his|her)\\s+(?<trigger>death)\\b`),
  // "a former Barangay councilor was shot dead": a singular subject and "was"
  p('singularWas', 'passive', all('passive'), `\\b(?<amount>an?|one|he|she)(?!\\s+(?:in|out of)\\s)${NOT_VAGUE}${SUBJECT}?${WAS}\\s+(?<trigger>${all('passive')})\\b`),
  // "a civilian was killed", "one soldier has been wounded"
  p('singular', 'passive', all('passive'), `\\b(?<amount>an?|one|his|her)(?!\\s+(?:in|out of)\\s)${NOT_VAGUE}\\s+(?:[\\w'’-]+\\s+){0,2}?(?<person>${PERSON})${AUX}\\s+(?<trigger>${all('passive')})\\b`, { list: 'subject' }),
  // "two soldiers were killed", "2 killed, 3 wounded", "thousands of civilians have fled"
  p('passive', 'passive', all('passive'), `(?:\\balso\\s+)?(?<!\\bby\\s+)${AM}(?<mods>${SUBJECT_MODS})${AUX}\\s+(?<trigger>${all('passive')})\\b(?!\\s+(?:an?|his|her|their|its)\\s)(?!\\s*(?:,|\\/|or)\\s*(?:injured|wounded|captured|arrested)\\b)`, { list: 'subject' }),
  // "4.8 million refugees", "28 Islamic State fighters": a count of people with no verb of harm
  p('stock', 'people', NUMBERISH, `${AM}(?:\\s+[\\w'’-]+){0,2}?\\s+(?<person>${STOCK}|${PERSON})\\b`, { nouns: [...words.stockNouns, ...words.personNouns] }),
];
