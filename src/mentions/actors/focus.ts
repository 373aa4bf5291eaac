/**
 * The country in focus of a document: where generic actors ("government
 * troops", "civilians", "gunmen") belong when no demonym says otherwise.
 */
import type { Doc } from '../../text/types.ts';
import type { Hit } from './phrases.ts';

/**
 * The country most often named in the text (country names and demonyms, as
 * found by the actor scan) plus resolved places already on the doc (when the
 * geo stage ran first); ties go to the country named first. Null when none.
 * @example focusCountry(doc, hits) // 'SY' for the Aleppo story
 */
export function focusCountry(doc: Doc, hitsBySentence: Hit[][]): string | null {
  const counts = new Map<string, { n: number; first: number }>();
  let order = 0;
  const add = (iso: string | null | undefined) => {
    if (!iso) return;
    const c = counts.get(iso) ?? { n: 0, first: order++ };
    c.n++;
    counts.set(iso, c);
  };
  for (const hits of hitsBySentence) {
    for (const h of hits) {
      const c = h.values.find((v) => v.target.t === 'country');
      if (c && c.target.t === 'country') add(c.target.iso2);
    }
  }
  for (const p of doc.mentions?.places ?? []) add(p.resolved?.iso2);
  let best: string | null = null;
  let bestC = { n: 0, first: Infinity };
  for (const [iso, c] of counts) {
    if (c.n > bestC.n || (c.n === bestC.n && c.first < bestC.first)) {
      best = iso;
      bestC = c;
    }
  }
  return best;
}
