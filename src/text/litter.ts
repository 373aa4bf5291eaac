import litter from '../../data/text/litter.json' with { type: 'json' };

const exact = new Set(litter.exact);
/** The patterns as one alternation: one scan of a line instead of one per pattern, the same verdict. */
const pattern = new RegExp(litter.patterns.map((p) => `(?:${p})`).join('|'), 'i');

/** No exact line is longer: a longer line is not lower-cased (a copy) to be looked up. */
const longest = Math.max(...litter.exact.map((e) => e.length));

/** True when a whole line is page chrome ("Share", "Advertisement", a byline). */
export function isLitterLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  return (t.length <= longest && exact.has(t.toLowerCase())) || pattern.test(t);
}
