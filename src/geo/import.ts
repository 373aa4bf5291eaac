/**
 * `gazetteer import`: GeoNames dump files (XX.txt / allCountries.txt,
 * alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt) streamed into
 * the gazetteer, one transaction per file, and importing a file twice leaves
 * the same gazetteer. A few malformed lines (a row broken by a stray newline)
 * are skipped and reported; an empty or truncated file, or one with more bad
 * lines than MAX_BAD_LINES / MAX_BAD_SHARE, is rolled back whole.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type Database from 'better-sqlite3';
import { namesOf, nameWriter, type NameRow } from './build.ts';
import { parseGeoNamesLine, type GeoNamesRow } from './sources.ts';
import { distanceKm, isLatin, nameKey, skeleton } from './normalize.ts';
import { loadFilters, saveFilters, type NameFilters } from './bloom.ts';
import { dropSkeletonIndexes, ensureIndexes } from './schema.ts';

export type DumpKind = 'geonames' | 'alternateNames' | 'admin1' | 'admin2';

/** Which dump a file is, by its name (GeoNames' own file names) or, failing that, its first line. */
export function dumpKind(file: string, firstLine: string): DumpKind {
  const name = basename(file).toLowerCase();
  if (name.startsWith('alternatenames')) return 'alternateNames';
  if (name.startsWith('admin1codes')) return 'admin1';
  if (name.startsWith('admin2codes')) return 'admin2';
  const cols = firstLine.split('\t').length;
  if (cols >= 15) return 'geonames';
  if (cols === 4 && /^[A-Z]{2}\.[^.\t]+\.[^\t]+\t/.test(firstLine)) return 'admin2';
  if (cols === 4 && /^[A-Z]{2}\.[^\t]+\t/.test(firstLine)) return 'admin1';
  if (cols >= 8 && /^\d+\t\d+\t/.test(firstLine)) return 'alternateNames';
  throw new Error(`${basename(file)}: not a GeoNames dump file (first line has ${cols} tab-separated columns)`);
}

export const MAX_BAD_LINES = 100;
export const MAX_BAD_SHARE = 0.001;

export interface ImportResult {
  file: string;
  kind: DumpKind;
  rows: number;
  /** malformed lines skipped: "line N: reason" */
  skipped: string[];
  /** rows skipped because an earlier row of the file gave their geonameid to a place far away: "line N: …" */
  conflicts: string[];
}

/** Error with the file and line that stopped an import. */
export class ImportError extends Error {}

interface RowHandler {
  /** takes one line; throws on a malformed one; returns why a well-formed row was left out */
  row(line: string): string | void;
  /** writes what row() buffered */
  flush(): void;
}

/** A repeated geonameid farther than this from its first row names another place. */
const REPEAT_KM = 25;

/** Rows written together: sorted by key, consecutive inserts land on the same index pages. */
const BATCH_ROWS = 100_000;

function handlerFor(db: Database.Database, kind: DumpKind, filters: NameFilters | null): RowHandler {
  if (kind === 'geonames') {
    // a dump without populations (Who's On First re-serialisations) keeps the population and finer feature code already known
    const place = db.prepare(
      `INSERT INTO places (id, name, lat, lon, fclass, fcode, cc, admin1_code, admin2_code, population, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon, fclass = excluded.fclass,
         fcode = CASE WHEN excluded.fcode = 'PPL' AND places.fcode LIKE 'PPL%' THEN places.fcode ELSE excluded.fcode END,
         cc = excluded.cc, admin1_code = excluded.admin1_code, admin2_code = excluded.admin2_code,
         population = CASE WHEN excluded.population > 0 THEN excluded.population ELSE places.population END, source = excluded.source`,
    );
    // alternates are rewritten; main names stay: a dump may name a known place another way (Who's On First
    // writes "Avdeyevka" where cities500 has "Avdiivka"), and the name it had must not sink to an alternate
    const clear = db.prepare('DELETE FROM names WHERE place_id = ? AND kind = 1');
    const known = db.prepare('SELECT name FROM places WHERE id = ?').pluck();
    const writeNames = nameWriter(db, filters ?? undefined);
    // places of one batch are distinct (a repeated id flushes first), so their writes do not interact and may be reordered
    let batch = new Map<number, GeoNamesRow>();
    const flush = () => {
      const rows = [...batch.values()].sort((a, b) => a.geonameid - b.geonameid);
      batch = new Map();
      const names: NameRow[] = [];
      for (const r of rows) {
        // a re-imported place loses its old alternates first, so that importing twice changes nothing
        const previous = known.get(r.geonameid) as string | undefined;
        if (previous !== undefined) clear.run(r.geonameid);
        const main = mainNames(r, previous);
        place.run(r.geonameid, main[0], r.lat, r.lon, r.fclass || 'P', r.fcode, r.cc, r.admin1, r.admin2, r.population, 'import');
        for (const n of namesOf(r.geonameid, r.cc, main, r.alternates)) names.push(n);
      }
      writeNames(names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.placeId - b.placeId)));
    };
    // re-serialised dumps repeat ids: mostly the same place named twice (kept, names merged), sometimes another
    // place that took a famous id (Kyiv's 703448 on a Kherson village), which must not move the first
    const firstPoint = new Map<number, [number, number]>();
    return {
      row(line) {
        const r = parseGeoNamesLine(line);
        if (!/^[A-Z]{2}$/.test(r.cc)) throw new Error(`bad country code "${r.cc}"`);
        const first = firstPoint.get(r.geonameid);
        if (first === undefined) firstPoint.set(r.geonameid, [r.lat, r.lon]);
        else if (distanceKm(first[0], first[1], r.lat, r.lon) > REPEAT_KM) {
          return `geonameid ${r.geonameid} (${r.name}) repeats an earlier row ${Math.round(distanceKm(first[0], first[1], r.lat, r.lon))} km away; the first is kept`;
        }
        if (batch.has(r.geonameid)) flush();
        batch.set(r.geonameid, r);
        if (batch.size >= BATCH_ROWS) flush();
      },
      flush,
    };
  }
  if (kind === 'alternateNames') {
    const ccOf = db.prepare('SELECT cc FROM places WHERE id = ?').pluck();
    const add = db.prepare('INSERT OR IGNORE INTO names (key, place_id, cc, skel, kind, precision) VALUES (?, ?, ?, ?, 1, NULL)');
    return rowByRow((line) => {
      const f = line.split('\t');
      if (f.length < 4 || !/^\d+$/.test(f[1])) throw new Error(`expected alternateNames columns (id, geonameid, language, name, …)`);
      const lang = f[2];
      if (lang === 'link' || lang === 'post' || lang === 'iata' || lang === 'icao' || lang === 'faac' || lang === 'unlc' || lang === 'wkdt') return;
      const cc = ccOf.get(Number(f[1])) as string | undefined;
      if (!cc || !(isLatin(f[3]) || /\p{Script=Arabic}/u.test(f[3]))) return;
      const key = nameKey(f[3]);
      if (key.length < 2 || key.length > 80) return;
      const skel = skeleton(key);
      add.run(key, Number(f[1]), cc, skel);
      filters?.keys.add(key);
      filters?.skeletons.add(skel);
    });
  }
  const table = kind === 'admin1' ? 'admin1' : 'admin2';
  const insert =
    table === 'admin1'
      ? db.prepare("INSERT OR REPLACE INTO admin1 (cc, code, name, source) VALUES (?, ?, ?, 'import')")
      : db.prepare('INSERT OR REPLACE INTO admin2 (cc, a1, code, name) VALUES (?, ?, ?, ?)');
  return rowByRow((line) => {
    const f = line.split('\t');
    const parts = f[0].split('.');
    if (f.length < 2 || !/^[A-Z]{2}$/.test(parts[0]) || parts.length !== (table === 'admin1' ? 2 : 3) || f[1] === '') {
      throw new Error(`expected "${table === 'admin1' ? 'CC.code' : 'CC.admin1.code'}<TAB>name…", found "${line.slice(0, 40)}"`);
    }
    if (table === 'admin1') insert.run(parts[0], parts[1], f[1]);
    else insert.run(parts[0], parts[1], parts[2], f[1]);
  });
}

/**
 * A place's main names, the one it is shown by first. GeoNames writes a Latin
 * name in the name column, but re-serialised dumps (Who's On First) may write
 * the local script there ("حلب" for Aleppo) and leave the ASCII column empty:
 * the Latin name the gazetteer already had, or the ASCII column, then stays
 * main. A new place with only local-script main names keeps them: which of its
 * Latin alternates English uses is unknown, and promoting the first one would
 * let a village outrank a city known by that name only as an alternate.
 */
export function mainNames(r: Pick<GeoNamesRow, 'name' | 'asciiname'>, previous?: string): string[] {
  if (isLatin(r.name)) return [r.name, r.asciiname];
  const latin = (previous && isLatin(previous) ? previous : '') || (r.asciiname && isLatin(r.asciiname) ? r.asciiname : '');
  return latin ? [latin, r.name] : [r.name, r.asciiname];
}

function rowByRow(row: (line: string) => void): RowHandler {
  return { row, flush: () => {} };
}

async function firstLineOf(file: string): Promise<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', end: 64 * 1024 }), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/**
 * Imports one dump file in a single transaction; throws ImportError (and
 * rolls back) on an empty, truncated or malformed file.
 * @example await importDump(gaz.db, '../shared/gazetteer/LB.txt') // {kind: 'geonames', rows: 3412, …}
 */
export async function importDump(db: Database.Database, file: string, onBytes?: (bytes: number, total: number) => void): Promise<ImportResult> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ImportError(`${file}: no such file`);
  }
  if (size === 0) throw new ImportError(`${file}: empty file, nothing imported`);
  const first = await firstLineOf(file);
  let kind: DumpKind;
  try {
    kind = dumpKind(file, first);
  } catch (err) {
    throw new ImportError((err as Error).message);
  }
  const filters = loadFilters(db);
  // index pages of a growing gazetteer: a large cache keeps inserts off the disk
  db.pragma('cache_size = -262144');
  const handle = handlerFor(db, kind, filters);
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let rows = 0;
  let lineNo = 0;
  let bytes = 0;
  let lastError = '';
  const skipped: string[] = [];
  const conflicts: string[] = [];
  db.exec('BEGIN IMMEDIATE');
  try {
    for await (const line of lines) {
      lineNo++;
      bytes += Buffer.byteLength(line) + 1;
      lastError = '';
      if (line.trim() === '' || line.startsWith('#')) continue;
      try {
        const left = handle.row(line);
        if (left) conflicts.push(`line ${lineNo}: ${left}`);
        else rows++;
      } catch (err) {
        lastError = `line ${lineNo}: ${(err as Error).message}`;
        skipped.push(lastError);
        if (skipped.length > MAX_BAD_LINES) throw new ImportError(`${file}: more than ${MAX_BAD_LINES} malformed lines (first: ${skipped[0]}); nothing from this file was imported`);
      }
      if (onBytes && lineNo % 5000 === 0) onBytes(bytes, size);
    }
    handle.flush();
    if (lastError && !endsWithNewline(file, size)) throw new ImportError(`${file}: truncated (${lastError}); nothing from this file was imported`);
    if (rows === 0) throw new ImportError(`${file}: no valid rows${skipped[0] ? ` (${skipped[0]})` : ''}; nothing imported`);
    if (skipped.length > Math.max(2, rows * MAX_BAD_SHARE)) {
      throw new ImportError(`${file}: ${skipped.length} malformed lines of ${lineNo} (first: ${skipped[0]}); nothing from this file was imported`);
    }
    if (filters) saveFilters(db, filters);
    // lookup files (of any format) no longer match: readers fall back to SQL until one is rewritten (writeLookupIndex)
    db.prepare("DELETE FROM meta WHERE k LIKE 'lookup%'").run();
    db.prepare('INSERT OR REPLACE INTO imports (file, rows, at) VALUES (?, ?, ?)').run(basename(file), rows, new Date().toISOString());
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    input.destroy();
    throw err;
  }
  onBytes?.(size, size);
  return { file, kind, rows, skipped, conflicts };
}

function endsWithNewline(file: string, size: number): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, size - 1);
    return buf[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** Above this many bytes of dumps, rebuilding the skeleton indexes once beats updating them file by file. */
export const BULK_IMPORT_BYTES = 20e6;

/**
 * Runs `imports` (importDump calls, each still one transaction) with the
 * skeleton indexes dropped, then rebuilds them once: every dump touches
 * nearly every page of those indexes, so keeping them costs more than the
 * import itself. Readers opened meanwhile fall back to unindexed lookups.
 */
export async function importWithoutSkeletonIndexes<T>(db: Database.Database, imports: () => Promise<T>): Promise<T> {
  dropSkeletonIndexes(db);
  try {
    return await imports();
  } finally {
    ensureIndexes(db);
  }
}
