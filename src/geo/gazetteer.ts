/**
 * The gazetteer service: a read-mostly SQLite file queried with prepared
 * statements. Geoparsing asks for a handful of candidate names per sentence,
 * so lookups go to the index on demand and are memoised per instance.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './schema.ts';
import { nameKey } from './normalize.ts';
import { loadFilters, type NameFilters } from './bloom.ts';

export const DEFAULT_GAZETTEER = fileURLToPath(new URL('../../.cache/gazetteer.db', import.meta.url));

/** A gazetteer entry as the resolver sees it. */
export interface GazEntry {
  id: number;
  name: string;
  lat: number;
  lon: number;
  fclass: string;
  fcode: string;
  cc: string;
  admin1: string | null;
  admin2: string | null;
  population: number;
  source: string;
  /** the name key that matched */
  matched: string;
  /** how the looked-up key matched: 0 main name, 1 alternate, 2 alias file, 3 consonant skeleton */
  kind: number;
  /** geo_precision fixed by the alias file */
  precision: number | null;
}

export interface CountryRow {
  iso2: string;
  iso3: string;
  name: string;
  placeId: number;
}

const SELECT = `SELECT p.id, p.name, n.key AS matched, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.population, p.source, n.kind, n.precision,
  a1.name AS admin1, a2.name AS admin2
  FROM names n JOIN places p ON p.id = n.place_id
  LEFT JOIN admin1 a1 ON a1.cc = p.cc AND a1.code = p.admin1_code
  LEFT JOIN admin2 a2 ON a2.cc = p.cc AND a2.a1 = p.admin1_code AND a2.code = p.admin2_code`;

const MAX_CANDIDATES = 30;

export class Gazetteer {
  readonly path: string;
  readonly db: Database.Database;
  private readonly byKeyStmt: Database.Statement;
  private readonly bySkelStmt: Database.Statement;
  private readonly nearStmt: Database.Statement;
  private readonly wordStmt: Database.Statement;
  private readonly bySkelAnyStmt: Database.Statement;
  private readonly placeStmt: Database.Statement;
  private readonly existsStmt: Database.Statement;
  private readonly keyCache = new Map<string, GazEntry[]>();
  private readonly nameKeys = new Map<string, string>();
  private readonly filters: NameFilters | null;
  /** memo of word classes and inferred admin1 names */
  private readonly wordCache = new Map<string, string | null>();
  private countryList: Map<string, CountryRow> | null = null;
  private demonymList: Map<string, { iso2: string; placeId: number }> | null = null;

  constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
    this.byKeyStmt = db.prepare(`${SELECT} WHERE n.key = ? ORDER BY n.kind = 2 DESC, p.population DESC LIMIT ${MAX_CANDIDATES}`);
    this.bySkelStmt = db.prepare(`${SELECT} WHERE n.skel = ? AND n.cc = ? ORDER BY p.population DESC LIMIT ${MAX_CANDIDATES}`);
    this.bySkelAnyStmt = db.prepare(`${SELECT} WHERE n.skel = ? ORDER BY p.population DESC LIMIT ${MAX_CANDIDATES}`);
    this.filters = loadFilters(db);
    this.existsStmt = db.prepare('SELECT 1 FROM names WHERE key = ? LIMIT 1').pluck();
    this.placeStmt = db.prepare(`${SELECT} WHERE n.place_id = ? ORDER BY n.kind LIMIT 1`);
    this.wordStmt = db.prepare('SELECT class FROM words WHERE word = ?');
    this.nearStmt = db.prepare(
      `SELECT a1.name AS admin1 FROM places p JOIN admin1 a1 ON a1.cc = p.cc AND a1.code = p.admin1_code
       WHERE p.cc = ? AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?
       ORDER BY (p.lat - ?) * (p.lat - ?) + (p.lon - ?) * (p.lon - ?) LIMIT 1`,
    );
  }

  /** Places whose normalised name is `key` (see nameKey). */
  byKey(key: string): GazEntry[] {
    let hit = this.keyCache.get(key);
    if (!hit) {
      // most n-grams of a text name nothing: a bare index probe settles those
      hit = this.filters?.keys.has(key) === false || this.existsStmt.get(key) === undefined ? [] : (this.byKeyStmt.all(key) as GazEntry[]);
      if (this.keyCache.size > 50_000) this.keyCache.clear();
      this.keyCache.set(key, hit);
    }
    return hit;
  }

  /** Places in country `cc` whose consonant skeleton is `skel` (see skeleton). */
  bySkeleton(cc: string, skel: string): GazEntry[] {
    const key = `${cc}\u0000${skel}`;
    let hit = this.keyCache.get(key);
    if (!hit) {
      hit = this.filters?.skeletons.has(skel) === false ? [] : (this.bySkelStmt.all(skel, cc) as GazEntry[]).map((e) => ({ ...e, kind: 3 }));
      this.keyCache.set(key, hit);
    }
    return hit;
  }

  /** Places anywhere whose skeleton is `skel`: only for long, multi-word names. */
  bySkeletonAnywhere(skel: string): GazEntry[] {
    const key = `*\u0000${skel}`;
    let hit = this.keyCache.get(key);
    if (!hit) {
      hit = this.filters?.skeletons.has(skel) === false ? [] : (this.bySkelAnyStmt.all(skel) as GazEntry[]).map((e) => ({ ...e, kind: 3 }));
      this.keyCache.set(key, hit);
    }
    return hit;
  }

  /** 'common' for an English common word, 'person' for a person name, null otherwise. */
  wordClass(word: string): string | null {
    const w = word.toLowerCase();
    if (!this.wordCache.has(w)) {
      const row = this.wordStmt.get(w) as { class: string } | undefined;
      this.wordCache.set(w, row?.class ?? null);
    }
    return this.wordCache.get(w) ?? null;
  }

  countries(): Map<string, CountryRow> {
    this.countryList ??= new Map(
      (this.db.prepare('SELECT iso2, iso3, name, place_id AS placeId FROM countries').all() as CountryRow[]).map((c) => [c.iso2, c]),
    );
    return this.countryList;
  }

  /** The country or region a demonym key ("syrian", "african") points to. */
  demonym(key: string): GazEntry | null {
    this.demonymList ??= new Map(
      (this.db.prepare('SELECT key, iso2, place_id AS placeId FROM demonyms').all() as { key: string; iso2: string; placeId: number }[]).map((d) => [d.key, d]),
    );
    const d = this.demonymList.get(key);
    return d ? this.place(d.placeId) : null;
  }

  /** A gazetteer entry by id, under its main name. */
  place(id: number): GazEntry | null {
    const key = `#${id}`;
    let hit = this.keyCache.get(key);
    if (!hit) {
      const row = this.placeStmt.get(id) as GazEntry | undefined;
      hit = row ? [row] : [];
      this.keyCache.set(key, hit);
    }
    return hit[0] ?? null;
  }

  /** nameKey of a text, memoised: the same names recur across a stream of documents. */
  key(text: string): string {
    let k = this.nameKeys.get(text);
    if (k === undefined) {
      k = nameKey(text);
      if (this.nameKeys.size > 100_000) this.nameKeys.clear();
      this.nameKeys.set(text, k);
    }
    return k;
  }

  /** The country's own gazetteer entry. */
  countryPlace(iso2: string): GazEntry | null {
    const c = this.countries().get(iso2);
    return c ? this.place(c.placeId) : null;
  }

  /** admin1 name of the nearest place within ~100 km that has one (for rows that lack it). */
  nearestAdmin1(cc: string, lat: number, lon: number): string | null {
    const key = `${cc}|${lat}|${lon}`;
    if (!this.wordCache.has(key)) {
      const row = this.nearStmt.get(cc, lat - 1, lat + 1, lon - 1, lon + 1, lat, lat, lon, lon) as { admin1: string } | undefined;
      this.wordCache.set(key, row?.admin1 ?? null);
    }
    return this.wordCache.get(key) ?? null;
  }

  close(): void {
    this.db.close();
  }
}

/** True when `path` holds a gazetteer of the current layout. */
export function isCurrent(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT v FROM meta WHERE k = 'schema'").get() as { v: string } | undefined;
      return row?.v === SCHEMA_VERSION;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
