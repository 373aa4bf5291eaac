import { sortDescending } from './lists.ts';

/**
 * A candidate's named features in one fixed shape: every candidate's object
 * has the same fields in the same order (undefined for a feature that does
 * not apply), so the resolver's hot code sees a single map instead of one per
 * combination of features, and the optimising compiler neither bails out nor
 * compiles it again. Not NaN: a field that holds doubles gets its own boxed
 * number at construction, 18 allocations per candidate where a handful of
 * features apply. The score and the record keep the order in which the
 * features used to be set one by one, so that sums and ties stay as they were.
 */
export class Features {
  population: number | undefined = undefined;
  capital: number | undefined = undefined;
  featureClass: number | undefined = undefined;
  countryName: number | undefined = undefined;
  nameMatch: number | undefined = undefined;
  namesakeHasName: number | undefined = undefined;
  /** `remote` when it was set for a spelling variant (before exactForm) */
  remoteVariant: number | undefined = undefined;
  exactForm: number | undefined = undefined;
  sameNameCapital: number | undefined = undefined;
  countryInFocus: number | undefined = undefined;
  admin1Mentioned: number | undefined = undefined;
  areaWord: number | undefined = undefined;
  nearOtherPlaces: number | undefined = undefined;
  /** `remote` when it was set for a small town far from the story's other places */
  remoteFar: number | undefined = undefined;
  admin1InFocus: number | undefined = undefined;
  onFront: number | undefined = undefined;
  demonym: number | undefined = undefined;
  /** the text reads the name with an Arabic article the candidate's name lacks ("Ad Dali" for Dali in China) */
  article: number | undefined = undefined;
  statedContainer: number | undefined = undefined;
  /** a container's reading that holds the place stated in it (added to the score when set) */
  holdsStated: number | undefined = undefined;

  /** The features that apply, by name, in the order they are summed. */
  record(): Record<string, number> {
    // a named store per feature: a store through a variable name (out[k] = v) is a slow generic one at every call
    const out: Record<string, number> = {};
    if (this.population !== undefined) out.population = this.population;
    if (this.capital !== undefined) out.capital = this.capital;
    if (this.featureClass !== undefined) out.featureClass = this.featureClass;
    if (this.countryName !== undefined) out.countryName = this.countryName;
    if (this.nameMatch !== undefined) out.nameMatch = this.nameMatch;
    if (this.namesakeHasName !== undefined) out.namesakeHasName = this.namesakeHasName;
    if (this.remoteVariant !== undefined) out.remote = this.remoteVariant;
    if (this.exactForm !== undefined) out.exactForm = this.exactForm;
    if (this.sameNameCapital !== undefined) out.sameNameCapital = this.sameNameCapital;
    if (this.countryInFocus !== undefined) out.countryInFocus = this.countryInFocus;
    if (this.admin1Mentioned !== undefined) out.admin1Mentioned = this.admin1Mentioned;
    if (this.areaWord !== undefined) out.areaWord = this.areaWord;
    if (this.nearOtherPlaces !== undefined) out.nearOtherPlaces = this.nearOtherPlaces;
    if (this.remoteFar !== undefined) out.remote = this.remoteFar;
    if (this.admin1InFocus !== undefined) out.admin1InFocus = this.admin1InFocus;
    if (this.onFront !== undefined) out.onFront = this.onFront;
    if (this.demonym !== undefined) out.demonym = this.demonym;
    if (this.article !== undefined) out.article = this.article;
    if (this.statedContainer !== undefined) out.statedContainer = this.statedContainer;
    if (this.holdsStated !== undefined) out.holdsStated = this.holdsStated;
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

  /** The sum of the features that apply (statedContainer and holdsStated aside: they are added to the score when set). */
  sum(): number {
    let s = 0;
    if (this.population !== undefined) s += this.population;
    if (this.capital !== undefined) s += this.capital;
    if (this.featureClass !== undefined) s += this.featureClass;
    if (this.countryName !== undefined) s += this.countryName;
    if (this.nameMatch !== undefined) s += this.nameMatch;
    if (this.namesakeHasName !== undefined) s += this.namesakeHasName;
    if (this.remoteVariant !== undefined) s += this.remoteVariant;
    if (this.exactForm !== undefined) s += this.exactForm;
    if (this.sameNameCapital !== undefined) s += this.sameNameCapital;
    if (this.countryInFocus !== undefined) s += this.countryInFocus;
    if (this.admin1Mentioned !== undefined) s += this.admin1Mentioned;
    if (this.areaWord !== undefined) s += this.areaWord;
    if (this.nearOtherPlaces !== undefined) s += this.nearOtherPlaces;
    if (this.remoteFar !== undefined) s += this.remoteFar;
    if (this.admin1InFocus !== undefined) s += this.admin1InFocus;
    if (this.onFront !== undefined) s += this.onFront;
    if (this.demonym !== undefined) s += this.demonym;
    if (this.article !== undefined) s += this.article;
    return s;
  }
}
