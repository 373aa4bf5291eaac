/**
 * Fatalities and injuries of an event: the killed/injured quantities of the
 * sentences that report it. Within a sentence distinct figures add up
 * ("killed 5 civilians and 2 soldiers"); across sentences the largest total
 * wins, because a follow-up ("1 fatality.") restates rather than adds.
 */
import type { QuantityKind, QuantityMention } from '../mentions/types.ts';
import type { CountField } from './types.ts';

function sum(qs: QuantityMention[]): CountField {
  const low = qs.reduce((s, q) => s + (q.low ?? 0), 0);
  const best = qs.every((q) => q.best !== null) ? qs.reduce((s, q) => s + (q.best ?? 0), 0) : null;
  const high = qs.every((q) => q.high !== null) ? qs.reduce((s, q) => s + (q.high ?? 0), 0) : null;
  const field: CountField = { low, best, high, text: qs.map((q) => q.text).join('; ') };
  if (qs.length === 1) Object.assign(field, { start: qs[0].start, end: qs[0].end });
  return field;
}

/**
 * The count of one kind over the given sentences, null when the text gives none.
 * @example countOf(doc.mentions.quantities, [6], 'killed') // {low: 4, best: 4, high: 4, text: 'killed four people'}
 */
export function countOf(quantities: QuantityMention[], sentences: number[], kind: QuantityKind): CountField | null {
  let best: CountField | null = null;
  for (const s of sentences) {
    // overlapping spans are one figure read twice ("gunmen shot and killed" / "shot and killed a fighter")
    const qs = quantities.filter((q) => q.sentence === s && q.kind === kind)
      .filter((q, i, all) => !all.some((o, j) => j !== i && o.start < q.end && q.start < o.end && (o.end - o.start > q.end - q.start || (o.end - o.start === q.end - q.start && j < i))));
    if (qs.length === 0) continue;
    const total = sum(qs);
    if (!best || (total.low ?? 0) > (best.low ?? 0)) best = total;
  }
  return best;
}

/**
 * Several reports of one figure: agreement keeps it; disagreement keeps the
 * range (lowest low, highest high) and drops `best`.
 */
export function combineCounts(counts: (CountField | null)[]): CountField | null {
  const given = counts.filter((c): c is CountField => c !== null);
  if (given.length === 0) return null;
  const same = given.every((c) => c.low === given[0].low && c.best === given[0].best && c.high === given[0].high);
  if (same) return given[0];
  const lows = given.map((c) => c.low ?? 0);
  const highs = given.map((c) => c.high);
  return {
    low: Math.min(...lows),
    best: null,
    high: highs.some((h) => h === null) ? null : Math.max(...(highs as number[])),
    text: [...new Set(given.map((c) => c.text))].join('; '),
  };
}
