import litter from '../../data/text/litter.json' with { type: 'json' };

const exact = new Set(litter.exact);
const patterns = litter.patterns.map((p) => new RegExp(p, 'i'));

/** True when a whole line is page chrome ("Share", "Advertisement", a byline). */
export function isLitterLine(line: string): boolean {
  const t = line.trim().toLowerCase();
  if (t === '') return false;
  return exact.has(t) || patterns.some((p) => p.test(t));
}
