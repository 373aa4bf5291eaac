/**
 * Event search: the date-keyed index (every page plan against a plain
 * filter-and-sort of the same events), accent folding on both engines, the
 * upgrade of an existing SQLite database, and PostgreSQL's case-insensitive
 * admin1.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventRecord } from '../events/types.ts';
import { COUNT_CAP, searchText } from './rows.ts';
import { SqliteStore } from './sqlite/index.ts';
import { migrations } from './sqlite/migrate.ts';
import type { EventQuery, SortKey, Store } from './types.ts';
import pg from 'pg';
import { openStore } from './index.ts';
import { migrations as pgMigrations } from './postgres/migrate.ts';
import { ENGINES, freshSchema, PG_SKIP } from '../../test/pg-engines.ts';
import { bundle, event } from '../../test/store-fixtures.ts';

interface Row { rowid: number; id: string; date: string | null; country: string; type: string; fatalities: number | null; rejected: boolean; words: string[] }

/** Enough events that a common word matches more than COUNT_CAP of them, written as the bench writes its copies. */
function bulk(store: SqliteStore, n: number, withoutFigure = 0.5): Row[] {
  const db = store.db;
  const rows: Row[] = [];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const t = '2024-01-01T00:00:00Z';
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const day = Math.floor(rand() * 900);
      const date = i % 97 === 0 ? null : new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const words = [rand() < 0.85 ? 'killed' : 'wounded', ...(rand() < 0.04 ? ['shelling'] : [])];
      const row: Row = {
        rowid: i, id: `ev-${i}`, date, country: rand() < 0.003 ? 'Iraq' : rand() < 0.05 ? 'Yemen' : 'Syria', type: rand() < 0.1 ? 'Riots' : 'Battles',
        fatalities: rand() >= withoutFigure ? Math.floor(rand() * 50) : null, rejected: i % 53 === 0, words,
      };
      rows.push(row);
      db.run(`INSERT INTO events (rowid, id, event_date, date_start, date_end, event_type, sub_event_type, country, admin1, fatalities_low,
          has_fatalities, confidence, review_state, source_count, document_ids, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'x', ?, 'A', ?, ?, 0.5, ?, 1, '[]', ?, ?)`,
      i, row.id, date, date, date, row.type, row.country, row.fatalities, row.fatalities === null ? 0 : 1, row.rejected ? 'rejected' : 'unreviewed', t, t);
      db.run('INSERT INTO event_records (rowid, record) VALUES (?, ?)', i, JSON.stringify({ id: row.id }));
      db.run('INSERT INTO events_fts (rowid, text) VALUES (?, ?)', i, `${words.join(' ')} in ${row.country}`);
    }
  });
  return rows;
}

/** What a page must be: filter every event, sort, slice. */
function expected(rows: Row[], q: EventQuery & { word: string }): { ids: string[]; total: number } {
  const sort: SortKey = q.sort ?? '-event_date';
  const key = (r: Row) => (sort.endsWith('event_date') ? r.date : r.fatalities);
  const cmp = (a: Row, b: Row) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka === kb ? a.rowid - b.rowid : ka === null ? -1 : kb === null ? 1 : ka < kb ? -1 : 1;
    return sort.startsWith('-') ? -c : c;
  };
  const same = (a: string, b?: string) => !b || a.toLowerCase() === b.toLowerCase();
  const hits = rows.filter((r) => !r.rejected && r.words.includes(q.word) && same(r.country, q.country)
    && same(r.type, q.event_type) && (q.min_fatalities === undefined || (r.fatalities !== null && r.fatalities >= q.min_fatalities)) && (!q.from || (r.date !== null && r.date >= q.from)) && (!q.to || (r.date !== null && r.date <= q.to)))
    .sort(cmp);
  return { ids: hits.slice(q.offset, q.offset + q.limit).map((r) => r.id), total: hits.length };
}

describe('event search on a date-keyed index (sqlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-search-'));
  const store = new SqliteStore(join(dir, 'store.db'));
  const rows = bulk(store, 13_000);
  const common = rows.filter((r) => r.words.includes('killed')).length;

  test('the fixture holds a common word (> COUNT_CAP matches) and a rare one', () => {
    assert.ok(common > COUNT_CAP, `${common} matches`);
    assert.ok(rows.filter((r) => r.words.includes('shelling')).length < COUNT_CAP);
  });

  const cases: (Partial<EventQuery> & { word: string })[] = [
    { word: 'killed' },
    { word: 'killed', offset: 400 },
    { word: 'killed', sort: 'event_date' },
    { word: 'killed', offset: 9_000, sort: 'event_date' },
    { word: 'killed', from: '2015-03-01', to: '2015-03-31' },
    { word: 'killed', from: '2016-01-01' },
    { word: 'killed', country: 'Yemen' },
    { word: 'killed', country: 'Yemen', offset: 100, sort: 'event_date' },
    { word: 'killed', country: 'Iraq' },
    { word: 'killed', country: 'YEMEN', event_type: 'riots' },
    { word: 'killed', event_type: 'riots', sort: 'event_date', offset: 20 },
    { word: 'killed', country: 'Syria', min_fatalities: 10 },
    { word: 'killed', country: 'Iraq', sort: '-fatalities', offset: 5 },
    { word: 'killed', event_type: 'Battles' },
    { word: 'killed', event_type: 'Battles', from: '2015-06-01', to: '2015-12-31', offset: 60 },
    { word: 'killed', sort: '-fatalities' },
    { word: 'killed', event_type: 'Battles', sort: 'fatalities', offset: 30 },
    { word: 'killed', event_type: 'Battles', sort: 'fatalities', offset: 9_000 },
    { word: 'killed', country: 'Yemen', sort: 'fatalities' },
    // read figure by figure (migration 010's tokens): across figures, into the events without one, with dates and facets
    { word: 'killed', sort: 'fatalities' },
    { word: 'killed', sort: '-fatalities', offset: 700, limit: 100 },
    { word: 'killed', sort: '-fatalities', offset: 5_600 },
    { word: 'killed', sort: 'fatalities', offset: 5_500 },
    { word: 'killed', from: '2015-03-01', to: '2016-01-31', sort: '-fatalities', offset: 40 },
    { word: 'killed', event_type: 'Battles', sort: '-fatalities', offset: 120 },
    { word: 'shelling' },
    { word: 'shelling', country: 'Syria', sort: 'event_date', offset: 10 },
    { word: 'wounded', to: '2015-06-30' },
  ];
  for (const c of cases) {
    const { word, ...rest } = c;
    test(`q=${word} ${JSON.stringify(rest)} pages as a full filter-and-sort would`, async () => {
      const q: EventQuery & { word: string } = { limit: 50, offset: 0, ...c, q: word };
      const want = expected(rows, q);
      const got = await store.listEvents(q);
      assert.deepEqual(got.items.map((e) => e.id), want.ids);
      assert.equal(got.total, Math.min(want.total, COUNT_CAP));
      assert.equal(got.total_exact, want.total <= COUNT_CAP);
    });
  }

  test('undated events come last newest first, first oldest first', async () => {
    const undated = rows.filter((r) => r.date === null && !r.rejected && r.words.includes('shelling'));
    if (undated.length === 0) return;
    const all = await store.listEvents({ q: 'shelling', limit: 1000, offset: 0 });
    assert.equal(all.items.at(-1)!.id, expected(rows, { word: 'shelling', q: 'shelling', limit: 1000, offset: 0 }).ids.at(-1));
  });

  test('a search by fatalities is right when a figure has no token (negative)', async () => {
    const db = store.db;
    const row = rows.find((r) => r.words.includes('killed') && !r.rejected && r.fatalities !== null)!;
    const reindex = () => {
      db.run('UPDATE events SET fatalities_low = ? WHERE rowid = ?', row.fatalities, row.rowid);
      db.run('DELETE FROM events_fts WHERE rowid = ?', row.rowid);
      db.run('INSERT INTO events_fts (rowid, text) VALUES (?, ?)', row.rowid, `${row.words.join(' ')} in ${row.country}`);
    };
    const was = row.fatalities;
    row.fatalities = -1;
    reindex();
    try {
      for (const sort of ['fatalities', '-fatalities'] as const) {
        for (const offset of [0, 5_600]) {
          const q = { word: 'killed', q: 'killed', limit: 50, offset, sort };
          assert.deepEqual((await store.listEvents(q)).items.map((e) => e.id), expected(rows, q).ids, `${sort} ${offset}`);
        }
      }
    } finally {
      row.fatalities = was;
      reindex();
    }
  });

  test('a deleted event leaves the index; a re-indexed one moves to its new date', async () => {
    const db = store.db;
    const keys = () => db.get<{ n: number }>('SELECT count(*) AS n FROM event_search_keys')!.n;
    const before = keys();
    db.run('DELETE FROM events WHERE rowid = 5');
    assert.equal(keys(), before - 1);
    assert.equal(db.get('SELECT 1 FROM events_search WHERE events_search MATCH ? AND rowid & 4294967295 = 5', 'killed OR wounded'), undefined);
    // the write path: the row gets its new date, then its words are replaced by event rowid
    db.run("UPDATE events SET event_date = '2030-01-01', review_state = 'unreviewed' WHERE rowid = 6");
    db.run('DELETE FROM events_fts WHERE rowid = ?', 6);
    db.run('INSERT INTO events_fts (rowid, text) VALUES (?, ?)', 6, 'moved killed');
    const page = await store.listEvents({ q: 'killed', limit: 1, offset: 0 });
    assert.deepEqual(page.items.map((e) => e.id), ['ev-6']);
    assert.equal(keys(), before - 1);
  });

  test.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

const ACCENTED = 'Government shelling hit Qaṭanā and Huế; a Việt reporter saw it.';

describe('a search by fatalities through a figure of many events (sqlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-figures-'));
  const store = new SqliteStore(join(dir, 'store.db'));
  // more than 20,000 events without a figure: their page is looked for by walking them first
  const rows = bulk(store, 22_000, 0.97);
  for (const c of [{ sort: 'fatalities' as SortKey }, { sort: 'fatalities' as SortKey, offset: 60 }, { sort: 'fatalities' as SortKey, offset: 300 },
    { sort: 'fatalities' as SortKey, limit: 90 }, { sort: '-fatalities' as SortKey, offset: 600 }, { sort: 'fatalities' as SortKey, from: '2015-02-01', to: '2015-12-31' }]) {
    for (const word of ['killed', 'wounded']) {
      test(`q=${word} ${JSON.stringify(c)} pages as a full filter-and-sort would`, async () => {
        const q: EventQuery & { word: string } = { limit: 50, offset: 0, ...c, word, q: word };
        const want = expected(rows, q);
        const got = await store.listEvents(q);
        assert.deepEqual(got.items.map((e) => e.id), want.ids);
        assert.equal(got.total, Math.min(want.total, COUNT_CAP));
      });
    }
  }

  test.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

test('a search by fatalities follows a reviewer\'s correction of the figure (the write path re-tokens the event)', async () => {
  const store = openStore(':memory:');
  try {
    const day = (i: number) => new Date(Date.UTC(2012, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const text = 'Islamic State fighters took Marea.';
    const events = Array.from({ length: 2_100 }, (_, i) => event({
      id: `f${i}`, document_id: 'figs', sentence: text, event_date: day(i), date: { start: day(i), end: day(i), precision: 1, text: null },
      fatalities: i % 2 ? null : { low: i % 7, best: i % 7, high: i % 7, text: String(i % 7) },
    }));
    const { events: ids } = await store.addDocument(bundle('figs', text, events));
    const top = async () => (await store.listEvents({ q: 'Marea', sort: '-fatalities', limit: 3, offset: 0 })).items.map((e) => e.fatalities?.low ?? null);
    assert.deepEqual(await top(), [6, 6, 6]);
    await store.reviewEvent(ids[1], { fields: { fatalities: { low: 40, best: 40, high: 40, text: '40' } } });
    assert.deepEqual(await top(), [40, 6, 6]);
    await store.reviewEvent(ids[1], { fields: { fatalities: null } });
    assert.deepEqual(await top(), [6, 6, 6]);
  } finally {
    await store.close();
  }
});

interface Placed { rowid: number; id: string; date: string | null; lat: number | null; lon: number | null; actors: string[]; rejected: boolean }

/** Events with points and actors, written as the write path indexes them (R*Tree, actor rows). */
function placed(store: SqliteStore, n: number): Placed[] {
  const db = store.db;
  const rows: Placed[] = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const names = ['Islamic State (Syria)', 'Islamic State (Iraq)', 'Military Forces of Syria (2000-)', 'Civilians (Syria)'];
  const t = '2024-01-01T00:00:00Z';
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const date = i % 89 === 0 ? null : new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 400) * 86_400_000).toISOString().slice(0, 10);
      // a grid of hundredths, so no point sits on a box's edge (R*Tree coordinates are 32-bit floats)
      const located = i % 41 !== 0;
      const row: Placed = {
        rowid: i, id: `pl-${i}`, date, lat: located ? Math.round((30 + rand() * 10) * 100) / 100 : null, lon: located ? Math.round((-5 + rand() * 15) * 100) / 100 : null,
        actors: [...new Set([names[Math.floor(rand() * names.length)], ...(rand() < 0.3 ? [names[Math.floor(rand() * names.length)]] : [])])],
        rejected: i % 37 === 0,
      };
      rows.push(row);
      db.run(`INSERT INTO events (rowid, id, event_date, date_start, date_end, event_type, sub_event_type, lat, lon, has_fatalities, confidence,
          review_state, source_count, document_ids, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, 'Battles', 'x', ?, ?, 0, 0.5, ?, 1, '[]', ?, ?)`, i, row.id, date, date, date, row.lat, row.lon, row.rejected ? 'rejected' : 'unreviewed', t, t);
      db.run('INSERT INTO event_records (rowid, record) VALUES (?, ?)', i, JSON.stringify({ id: row.id }));
      if (located) db.run('INSERT INTO events_rtree (rowid, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)', i, row.lon, row.lon, row.lat, row.lat);
      for (const name of row.actors) db.run('INSERT INTO event_actors (name, visible, event_date, event_rowid) VALUES (?, ?, ?, ?)', name, row.rejected ? 0 : 1, date ?? '', i);
    }
  });
  return rows;
}

describe('bbox and actor pages (sqlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-place-'));
  const store = new SqliteStore(join(dir, 'store.db'));
  const rows = placed(store, 6_000);
  const byDate = (sort: SortKey) => (a: Placed, b: Placed) => {
    const c = a.date === b.date ? a.rowid - b.rowid : a.date === null ? -1 : b.date === null ? 1 : a.date < b.date ? -1 : 1;
    return sort.startsWith('-') ? -c : c;
  };
  const check = async (q: EventQuery, keep: (r: Placed) => boolean) => {
    const hits = rows.filter((r) => !r.rejected && keep(r) && (!q.from || (r.date !== null && r.date >= q.from)) && (!q.to || (r.date !== null && r.date <= q.to)))
      .sort(byDate(q.sort ?? '-event_date'));
    const got = await store.listEvents(q);
    assert.deepEqual(got.items.map((e) => e.id), hits.slice(q.offset, q.offset + q.limit).map((r) => r.id), JSON.stringify(q));
    assert.equal(got.total, Math.min(hits.length, COUNT_CAP));
  };

  const boxes: [number, number, number, number][] = [[-5.005, 29.995, 10.005, 40.005], [0.005, 32.005, 4.005, 35.005], [2.005, 33.005, 2.505, 33.505], [8.005, 38.005, 20.005, 45.005]];
  for (const bbox of boxes) {
    for (const extra of [{}, { sort: 'event_date' as SortKey, offset: 30 }, { offset: 400 }, { from: '2015-03-01', to: '2015-06-30' }]) {
      test(`bbox ${bbox.join(',')} ${JSON.stringify(extra)}: the date-place walk or the R*Tree pages as a full filter-and-sort`, () =>
        check({ limit: 50, offset: 0, bbox, ...extra }, (r) => r.lat !== null && r.lon! >= bbox[0] && r.lon! <= bbox[2] && r.lat >= bbox[1] && r.lat <= bbox[3]));
    }
  }

  for (const dates of [{ from: '2015-03-01', to: '2015-06-30' }, { from: '2015-02-01', sort: 'event_date' as SortKey, offset: 120 }, { to: '2015-05-01', offset: 400 }]) {
    test(`dates alone ${JSON.stringify(dates)}: the date index walked in order pages as a full filter-and-sort`, () =>
      check({ limit: 50, offset: 0, ...dates }, () => true));
  }

  for (const actor of ['Islamic State (Syria)', 'islamic state (iraq)', 'Islamic State', 'Military', 'Civilians (Syria)']) {
    for (const extra of [{}, { sort: 'event_date' as SortKey, offset: 200 }]) {
      test(`actor ${actor} ${JSON.stringify(extra)}: one name paged from the actor index, several by the general path`, () =>
        check({ limit: 50, offset: 0, actor, ...extra }, (r) => r.actors.some((a) => a.toLowerCase().startsWith(actor.toLowerCase()))));
    }
  }

  test.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('accent folding and an upgraded database (sqlite)', () => {
  test('a store at migration 006 gets its events searchable by every word the write path would index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-search-up-'));
    try {
      const path = join(dir, 'old.db');
      const raw = new Database(path);
      for (const m of migrations().filter((m) => m.version <= 6)) raw.exec(m.sql);
      raw.pragma('user_version = 6');
      const record: EventRecord = event({ id: 'x', document_id: 'd', sentence: ACCENTED, location: { ...event({ id: 'x', document_id: 'd', sentence: '' }).location!, name: 'Qaṭanā', text: 'Qatana' } });
      raw.prepare(`INSERT INTO events (rowid, id, event_date, event_type, sub_event_type, confidence, source_count, document_ids, created_at, updated_at)
        VALUES (1, 'ev-x', '2016-05-27', 'Battles', 'x', 0.5, 1, '[]', '', '')`).run();
      raw.prepare('INSERT INTO event_records (rowid, record) VALUES (1, ?)').run(JSON.stringify(record));
      raw.prepare('INSERT INTO events_fts (rowid, text) VALUES (1, ?)').run(searchText(record));
      raw.close();
      const store = new SqliteStore(path);
      try {
        const words = [...new Set(searchText(record).match(/[\p{L}\p{N}]+/gu)!)];
        for (const w of words) assert.equal((await store.listEvents({ q: w, limit: 5, offset: 0 })).total, 1, w);
        for (const w of ['Qatana', 'Hue', 'viet', 'VIỆT']) assert.equal((await store.listEvents({ q: w, limit: 5, offset: 0 })).total, 1, w);
        assert.equal((await store.listEvents({ q: 'Damascus', limit: 5, offset: 0 })).total, 0);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function withStore(open: () => Promise<{ store: Store; cleanup(): Promise<void> }>, fn: (store: Store) => Promise<void>): Promise<void> {
  const o = await open();
  try {
    await fn(o.store);
  } finally {
    await o.cleanup();
  }
}

for (const engine of ENGINES) {
  describe(`search and admin1 on ${engine.name}`, { skip: engine.skip }, () => {
    test('a word is found whatever its accents, in events and documents', () => withStore(engine.open, async (store) => {
      await store.addDocument(bundle('acc', ACCENTED, [event({ id: 'a', document_id: 'acc', sentence: ACCENTED })]));
      for (const w of ['Qatana', 'qaṭanā', 'hue', 'HUẾ', 'Viet', 'Việt']) {
        assert.equal((await store.listEvents({ q: w, limit: 5, offset: 0 })).total, 1, `event: ${w}`);
        assert.equal((await store.searchDocuments({ q: w, limit: 5, offset: 0 })).total, 1, `document: ${w}`);
      }
      assert.equal((await store.listEvents({ q: 'Qatana Aleppo', limit: 5, offset: 0 })).total, 1);
      assert.equal((await store.listEvents({ q: 'Qatana Damascus', limit: 5, offset: 0 })).total, 0);
    }));

    test('admin1 is one area whatever its case, to filter and to count', () => withStore(engine.open, async (store) => {
      const place = event({ id: 'p', document_id: 'p', sentence: '' }).location!;
      const at = (doc: string, admin1: string, date: string, type = 'Battles') => store.addDocument(bundle(doc, `Fighting in ${doc} on ${date}.`, [event({
        id: doc, document_id: doc, sentence: `Fighting in ${doc}.`, event_type: type, event_date: date, date: { start: date, end: date, precision: 1, text: date },
        location: { ...place, admin1, lat: null, lon: null, geonameid: null },
      })]));
      await at('one', 'Aleppo', '2016-01-01');
      await at('two', 'ALEPPO', '2016-03-01', 'battles');
      await at('three', 'Idlib', '2016-05-01');
      await at('four', 'Ḩalab', '2016-06-01');
      assert.equal((await store.listEvents({ admin1: 'aleppo', limit: 5, offset: 0 })).total, 2);
      // with a search, the filters are tokens of the search index on SQLite: the same equality
      assert.equal((await store.listEvents({ q: 'fighting', admin1: 'aleppo', limit: 5, offset: 0 })).total, 2);
      assert.equal((await store.listEvents({ q: 'fighting', admin1: 'ḨALAB', event_type: 'BATTLES', limit: 5, offset: 0 })).total, 1);
      assert.equal((await store.listEvents({ q: 'fighting', admin1: 'Idlib', event_type: 'Riots', limit: 5, offset: 0 })).total, 0);
      const byAdmin1 = await store.aggregate('admin1', {});
      assert.deepEqual(byAdmin1.map((r) => [r.key?.toLowerCase(), r.events]), [['aleppo', 2], ['idlib', 1], ['ḩalab', 1]]);
      const byType = await store.aggregate('event_type', {});
      assert.deepEqual(byType.map((r) => [r.key?.toLowerCase(), r.events]), [['battles', 4]]);
    }));
  });
}

describe('an upgraded database (postgres)', { skip: PG_SKIP }, () => {
  test('events stored before migration 006 are found without their accents', async () => {
    const schema = await freshSchema();
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      const extensions = new Set((await client.query<{ extname: string }>('SELECT extname FROM pg_extension')).rows.map((r) => r.extname));
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const m of pgMigrations().filter((m) => m.version <= 5 && (!m.requires || extensions.has(m.requires)))) {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      const record = event({ id: 'x', document_id: 'd', sentence: ACCENTED });
      await client.query(`INSERT INTO events (id, event_date, event_type, sub_event_type, confidence, source_count, document_ids, record, search, created_at, updated_at)
        VALUES ('ev-x', '2016-05-27', 'Battles', 'x', 0.5, 1, '[]', $1, to_tsvector('simple', $2), '', '')`, [JSON.stringify({ ...record, id: 'ev-x' }), searchText(record)]);
    } finally {
      await client.end();
    }
    const store = openStore(schema.url);
    try {
      for (const w of ['Qatana', 'hue', 'Việt', 'shelling']) assert.equal((await store.listEvents({ q: w, limit: 5, offset: 0 })).total, 1, w);
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});
