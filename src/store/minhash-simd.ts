/**
 * MinHash's permutations in WebAssembly SIMD: each seeded murmur3
 * finaliser of every shingle hash, and the unsigned minimum per seed, four
 * seeds a vector and sixteen a pass over the hashes. The scalar loop in
 * JavaScript (four seeds a pass) cost ≈ 43 µs a GWN/LGL article, this ≈ 9.
 *
 * The module is a few hundred bytes, assembled here from its instructions
 * (no toolchain at build or run time). Its memory holds the seeds at 0, the
 * signature at 256 and the hashes from 512; it is scratch space, written
 * and read within one synchronous call.
 */

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n ? b | 0x80 : b);
  } while (n);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s)];
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (n: number) => [0x41, ...sleb(n)];
const I32_ADD = 0x6a, I32_SHL = 0x74, I32_LT_U = 0x49, I32_EQZ = 0x45, BLOCK = 0x02, LOOP = 0x03, BR_IF = 0x0d, END = 0x0b, VOID = 0x40;
const simd = (op: number, ...immediates: number[]) => [0xfd, ...uleb(op), ...immediates];
const V128_LOAD = 0x00, V128_LOAD32_SPLAT = 0x09, V128_STORE = 0x0b, V128_CONST = 0x0c, V128_XOR = 0x51;
const I32X4_SHR_U = 0xad, I32X4_MUL = 0xb5, I32X4_MIN_U = 0xb7;
const lanes = (v: number): number[] => {
  const b = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) b.writeInt32LE(v | 0, i * 4);
  return [...b];
};

const SEEDS_AT = 0, SIGNATURE_AT = 256, HASHES_AT = 512;
/** the function's locals: its parameter, three i32, fifteen v128 (four seeds, four minimums, four finalisers in flight) */
const N = 0, K = 1, LAST = 2, PASS = 3, X = 4, C1 = 5, C2 = 6, SEED = 7, MIN = 11, T = 15;
const GROUPS = [0, 1, 2, 3];

/** minhash(n): for the n hashes at HASHES_AT, the 64 minimums at SIGNATURE_AT */
const BODY: number[] = [
  ...simd(V128_CONST, ...lanes(0x85ebca6b)), ...set(C1),
  ...simd(V128_CONST, ...lanes(0xc2b2ae35)), ...set(C2),
  ...get(N), ...i32(2), I32_SHL, ...i32(HASHES_AT), I32_ADD, ...set(LAST),
  ...i32(0), ...set(PASS),
  LOOP, VOID, // a pass: sixteen seeds, bytes PASS … PASS + 64 of the seeds and of the signature
  ...GROUPS.flatMap((g) => [...get(PASS), ...simd(V128_LOAD, 4, ...uleb(SEEDS_AT + g * 16)), ...set(SEED + g), ...simd(V128_CONST, ...lanes(-1)), ...set(MIN + g)]),
  ...i32(HASHES_AT), ...set(K),
  BLOCK, VOID, ...get(N), I32_EQZ, BR_IF, 0,
  LOOP, VOID, // a hash
  ...get(K), ...simd(V128_LOAD32_SPLAT, 2, 0), ...set(X),
  // h = x ^ seed; h ^= h >>> 16; h *= C1; h ^= h >>> 13; h *= C2; h ^= h >>> 16; min = min_u(min, h)
  ...GROUPS.flatMap((g) => [
    ...get(X), ...get(SEED + g), ...simd(V128_XOR), ...tee(T + g),
    ...get(T + g), ...i32(16), ...simd(I32X4_SHR_U), ...simd(V128_XOR), ...get(C1), ...simd(I32X4_MUL), ...tee(T + g),
    ...get(T + g), ...i32(13), ...simd(I32X4_SHR_U), ...simd(V128_XOR), ...get(C2), ...simd(I32X4_MUL), ...tee(T + g),
    ...get(T + g), ...i32(16), ...simd(I32X4_SHR_U), ...simd(V128_XOR),
    ...get(MIN + g), ...simd(I32X4_MIN_U), ...set(MIN + g),
  ]),
  ...get(K), ...i32(4), I32_ADD, ...tee(K), ...get(LAST), I32_LT_U, BR_IF, 0,
  END, END,
  ...GROUPS.flatMap((g) => [...get(PASS), ...get(MIN + g), ...simd(V128_STORE, 4, ...uleb(SIGNATURE_AT + g * 16))]),
  ...get(PASS), ...i32(64), I32_ADD, ...tee(PASS), ...i32(SIGNATURE_AT - SEEDS_AT), I32_LT_U, BR_IF, 0,
  END, END,
];
const CODE = [...vec([[...uleb(3), 0x7f], [...uleb(15), 0x7b]]), ...BODY];
const MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec([[0x7f]]), ...vec([])]])), // type: (i32) → ()
  ...section(3, vec([[0]])),
  ...section(5, vec([[0x00, 1]])), // one page of memory, growable
  ...section(7, vec([[...name('memory'), 0x02, 0], [...name('minhash'), 0x00, 0]])),
  ...section(10, vec([[...uleb(CODE.length), ...CODE]])),
]);

/**
 * The minimum over `hashes` of each of the 64 seeds' finalisers, as the
 * signature. @example const permute = simdPermutations(seeds); permute(hashes) // Uint32Array(64)
 */
export function simdPermutations(seeds: Int32Array): (hashes: Int32Array) => Uint32Array {
  if (seeds.length * 4 !== SIGNATURE_AT - SEEDS_AT) throw new Error(`the SIMD MinHash takes ${(SIGNATURE_AT - SEEDS_AT) / 4} seeds`);
  const exports = new WebAssembly.Instance(new WebAssembly.Module(MODULE)).exports;
  const memory = exports.memory as WebAssembly.Memory;
  const minhash = exports.minhash as (n: number) => void;
  new Int32Array(memory.buffer, SEEDS_AT, seeds.length).set(seeds);
  return (hashes) => {
    const need = HASHES_AT + hashes.length * 4;
    if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    new Int32Array(memory.buffer, HASHES_AT, hashes.length).set(hashes);
    minhash(hashes.length);
    return new Uint32Array(memory.buffer.slice(SIGNATURE_AT, SIGNATURE_AT + seeds.length * 4));
  };
}
