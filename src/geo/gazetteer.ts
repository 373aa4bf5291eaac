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
import { SqlLookups } from './sql-lookups.ts';

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

/** One plain ASCII word: its own lower case under nameKey's rules (no marks, articles or separators). */
function isPlainWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return text.length > 0;
}

/** How often (ms) an open gazetteer asks SQLite whether another connection has committed. */
const FRESHNESS_MS = 500;

export class Gazetteer {
  readonly path: string;
  readonly db: Database.Database;
  private readonly sql: SqlLookups;
  private readonly dataVersion: Database.Statement;
  private readonly otherVersion: Database.Statement;
  private readonly keyCache = new Map<string, GazEntry[]>();
  private filters: NameFilters | null = null;
  /** the lookup file; null when it is missing or written for another state of the database */
  private lookup: LookupIndex | null = null;
  /** memo of word classes */
  private readonly wordCache = new Map<string, string | null>();
  /** memo of inferred admin1 names by "cc|lat|lon" (kept apart: the word memo stays small) */
  private readonly nearCache = new Map<string, string | null>();
  private countryList: Map<string, CountryRow> | null = null;
  private demonymList: Map<string, { iso2: string; placeId: number }> | null = null;
  private version = '';
  private checkedAt = 0;
  private readonly noteNear = (cc: string, lat: number, lon: number, admin1: string | null) => {
    const key = `${cc}|${lat}|${lon}`;
    if (!this.nearCache.has(key)) this.nearCache.set(key, admin1);
  };

  constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
    this.sql = new SqlLookups(db);
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
    for (const memo of [this.keyCache, this.wordCache, this.nearCache]) memo.clear();
    this.sql.clear();
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

  /** Places whose normalised name is `key` (see nameKey). */
  byKey(key: string): GazEntry[] {
    this.fresh();
    let hit = this.keyCache.get(key);
    if (!hit) {
      // most n-grams of a text name nothing: the filter settles them in memory, and they are not memoised, which keeps
      // the memo small and quick to probe (without a filter, a bare index probe, memoised)
      if (this.filters && !this.filters.keys.has(key)) return [];
      const known = this.filters !== null || this.lookup !== null || this.sql.has(key);
      if (!known) hit = [];
      else hit = this.lookup ? this.lookup.byKey(key, this.noteNear) : this.sql.byKey(key);
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
      else hit = this.lookup ? this.lookup.bySkeleton(skel, cc, this.noteNear) : this.sql.bySkeleton(skel, cc);
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
      else hit = this.lookup ? this.lookup.bySkeleton(skel, null, this.noteNear) : this.sql.bySkeleton(skel, null);
      this.keyCache.set(key, hit);
    }
    return hit;
  }

  /** 'common' for an English common word, 'person' for a person name, null otherwise. */
  wordClass(word: string): string | null {
    this.fresh();
    const w = word.toLowerCase();
    let cls = this.wordCache.get(w);
    if (cls === undefined) {
      cls = this.lookup ? this.lookup.wordClass(w) : this.sql.wordClass(w);
      this.wordCache.set(w, cls);
    }
    return cls;
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
      const e = this.lookup ? this.lookup.place(id, this.noteNear) : this.sql.place(id);
      hit = e ? [e] : [];
      this.keyCache.set(key, hit);
    }
    return hit[0] ?? null;
  }

  /**
   * nameKey of a text. Not memoised: most names of several words are new to a
   * stream (a memo of them missed, grew and held slices of old documents), and
   * even a hit cost more than the key, measured over GWN/LGL.
   */
  key(text: string): string {
    // most texts are one plain word: lower-casing it is its key
    if (isPlainWord(text)) return text.toLowerCase();
    return nameKey(text);
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
    if (!this.nearCache.has(key)) this.nearCache.set(key, this.sql.nearestAdmin1(cc, lat, lon));
    return this.nearCache.get(key) ?? null;
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
