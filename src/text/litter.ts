import litter from '../../data/text/litter.json' with { type: 'json' };

const exact = new Set(litter.exact);
/** The patterns as one alternation: one scan of a line instead of one per pattern, the same verdict. */
const pattern = new RegExp(litter.patterns.map((p) => `(?:${p})`).join('|'), 'i');

/** True when a whole line is page chrome ("Share", "Advertisement", a byline). */
export function isLitterLine(line: string): boolean {
  const t = line.trim().toLowerCase();
  if (t === '') return false;
  return exact.has(t) || pattern.test(t);
}
