/**
 * Which cues a sentence can hold, read off its words. A cue pattern is
 * matched between word boundaries, so every match starts at the start of a
 * word, with one of a few literal beginnings ("air strike", "protest",
 * "a march") read off the pattern once. A sentence wakes only the cues one
 * of its words begins like: running 31 long case-insensitive alternations
 * over every sentence made cue finding the costliest step of the events
 * stage, and walking each word's first letters down a tree costs a fraction
 * of one of them.
 *
 * The reading is a superset, never less: a beginning stops where the
 * pattern stops being literal (a class, `\w`, `.`, a repeat, a non-ASCII
 * letter), and lookarounds are skipped as if absent. A pattern whose match
 * could start with no literal word character wakes on every sentence.
 */
import { atomEnd, classEnd } from '../text/index.ts';

/** ends a beginning whose next characters are unknown; a beginning without it is a whole match so far */
const OPEN = '\uffff';
/** beginnings are read this far: longer ones would not pick fewer sentences */
const DEPTH = 6;

type Beginnings = Set<string>;

const QUANTIFIER = /^[?*+{]$/;
const closed = (x: string) => x.endsWith(OPEN);

function allClosed(a: Beginnings): boolean {
  for (const x of a) if (!closed(x)) return false;
  return true;
}
const close = (x: string) => (closed(x) ? x : x + OPEN);

function concat(a: Beginnings, b: Beginnings): Beginnings {
  const out: Beginnings = new Set();
  for (const x of a) {
    if (closed(x)) out.add(x);
    else for (const y of b) out.add(x.length + y.length > DEPTH ? close((x + y).slice(0, DEPTH)) : x + y);
  }
  return out;
}

const EMPTY: Beginnings = new Set(['']);
const UNKNOWN: Beginnings = new Set([OPEN]);
/** under the `i` flag an ASCII letter stands for both cases; a non-ASCII one may fold to others */
const literal = (c: string): Beginnings => (c.charCodeAt(0) < 128 ? new Set([c.toLowerCase()]) : UNKNOWN);

/** A reader of one pattern source: each step returns the beginnings its part of the pattern can match. */
class BeginningReader {
  i = 0;
  /** a run of characters that stand for themselves */
  private readonly literal = /[A-Za-z0-9 '",:;/!-]+/y;
  constructor(private readonly src: string) {}

  alternation(): Beginnings {
    const out = new Set(this.sequence());
    while (this.src[this.i] === '|') {
      this.i++;
      for (const x of this.sequence()) out.add(x);
    }
    return out;
  }

  private sequence(): Beginnings {
    let acc = EMPTY;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      if (allClosed(acc)) return this.skipSequence(acc);
      const run = this.literalRun();
      acc = concat(acc, run ? new Set([run]) : this.quantified(this.atom()));
    }
    return acc;
  }

  /** Plain characters read at once (most beginnings are one such run), but for a last one a quantifier follows. */
  private literalRun(): string {
    this.literal.lastIndex = this.i;
    const m = this.literal.exec(this.src);
    if (!m) return '';
    const run = QUANTIFIER.test(this.src[this.i + m[0].length] ?? '') ? m[0].slice(0, -1) : m[0];
    this.i += run.length;
    return run.toLowerCase();
  }

  /** Past the rest of a sequence whose beginnings are all closed: nothing after them changes them. */
  private skipSequence(acc: Beginnings): Beginnings {
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') this.i = atomEnd(this.src, this.i);
    return acc;
  }

  /** A repeat closes what it repeats: "s+" begins with "s", then anything. */
  private quantified(atom: Beginnings): Beginnings {
    const rest = this.src.slice(this.i, this.i + 12);
    const q = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(rest);
    if (!q) return atom;
    this.i += q[0].length;
    const optional = q[0][0] === '?' || q[0][0] === '*' || q[0].startsWith('{0');
    const out: Beginnings = new Set(q[0][0] === '?' ? atom : [...atom].map(close));
    if (optional) out.add('');
    return out;
  }

  private atom(): Beginnings {
    const c = this.src[this.i++];
    if (c === '(') return this.group();
    if (c === '[') {
      this.i = classEnd(this.src, this.i - 1);
      return UNKNOWN;
    }
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return UNKNOWN;
    return literal(c);
  }

  private group(): Beginnings {
    const rest = this.src.slice(this.i, this.i + 3);
    const lookaround = /^\?<?[=!]/.exec(rest);
    if (lookaround) this.i += lookaround[0].length;
    else if (rest.startsWith('?:')) this.i += 2;
    else if (rest.startsWith('?<')) this.i = this.src.indexOf('>', this.i) + 1;
    const inner = this.alternation();
    this.i++; // the closing ")"
    return lookaround ? EMPTY : inner;
  }

  private escape(): Beginnings {
    const e = this.src[this.i++];
    if (e === 'b' || e === 'B') return EMPTY;
    if (e === 'd') return new Set('0123456789');
    if (e === 'u' || e === 'x') this.i += e === 'u' ? 4 : 2;
    if (/[A-Za-z0-9]/.test(e)) return UNKNOWN; // \w, \s, \n, a back-reference, a code point...
    return literal(e);
  }
}

/** 1 for the characters of `\w`: ASCII letters, digits and "_" */
const WORD = Uint8Array.from({ length: 128 }, (_, c) => +/\w/.test(String.fromCharCode(c)));
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The literal beginnings of a pattern's matches, or null when a match can begin with anything.
 * @example beginnings('air ?raids?|uavs?') // ['air', 'uav']
 */
export function beginnings(pattern: string): string[] | null {
  const reader = new BeginningReader(pattern);
  const read = reader.alternation();
  if (reader.i < pattern.length) throw new Error(`unbalanced pattern: ${pattern}`);
  const out = new Set<string>();
  for (const b of read) {
    const known = closed(b) ? b.slice(0, -1) : b;
    if (known === '' || WORD[known.charCodeAt(0)] !== 1) return null;
    out.add(known);
  }
  return [...out];
}

/**
 * For patterns matched as `\b(?:pattern)\b` with the `i` flag: a function
 * giving, for a text, where a match of each of them (by index) can start,
 * in text order; undefined for a pattern that cannot match it. The
 * beginnings make one tree, kept as a table (state × character → state):
 * each word of the text walks it from the root as far as its letters go.
 * A pattern without a literal beginning can start anywhere.
 * @example matchStarts(['airstrikes?', 'sarin'])('An airstrike hit.') // [[3], undefined]
 */
export function matchStarts(patterns: readonly string[]): (text: string) => (number[] | undefined)[] {
  const found = patterns.map(beginnings);
  // the characters the beginnings use, each a column of the table (0: any other); both cases share one
  const column = new Uint8Array(128);
  let columns = 1;
  for (const b of found) for (const c of (b ?? []).join('')) {
    const code = c.charCodeAt(0);
    if (column[code] === 0) column[code] = column[code ^ (isLetter(code) ? 32 : 0)] = columns++;
  }
  const rows: number[][] = [[]];
  const ends: (number[] | null)[] = [null];
  found.forEach((list, k) => {
    for (const b of list ?? []) {
      let state = 0;
      for (const c of b) {
        const col = column[c.charCodeAt(0)];
        if (!rows[state][col]) {
          rows[state][col] = rows.length;
          rows.push([]);
          ends.push(null);
        }
        state = rows[state][col];
      }
      (ends[state] ??= []).push(k);
    }
  });
  const table = new Int32Array(rows.length * columns);
  rows.forEach((row, state) => row.forEach((to, col) => (table[state * columns + col] = to)));
  const anywhere = found.flatMap((b, k) => (b ? [] : [k]));
  return (text) => {
    const starts = new Array<number[] | undefined>(patterns.length);
    for (const k of anywhere) starts[k] = Array.from({ length: text.length + 1 }, (_, i) => i);
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c >= 128 || WORD[c] === 0) {
        i++;
        continue;
      }
      // a word starts at i: walk its letters down the tree; every beginning passed can start a match here
      let state = table[column[c]];
      for (let j = i + 1; state !== 0; j++) {
        const passed = ends[state];
        if (passed !== null) {
          for (let q = 0; q < passed.length; q++) {
            const at = starts[passed[q]];
            // a literal of one: push onto an empty array reserves 17 slots, and most cues wake once a sentence
            if (at === undefined) starts[passed[q]] = [i];
            else if (at[at.length - 1] !== i) at.push(i);
          }
        }
        if (j >= n) break;
        const code = text.charCodeAt(j);
        state = code < 128 ? table[state * columns + column[code]] : 0;
      }
      // past the rest of the word
      i++;
      while (i < n && (c = text.charCodeAt(i)) < 128 && WORD[c] === 1) i++;
    }
    return starts;
  };
}
