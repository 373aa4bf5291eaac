/**
 * The gazetteer's SQLite layout. Places keep GeoNames admin codes; names of
 * admin areas are joined at query time so that importing admin1CodesASCII.txt
 * after a country dump (or before) gives the same result.
 */
import type Database from 'better-sqlite3';

/** Bumped when the layout or the bundled build changes: an older file is rebuilt. */
export const SCHEMA_VERSION = '14';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY,          -- GeoNames id; negative for areas from the countries/states source
  name TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  fclass TEXT NOT NULL,
  fcode TEXT NOT NULL,
  cc TEXT NOT NULL,
  admin1_code TEXT NOT NULL,
  admin2_code TEXT NOT NULL,
  population INTEGER NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS places_cc_lat ON places (cc, lat);
-- kind: 0 main name, 1 alternate name, 2 alias-file entry
CREATE TABLE IF NOT EXISTS names (
  key TEXT NOT NULL,
  place_id INTEGER NOT NULL,
  cc TEXT NOT NULL,
  skel TEXT NOT NULL,
  kind INTEGER NOT NULL,
  precision INTEGER,
  PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_skel_any ON names (skel);
CREATE INDEX IF NOT EXISTS names_place ON names (place_id);
CREATE TABLE IF NOT EXISTS admin1 (cc TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (cc, code));
CREATE TABLE IF NOT EXISTS admin2 (cc TEXT NOT NULL, a1 TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (cc, a1, code));
CREATE TABLE IF NOT EXISTS countries (
  iso2 TEXT PRIMARY KEY, iso3 TEXT NOT NULL, name TEXT NOT NULL, place_id INTEGER NOT NULL
);
-- adjectives and nationality words that point to a country ("Syrian")
CREATE TABLE IF NOT EXISTS demonyms (key TEXT PRIMARY KEY, iso2 TEXT NOT NULL, place_id INTEGER NOT NULL);
-- lower-case English words with their class from an English lexicon: 'common' or 'person'
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, class TEXT NOT NULL) WITHOUT ROWID;
-- Bloom filters of names.key and names.skel (see bloom.ts)
CREATE TABLE IF NOT EXISTS filters (name TEXT PRIMARY KEY, bits BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS imports (file TEXT PRIMARY KEY, rows INTEGER NOT NULL, at TEXT NOT NULL);
`;

export function applySchema(db: Database.Database): void {
  db.exec(SCHEMA);
}

/** Indexes of names by consonant skeleton: derived data, rebuilt after bulk imports (see importWithoutSkeletonIndexes). */
const SKELETON_INDEXES = ['CREATE INDEX IF NOT EXISTS names_skel_any ON names (skel)', 'CREATE INDEX IF NOT EXISTS names_skel_cc ON names (skel, cc)'];

/**
 * Creates the skeleton indexes a file lacks: names_skel_cc was added after
 * the layout was released (a gazetteer with imports is never rebuilt just for
 * an index), and a bulk import that stopped half-way leaves both out. False
 * when the file cannot be written; queries then do without.
 */
export function ensureIndexes(db: Database.Database): boolean {
  try {
    for (const sql of SKELETON_INDEXES) db.exec(sql);
    return true;
  } catch {
    return false;
  }
}

export function dropSkeletonIndexes(db: Database.Database): void {
  db.exec('DROP INDEX IF EXISTS names_skel_any; DROP INDEX IF EXISTS names_skel_cc');
}
