import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Gazetteer, GazEntry } from './gazetteer.ts';
import type { Recognized } from './recognize.ts';
import { countryFocus } from './focus.ts';
import { resolveAll } from './resolve.ts';

// Resolution alone, on hand-made candidates: no gazetteer file is needed.
const gaz = { bySkeleton: () => [] } as unknown as Gazetteer;

function entry(id: number, name: string, cc: string, fcode: string, population: number, lat: number, lon: number, kind = 0): GazEntry {
  return { id, name, lat, lon, fclass: fcode.startsWith('PPL') ? 'P' : 'A', fcode, cc, admin1: null, admin2: null, population, source: 't', matched: name.toLowerCase(), kind, precision: null };
}

function mention(text: string, candidates: GazEntry[], at: number): Recognized {
  return { start: at, end: at + text.length, text, sentence: 0, first: 0, last: 0, key: text.toLowerCase(), candidates, via: 'name', use: 'place', demonymOf: null, areaWord: null, locative: false };
}

test('country focus: a name never votes for itself, however often it recurs', () => {
  const jordan = () => mention('Jordan', [entry(-1, 'Jordan', 'JO', 'PCLI', 11_000_000, 31, 36), entry(5, 'Jordan', 'US', 'PPL', 6000, 44.7, -93.6)], 0);
  const focus = countryFocus([jordan(), jordan(), mention('Minnesota', [entry(-2, 'Minnesota', 'US', 'ADM1', 5_000_000, 46, -94)], 20)]);
  assert.equal(focus('jordan').get('JO'), undefined, 'Jordan alone is no evidence for Jordan');
  assert.equal(focus('jordan').get('US'), 1);
  assert.equal(focus('minnesota').get('JO'), 1);
});

test('an imported GeoNames country or admin1 replaces the bundled twin and keeps the larger population', () => {
  const bundled = entry(-163, 'Syria', 'SY', 'PCLI', 25_000_000, 35, 38);
  const geonames = entry(163843, 'Syria', 'SY', 'PCLI', 0, 35.00845, 38.288461);
  const [r] = resolveAll([mention('Syria', [bundled, geonames], 0)], gaz);
  assert.equal(r.best?.id, 163843);
  assert.equal(r.best?.population, 25_000_000);
  assert.equal(r.ranked.length, 1);
});

test('a spelling variant does not beat a first-level area bearing the name', () => {
  const state = entry(-3, 'New York', 'US', 'ADM1', 20_000_000, 43, -75.5);
  const variant = entry(7, 'Newark on Trent', 'GB', 'PPL', 43_000, 53.07, -0.81, 3);
  const london = mention('London', [entry(8, 'London', 'GB', 'PPLC', 8_900_000, 51.5, -0.12)], 30);
  const [ny] = resolveAll([mention('New York', [state, variant], 0), london], gaz);
  assert.equal(ny.best?.fcode, 'ADM1', ny.reason);
});
