import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fits, statedContainers, type Span } from './containers.ts';

/** Spans of the given names, in one sentence. */
function spansOf(text: string, names: string[]): Span[] {
  let from = 0;
  return names.map((n) => {
    const start = text.indexOf(n, from);
    from = start + n.length;
    return { start, end: start + n.length, sentence: 0 };
  });
}

test('the hierarchy a note states: parentheses, "in", "of", kind words, frames', () => {
  const t1 = 'Clashes in Kabuta (Al Mansura, Aden) and in Mora village (Surat, Gujarat).';
  const c1 = statedContainers(t1, spansOf(t1, ['Kabuta', 'Al Mansura', 'Aden', 'Mora', 'Surat', 'Gujarat']), [0]);
  assert.deepEqual(c1[0].map((c) => c.index), [1, 2]);
  assert.deepEqual(c1[3].map((c) => c.index), [4, 5]);
  assert.deepEqual(c1[2], [], 'a closed parenthesis ends the chain');
  const t2 = 'Taliban attacked a post in the Chora district of Urozgan.';
  assert.deepEqual(statedContainers(t2, spansOf(t2, ['Chora', 'Urozgan']), [0])[0].map((c) => c.index), [1]);
  const t3 = 'On 9 May 2020, in Celaya, Guanajuato, armed men attacked a patrol in Camargo community.';
  const c3 = statedContainers(t3, spansOf(t3, ['Celaya', 'Guanajuato', 'Camargo']), [0]);
  assert.deepEqual(c3[2], [{ index: 0, frame: true }, { index: 1, frame: false }]);
});

test('a list of peers is no hierarchy', () => {
  const t = 'Shelling hit Aleppo, Idlib and Hama.';
  assert.ok(statedContainers(t, spansOf(t, ['Aleppo', 'Idlib', 'Hama']), [0]).every((c) => c.length === 0));
});

test("fits: inside a town's surroundings, a first-level area, or unknown", () => {
  const town = { lat: 21.2, lon: 72.83, cc: 'IN', fcode: 'PPL', admin1: 'Gujarat', name: 'Surat', population: 400_000 };
  assert.equal(fits({ ...town, lat: 21.4, name: 'Mora' }, town), 1);
  assert.equal(fits({ ...town, lat: 26, admin1: 'Uttar Pradesh', name: 'Mora' }, town), -1);
  assert.equal(fits({ ...town, lat: 22, name: 'Mora' }, town), 0, '90 km away in the same state: the gazetteer cannot tell');
  assert.equal(fits({ ...town, lat: 22, name: 'Mora' }, town, false, true), -1, 'a frame town admits only what lies by it');
  const city = { ...town, population: 4_500_000 };
  assert.equal(fits({ ...town, lat: 21.55, name: 'Kamrej' }, city), 0, 'a city admits its neighbourhoods, 39 km is beyond them');
  assert.equal(fits({ ...town, lat: 22, name: 'Mora' }, city), -1);
  assert.equal(fits({ ...town, cc: 'PK' }, town), -1);
  const state = { lat: 22.4, lon: 71.7, cc: 'IN', fcode: 'ADM1', admin1: 'Gujarat', name: 'Gujarat', population: 0 };
  assert.equal(fits(town, state), 1);
});
