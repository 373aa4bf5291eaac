/**
 * The lookup file's layout, shared by its writer and reader. The file sits
 * beside the gazetteer database and answers the hot lookups (candidates by
 * name key, by consonant skeleton, a place by id) with two positional reads
 * each, so a name seen for the first time costs two system calls rather than
 * a dozen SQLite page reads, and little is loaded up front.
 *
 * [header, HEADER_BYTES of JSON] [records …] [strings, JSON] [words] [filters] [slots]
 * Slots form an open-addressing hash table: (hash, record offset, record
 * length), three u32 each, offset 0 meaning empty. Every record begins with
 * its own key (u16 length + UTF-8), which the reader compares.
 */
const FORMAT = 5;
export const MAGIC = `sitrep-lookup-${FORMAT}`;
/**
 * The meta row holding the token of the current lookup file. File and row are
 * named by the format, so that two versions of sitrep sharing one gazetteer
 * each keep their own file instead of rewriting each other's.
 */
export const TOKEN_ROW = `lookup-${FORMAT}`;
export const HEADER_BYTES = 512;
export const SLOT_WORDS = 3;
export const NONE = 0xffffffff;
export const NO_PRECISION = 255;

/** Record key prefixes: name key, skeleton, place id. */
export const NS = { key: 'k', skeleton: 's', place: '#' } as const;

export interface Header {
  magic: string;
  /** the value of the database's meta TOKEN_ROW when the file was written */
  token: string;
  slots: number;
  slotsAt: number;
  stringsAt: number;
  stringsBytes: number;
  /**
   * English words, read whole on first use and searched by bisection: u32 n,
   * u32 offsets (n + 1, in UTF-16 units of the text), u8 class (index into
   * wordClasses) × n, then the sorted words concatenated (UTF-8)
   */
  wordsAt: number;
  wordsBytes: number;
  wordClasses: string[];
  /** Bloom filters (bloom.ts) of the keys and the skeletons, sized to their number (fresh memory is dear at start-up) */
  filtersAt: number;
  keyFilterBytes: number;
  skeletonFilterBytes: number;
}

/** The file that goes with a gazetteer database. */
export function lookupPath(dbPath: string): string {
  return `${dbPath}.${TOKEN_ROW}`;
}

/** FNV-1a over UTF-16 code units. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Byte offsets inside an encoded place, which every candidate entry starts with:
 * id i32, lat/lon/population f64, string indexes (u32) of fclass, fcode, cc,
 * source, admin1 and admin2 names and, for a place whose admin1 is unknown,
 * the admin1 name nearestAdmin1 gives; then the name (u16 length + UTF-8).
 * The name row follows: kind u8, precision u8, matched key (u16 length + UTF-8,
 * SAME_KEY when it is the record's own key).
 */
export const AT = { id: 0, lat: 4, lon: 12, population: 20, fclass: 28, fcode: 32, cc: 36, source: 40, admin1: 44, admin2: 48, near: 52, nameLen: 56, name: 58 } as const;
export const SAME_KEY = 0xffff;
