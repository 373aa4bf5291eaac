/**
 * The country in focus of a document: where generic actors ("government
 * troops", "civilians", "gunmen") belong when no demonym says otherwise.
 */
import type { Doc } from '../../text/types.ts';
import type { Hit } from './phrases.ts';
import type { Codebook } from './types.ts';

/**
 * The country most often named in the text (and the title, when given apart from the text): country names and demonyms, the
 * home country of named actors that have one ("Afghan National Police",
 * "Houthis"), and resolved places already on the doc (when the geo stage ran
 * first); a demonym counts half, since it often names forces abroad ("Turkish
 * forces shelled Fakkeh in al-Hasakeh"); ties go to the country named first.
 * Null when none.
 * @example focusCountry(doc, hits, cb) // 'SY' for the Aleppo story
 */
export function focusCountry(doc: Doc, hitsBySentence: Hit[][], cb: Codebook): string | null {
  const counts = new Map<string, { n: number; first: number }>();
  let order = 0;
  const add = (iso: string | null | undefined, weight = 1) => {
    if (!iso) return;
    const c = counts.get(iso) ?? { n: 0, first: order++ };
    c.n += weight;
    counts.set(iso, c);
  };
  for (const hits of hitsBySentence) {
    for (const h of hits) {
      const c = h.values.find((v) => v.target.t === 'country');
      if (c && c.target.t === 'country') {
        // a demonym often names who acts abroad ("Turkish forces"), a country's name where
        add(c.target.iso2, c.target.form === 'demonym' ? 1 : 2);
        continue;
      }
      // a home when every meaning of the phrase has that one (no set built: "the", "a" are hits too)
      let home: string | null | undefined;
      for (let k = 0; k < h.values.length; k++) {
        const t = h.values[k].target;
        const own = t.t === 'actor' && !t.context ? cb.byId.get(t.id)?.country : undefined;
        if (k === 0) home = own;
        else if (own !== home) {
          home = undefined;
          break;
        }
      }
      add(home, 2);
    }
  }
  for (const p of doc.mentions?.places ?? []) add(p.resolved?.iso2, 2);
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
