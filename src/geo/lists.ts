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

/**
 * `xs` in place in descending `value`, ties in their order: what a stable
 * `xs.sort((a, b) => value(b) - value(a))` gives. Insertion, because the lists
 * here hold a few candidates and Array.prototype.sort costs microseconds per
 * call whatever the length (it sets up a merge state first).
 */
export function sortDescending<T>(xs: T[], value: (x: T) => number): T[] {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    const v = value(x);
    let j = i - 1;
    while (j >= 0 && value(xs[j]) < v) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

/** The first element of largest `value` (the head of sortDescending's order), or undefined for none. */
export function firstMax<T>(xs: readonly T[], value: (x: T) => number): T | undefined {
  let best: T | undefined;
  let top = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const v = value(xs[i]);
    if (best === undefined || v > top) {
      best = xs[i];
      top = v;
    }
  }
  return best;
}
