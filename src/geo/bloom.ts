/**
 * A Bloom filter over the gazetteer's name keys and skeletons, kept in the
 * database: geoparsing probes every n-gram of capitalised words, and most of
 * them name nothing, so a few in-memory bit tests spare most SQLite lookups.
 */
import type Database from 'better-sqlite3';

const BITS = 16_000_000;
const HASHES = 7;

export class Bloom {
  constructor(readonly bits: Uint8Array) {}

  static empty(): Bloom {
    return new Bloom(new Uint8Array(BITS / 8));
  }

  /** A filter for a known number of strings: 10 bits each, about 1% false positives. */
  static sized(n: number): Bloom {
    return new Bloom(new Uint8Array(Math.max(1024, Math.ceil((n * 10) / 8))));
  }

  add(s: string): void {
    const { h1, h2 } = seeds(s);
    const m = this.bits.length * 8;
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) % m;
      this.bits[bit >>> 3] |= 1 << (bit & 7);
    }
  }

  /** false: certainly absent; true: probably present. */
  has(s: string): boolean {
    const { h1, h2 } = seeds(s);
    const m = this.bits.length * 8;
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) % m;
      if ((this.bits[bit >>> 3] & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

/** The two hashes of double hashing (FNV-1a, and djb2 made odd), as unsigned integers. */
function seeds(s: string): { h1: number; h2: number } {
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 33) + c) | 0;
  }
  return { h1: h1 >>> 0, h2: (h2 | 1) >>> 0 };
}

export interface NameFilters {
  keys: Bloom;
  skeletons: Bloom;
}

/** The filters stored in the gazetteer, or null for a file that has none. */
export function loadFilters(db: Database.Database): NameFilters | null {
  const rows = db.prepare('SELECT name, bits FROM filters').all() as { name: string; bits: Buffer }[];
  const keys = rows.find((r) => r.name === 'keys');
  const skeletons = rows.find((r) => r.name === 'skeletons');
  if (!keys || !skeletons) return null;
  return { keys: new Bloom(new Uint8Array(keys.bits)), skeletons: new Bloom(new Uint8Array(skeletons.bits)) };
}

export function saveFilters(db: Database.Database, f: NameFilters): void {
  const put = db.prepare('INSERT OR REPLACE INTO filters (name, bits) VALUES (?, ?)');
  put.run('keys', Buffer.from(f.keys.bits.buffer, f.keys.bits.byteOffset, f.keys.bits.byteLength));
  put.run('skeletons', Buffer.from(f.skeletons.bits.buffer, f.skeletons.bits.byteOffset, f.skeletons.bits.byteLength));
}

/** Filters of every name already in the database. */
export function filtersOf(db: Database.Database): NameFilters {
  const f = { keys: Bloom.empty(), skeletons: Bloom.empty() };
  for (const row of db.prepare('SELECT key, skel FROM names').iterate() as Iterable<{ key: string; skel: string }>) {
    f.keys.add(row.key);
    f.skeletons.add(row.skel);
  }
  return f;
}
