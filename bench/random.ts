/**
 * mulberry32: a small seeded generator, so every run of a bench or a
 * generated test corpus builds the same data.
 * @example const rand = mulberry32(7); rand() // a number in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
