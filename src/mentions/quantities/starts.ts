/**
 * Word starts of a regex: what the first word of any match must begin with,
 * read off the pattern's source, so a sentence none of whose words begins
 * so is known not to match without running the pattern. A long alternation
 * ("kill(?:ed|ing)?|shot|gunned down|…") fails slowly, trying each branch
 * at every position; reading a sentence's words once and looking their
 * starts up in a table costs a few map lookups per word.
 *
 * A word is a run of \w characters ([A-Za-z0-9_], as \b sees them). Its key
 * is its first three characters in lower case, or the whole word when it is
 * shorter ("a", "an"). A match that starts on a word character at a word
 * boundary starts a word, and that word's key is one the pattern allows.
 * Matching case-insensitively changes nothing: outside unicode mode no
 * other character matches an ASCII letter than its two cases.
 */

/** Keys as numbers: up to three char codes, and a mark for a whole word shorter than three. */
const WHOLE = 1 << 24;

function keyOf(codes: number[], whole: boolean): number {
  let k = 0;
  for (let i = 0; i < codes.length; i++) k |= codes[i] << (8 * i);
  return whole && codes.length < 3 ? k | WHOLE : k;
}

const isWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * Calls `visit` with the key of each word of `text`, in order.
 * @example const keys: number[] = []; wordKeys('Two were killed', (k) => keys.push(k)); keys.length // 3
 */
export function wordKeys(text: string, visit: (key: number) => void): void {
  for (let i = 0; i < text.length; ) {
    if (!isWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWord(text.charCodeAt(j))) j++;
    const n = Math.min(3, j - i);
    let k = 0;
    for (let t = 0; t < n; t++) k |= lower(text.charCodeAt(i + t)) << (8 * t);
    visit(j - i < 3 ? k | WHOLE : k);
    i = j;
  }
}

// A small reader of the regex syntax the data files use: enough to follow a
// match's first characters, and to give up (null) on anything it does not know.
type Atom =
  | { kind: 'chars'; codes: number[] | null } // null: a class it does not spell out (\w, ., [^…])
  | { kind: 'nonword' } // \s, \W: a character that ends a word
  | { kind: 'boundary' } // \b
  | { kind: 'empty' } // lookarounds and other zero-width assertions: they consume nothing
  | { kind: 'group'; alts: Item[][] };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}

class Unknown extends Error {}

function parse(source: string): Item[][] {
  let i = 0;
  const alts = (): Item[][] => {
    const out: Item[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        out.push([]);
        continue;
      }
      const atom = readAtom();
      const [min, max] = readQuantifier();
      out[out.length - 1].push({ atom, min, max });
    }
    return out;
  };
  const readAtom = (): Atom => {
    const c = source[i];
    if (c === '(') {
      i++;
      let zeroWidth = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) [i, zeroWidth] = [i + 2, true];
      else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) [i, zeroWidth] = [i + 3, true];
      else if (source.startsWith('?<', i)) i = source.indexOf('>', i) + 1;
      else if (c === '(' && source[i] === '?') throw new Unknown();
      const inner = alts();
      if (source[i] !== ')') throw new Unknown();
      i++;
      return zeroWidth ? { kind: 'empty' } : { kind: 'group', alts: inner };
    }
    if (c === '[') return readClass();
    if (c === '\\') {
      const e = source[i + 1];
      i += 2;
      if (e === 'b') return { kind: 'boundary' };
      if (e === 'B') return { kind: 'empty' };
      if ('sWntrfv'.includes(e)) return { kind: 'nonword' };
      if (/[0-9k]/.test(e)) throw new Unknown(); // a back-reference
      // any other letter is a class (\w, \d) or a character given by its code
      if (/[A-Za-z]/.test(e)) return { kind: 'chars', codes: null };
      return { kind: 'chars', codes: [lower(e.charCodeAt(0))] };
    }
    if (c === '^') {
      i++;
      return { kind: 'boundary' };
    }
    if (c === '$') {
      i++;
      return { kind: 'empty' };
    }
    i++;
    if (c === '.') return { kind: 'chars', codes: null };
    if ('*+?{'.includes(c)) throw new Unknown();
    return { kind: 'chars', codes: [lower(c.charCodeAt(0))] };
  };
  const readClass = (): Atom => {
    const end = source.indexOf(']', i + 1);
    const body = source.slice(i + 1, end);
    i = end + 1;
    // only plain lists of characters ("[ae]", "[- ]"); ranges, escapes and negations are not spelled out
    if (end < 0 || body === '' || /[\\^]|.-./.test(body)) return { kind: 'chars', codes: null };
    return { kind: 'chars', codes: [...new Set([...body].map((ch) => lower(ch.charCodeAt(0))))] };
  };
  const readQuantifier = (): [number, number] => {
    const c = source[i];
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) throw new Unknown();
      i += m[0].length - 1;
      q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
    } else return q;
    i++;
    if (source[i] === '?') i++; // lazy: the same strings
    return q;
  };
  const out = alts();
  if (i !== source.length) throw new Unknown();
  return out;
}

/**
 * The keys the first word of any match can have; null when some match
 * need not start a word (only a \b or ^ before its first letter says it
 * does), or the pattern holds syntax this reader does not follow (the caller
 * then runs the pattern on every text).
 * @example startKeys('\\b(?:kill(?:ed|s)?|shot)\\b')?.size // 2 ("kil", "sho")
 */
export function startKeys(source: string): Set<number> | null {
  const keys = new Set<number>();
  let steps = 0;
  // walks the items after `rest`, with the word's first characters so far in `word`; `at` once a \b has been passed
  const walk = (rest: Item[][], word: number[], at: boolean, depth = 0): void => {
    // a group that can match nothing, repeated, would loop: give up rather than guess
    if (++steps > 100_000 || depth > 300) throw new Unknown();
    if (word.length === 3) {
      keys.add(keyOf(word, false));
      return;
    }
    if (rest.length === 0) throw new Unknown(); // the pattern may end mid-word
    const [seq, ...outer] = rest;
    if (seq.length === 0) return walk(outer, word, at, depth + 1);
    const [item, ...tail] = seq;
    const after = [tail, ...outer];
    if (item.min === 0) walk(after, word, at, depth + 1);
    if (item.max === 0) return;
    const again: Item = { atom: item.atom, min: Math.max(0, item.min - 1), max: item.max - 1 };
    const next = again.max > 0 ? [[again, ...tail], ...outer] : after;
    const atom = item.atom;
    if (atom.kind === 'empty') return walk(after, word, at, depth + 1);
    if (atom.kind === 'boundary') {
      if (word.length > 0) keys.add(keyOf(word, true));
      else walk(after, word, true, depth + 1);
      return;
    }
    if (atom.kind === 'nonword') {
      if (word.length === 0) throw new Unknown(); // a match starting on a space starts no word
      keys.add(keyOf(word, true));
      return;
    }
    if (atom.kind === 'group') {
      for (const alt of atom.alts) walk([alt, ...next], word, at, depth + 1);
      return;
    }
    if (atom.codes === null) throw new Unknown();
    for (const c of atom.codes) {
      if (isWord(c) && !at) throw new Unknown(); // the match may start inside a word ("quarter" in "headquarters")
      if (isWord(c)) walk(next, [...word, c], at, depth + 1);
      else if (word.length === 0) throw new Unknown();
      else keys.add(keyOf(word, true));
    }
  };
  try {
    for (const alt of parse(source)) walk([alt], [], false);
    return keys;
  } catch (e) {
    if (e instanceof Unknown) return null;
    throw e;
  }
}
