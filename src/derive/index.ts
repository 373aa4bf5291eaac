/**
 * The derived picture: who holds which place since when, casualty tallies
 * with honest ranges, and who fled where. Pure functions over a Doc (for the
 * pipeline) or over stored events and records (for the API and exports), so
 * the whole picture can be recomputed whenever events merge, split or are
 * corrected. readPicture is the one reader of a Store.
 */
export { findControlStatements, mayStateControl, type ControlStatement } from './statements.ts';
export { findControl, controlRecords, isTransfer, placeKey, type ControlPlace } from './control.ts';
export { controlTimeline, controlAt, controlHistory, historyIndex, controlGeoJSON, type ControlPeriod } from './timeline.ts';
export { fuseCounts, claimsOf, tally, sideOf, isoWeek, type CountClaim, type FusedCount, type TallyKey, type TallyRow, type TallyOptions } from './tallies.ts';
export { findDisplacement, mayDisplace } from './displacement.ts';
export { recordStarts } from './starts.ts';
export { splitDisplacement, displacementHxl, type DisplacementQuery } from './hxl.ts';
export { readPicture, claimsIn, type Picture } from './picture.ts';
