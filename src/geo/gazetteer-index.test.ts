import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applySchema, ensureIndexes, SCHEMA_VERSION } from './schema.ts';
import { importDump } from './import.ts';
import { Gazetteer } from './gazetteer.ts';
import { openGazetteer } from './open.ts';
import { currentLookupToken, writeLookupIndex } from './index-write.ts';
import { nameKey, skeleton } from './normalize.ts';

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return ((seed ^ (seed >>> 13)) >>> 0) / 2 ** 32;
  };
}

const SYLLABLES = ['al', 'ba', 'da', 'deir', 'ha', 'kar', 'ma', 'mar', 'qa', 'ra', 'sa', 'ta', 'za', 'zor', 'kha', 'ash'];

/**
 * A GeoNames dump of namesakes: few syllables, three countries and a handful of
 * populations, so that keys, skeletons and population ties recur, and a third
 * of the places have admin1 codes no admin1 file names.
 */
function syntheticDump(n: number, rnd: () => number, firstId = 1000): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const word = () => Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join('');
  const name = () => (rnd() < 0.2 ? `Al-${word()}` : rnd() < 0.3 ? `${word()} ${word()}` : word()).replace(/^./, (c) => c.toUpperCase());
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const cc = pick(['SY', 'IQ', 'LB']);
    const alternates = Array.from({ length: Math.floor(rnd() * 3) }, name).concat(rnd() < 0.1 ? ['حلب'] : []);
    const row = [firstId + i, name(), '', alternates.join(','), (33 + rnd() * 3).toFixed(5), (36 + rnd() * 3).toFixed(5), pick(['P', 'P', 'A']), pick(['PPL', 'PPLA', 'ADM2']), cc, '', pick(['01', '02', '99']), pick(['', '7']), '', '', pick([0, 0, 500, 500, 12000]), '', '0', 'Asia/Damascus', '2020-01-01'];
    lines.push(row.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

function syntheticGazetteer(dir: string): string {
  const path = join(dir, 'g.db');
  const db = new Database(path);
  applySchema(db);
  db.pragma('journal_mode = WAL');
  db.prepare("INSERT INTO meta (k, v) VALUES ('schema', ?)").run(SCHEMA_VERSION);
  db.prepare("INSERT INTO words (word, class) VALUES ('market', 'common'), ('hassan', 'person')").run();
  return path;
}

async function fill(path: string, dump: string): Promise<void> {
  const db = new Database(path);
  const file = join(path, '..', `XX-${Date.now()}.txt`);
  writeFileSync(file, dump);
  await importDump(db, file);
  writeFileSync(`${file}.admin1`, 'SY.01\tAleppo\tAleppo\t1\nIQ.01\tNineveh\tNineveh\t2\nLB.02\tBeirut\tBeirut\t3\n');
  await importDump(db, `${file}.admin1`);
  ensureIndexes(db);
  db.close();
}

test('the lookup file answers exactly as the SQL lookups do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lookup-'));
  try {
    const path = syntheticGazetteer(dir);
    await fill(path, syntheticDump(1500, random(7)));
    const writer = new Database(path);
    // an alias row with a fixed precision, as the alias file writes them
    writer.prepare("INSERT INTO names (key, place_id, cc, skel, kind, precision) VALUES ('waer', 1003, 'SY', 'wr', 2, 2)").run();
    writeLookupIndex(writer, path);
    const indexed = new Gazetteer(path, writer);
    const plain = new Gazetteer(path, new Database(path));
    plain.db.prepare("DELETE FROM meta WHERE k LIKE 'lookup%'").run();
    plain.refresh();
    assert.equal(indexed.indexed, true);
    assert.equal(plain.indexed, false);
    const rows = writer.prepare('SELECT DISTINCT key, skel, cc, place_id AS id FROM names').all() as { key: string; skel: string; cc: string; id: number }[];
    assert.ok(rows.length > 1000, `${rows.length} names`);
    let nonEmpty = 0;
    for (const r of rows) {
      const hit = indexed.byKey(r.key);
      assert.deepEqual(hit, plain.byKey(r.key), `byKey ${r.key}`);
      nonEmpty += hit.length > 1 ? 1 : 0;
      for (const cc of [r.cc, 'IQ']) assert.deepEqual(indexed.bySkeleton(cc, r.skel), plain.bySkeleton(cc, r.skel), `bySkeleton ${cc} ${r.skel}`);
      assert.deepEqual(indexed.bySkeletonAnywhere(r.skel), plain.bySkeletonAnywhere(r.skel), `bySkeletonAnywhere ${r.skel}`);
      assert.deepEqual(indexed.place(r.id), plain.place(r.id), `place ${r.id}`);
      const e = indexed.place(r.id)!;
      assert.equal(indexed.nearestAdmin1(e.cc, e.lat, e.lon), plain.nearestAdmin1(e.cc, e.lat, e.lon), `nearestAdmin1 of ${r.id}`);
    }
    assert.ok(nonEmpty > 100, 'many keys have namesakes');
    for (const miss of ['nowhere', skeleton(nameKey('Nowhereville'))]) {
      assert.deepEqual(indexed.byKey(miss), []);
      assert.deepEqual(indexed.bySkeletonAnywhere(miss), []);
    }
    assert.equal(indexed.place(1), null);
    for (const w of ['market', 'hassan', 'aleppo']) assert.equal(indexed.wordClass(w), plain.wordClass(w));
    assert.equal(indexed.byKey('waer')[0]?.precision, 2);
    indexed.close();
    plain.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an open gazetteer notices an import by another connection and reloads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lookup-'));
  try {
    const path = syntheticGazetteer(dir);
    await fill(path, syntheticDump(200, random(11)));
    const gaz = openGazetteer({ path });
    assert.equal(gaz.indexed, true, 'openGazetteer writes the missing lookup file');
    assert.deepEqual(gaz.byKey('qwertyville'), []);
    // another process imports a new place and rewrites the lookup file (as `sitrep gazetteer import` does)
    await fill(path, syntheticDump(1, random(3), 990_000).replace(/^(\d+)\t[^\t]+\t/, '$1\tQwertyville\t'));
    assert.equal(gaz.refresh(), true, 'the commit is seen');
    assert.equal(gaz.indexed, false, 'the old lookup file no longer matches');
    assert.equal(gaz.byKey('qwertyville')[0]?.id, 990_000, 'the new name is found through SQL');
    const other = new Database(path);
    writeLookupIndex(other, path);
    assert.equal(currentLookupToken(other, path) !== null, true);
    other.close();
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(gaz.indexed, true, 'the rewritten lookup file is taken up without a call to refresh');
    assert.equal(gaz.byKey('qwertyville')[0]?.id, 990_000);
    gaz.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a gazetteer opened while another process holds the write lock does not wait: SQL serves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lookup-'));
  try {
    const path = syntheticGazetteer(dir);
    await fill(path, syntheticDump(50, random(5)));
    const writer = new Database(path);
    writer.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const gaz = openGazetteer({ path });
    assert.ok(Date.now() - started < 2000, 'no wait for the lock');
    assert.equal(gaz.indexed, false);
    const name = (writer.prepare('SELECT key FROM names LIMIT 1').pluck().get() as string);
    assert.ok(gaz.byKey(name).length > 0, 'lookups go through SQL');
    writer.exec('ROLLBACK');
    writer.close();
    gaz.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a gazetteer of an older layout that holds imported files is not rebuilt away', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-old-'));
  try {
    const path = syntheticGazetteer(dir);
    const db = new Database(path);
    db.prepare("UPDATE meta SET v = '1' WHERE k = 'schema'").run();
    db.prepare("INSERT INTO imports (file, rows, at) VALUES ('SY.txt', 1200, '2026-11-26')").run();
    db.close();
    assert.throws(() => openGazetteer({ path }), /holds imported GeoNames files; a rebuild would lose them/);
    const after = new Database(path, { readonly: true });
    assert.equal((after.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n, 1, 'the import is still recorded');
    after.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
