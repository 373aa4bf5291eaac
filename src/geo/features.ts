import { sortDescending } from './lists.ts';

/**
 * A candidate's named features in one fixed shape: every candidate's object
 * has the same fields in the same order (NaN for a feature that does not
 * apply), so the resolver's hot code sees a single map instead of one per
 * combination of features, and the optimising compiler neither bails out nor
 * compiles it again. The score and the record keep the order in which the
 * features used to be set one by one, so that sums and ties stay as they were.
 */
export class Features {
  population = NaN;
  capital = NaN;
  featureClass = NaN;
  countryName = NaN;
  nameMatch = NaN;
  namesakeHasName = NaN;
  /** `remote` when it was set for a spelling variant (before exactForm) */
  remoteVariant = NaN;
  exactForm = NaN;
  sameNameCapital = NaN;
  countryInFocus = NaN;
  admin1Mentioned = NaN;
  areaWord = NaN;
  nearOtherPlaces = NaN;
  /** `remote` when it was set for a small town far from the story's other places */
  remoteFar = NaN;
  admin1InFocus = NaN;
  onFront = NaN;
  demonym = NaN;
  statedContainer = NaN;

  /** The features that apply, by name, in the order they are summed. */
  record(): Record<string, number> {
    // a named store per feature: a store through a variable name (out[k] = v) is a slow generic one at every call
    const out: Record<string, number> = {};
    if (this.population === this.population) out.population = this.population;
    if (this.capital === this.capital) out.capital = this.capital;
    if (this.featureClass === this.featureClass) out.featureClass = this.featureClass;
    if (this.countryName === this.countryName) out.countryName = this.countryName;
    if (this.nameMatch === this.nameMatch) out.nameMatch = this.nameMatch;
    if (this.namesakeHasName === this.namesakeHasName) out.namesakeHasName = this.namesakeHasName;
    if (this.remoteVariant === this.remoteVariant) out.remote = this.remoteVariant;
    if (this.exactForm === this.exactForm) out.exactForm = this.exactForm;
    if (this.sameNameCapital === this.sameNameCapital) out.sameNameCapital = this.sameNameCapital;
    if (this.countryInFocus === this.countryInFocus) out.countryInFocus = this.countryInFocus;
    if (this.admin1Mentioned === this.admin1Mentioned) out.admin1Mentioned = this.admin1Mentioned;
    if (this.areaWord === this.areaWord) out.areaWord = this.areaWord;
    if (this.nearOtherPlaces === this.nearOtherPlaces) out.nearOtherPlaces = this.nearOtherPlaces;
    if (this.remoteFar === this.remoteFar) out.remote = this.remoteFar;
    if (this.admin1InFocus === this.admin1InFocus) out.admin1InFocus = this.admin1InFocus;
    if (this.onFront === this.onFront) out.onFront = this.onFront;
    if (this.demonym === this.demonym) out.demonym = this.demonym;
    if (this.statedContainer === this.statedContainer) out.statedContainer = this.statedContainer;
    return out;
  }

  /** The names of the `n` largest features above `floor`, largest first (ties in the record's order). */
  strongest(n: number, floor: number): string[] {
    const out: [string, number][] = [];
    const r = this.record();
    for (const k in r) if (r[k] > floor) out.push([k, r[k]]);
    sortDescending(out, (e) => e[1]);
    const names: string[] = [];
    for (let i = 0; i < out.length && i < n; i++) names.push(out[i][0]);
    return names;
  }

  /** The sum of the features that apply (statedContainer aside: it is added to the score when set). */
  sum(): number {
    let s = 0;
    if (this.population === this.population) s += this.population;
    if (this.capital === this.capital) s += this.capital;
    if (this.featureClass === this.featureClass) s += this.featureClass;
    if (this.countryName === this.countryName) s += this.countryName;
    if (this.nameMatch === this.nameMatch) s += this.nameMatch;
    if (this.namesakeHasName === this.namesakeHasName) s += this.namesakeHasName;
    if (this.remoteVariant === this.remoteVariant) s += this.remoteVariant;
    if (this.exactForm === this.exactForm) s += this.exactForm;
    if (this.sameNameCapital === this.sameNameCapital) s += this.sameNameCapital;
    if (this.countryInFocus === this.countryInFocus) s += this.countryInFocus;
    if (this.admin1Mentioned === this.admin1Mentioned) s += this.admin1Mentioned;
    if (this.areaWord === this.areaWord) s += this.areaWord;
    if (this.nearOtherPlaces === this.nearOtherPlaces) s += this.nearOtherPlaces;
    if (this.remoteFar === this.remoteFar) s += this.remoteFar;
    if (this.admin1InFocus === this.admin1InFocus) s += this.admin1InFocus;
    if (this.onFront === this.onFront) s += this.onFront;
    if (this.demonym === this.demonym) s += this.demonym;
    return s;
  }
}
