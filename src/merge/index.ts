/**
 * Merge stage: decides whether a reported event is one already stored
 * (score.ts; assign.ts for a document's several reports at once) and what
 * an event made of several reports says (derive.ts).
 * Pure functions; the store calls them inside its transactions.
 */
export type { MergeFeatures } from './score.ts';
export { mergeFeatures, mergeScore, dateRange, words, BLOCK_DAYS, BLOCK_KM, MERGE_THRESHOLD } from './score.ts';
export type { ClaimLike, Disagreement } from './derive.ts';
export { deriveEvent, disagreements } from './derive.ts';
export { combineCounts } from '../events/index.ts';
export { applyCorrections, CORRECTABLE_FIELDS } from './corrections.ts';
export { assignClaims } from './assign.ts';
export type { Candidate, MergeChoice } from './assign.ts';
