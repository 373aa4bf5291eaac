/** Exports of stored events: ACLED CSV that parses as-is, valid GeoJSON, HXL with its hashtag row. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/index.ts';
import { exportEvents } from '../src/serve/formats.ts';
import type { ExportFormat } from '../src/serve/formats.ts';
import { ACLED_COLUMNS } from '../src/events/format.ts';
import { bundle, event } from './store-fixtures.ts';
import { ENGINES } from './pg-engines.ts';

const TRICKY = 'Fighters said "we hold the road", then left;\nothers, unnamed, stayed.';

async function fixture(): Promise<Store> {
  const store = openStore(':memory:');
  const a = 'IS took Marea, a monitor said.';
  const b = 'Shelling hit Homs; two, maybe "three", died.';
  await store.addDocument(bundle('a', a, [event({ id: 'x', document_id: 'a', sentence: a, notes: TRICKY })]));
  await store.addDocument(bundle('b', b, [event({
    id: 'y', document_id: 'b', sentence: b, event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack',
    location: null, fatalities: { low: 2, best: 2, high: 3, text: 'two, maybe "three"' },
  })]));
  return store;
}

async function text(store: Store, format: ExportFormat): Promise<string> {
  let out = '';
  for await (const chunk of exportEvents(store.eachEvent({}), format)) out += chunk;
  return out;
}

/** A strict RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      assert.equal(field, '', 'a quote only opens a field');
      quoted = true;
    } else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  assert.equal(quoted, false, 'no unterminated quote');
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

test('ACLED CSV: ACLED columns in order, one row per event, quoting that round-trips', async () => {
  const store = await fixture();
  const csv = await text(store, 'acled-csv');
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
  assert.equal(rows.length, 3);
  for (const r of rows) assert.equal(r.length, ACLED_COLUMNS.length);
  const notes = rows.slice(1).map((r) => r[ACLED_COLUMNS.indexOf('notes')]);
  assert.ok(notes.includes(TRICKY), 'commas, quotes and line breaks survive');
  const py = spawnSync('python3', ['-c', 'import csv,sys; rows=list(csv.reader(sys.stdin)); print(len(rows), {len(r) for r in rows})'], { input: csv, encoding: 'utf8' });
  if (py.status === 0) assert.equal(py.stdout.trim(), `3 {${ACLED_COLUMNS.length}}`, 'Python csv (the dialect pandas reads) agrees');
  await store.close();
});

test('GeoJSON export is a valid FeatureCollection', async () => {
  const store = await fixture();
  const geo = JSON.parse(await text(store, 'geojson'));
  assert.equal(geo.type, 'FeatureCollection');
  assert.equal(geo.features.length, 2);
  for (const f of geo.features) {
    assert.equal(f.type, 'Feature');
    assert.equal(typeof f.properties, 'object');
    if (f.geometry !== null) {
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
    }
  }
  await store.close();
});

test('HXL CSV: a hashtag row under the header, one tag per column', async () => {
  const store = await fixture();
  const rows = parseCsv(await text(store, 'hxl'));
  const tags = rows[1];
  assert.equal(tags.length, rows[0].length);
  for (const t of tags) assert.match(t, /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/, t);
  const has = (tag: string) => tags.some((t) => t === tag || t.startsWith(tag + '+'));
  for (const tag of ['#date', '#event+type', '#adm1+name', '#geo+lat', '#geo+lon', '#affected+killed', '#meta+source']) assert.ok(has(tag), tag);
  assert.equal(rows.length, 4);
  await store.close();
});

test('JSONL and PLOVER exports: one JSON record per event', async () => {
  const store = await fixture();
  for (const format of ['jsonl', 'plover'] as const) {
    const lines = (await text(store, format)).trim().split('\n');
    assert.equal(lines.length, 2, format);
    for (const l of lines) JSON.parse(l);
  }
  const jsonl = (await text(store, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(jsonl.every((e) => e.review && typeof e.source_count === 'number'));
  await store.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const engine of ENGINES) {
  test(`${engine.name}: an event's updated_at moves when the event changes (a merge, a correction, a split), not when re-processing changes nothing; ACLED's timestamp is it`, { skip: engine.skip }, async () => {
    const opened = await engine.open();
    const store = opened.store;
    try {
      const a = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: IS fighters advanced on villages north of Aleppo while rebels fell back toward Marea.`).join('\n');
      const first = bundle('a', a, [event({ id: 'x', document_id: 'a', sentence: 'IS took Marea on Friday, a monitor said.' })]);
      const [id] = (await store.addDocument(structuredClone(first))).events;
      const at = async () => (await store.getEvent(id))!.updated_at;
      const created = await at();
      assert.match(created, /^\d{4}-\d{2}-\d{2}T/);
      await sleep(5);
      await store.addDocument({ ...structuredClone(first), replace: true });
      assert.equal(await at(), created, 're-processing the same text changes nothing');
      await store.addDocument(bundle('b', 'Rebels said IS took Marea on Friday after a day of fighting.', [event({ id: 'y', document_id: 'b', sentence: 'Rebels said IS took Marea on Friday.' })]));
      const merged = await at();
      assert.deepEqual((await store.getEvent(id))!.document_ids.sort(), ['a', 'b'], 'the second report joined');
      assert.ok(merged > created, 'a merge changes the event');
      await sleep(5);
      await store.reviewEvent(id, { fields: { fatalities: { low: 3, best: 3, high: 3, text: 'three' } } });
      const corrected = await at();
      assert.ok(corrected > merged, 'a correction changes it');
      await sleep(5);
      await store.reviewEvent(id, { review_state: 'corrected' });
      assert.equal(await at(), corrected, 'a verdict it already had changes nothing');
      await sleep(1100);
      const csv = parseCsv(await text(store, 'acled-csv'));
      const stamp = csv[1][ACLED_COLUMNS.indexOf('timestamp')];
      assert.equal(stamp, String(Math.floor(Date.parse(corrected) / 1000)), 'the time the event last changed, not the export time');
      await sleep(5);
      const parts = (await store.splitEvent(id))!;
      assert.equal(parts.length, 2);
      for (const p of parts) assert.ok((await store.getEvent(p))!.updated_at > corrected, 'a split changes both events');
    } finally {
      await opened.cleanup();
    }
  });
}
