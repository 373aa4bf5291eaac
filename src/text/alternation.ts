/**
 * A long alternation of word patterns rewritten as a prefix trie: same
 * language, but V8's irregexp tries every branch at every position of a
 * text, so 600 branches cost 600 quick checks per character while the trie
 * costs a handful (the record gate runs over every whole document).
 */

/** The index just past the character class that opens at `at`. */
export function classEnd(source: string, at: number): number {
  let i = at + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The index just past the atom at `at`: an escape, a class, a group or one character. */
export function atomEnd(source: string, at: number): number {
  const c = source[at];
  if (c === '\\') return at + 2;
  if (c === '[') return classEnd(source, at);
  if (c !== '(') return at + 1;
  let depth = 0;
  let i = at;
  while (i < source.length) {
    const d = source[i];
    if (d === '\\') i += 2;
    else if (d === '[') i = classEnd(source, i);
    else {
      if (d === '(') depth++;
      if (d === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new Error(`unbalanced pattern: ${source}`);
}

/** The branches of a pattern's top-level alternation. */
function branches(source: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < source.length; ) {
    if (source[i] === '|') {
      out.push(source.slice(from, i));
      from = ++i;
    } else i = atomEnd(source, i);
  }
  out.push(source.slice(from));
  return out;
}

const QUANTIFIER = /^[?*+{]/;

/** "(?:a|b)c" as "ac" and "bc", recursively, so that each branch starts with its own letters where it can. */
function spread(branch: string, out: string[]): void {
  if (branch.startsWith('(?:')) {
    const end = atomEnd(branch, 0);
    const rest = branch.slice(end);
    if (!QUANTIFIER.test(rest)) {
      for (const b of branches(branch.slice(3, end - 1))) spread(b + rest, out);
      return;
    }
  }
  out.push(branch);
}

/** How many plain characters the branch starts with, none of them quantified. */
function literalLength(branch: string): number {
  let i = 0;
  while (i < branch.length && /[a-zA-Z0-9 '-]/.test(branch[i]) && !QUANTIFIER.test(branch.slice(i + 1))) i++;
  return i;
}

interface Node {
  next: Map<string, Node>;
  /** what follows the letters that lead here, for each branch they start; '' where a branch ends */
  tails: Set<string>;
}

function emit(node: Node): string {
  const parts: string[] = [];
  for (const [c, child] of node.next) {
    let label = c;
    let at = child;
    while (at.tails.size === 0 && at.next.size === 1) {
      const [[k, v]] = at.next;
      label += k;
      at = v;
    }
    parts.push(label + emit(at));
  }
  for (const t of node.tails) if (t !== '') parts.push(t);
  const optional = node.tails.has('');
  if (parts.length === 0) return '';
  if (parts.length === 1 && !optional) return parts[0];
  return `(?:${parts.join('|')})${optional ? '?' : ''}`;
}

/**
 * The alternation of `patterns` as one pattern of the same language, its
 * branches merged on their leading letters, for a case-insensitive RegExp
 * (the letters are merged lower-cased). The patterns must hold no
 * backreference: the rewrite moves and copies groups.
 * @example prefixTrie(['shell(?:ed|ing)', 'shots?', 'sarin']) // 's(?:h(?:ell(?:ed|ing)|ots?)|arin)'
 */
export function prefixTrie(patterns: readonly string[]): string {
  const root: Node = { next: new Map(), tails: new Set() };
  const all: string[] = [];
  for (const p of patterns) {
    if (/\\[1-9]|\\k</.test(p)) throw new Error(`prefixTrie: a backreference cannot be moved: ${p}`);
    spread(p, all);
  }
  for (const b of all) {
    const n = literalLength(b);
    let node = root;
    for (const c of b.slice(0, n).toLowerCase()) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), tails: new Set() }));
      node = child;
    }
    node.tails.add(b.slice(n));
  }
  return emit(root);
}
