/**
 * Document fingerprints for duplicate detection: an exact hash of the
 * normalised text, and a MinHash signature whose LSH bands find near
 * duplicates (the same wire story on two sites) without comparing every pair.
 */
import { hash } from 'node:crypto';

const PERMUTATIONS = 64;
const BAND_ROWS = 4;
/** how many LSH bands a signature has */
export const BANDS = PERMUTATIONS / BAND_ROWS;
/** signatures agreeing on at least this share of positions are the same document */
export const NEAR_DUPLICATE = 0.7;
/** below this many shingles, texts are compared by exact hash only */
const MIN_SHINGLES = 20;

/** a run of whitespace other than a single space: replacing only these gives what /\s+/g → ' ' gives, with fewer replacements */
const SPACES = /\s{2,}|[^\S ]/g;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SPACES, ' ').trim();
}

const FACT_WORDS = new Set(('monday tuesday wednesday thursday friday saturday sunday yesterday today tonight '
  + 'january february march april may june july august september october november december '
  + 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen '
  + 'twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million dozen dozens').split(' '));
/** texts shorter than this many words must agree on every figure and date word to be copies */
const SHORT_WORDS = 150;
/** longer texts may differ in a few (a page's time stamp, a "5 stories" teaser) */
const FACTS_AGREE = 0.8;

/** The figures and date words of a text: what tells one formulaic report from the next. */
export function facts(text: string): Set<string> {
  const words = normalise(text).match(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu) ?? [];
  return new Set(words.map((w) => w.replace(/,(?=\d{3})/g, '')).filter((w) => /^\d/.test(w) || FACT_WORDS.has(w)));
}

/**
 * Two texts whose MinHash signatures agree are copies only if they also
 * agree on their figures and dates: short formulaic reports ("On Monday,
 * 3 people were killed in …") differ in little else.
 */
export function sameFacts(a: string, b: string): boolean {
  const fa = facts(a);
  const fb = facts(b);
  let both = 0;
  for (const f of fa) if (fb.has(f)) both++;
  const union = fa.size + fb.size - both;
  const agree = union === 0 ? 1 : both / union;
  const short = Math.min(a.split(/\s+/).length, b.split(/\s+/).length) < SHORT_WORDS;
  return short ? agree === 1 : agree >= FACTS_AGREE;
}

/** SHA-256 of the whitespace- and case-normalised text. */
export function contentHash(text: string): string {
  return hashOf(normalise(text));
}

/** crypto.hash: the digest createHash().update().digest() gives, a third of its cost on a 2 kB text */
function hashOf(normalised: string): string {
  return hash('sha256', normalised, 'hex');
}

/**
 * Both fingerprints of a text, normalised once.
 * @example fingerprints(text) // {content_hash: contentHash(text), minhash: minhash(text)}
 */
export function fingerprints(text: string): { content_hash: string; minhash: Uint32Array | null } {
  const normalised = normalise(text);
  return { content_hash: hashOf(normalised), minhash: signatureOf(normalised) };
}

/** murmur3's finaliser: a cheap, well-mixed 32-bit permutation */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Int32Array.from({ length: PERMUTATIONS }, (_, i) => mix(i * 0x9e3779b1 + 1));
/** as an int32 (the hashes are kept as int32: a value above 2^31 would make the hash loop's variables doubles) */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** which ASCII codes are letters or digits, 1 or 0 */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : 0));

/**
 * The 32-bit FNV-1a hash of every word 4-shingle (words as
 * /[\p{L}\p{N}]+/gu finds them, joined by one space), in text order, in
 * one pass: each character goes into the four shingles it belongs to at
 * once (the shingles begun at the three words before and at its own), four
 * hash chains that do not wait on each other, where hashing each shingle
 * in turn read every character four times, one chain after another.
 */
function shingleHashes(s: string): Int32Array {
  const len = s.length;
  // a word takes at least one character and a separator
  const out = new Int32Array((len >> 1) + 1);
  let n = 0;
  let words = 0;
  let inWord = false;
  // a, b, c: the shingles begun at the three words before this one; d: the one begun at it
  let a = FNV_OFFSET, b = FNV_OFFSET, c = FNV_OFFSET, d = FNV_OFFSET;
  for (let i = 0; i < len; i++) {
    let code = s.charCodeAt(i);
    let pair = false;
    let word: boolean;
    if (code < 0x80) word = ASCII_WORD[code] === 1;
    else {
      let point = code;
      pair = code >= 0xd800 && code < 0xdc00 && i + 1 < len && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) point = (code - 0xd800) * 0x400 + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      word = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (word) {
      if (!inWord) {
        inWord = true;
        a = Math.imul(a ^ 0x20, FNV_PRIME); b = Math.imul(b ^ 0x20, FNV_PRIME); c = Math.imul(c ^ 0x20, FNV_PRIME); d = FNV_OFFSET;
      }
      a = Math.imul(a ^ code, FNV_PRIME); b = Math.imul(b ^ code, FNV_PRIME); c = Math.imul(c ^ code, FNV_PRIME); d = Math.imul(d ^ code, FNV_PRIME);
      if (pair) {
        code = s.charCodeAt(i + 1);
        a = Math.imul(a ^ code, FNV_PRIME); b = Math.imul(b ^ code, FNV_PRIME); c = Math.imul(c ^ code, FNV_PRIME); d = Math.imul(d ^ code, FNV_PRIME);
      }
    } else if (inWord) {
      inWord = false;
      // the shingle begun three words back is whole
      if (++words >= 4) out[n++] = a;
      a = b;
      b = c;
      c = d;
    }
    if (pair) i++;
  }
  if (inWord && ++words >= 4) out[n++] = a;
  return out.subarray(0, n);
}

/**
 * MinHash over word 4-shingles, or null for texts too short to judge.
 * @example similarity(minhash(a)!, minhash(a)!) // 1
 */
export function minhash(text: string): Uint32Array | null {
  return signatureOf(normalise(text));
}

/**
 * 64 seeded mixes of each distinct shingle hash give the signature. The
 * hashes are kept as int32 in a typed array (sorted, to count the
 * distinct ones) and compared with the sign bit flipped, which orders
 * them as the unsigned values they stand for.
 */
function signatureOf(normalised: string): Uint32Array | null {
  const hashes = shingleHashes(normalised);
  hashes.sort();
  let distinct = 0;
  for (let k = 0; k < hashes.length; k++) if (k === 0 || hashes[k] !== hashes[k - 1]) hashes[distinct++] = hashes[k];
  if (distinct < MIN_SHINGLES) return null;
  const sig = new Uint32Array(PERMUTATIONS);
  // four permutations a pass over the shingles: their mixes do not wait on each other, so the processor overlaps them (≈ 10% of the fingerprint)
  for (let i = 0; i < PERMUTATIONS; i += 4) {
    const s0 = SEEDS[i], s1 = SEEDS[i + 1], s2 = SEEDS[i + 2], s3 = SEEDS[i + 3];
    let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
    for (let k = 0; k < distinct; k++) {
      const x = hashes[k];
      let a = x ^ s0, b = x ^ s1, c = x ^ s2, d = x ^ s3;
      a = Math.imul(a ^ (a >>> 16), 0x85ebca6b); b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
      c = Math.imul(c ^ (c >>> 16), 0x85ebca6b); d = Math.imul(d ^ (d >>> 16), 0x85ebca6b);
      a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35); b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
      c = Math.imul(c ^ (c >>> 13), 0xc2b2ae35); d = Math.imul(d ^ (d >>> 13), 0xc2b2ae35);
      a = a ^ (a >>> 16) ^ 0x80000000; b = b ^ (b >>> 16) ^ 0x80000000;
      c = c ^ (c >>> 16) ^ 0x80000000; d = d ^ (d >>> 16) ^ 0x80000000;
      if (a < m0) m0 = a;
      if (b < m1) m1 = b;
      if (c < m2) m2 = c;
      if (d < m3) m3 = d;
    }
    sig[i] = (m0 ^ 0x80000000) >>> 0;
    sig[i + 1] = (m1 ^ 0x80000000) >>> 0;
    sig[i + 2] = (m2 ^ 0x80000000) >>> 0;
    sig[i + 3] = (m3 ^ 0x80000000) >>> 0;
  }
  return sig;
}

/** Share of signature positions that agree: an estimate of the shingle Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** LSH band hashes: two documents sharing any band are compared. */
export function bands(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < sig.length / BAND_ROWS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < BAND_ROWS; r++) h = Math.imul(h ^ sig[b * BAND_ROWS + r], 0x01000193);
    out.push(h >>> 0);
  }
  return out;
}

export function signatureToBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function blobToSignature(blob: Buffer): Uint32Array {
  const copy = new Uint8Array(blob);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}

/** Short stable id from parts: `stableId('ev', claimId)` → "ev_3f2a…". */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${hash('sha1', parts.join('\u0000'), 'hex').slice(0, 16)}`;
}
