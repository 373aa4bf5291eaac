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
    const out: Record<string, number> = {};
    const add = (k: string, v: number) => {
      if (v === v) out[k] = v;
    };
    add('population', this.population);
    add('capital', this.capital);
    add('featureClass', this.featureClass);
    add('countryName', this.countryName);
    add('nameMatch', this.nameMatch);
    add('namesakeHasName', this.namesakeHasName);
    add('remote', this.remoteVariant);
    add('exactForm', this.exactForm);
    add('sameNameCapital', this.sameNameCapital);
    add('countryInFocus', this.countryInFocus);
    add('admin1Mentioned', this.admin1Mentioned);
    add('areaWord', this.areaWord);
    add('nearOtherPlaces', this.nearOtherPlaces);
    add('remote', this.remoteFar);
    add('admin1InFocus', this.admin1InFocus);
    add('onFront', this.onFront);
    add('demonym', this.demonym);
    add('statedContainer', this.statedContainer);
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
