import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applySchema } from './schema.ts';
import { nameKey } from './normalize.ts';
import { importDump, ImportError, importWithoutSkeletonIndexes } from './import.ts';

const SHARED = new URL('../../../shared/gazetteer/', import.meta.url);
const LB = new URL('LB.txt', SHARED).pathname;
const ADMIN1 = new URL('admin1Codes.txt', SHARED).pathname;
const missing = existsSync(LB) ? false : 'needs ../shared/gazetteer (not found)';

function freshDb(): { db: Database.Database; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
  const db = new Database(join(dir, 'g.db'));
  applySchema(db);
  return { db, dir };
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

test('imports a country dump and its admin1 names, idempotently', { skip: missing }, async () => {
  const { db, dir } = freshDb();
  try {
    const first = await importDump(db, LB);
    assert.equal(first.kind, 'geonames');
    assert.ok(first.rows > 1000, `${first.rows} rows`);
    const places = count(db, 'places');
    const names = count(db, 'names');
    await importDump(db, LB);
    assert.equal(count(db, 'places'), places, 'a second import adds no places');
    assert.equal(count(db, 'names'), names, 'a second import adds no names');
    const admin = await importDump(db, ADMIN1);
    assert.equal(admin.kind, 'admin1');
    const row = db
      .prepare(`SELECT a.name FROM places p JOIN admin1 a ON a.cc = p.cc AND a.code = p.admin1_code WHERE p.cc = 'LB' AND p.fclass = 'P' LIMIT 1`)
      .get() as { name: string } | undefined;
    assert.ok(row?.name, 'imported places get admin1 names from admin1Codes');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('empty, truncated and corrupt files are refused whole', { skip: missing }, async () => {
  const { db, dir } = freshDb();
  try {
    const empty = join(dir, 'XX.txt');
    writeFileSync(empty, '');
    await assert.rejects(importDump(db, empty), (e: Error) => e instanceof ImportError && /empty/.test(e.message));
    const truncated = join(dir, 'LB.txt');
    writeFileSync(truncated, readFileSync(LB, 'utf8').slice(0, 20_000));
    await assert.rejects(importDump(db, truncated), (e: Error) => e instanceof ImportError && /truncated/.test(e.message));
    assert.equal(count(db, 'places'), 0, 'nothing from the truncated file stays');
    const corrupt = join(dir, 'SY.txt');
    const lines = readFileSync(LB, 'utf8').split('\n').slice(0, 300);
    writeFileSync(corrupt, `${lines.map((l, i) => (i % 3 === 1 ? l.replace(/\t/g, ' ') : l)).join('\n')}\n`);
    await assert.rejects(importDump(db, corrupt), (e: Error) => e instanceof ImportError && /malformed/.test(e.message));
    assert.equal(count(db, 'places'), 0, 'nothing from the corrupt file stays');
    const binary = join(dir, 'allCountries.txt');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    await assert.rejects(importDump(db, binary), ImportError);
    await assert.rejects(importDump(db, join(dir, 'nope.txt')), /no such file/);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a place listed twice in one file is shown by its last row, keeping both main names', { skip: missing }, async () => {
  const { db, dir } = freshDb();
  try {
    const lines = readFileSync(LB, 'utf8').split('\n').slice(0, 50);
    const cols = lines[0].split('\t');
    const again = [cols[0], 'Qaryat Tajriba', 'Qaryat Tajriba', 'Tajriba Village', ...cols.slice(4)].join('\t');
    const file = join(dir, 'LB.txt');
    writeFileSync(file, `${[...lines, again].join('\n')}\n`);
    const result = await importDump(db, file);
    assert.equal(result.rows, 51);
    const keys = (kind: number) => db.prepare('SELECT key FROM names WHERE place_id = ? AND kind = ? ORDER BY key').pluck().all(Number(cols[0]), kind) as string[];
    assert.deepEqual(keys(0), [nameKey(cols[1]), 'qaryat tajriba'].sort());
    assert.deepEqual(keys(1), ['tajriba village'], "the first row's alternates are gone");
    assert.equal((db.prepare('SELECT name FROM places WHERE id = ?').pluck().get(Number(cols[0])) as string), 'Qaryat Tajriba');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a repeated id at a far-away place is left out and reported, and the first row stands', { skip: missing }, async () => {
  const { db, dir } = freshDb();
  try {
    const lines = readFileSync(LB, 'utf8').split('\n').slice(0, 50);
    const cols = lines[0].split('\t');
    const lat = Number(cols[4]);
    const far = [cols[0], 'Elsewhere', 'Elsewhere', '', String(lat + 2), ...cols.slice(5)].join('\t');
    const file = join(dir, 'LB.txt');
    writeFileSync(file, `${[...lines, far].join('\n')}\n`);
    const result = await importDump(db, file);
    assert.equal(result.rows, 50);
    assert.equal(result.conflicts.length, 1);
    assert.match(result.conflicts[0], /^line 51: geonameid \d+ \(Elsewhere\) repeats an earlier row 2\d\d km away/);
    const place = db.prepare('SELECT name, lat FROM places WHERE id = ?').get(Number(cols[0])) as { name: string; lat: number };
    assert.deepEqual(place, { name: cols[1], lat });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bulk import rebuilds the skeleton indexes it dropped, also when a file fails', { skip: missing }, async () => {
  const { db, dir } = freshDb();
  const indexes = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'names_skel%' ORDER BY name").pluck().all() as string[]);
  try {
    const empty = join(dir, 'XX.txt');
    writeFileSync(empty, '');
    await assert.rejects(
      importWithoutSkeletonIndexes(db, async () => {
        await importDump(db, LB);
        assert.deepEqual(indexes(), [], 'dropped while importing');
        await importDump(db, empty);
      }),
      ImportError,
    );
    assert.deepEqual(indexes(), ['names_skel_any', 'names_skel_cc']);
    const lebanese = db.prepare("SELECT count(*) FROM names INDEXED BY names_skel_cc WHERE skel = 'brt' AND cc = 'LB'").pluck().get() as number;
    assert.ok(lebanese > 0, 'the rebuilt index finds the imported names');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** One GeoNames dump line: id, name, asciiname, alternates, lat, lon, class, code, cc, then the admin and trailing columns. */
const dumpLine = (id: number, name: string, ascii: string, alternates: string, lat: number, lon: number) =>
  [id, name, ascii, alternates, lat, lon, 'P', 'PPLA', 'SY', '', '01', '', '', '', 0, '', '', 'Asia/Damascus', '2024-01-01'].join('\t');

test('a dump naming places in local script keeps their Latin name as the main one', async () => {
  const { db, dir } = freshDb();
  const mainName = (id: number) => db.prepare('SELECT name FROM places WHERE id = ?').pluck().get(id) as string;
  const kindOf = (id: number, key: string) => db.prepare('SELECT kind FROM names WHERE place_id = ? AND key = ?').pluck().get(id, key) as number | undefined;
  try {
    const before = join(dir, 'cities.txt');
    writeFileSync(before, `${dumpLine(170063, 'Aleppo', 'Aleppo', 'Alep,Halab,حلب', 36.20124, 37.16117)}\n`);
    await importDump(db, before);
    // Who's On First re-serialised: the name column in Arabic or Cyrillic, the ASCII column empty
    const wof = join(dir, 'SY.txt');
    const rows = [dumpLine(170063, 'حلب', '', 'Alep,Alepo,Aleppo,Halab', 36.202439, 37.151825), dumpLine(702550, 'Львів', '', 'Lwów,Lviv,Lemberg,Львов', 49.83826, 24.02324), dumpLine(170062, 'محافظة حلب', 'Aleppo Governorate', 'Halab', 36.2, 37.6)];
    writeFileSync(wof, `${rows.join('\n')}\n`);
    for (let pass = 0; pass < 2; pass++) {
      await importDump(db, wof);
      assert.equal(mainName(170063), 'Aleppo', 'the name the gazetteer had stays main');
      assert.equal(kindOf(170063, 'aleppo'), 0);
      assert.equal(kindOf(170063, 'alep'), 1);
      assert.equal(mainName(170062), 'Aleppo Governorate', 'else the ASCII column names it');
      assert.equal(mainName(702550), 'Львів', 'a new place in local script only keeps its name column');
      assert.equal(kindOf(702550, 'lviv'), 1, 'no alternate is promoted');
    }
    const latin = join(dir, 'LB.txt');
    writeFileSync(latin, `${dumpLine(170063, 'Halab', 'Halab', 'Aleppo', 36.2, 37.15)}\n`);
    await importDump(db, latin);
    assert.equal(mainName(170063), 'Halab', "a Latin name column is the dump's word");
    assert.equal(kindOf(170063, 'aleppo'), 0, 'and the name it had stays a main name');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
