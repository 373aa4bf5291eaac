/**
 * Where a report can start, as patterns to look for in a whole text: each
 * anchor cue without its negative lookarounds. In a sentence a lookbehind
 * cannot see the sentence before; in the whole text it can, and could refuse
 * there what the sentence accepts. Without them a pattern accepts more, never
 * less, so a text none of them match holds no report.
 */
import { atomEnd, classEnd } from '../text/index.ts';

function withoutNegativeLookarounds(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('(?<!', i) || source.startsWith('(?!', i)) {
      i = atomEnd(source, i);
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
