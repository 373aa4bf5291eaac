import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { makeDoc } from '../../text/index.ts';
import { actorForCountry, findActors, loadCodebook } from './index.ts';
import type { FindOptions } from './index.ts';

const cb = loadCodebook();
const SEED = new URL('../../../../shared/seed/aleppo-2016-05.txt', import.meta.url);

function actors(text: string, published: string | null = '2020-05-01', opts: FindOptions = {}) {
  const doc = makeDoc({ id: 't', text, published });
  const found = findActors(doc, cb, opts);
  for (const m of found) assert.equal(doc.text.slice(m.start, m.end), m.text, 'span slices back to text');
  return found;
}

/** text → name pairs, for compact expectations */
function pairs(text: string, published?: string | null, opts?: FindOptions): [string, string][] {
  return actors(text, published, opts).map((m) => [m.text, m.name]);
}

test('the seed story: names that refer to the same actor', { skip: existsSync(SEED) ? false : 'needs ../shared/seed (shared folder missing)' }, () => {
  const doc = makeDoc({ id: 'seed', text: readFileSync(SEED, 'utf8'), published: '2016-05-29' });
  const found = findActors(doc, cb);
  const nameOf = (text: string) => found.filter((m) => m.text.toLowerCase() === text.toLowerCase()).map((m) => m.name);
  for (const t of ['IS', 'ISIL group', 'Islamic State', 'Islamic State fighters', 'The jihadist group']) assert.ok(nameOf(t).length > 0 && nameOf(t).every((n) => n === 'Islamic State (Syria)'), t);
  for (const t of ['Syrian rebels', 'rebels', 'the opposition', 'rebel factions']) assert.deepEqual([...new Set(nameOf(t))], ['Opposition Rebels (Syria)'], t);
  assert.deepEqual(nameOf('Free Syrian Army'), ['Free Syrian Army']);
  const syria = 'Military Forces of Syria (2000-2024)';
  assert.deepEqual(nameOf('government troops'), [syria]);
  assert.deepEqual(nameOf('forces loyal to Syrian President Bashar al-Assad'), [syria]);
  assert.deepEqual(nameOf('Kurdish-led alliance'), ['QSD: Syrian Democratic Forces']);
  const turkey = found.find((m) => m.text === "Turkey's military");
  assert.equal(turkey?.name, 'Military Forces of Turkey (2016-)');
  assert.equal(turkey?.inter, 8, 'state forces abroad are external forces');
  assert.equal(turkey?.via, 'possessive');
  assert.ok(!found.some((m) => m.text === 'Syrian Observatory' || m.name.includes('Russia')), 'no actor from the monitor or from background powers');
  for (const m of found) assert.equal(doc.text.slice(m.start, m.end), m.text);
});

test('"IS" matches only in capitals', () => {
  assert.deepEqual(pairs('The town is held by IS.', '2016-05-29', { country: 'SY' }), [['IS', 'Islamic State (Syria)']]);
  assert.deepEqual(pairs('WHAT IS HAPPENING IN THE TOWN NOW', '2016-05-29', { country: 'SY' }), []);
});

test('time-bounded names follow the report date', () => {
  assert.equal(actorForCountry(cb, 'TR', 'military', '2016-05-27')?.name, 'Military Forces of Turkey (2016-)');
  assert.equal(actorForCountry(cb, 'AF', 'military', '2020-05-01')?.name, 'Military Forces of Afghanistan (2014-2021)');
  assert.equal(actorForCountry(cb, 'AF', 'military', '2022-01-01')?.name, 'Military Forces of Afghanistan (2021-)');
  assert.equal(actorForCountry(cb, 'PH', 'police', '2020-05-01')?.name, 'Police Forces of the Philippines (2016-2022)');
  assert.equal(actorForCountry(cb, 'CD', 'civilians')?.name, 'Civilians (Democratic Republic of Congo)');
  assert.equal(actorForCountry(cb, 'XX', 'civilians'), null);
  assert.deepEqual(pairs('Houthi forces shelled the district.', '2015-04-01', { country: 'YE' }), [['Houthi forces', 'Houthi Movement - Ansar Allah']]);
  assert.deepEqual(pairs('Houthi forces shelled the district.', '2020-05-09', { country: 'YE' }), [['Houthi forces', 'Military Forces of Yemen (2016-) Supreme Political Council']]);
});
