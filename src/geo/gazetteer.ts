/**
 * The gazetteer service: a read-mostly SQLite file. Geoparsing asks for a
 * handful of candidate names per sentence; they come from the lookup file
 * beside the database (index-read.ts: one read per name) when it matches the
 * database, else from prepared statements, and are memoised per instance.
 * A commit by another connection (an import) drops what was memoised.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './schema.ts';
import { nameKey } from './normalize.ts';
import { loadFilters, type NameFilters } from './bloom.ts';
import { LookupIndex } from './index-read.ts';
import { lookupPath, TOKEN_ROW } from './index-format.ts';

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

// admin names are joined in memory (see adminName): a few hundred areas recur behind thousands of candidates
const SELECT = `SELECT p.id, p.name, n.key, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.population, p.source, n.kind, n.precision, p.admin1_code, p.admin2_code
  FROM names n JOIN places p ON p.id = n.place_id`;

type Row = [number, string, string, number, number, string, string, string, number, string, number, number | null, string, string];

export const MAX_CANDIDATES = 30;
/** half-width in degrees of the first box searched by nearestAdmin1 */
export const NEAR_BOX = 0.25;
/** names by consonant skeleton within a country (see ensureIndexes) */
export const SKELETON_INDEX = 'names_skel_cc';

/** Both skeleton queries read names in the order of the (skel) index, so that ties in population keep one order. */
function skeletonStatements(db: Database.Database, indexed: boolean): [Database.Statement, Database.Statement] {
  const from = (index: string) => (indexed ? SELECT.replace('FROM names n', `FROM names n INDEXED BY ${index}`) : SELECT);
  return [
    db.prepare(`${from(SKELETON_INDEX)} WHERE n.skel = ? AND n.cc = ? ORDER BY p.population DESC LIMIT ${MAX_CANDIDATES}`).raw(true),
    db.prepare(`${from('names_skel_any')} WHERE n.skel = ? ORDER BY p.population DESC LIMIT ${MAX_CANDIDATES}`).raw(true),
  ];
}

/**
 * admin1 name of the nearest place within ~100 km that has one: a small box
 * first, as a place found within its half-width is the nearest in the large box too.
 */
function nearestAdmin1Finder(db: Database.Database): (cc: string, lat: number, lon: number) => string | null {
  const near = db.prepare(
    `SELECT a1.name AS admin1, (p.lat - @lat) * (p.lat - @lat) + (p.lon - @lon) * (p.lon - @lon) AS d
     FROM places p JOIN admin1 a1 ON a1.cc = p.cc AND a1.code = p.admin1_code
     WHERE p.cc = @cc AND p.lat BETWEEN @lat - @box AND @lat + @box AND p.lon BETWEEN @lon - @box AND @lon + @box
     ORDER BY d LIMIT 1`,
  );
  return (cc, lat, lon) => {
    const small = near.get({ cc, lat, lon, box: NEAR_BOX }) as { admin1: string; d: number } | undefined;
    const row = small && small.d <= NEAR_BOX * NEAR_BOX ? small : (near.get({ cc, lat, lon, box: 1 }) as { admin1: string } | undefined);
    return row?.admin1 ?? null;
  };
}

const PLAIN_WORD = /^[A-Za-z]+$/;

/** How often (ms) an open gazetteer asks SQLite whether another connection has committed. */
const FRESHNESS_MS = 500;

function hasIndex(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

export class Gazetteer {
  readonly path: string;
  readonly db: Database.Database;
  private readonly byKeyStmt: Database.Statement;
  private bySkelStmt: Database.Statement;
  private readonly nearest: (cc: string, lat: number, lon: number) => string | null;
  private readonly wordStmt: Database.Statement;
  private bySkelAnyStmt: Database.Statement;
  private readonly placeStmt: Database.Statement;
  private readonly existsStmt: Database.Statement;
  private readonly admin1Stmt: Database.Statement;
  private readonly admin2Stmt: Database.Statement;
  private readonly dataVersion: Database.Statement;
  private readonly otherVersion: Database.Statement;
  private readonly adminNames = new Map<string, string | null>();
  private readonly keyCache = new Map<string, GazEntry[]>();
  private readonly nameKeys = new Map<string, string>();
  private filters: NameFilters | null = null;
  /** the lookup file; null when it is missing or written for another state of the database */
  private lookup: LookupIndex | null = null;
  /** memo of word classes and inferred admin1 names */
  private readonly wordCache = new Map<string, string | null>();
  private countryList: Map<string, CountryRow> | null = null;
  private demonymList: Map<string, { iso2: string; placeId: number }> | null = null;
  private version = '';
  private checkedAt = 0;
  private readonly noteNear = (cc: string, lat: number, lon: number, admin1: string | null) => {
    const key = `${cc}|${lat}|${lon}`;
    if (!this.wordCache.has(key)) this.wordCache.set(key, admin1);
  };

  constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
    this.byKeyStmt = db.prepare(`${SELECT} WHERE n.key = ? ORDER BY n.kind = 2 DESC, p.population DESC LIMIT ${MAX_CANDIDATES}`).raw(true);
    [this.bySkelStmt, this.bySkelAnyStmt] = skeletonStatements(db, hasIndex(db, 'names_skel_any') && hasIndex(db, SKELETON_INDEX));
    this.existsStmt = db.prepare('SELECT 1 FROM names WHERE key = ? LIMIT 1').pluck();
    this.placeStmt = db.prepare(`${SELECT} WHERE n.place_id = ? ORDER BY n.kind LIMIT 1`).raw(true);
    this.admin1Stmt = db.prepare('SELECT name FROM admin1 WHERE cc = ? AND code = ?').pluck();
    this.admin2Stmt = db.prepare('SELECT name FROM admin2 WHERE cc = ? AND a1 = ? AND code = ?').pluck();
    this.wordStmt = db.prepare('SELECT class FROM words WHERE word = ?');
    this.nearest = nearestAdmin1Finder(db);
    // data_version moves on another connection's commits, total_changes() on this one's
    this.dataVersion = db.prepare('SELECT total_changes() AS n').pluck();
    this.otherVersion = db.prepare('PRAGMA data_version').pluck();
    this.refresh();
  }

  /** True when the lookups answer from the lookup file rather than SQL. */
  get indexed(): boolean {
    this.fresh();
    return this.lookup !== null;
  }

  /**
   * Forgets everything memoised when another connection has committed since
   * the last look (`sitrep gazetteer import` in another process), and opens
   * the lookup file that matches the database now. True when it reloaded.
   */
  refresh(): boolean {
    this.checkedAt = Date.now();
    const version = `${this.otherVersion.get()}:${this.dataVersion.get()}`;
    if (version === this.version) return false;
    this.version = version;
    for (const memo of [this.adminNames, this.keyCache, this.wordCache]) memo.clear();
    this.countryList = null;
    this.demonymList = null;
    this.lookup?.close();
    const token = this.db.prepare('SELECT v FROM meta WHERE k = ?').pluck().get(TOKEN_ROW) as string | undefined;
    this.lookup = token ? LookupIndex.open(lookupPath(this.path), token) : null;
    this.filters = this.lookup ? this.lookup.filters() : loadFilters(this.db);
    return true;
  }

  private fresh(): void {
    if (Date.now() - this.checkedAt > FRESHNESS_MS) this.refresh();
  }

  private entries(rows: Row[], kind?: number): GazEntry[] {
    return rows.map((r) => ({
      id: r[0],
      name: r[1],
      matched: r[2],
      lat: r[3],
      lon: r[4],
      fclass: r[5],
      fcode: r[6],
      cc: r[7],
      population: r[8],
      source: r[9],
      kind: kind ?? r[10],
      precision: r[11],
      admin1: this.adminName(r[7], r[12]),
      admin2: this.adminName(r[7], r[12], r[13]),
    }));
  }

  /** Name of a first-level area (or, given its code, a second-level one), memoised. */
  private adminName(cc: string, admin1: string, admin2?: string): string | null {
    const key = admin2 === undefined ? `${cc}\u0000${admin1}` : `${cc}\u0000${admin1}\u0000${admin2}\u0000`;
    let name = this.adminNames.get(key);
    if (name === undefined) {
      name = ((admin2 === undefined ? this.admin1Stmt.get(cc, admin1) : this.admin2Stmt.get(cc, admin1, admin2)) as string | undefined) ?? null;
      this.adminNames.set(key, name);
    }
    return name;
  }

  /** Rows by skeleton; when a bulk import elsewhere has dropped the indexes the statements name, the plain query serves. */
  private skeletonRows(anywhere: boolean, args: string[]): Row[] {
    try {
      return (anywhere ? this.bySkelAnyStmt : this.bySkelStmt).all(...args) as Row[];
    } catch (err) {
      if (!/no such index/.test((err as Error).message)) throw err;
      [this.bySkelStmt, this.bySkelAnyStmt] = skeletonStatements(this.db, false);
      return (anywhere ? this.bySkelAnyStmt : this.bySkelStmt).all(...args) as Row[];
    }
  }

  /** Places whose normalised name is `key` (see nameKey). */
  byKey(key: string): GazEntry[] {
    this.fresh();
    let hit = this.keyCache.get(key);
    if (!hit) {
      // most n-grams of a text name nothing: the filter settles them in memory (without one, a bare index probe)
      const known = this.filters ? this.filters.keys.has(key) : this.lookup !== null || this.existsStmt.get(key) !== undefined;
      if (!known) hit = [];
      else hit = this.lookup ? this.lookup.byKey(key, this.noteNear) : this.entries(this.byKeyStmt.all(key) as Row[]);
      if (this.keyCache.size > 50_000) this.keyCache.clear();
      this.keyCache.set(key, hit);
    }
    return hit;
  }

  /** Places in country `cc` whose consonant skeleton is `skel` (see skeleton). */
  bySkeleton(cc: string, skel: string): GazEntry[] {
    this.fresh();
    const key = `${cc}\u0000${skel}`;
    let hit = this.keyCache.get(key);
    if (!hit) {
      if (this.filters?.skeletons.has(skel) === false) hit = [];
      else hit = this.lookup ? this.lookup.bySkeleton(skel, cc, this.noteNear) : this.entries(this.skeletonRows(false, [skel, cc]), 3);
      this.keyCache.set(key, hit);
    }
    return hit;
  }

  /** Places anywhere whose skeleton is `skel`: only for long, multi-word names. */
  bySkeletonAnywhere(skel: string): GazEntry[] {
    this.fresh();
    const key = `*\u0000${skel}`;
    let hit = this.keyCache.get(key);
    if (!hit) {
      if (this.filters?.skeletons.has(skel) === false) hit = [];
      else hit = this.lookup ? this.lookup.bySkeleton(skel, null, this.noteNear) : this.entries(this.skeletonRows(true, [skel]), 3);
      this.keyCache.set(key, hit);
    }
    return hit;
  }

  /** 'common' for an English common word, 'person' for a person name, null otherwise. */
  wordClass(word: string): string | null {
    this.fresh();
    const w = word.toLowerCase();
    if (!this.wordCache.has(w)) {
      if (this.lookup) this.wordCache.set(w, this.lookup.wordClass(w));
      else this.wordCache.set(w, (this.wordStmt.get(w) as { class: string } | undefined)?.class ?? null);
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
    this.fresh();
    const key = `#${id}`;
    let hit = this.keyCache.get(key);
    if (!hit) {
      if (this.lookup) {
        const e = this.lookup.place(id, this.noteNear);
        hit = e ? [e] : [];
      } else {
        const row = this.placeStmt.get(id) as Row | undefined;
        hit = row ? this.entries([row]) : [];
      }
      this.keyCache.set(key, hit);
    }
    return hit[0] ?? null;
  }

  /** nameKey of a text, memoised: the same names recur across a stream of documents. */
  key(text: string): string {
    let k = this.nameKeys.get(text);
    if (k === undefined) {
      // one plain word is its own lower case under nameKey's rules (no marks, articles or separators)
      k = PLAIN_WORD.test(text) ? text.toLowerCase() : nameKey(text);
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
    // candidates read from the lookup file come with their answer (see noteNear)
    if (!this.wordCache.has(key)) this.wordCache.set(key, this.nearest(cc, lat, lon));
    return this.wordCache.get(key) ?? null;
  }

  close(): void {
    this.lookup?.close();
    this.lookup = null;
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
