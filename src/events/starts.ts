/**
 * Where a report can start, as patterns to look for in a whole text: each
 * anchor cue without its negative lookarounds. In a sentence a lookbehind
 * cannot see the sentence before; in the whole text it can, and could refuse
 * there what the sentence accepts. Without them a pattern accepts more, never
 * less, so a text none of them match holds no report.
 */

/** The index just past the character class that opens at `at` (a "[" of `source`). */
function classEnd(source: string, at: number): number {
  let i = at + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The index of the ")" closing the group that opens at `at`, skipping escapes and character classes. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(source, i);
    else {
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) return i;
      i++;
    }
  }
  throw new Error(`unbalanced pattern: ${source}`);
}

function withoutNegativeLookarounds(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('(?<!', i) || source.startsWith('(?!', i)) {
      i = groupEnd(source, i) + 1;
      continue;
    }
    const next = source[i] === '\\' ? i + 2 : source[i] === '[' ? classEnd(source, i) : i + 1;
    out += source.slice(i, next);
    i = next;
  }
  return out;
}

/** One `(?:…)` group per anchor cue, lookarounds dropped. */
export function reportStarts(cues: readonly { pattern: string; anchor: boolean }[]): string[] {
  return cues.filter((c) => c.anchor).map((c) => `(?:${withoutNegativeLookarounds(c.pattern)})`);
}
