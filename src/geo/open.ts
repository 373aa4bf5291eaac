/**
 * Opening the gazetteer: a missing file is built on first use from the
 * bundled sources, and so is one of an older layout, unless it holds
 * imported files: an imported village-level gazetteer is never rebuilt away
 * (opening it fails, saying how to rebuild and import again).
 * Either way its lookup file (index-write.ts) is written when missing.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { buildGazetteer } from './build.ts';
import { DEFAULT_GAZETTEER, Gazetteer, isCurrent } from './gazetteer.ts';
import { ensureIndexes } from './schema.ts';
import { currentLookupToken, ensureLookupIndex } from './index-write.ts';
import { lookupPath } from './index-format.ts';

/** Where the gazetteer lives: opts.path, else $SITREP_GAZETTEER, else .cache/gazetteer.db in the project. */
export function gazetteerPath(opts?: { path?: string }): string {
  return opts?.path ?? (process.env.SITREP_GAZETTEER || DEFAULT_GAZETTEER);
}

/**
 * Opens the gazetteer, building it first when the file is missing or of an
 * older layout (about 30 s, once).
 * @example const gaz = openGazetteer(); lookupPlace(gaz, 'Aleppo')?.lat // 36.2
 */
export function openGazetteer(opts?: { path?: string; /** false: do not write a missing lookup file (an import is about to) */ lookupFile?: boolean }): Gazetteer {
  const path = gazetteerPath(opts);
  if (!isCurrent(path)) {
    if (existsSync(path) && !isStale(path)) throw new Error(`${path} is not a sitrep gazetteer`);
    // a rebuild starts from the bundled sources: what the user imported would be lost without a word
    if (existsSync(path) && holdsImports(path)) {
      throw new Error(`${path} was built by an older sitrep and holds imported GeoNames files; a rebuild would lose them. Run \`sitrep gazetteer build --force --gazetteer ${path}\` and import them again.`);
    }
    process.stderr.write(`sitrep: building the gazetteer at ${path} (once)…\n`);
    buildGazetteer(path);
  }
  const db = new Database(path, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // lookups touch scattered index pages; a 32 MB page cache keeps the hot ones (memory-mapping all would cost ~100 MB RSS)
  db.pragma('cache_size = -32000');
  // the lookup file is derived data: a gazetteer from before it existed, or just imported into, gets it here
  if (ensureIndexes(db) && opts?.lookupFile !== false && !currentLookupToken(db, path)) {
    ensureLookupIndex(db, path, () => process.stderr.write(`sitrep: writing the gazetteer's lookup file ${lookupPath(path)} (once)…\n`));
  }
  return new Gazetteer(path, db);
}

/** Whether the file records imported files (a layout without the table records none). */
function holdsImports(path: string): boolean {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n > 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** A sitrep gazetteer of an older layout (has the meta table), which may be rebuilt. */
function isStale(path: string): boolean {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'meta'").get() !== undefined;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
