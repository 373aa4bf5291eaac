/**
 * A token trie of every phrase the codebook knows (aliases, country names,
 * demonyms, generic heads, descriptions …), built once by loadCodebook, so a
 * document is matched in one left-to-right pass with a Map lookup per token.
 */
import { keepsCase, tokenize, type Tok } from './tokens.ts';

/** What a matched phrase means; one phrase may mean several things. */
export type Target =
  | { t: 'actor'; id: string; context: boolean }
  | { t: 'leader'; actorId: string | null; iso2: string | null; regime: string | null }
  | { t: 'country'; iso2: string; form: 'name' | 'demonym' }
  | { t: 'head'; kind: string }
  | { t: 'standalone'; kind: string }
  | { t: 'unidentified-military' }
  | { t: 'named'; group: number }
  | { t: 'attack' }
  | { t: 'member' }
  | { t: 'description'; categories: string[] }
  | { t: 'det' }
  | { t: 'loyal' }
  | { t: 'title' }
  | { t: 'poss' };

export interface PhraseValue {
  target: Target;
  /** raw tokens that must match exactly (acronyms), null = case-insensitive */
  exact: string[] | null;
  /** the phrase as written in the data, for error messages and debugging */
  phrase: string;
}

export interface PhraseNode {
  next: Map<string, PhraseNode>;
  values: PhraseValue[];
  /** whether any value must match in its case; when none does, a hit shares `values` instead of filtering a copy */
  exact: boolean;
}

export function emptyNode(): PhraseNode {
  return { next: new Map(), values: [], exact: false };
}

/** Adds a phrase; acronyms ("IS", "SDF") keep their case, other phrases are folded. */
export function addPhrase(root: PhraseNode, phrase: string, target: Target, keepCase = keepsCase(phrase)): void {
  const toks = tokenize(phrase);
  if (toks.length === 0) throw new Error(`empty phrase: ${JSON.stringify(phrase)}`);
  let node = root;
  for (const tok of toks) {
    let child = node.next.get(tok.norm);
    if (!child) {
      child = emptyNode();
      node.next.set(tok.norm, child);
    }
    node = child;
  }
  node.values.push({ target, exact: keepCase ? toks.map((t) => t.raw) : null, phrase });
  if (keepCase) node.exact = true;
}

/** A phrase found in a token list: tokens [i, j) and what it may mean. */
export interface Hit {
  i: number;
  j: number;
  values: PhraseValue[];
}

function caseFits(v: PhraseValue, toks: Tok[], i: number): boolean {
  if (!v.exact) return true;
  for (let k = 0; k < v.exact.length; k++) if (toks[i + k].raw !== v.exact[k]) return false;
  return true;
}

/**
 * The values whose case fits the tokens from i. A loop, not a filter with a
 * closure: a closure over longestAt's arguments makes V8 allocate a context
 * at every call of longestAt (one per token of every sentence), used or not.
 */
function fitting(values: PhraseValue[], toks: Tok[], i: number): PhraseValue[] {
  const out: PhraseValue[] = [];
  for (const v of values) if (caseFits(v, toks, i)) out.push(v);
  return out;
}

/** The longest phrase starting at token i and ending by token `stop` with at most `maxLen` tokens, or null. */
export function longestAt(root: PhraseNode, toks: Tok[], i: number, stop = toks.length, maxLen = Infinity): Hit | null {
  let node: PhraseNode | undefined = root;
  let best: Hit | null = null;
  for (let j = i; j < stop && j - i < maxLen; j++) {
    node = node.next.get(toks[j].norm);
    if (!node) break;
    if (node.values.length === 0) continue;
    const values = node.exact ? fitting(node.values, toks, i) : node.values;
    if (values.length > 0) best = { i, j: j + 1, values };
  }
  return best;
}

/** Greedy left-to-right longest-match scan; tokens in no phrase are skipped. */
export function scan(root: PhraseNode, toks: Tok[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < toks.length; ) {
    const hit = longestAt(root, toks, i);
    if (hit) {
      hits.push(hit);
      i = hit.j;
    } else i++;
  }
  return hits;
}

/** Scan of tokens [i, stop) with phrases shorter than maxLen: the back-off when a long phrase named nobody. */
export function scanWithin(root: PhraseNode, toks: Tok[], i: number, stop: number, maxLen: number): Hit[] {
  const hits: Hit[] = [];
  while (i < stop) {
    const hit = longestAt(root, toks, i, stop, maxLen);
    if (hit) {
      hits.push(hit);
      i = hit.j;
    } else i++;
  }
  return hits;
}
