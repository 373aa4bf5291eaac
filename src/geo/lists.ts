/**
 * `xs.map(f)` as a list pushed onto one array literal. Array.prototype.map
 * makes arrays of one elements kind in the interpreter and of another once
 * its caller is optimised; code that reads such lists bails out (wrong map)
 * each time a kind it has not seen arrives. Lists from one literal share
 * their kind.
 */
export function mapList<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}
