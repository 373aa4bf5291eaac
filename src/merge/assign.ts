/**
 * Which stored event each reported event of one document joins. The
 * document's claims are matched together, best-scoring pairs first, so a
 * story that reports two events (an abduction, then the attack itself)
 * merges each with its own counterpart whichever of the two stories came
 * first, rather than its first claim taking the best event for itself.
 */
import type { EventRecord } from '../events/types.ts';
import { BLOCK_KM, MERGE_THRESHOLD, mergeFeatures, mergeScore, type MergeFeatures } from './score.ts';

export interface Candidate {
  id: string;
  record: EventRecord;
}

export interface MergeChoice {
  eventId: string;
  features: MergeFeatures;
  score: number;
}

/**
 * For each claim (in order), the event it joins, or null. `candidates[i]`
 * are claim i's blocked candidates, oldest first; each event takes at most
 * one claim of the document, and ties go to the earlier claim, then the older event.
 * @example assignClaims([a, b], [[e1], [e1]]) // [null, {eventId: e1.id, …}] when b matches e1 better than a does
 */
export function assignClaims(claims: readonly EventRecord[], candidates: readonly (readonly Candidate[])[]): (MergeChoice | null)[] {
  const pairs: (MergeChoice & { claim: number; rank: number })[] = [];
  claims.forEach((record, claim) => candidates[claim]?.forEach((c, rank) => {
    const features = mergeFeatures(record, c.record);
    if (features.location_km !== null && features.location_km > BLOCK_KM) return;
    const score = mergeScore(features);
    if (score >= MERGE_THRESHOLD) pairs.push({ eventId: c.id, features, score, claim, rank });
  }));
  pairs.sort((a, b) => b.score - a.score || a.claim - b.claim || a.rank - b.rank);
  const out: (MergeChoice | null)[] = claims.map(() => null);
  const taken = new Set<string>();
  for (const p of pairs) {
    if (out[p.claim] || taken.has(p.eventId)) continue;
    out[p.claim] = { eventId: p.eventId, features: p.features, score: p.score };
    taken.add(p.eventId);
  }
  return out;
}
