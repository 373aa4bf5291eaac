/**
 * Fatalities and injuries of an event: the killed/injured quantities of the
 * sentences that report it. Within a sentence distinct figures add up
 * ("killed 5 civilians and 2 soldiers"); across sentences the largest total
 * wins, because a follow-up ("1 fatality.") restates rather than adds, unless
 * the follow-up says its victims are others ("2 militants were also killed",
 * "2 other policemen were killed").
 */
import type { QuantityKind, QuantityMention } from '../mentions/types.ts';
import { acledFigure, fuseCounts } from '../mentions/quantities/index.ts';
import type { CountField } from './types.ts';

/** "he died", "killing him", "resulting in his death": a victim named before, never a new one beside a figure */
const ANAPHORIC = (q: QuantityMention) => /^(?:he|she|him)$/i.test(q.amountText) || /\b(?:his|her)\s+death$/i.test(q.text);
const SUMMARY = /^[\w,.-]+(?:\s+[\w-]+)?\s+(?:fatalit(?:y|ies)|deaths?)$/i;
const ADDITIVE = /\b(?:also|other|others|another|further|additional)\b/i;

function sum(qs: QuantityMention[]): CountField {
  const low = qs.reduce((s, q) => s + (q.low ?? 0), 0);
  const best = qs.every((q) => q.best !== null) ? qs.reduce((s, q) => s + (q.best ?? 0), 0) : null;
  const high = qs.every((q) => q.high !== null) ? qs.reduce((s, q) => s + (q.high ?? 0), 0) : null;
  const acled = qs.reduce((s, q) => s + acledFigure(q.amountText, q), 0);
  const field: CountField = { low, best, high, acled, text: qs.map((q) => q.text).join('; ') };
  if (qs.length === 1) Object.assign(field, { start: qs[0].start, end: qs[0].end });
  return field;
}

function add(a: CountField, b: CountField): CountField {
  const plus = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);
  return { low: (a.low ?? 0) + (b.low ?? 0), best: plus(a.best, b.best), high: plus(a.high, b.high), acled: (a.acled ?? 0) + (b.acled ?? 0), text: `${a.text}; ${b.text}` };
}

/** the figures of one sentence: overlapping spans are one figure read twice, a pronoun only counts alone */
function sentenceFigures(quantities: QuantityMention[], s: number, kind: QuantityKind): QuantityMention[] {
  const qs = quantities.filter((q) => q.sentence === s && q.kind === kind)
    .filter((q, i, all) => !all.some((o, j) => j !== i && o.start < q.end && q.start < o.end && (o.end - o.start > q.end - q.start || (o.end - o.start === q.end - q.start && j < i))));
  const named = qs.filter((q) => !ANAPHORIC(q));
  // "one soldier was killed [1 fatality]": a bare tally restates the victims beside it
  const told = named.filter((q) => !SUMMARY.test(q.text));
  if (told.length > 0 && told.length < named.length) return told;
  return named.length > 0 ? named : qs.slice(0, 1);
}

/**
 * The count of one kind over the given sentences, null when the text gives none.
 * @example countOf(doc.mentions.quantities, [6], 'killed') // {low: 4, best: 4, high: 4, acled: 4, text: 'killed four people'}
 */
export function countOf(quantities: QuantityMention[], sentences: number[], kind: QuantityKind): CountField | null {
  let best: CountField | null = null;
  for (const s of sentences) {
    const qs = sentenceFigures(quantities, s, kind);
    if (qs.length === 0) continue;
    const total = sum(qs);
    if (best && qs.every((q) => ADDITIVE.test(q.text))) best = add(best, total);
    else if (!best || (total.low ?? 0) > (best.low ?? 0) || (total.low === best.low && (total.acled ?? 0) > (best.acled ?? 0))) best = total;
  }
  return best;
}

/** The figure of a count under ACLED's conventions (0 when the text gives none). */
export function acledFatalities(count: CountField | null | undefined): number {
  return count ? count.acled ?? count.low ?? count.best ?? 0 : 0;
}

/**
 * Several reports of one figure, in one document or many: the same figure
 * from the same claimant (one monitor quoted twice) counts once; disagreeing
 * figures are fused into one range by the rule every count shares
 * (fuseCounts: lowest low, highest high, best between them), never summed;
 * ACLED's figure is the most conservative report's.
 * @example combineCounts([four, six], ['SOHR', 'ministry']) // {low: 4, best: 5, high: 6, acled: 4, text: 'four / six'}
 */
export function combineCounts(counts: (CountField | null)[], claimants: (string | null)[]): CountField | null {
  const distinct = new Map<string, CountField>();
  counts.forEach((c, i) => {
    if (c && c.low !== null) distinct.set(`${claimants[i] ?? ''}|${c.low}|${c.best}|${c.high}`, c);
  });
  const all = [...distinct.values()];
  if (all.length === 0) return counts.find((c) => c) ?? null;
  if (all.length === 1) return all[0];
  const { low, best, high } = fuseCounts(all)!;
  const texts = [...new Set(all.map((c) => c.text))];
  const acled = all.map((c) => c.acled).filter((a): a is number => a !== undefined);
  return { low, best, high, ...(acled.length ? { acled: Math.min(...acled) } : {}), text: texts.join(' / ') };
}
