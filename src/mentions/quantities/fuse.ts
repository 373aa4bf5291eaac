/**
 * One rule for several reports of one number (an event's dead, its injured,
 * the people who fled): they are alternative estimates, never summed, and
 * the same figure from the same claimant counts once. The events stage uses
 * it for the reports of one event in a document, the merge for claims from
 * many documents, the tallies and the displacement records for theirs.
 */
import type { Interval } from '../types.ts';

/** One report's figure for an event, with who gave it. */
export interface CountClaim extends Interval {
  text?: string;
  document_id?: string | null;
  outlet?: string | null;
  claimed_by?: string | null;
}

export interface FusedCount extends Interval {
  /** distinct claims fused (the same figure from the same claimant counts once) */
  claims: number;
  /** true when the distinct claims disagree */
  disputed: boolean;
}

/**
 * Fuses the claims about one event: low = the lowest claimed low, high = the
 * highest closed figure (open when an open-ended claim goes beyond it, or all are open), best =
 * the median of the distinct best figures, so it lies between disagreeing claims.
 * @example fuseCounts([{low: 4, best: 4, high: 4}, {low: 6, best: 6, high: 6}]) // {low: 4, best: 5, high: 6, claims: 2, disputed: true}
 */
export function fuseCounts(claims: readonly (CountClaim | null)[]): FusedCount | null {
  if (claims.length === 1) {
    const c = claims[0];
    if (!c || (c.low === null && c.best === null && c.high === null)) return null;
    return { low: c.low ?? c.best, best: c.best, high: c.high, claims: 1, disputed: false };
  }
  const seen = new Map<string, CountClaim>();
  for (const c of claims) {
    if (!c || (c.low === null && c.best === null && c.high === null)) continue;
    const who = (c.claimed_by ?? c.outlet ?? c.document_id ?? '').toLowerCase();
    seen.set(`${who}|${c.low}|${c.best}|${c.high}`, c);
  }
  const distinct = [...seen.values()];
  if (distinct.length === 0) return null;
  const lows = distinct.map((c) => c.low ?? c.best).filter((n): n is number => n !== null);
  const low = lows.length ? Math.min(...lows) : null;
  const closedHighs = distinct.map((c) => c.high).filter((n): n is number => n !== null);
  let high: number | null = closedHighs.length ? Math.max(...closedHighs) : null;
  if (high !== null && distinct.some((c) => c.high === null && (c.low ?? c.best ?? 0) > (high as number))) high = null;
  const bests = [...new Set(distinct.map((c) => c.best).filter((n): n is number => n !== null))].sort((a, b) => a - b);
  const best = bests.length ? median(bests) : null;
  const figures = new Set(distinct.map((c) => `${c.low}|${c.best}|${c.high}`));
  return { low, best, high, claims: figures.size, disputed: figures.size > 1 };
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}
