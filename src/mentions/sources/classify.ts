/**
 * Who a speaker phrase names: a known monitor, outlet or organisation
 * (data/lexicon/known-sources.json), or a role read from its words
 * ("a monitor", "the health ministry", "residents", "local sources").
 */
import known from '../../../data/lexicon/known-sources.json' with { type: 'json' };
import type { SourceMention } from '../types.ts';

export type SourceKind = SourceMention['kind'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

interface Alias {
  alias: string;
  name: string;
  kind: SourceKind;
}

const ALIASES: Alias[] = known.entries
  .flatMap((e) => e.aliases.map((alias) => ({ alias, name: e.name, kind: e.kind as SourceKind })))
  .sort((a, b) => b.alias.length - a.alias.length);
/** Aliases are matched as written: "AP" and "WHO" are names only in capitals. */
const ALIAS_RE = new RegExp(`(?<![\\w-])(?:${ALIASES.map((a) => escape(a.alias)).join('|')})(?![\\w-])`);
const BY_ALIAS = new Map(ALIASES.map((a) => [a.alias, a]));

const ROLE_ORDER: SourceKind[] = ['monitor', 'outlet', 'official', 'witness', 'organisation', 'unnamed'];
const ROLE_RES = ROLE_ORDER.map((kind) => {
  const words = (known.roleWords as Record<string, string[]>)[kind];
  return { kind, re: new RegExp(`(?<![\\w-])(?:${words.map(escape).join('|')})(?![\\w-])`, 'i') };
});

const PRONOUN = /^(?:he|she|they|it|we|i|you|who|which|that|this|one|there|both|some|many|others|all)$/i;

/**
 * Name and kind of a speaker phrase; null when it names nobody (a pronoun).
 * @example classifySpeaker('the Syrian Observatory for Human Rights') // {name: 'Syrian Observatory for Human Rights', kind: 'monitor'}
 */
export function classifySpeaker(phrase: string): { name: string; kind: SourceKind } | null {
  const text = phrase.trim();
  if (text === '' || PRONOUN.test(text)) return null;
  const alias = ALIAS_RE.exec(text);
  if (alias) {
    const a = BY_ALIAS.get(alias[0].replace(/\s+/g, ' '));
    // "the Observatory's director said": the person speaks for the monitor
    if (a) return { name: a.name, kind: a.kind };
  }
  const role = roleOf(text);
  if (role) return { name: text, kind: role };
  // a name with no role word: a person speaking for themself, until the text says who they are
  // an acronym ("ECOWAS", "NISA") names a body, not a person
  if (/^(?:the\s+)?[A-Z]{3,}$/.test(text)) return { name: text, kind: 'organisation' };
  if (isName(text)) return { name: text, kind: 'witness' };
  return null;
}

/** The kind a role word of the phrase gives ("the health ministry" → official, "Residents" → witness); null when it has none. */
export function roleOf(phrase: string): SourceKind | null {
  for (const { kind, re } of ROLE_RES) if (re.test(phrase)) return kind;
  return null;
}

/** "Marco Rubio", "Jian Badrakhan", "al-Hassan": capitalised words and name particles only. */
export function isName(text: string): boolean {
  return /^(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|bin|ibn|de|del|van|von|el-[\w'’-]+))*$/.test(text.replace(/^the\s+/i, ''));
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/** Where `word` first stands in `text` as a whole word (no letter, digit, _ or - on either side); -1 when nowhere. */
function wordAt(text: string, word: string): number {
  if (word === '') return -1;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if ((at === 0 || !isWordChar(text.charCodeAt(at - 1))) && !isWordChar(text.charCodeAt(at + word.length))) return at;
  }
  return -1;
}

/**
 * The role a text gives a named person where it first names them
 * ("U.S. President Donald Trump … Trump said" → official); null when none.
 */
export function roleOfName(text: string, name: string): SourceKind | null {
  const surname = name.split(/\s+/).pop() ?? name;
  const at = wordAt(text, surname);
  if (at < 0) return null;
  // the words before the name in its sentence, and an apposition after it ("Catherine Russell, UNICEF's executive director,")
  const before = text.slice(Math.max(0, at - 60), at).split(/\n|[.!?]\s+(?=[A-Z])/).pop() ?? '';
  const after = /^[^,.;\n]*(?:,[^,.;\n]{0,60},)?/.exec(text.slice(at + surname.length))?.[0] ?? '';
  const window = `${before} ${after}`;
  for (const { kind, re } of ROLE_RES) if (kind !== 'unnamed' && re.test(window)) return kind;
  return null;
}

/** The known source named anywhere in a phrase, with its offsets ("told AFP"). */
export function knownSourceIn(phrase: string): { name: string; kind: SourceKind; start: number; end: number } | null {
  const m = ALIAS_RE.exec(phrase);
  if (!m) return null;
  const a = BY_ALIAS.get(m[0].replace(/\s+/g, ' '));
  return a ? { name: a.name, kind: a.kind, start: m.index, end: m.index + m[0].length } : null;
}
