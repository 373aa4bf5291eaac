import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameAdmin1Codes, type StateInfo } from './sources.ts';
import { nameKey } from './normalize.ts';

const state = (id: number, name: string, lat: number, lon: number): StateInfo => ({ id, cc: 'UA', iso2: String(id), name, lat, lon, type: 'oblast' });
const town = (name: string, admin1: string, fcode: string, lat: number, lon: number) => ({ cc: 'UA', admin1, name, asciiname: name, fcode, lat, lon, population: 1000 });

test("an admin seat names its state's adjectival form, even where the registry's point is elsewhere", () => {
  // the registry puts Donetska by Kyiv and Cherkaska inside Donetsk oblast, so votes by distance alone swap them
  const states = [state(14, 'Donetska', 50.43, 30.46), state(71, 'Cherkaska', 48.93, 37.38), state(30, 'Kyiv', 50.45, 30.52)];
  const towns = [
    town('Donetsk', '05', 'PPLA', 48.02, 37.8),
    town('Kramatorsk', '05', 'PPL', 48.72, 37.56),
    town('Cherkasy', '01', 'PPLA', 49.44, 32.06),
    town('Kyiv', '12', 'PPLC', 50.45, 30.52),
  ];
  const codes = nameAdmin1Codes(towns, states, nameKey);
  assert.equal(codes.get('UA.05')?.state.name, 'Donetska');
  assert.equal(codes.get('UA.01')?.state.name, 'Cherkaska');
  assert.equal(codes.get('UA.12')?.state.name, 'Kyiv');
});

test('a seat does not name a longer state that merely begins like it', () => {
  const states = [state(1, 'Gracias a Dios', 15.3, -84.3), state(2, 'Lempira', 14.6, -88.6)];
  const towns = [town('Gracias', '13', 'PPLA', 14.59, -88.58)];
  assert.equal(nameAdmin1Codes(towns, states, nameKey).get('UA.13')?.state.name, 'Lempira');
});
