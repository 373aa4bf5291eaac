import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACLED_COLUMNS, acledRow, csvField, formatter } from './format.ts';
import type { EventRecord } from './types.ts';

const event: EventRecord = {
  id: 'abc', document_id: 'd1', event_date: '2016-05-27',
  date: { start: '2016-05-26', end: '2016-05-28', precision: 1, text: 'on Friday' },
  event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', disorder_type: 'Political violence',
  actor1: { name: 'Islamic State (Syria)', inter: 2, text: 'IS' }, actor2: { name: 'Opposition Rebels (Syria)', inter: 2, text: 'rebels' },
  assoc_actors: [], interaction: 22, civilian_targeting: false,
  location: { text: 'Marea', name: 'Mari`', geonameid: 167245, lat: 36.48, lon: 37.2, admin1: 'Aleppo', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 1 },
  fatalities: { low: 3, best: null, high: null, text: 'at least 3, "reportedly"' }, injuries: null,
  sources: [{ outlet: 'Reuters', claimed_by: 'Syrian Observatory for Human Rights', document_id: 'd1', sentence: 's', start: 0, end: 1 }],
  confidence: 0.8, notes: 'On 27 May 2016, IS took ground, "quickly".', plover: { event: 'ASSAULT', mode: 'firearms' },
};

test('CSV fields are quoted only when they must be', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, "b"'), '"a, ""b"""');
  assert.equal(csvField(null), '');
});

test('acled-csv: ACLED columns in ACLED order, one row per event, other records skipped', () => {
  const f = formatter('acled-csv', { codedAt: new Date('2026-11-25T20:00:00Z') });
  const text = f.header + f.row(event) + f.row({ document_id: 'x', error: 'bad' }) + f.footer;
  const [header, row, ...rest] = text.trim().split('\n');
  assert.deepEqual(header.split(','), [...ACLED_COLUMNS]);
  assert.equal(rest.length, 0);
  assert.ok(row.startsWith('SYR-abc,2016-05-27,2016,1,Political violence,Battles,Non-state actor overtakes territory,Islamic State (Syria),,2,'));
  assert.ok(row.includes(',Mari`,36.48,37.2,1,Reuters citing Syrian Observatory for Human Rights,'));
  assert.ok(row.endsWith('"On 27 May 2016, IS took ground, ""quickly"".",3,,1795636800'), 'timestamp: the time of coding, 2026-11-25T20:00Z');
  assert.ok(row.includes(',,760,Middle East,Syria,Aleppo,'), 'numeric ISO code and ACLED region of the country');
});

test('acled-csv: region and ISO code by country, ACLED figures for vague tolls, no country no code', () => {
  const at = (e: EventRecord) => acledRow(e, { codedAt: new Date(0) });
  const mexico = at({ ...event, location: { ...event.location!, country: 'Mexico', iso3: 'MEX' } });
  assert.deepEqual([mexico.iso, mexico.region, mexico.timestamp], [484, 'Central America', 0]);
  assert.deepEqual([at({ ...event, location: { ...event.location!, iso3: 'AFG' } }).region, at({ ...event, location: { ...event.location!, iso3: 'IND' } }).region], ['Caucasus and Central Asia', 'Southern Asia']);
  const nowhere = at({ ...event, location: null });
  assert.deepEqual([nowhere.iso, nowhere.region], [null, null]);
  const dozens = at({ ...event, fatalities: { low: 24, best: null, high: 99, acled: 12, text: 'killing dozens' } });
  assert.equal(dozens.fatalities, 12);
});

test('hxl: a header row, then one hashtag per column; the two actors are told apart', () => {
  const h = formatter('hxl');
  const [names, tags, row] = (h.header + h.row(event)).trim().split('\n').map((l) => l.split(','));
  assert.equal(names.length, tags.length);
  for (const t of tags) assert.match(t, /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/, t);
  assert.equal(new Set(tags).size, tags.length);
  assert.equal(row[tags.indexOf('#group+name+first')], 'Islamic State (Syria)');
  assert.equal(row[tags.indexOf('#group+name+second')], 'Opposition Rebels (Syria)');
  assert.equal(names[tags.indexOf('#group+name+first')], 'actor1');
});

test('geojson: a FeatureCollection with [lon, lat] points; json is one array', () => {
  const g = formatter('geojson');
  const fc = JSON.parse(g.header + g.row(event) + g.row({ ...event, id: 'nowhere', location: null }) + g.footer);
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(fc.features[0].geometry, { type: 'Point', coordinates: [37.2, 36.48] });
  assert.equal(fc.features[1].geometry, null);
  const j = formatter('json');
  assert.equal(JSON.parse(j.header + j.row(event) + j.row({ document_id: 'x', error: 'bad' }) + j.footer).length, 2);
  const p = formatter('plover');
  assert.equal(JSON.parse(p.row(event)).event_type, 'ASSAULT');
});

test('data/events/acled-countries.json: every country has an ISO numeric code and an ACLED region', async () => {
  const { default: file } = await import('../../data/events/acled-countries.json', { with: { type: 'json' } });
  assert.ok(file.$comment.length > 80);
  const regions = new Set(['Western Africa', 'Middle Africa', 'Eastern Africa', 'Southern Africa', 'Northern Africa', 'Middle East', 'Southern Asia',
    'South-Eastern Asia', 'Eastern Asia', 'Caucasus and Central Asia', 'Europe', 'North America', 'Central America', 'South America', 'Caribbean', 'Oceania', 'Antarctica']);
  const codes = new Set<number>();
  for (const [iso3, c] of Object.entries(file.countries) as [string, { iso: number; region: string }][]) {
    assert.match(iso3, /^[A-Z]{3}$/);
    assert.ok(Number.isInteger(c.iso) && c.iso >= 0 && c.iso < 1000, `${iso3} iso ${c.iso}`);
    assert.ok(regions.has(c.region), `${iso3} region ${c.region}`);
    assert.ok(c.iso === 0 || !codes.has(c.iso), `${iso3}: ISO code ${c.iso} twice`);
    codes.add(c.iso);
  }
});
