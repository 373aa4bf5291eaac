/**
 * Actor stage front door. Load the codebook once, then find actor mentions
 * per document; the name helpers give the events stage ACLED-style names for
 * generic actors ("Civilians (Yemen)", "Military Forces of Turkey (2016-)").
 *
 * @example
 * const cb = loadCodebook();
 * const doc = makeDoc({id: 'd', text: 'Houthi forces shelled Marib.', published: '2020-05-09'});
 * findActors(doc, cb)[0].name // 'Military Forces of Yemen (2016-) Supreme Political Council'
 * actorForCountry(cb, 'YE', 'civilians')?.name // 'Civilians (Yemen)'
 */
export type { ActorEntry, ActorKind, ActorType, Codebook, CodebookFiles, CountryEntry, GenericRules, KindRule, Regime } from './types.ts';
export type { FindOptions } from './find.ts';
export type { GenericActor } from './names.ts';
export { dayOf, findActors } from './find.ts';
export { loadCodebook, buildCodebook, readCodebookFiles, CodebookError, DEFAULT_ACTORS_DIR } from './load.ts';
export { codebookProblems } from './check.ts';
export { actorForCountry, actorForRegime, countryOf, entryName, regimeAt, unidentifiedMilitary } from './names.ts';
export { focusCountry } from './focus.ts';
