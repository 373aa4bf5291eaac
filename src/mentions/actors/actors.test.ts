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
  assert.equal(found.find((m) => m.text === 'Free Syrian Army')?.partOf, 'Opposition Rebels (Syria)', 'the FSA is coded as associated actor of the rebels');
  const syria = 'Military Forces of Syria (2000-)';
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
  assert.deepEqual(pairs('Let them go, said a LeT commander.', '2020-05-01', { country: 'IN' }), [['LeT commander', 'LeT: Lashkar-e-Taiba']]);
});

test('time-bounded names follow the report date', () => {
  assert.equal(actorForCountry(cb, 'TR', 'military', '2016-05-27')?.name, 'Military Forces of Turkey (2016-)');
  assert.equal(actorForCountry(cb, 'AF', 'military', '2020-05-01')?.name, 'Military Forces of Afghanistan (2014-)');
  assert.equal(actorForCountry(cb, 'AF', 'military', '2022-01-01')?.name, 'Military Forces of Afghanistan (2021-)');
  assert.equal(actorForCountry(cb, 'PH', 'police', '2020-05-01')?.name, 'Police Forces of the Philippines (2016-)');
  assert.equal(actorForCountry(cb, 'CD', 'civilians')?.name, 'Civilians (Democratic Republic of Congo)');
  assert.equal(actorForCountry(cb, 'XX', 'civilians'), null);
  assert.deepEqual(pairs('Houthi forces shelled the district.', '2015-04-01', { country: 'YE' }), [['Houthi forces', 'Houthi Movement - Ansar Allah']]);
  assert.deepEqual(pairs('Houthi forces shelled the district.', '2020-05-09', { country: 'YE' }), [['Houthi forces', 'Military Forces of Yemen (2016-) Supreme Political Council']]);
});

/** [sentence, report date, country in focus (or undefined: inferred), expected [text, name] pairs in order] */
const WORLD: [string, string, string | undefined, [string, string][]][] = [
  ['Pro-Houthi forces fired artillery at positions of the Giants Brigades south of Hodeidah, while Saudi-led coalition warplanes struck Sanaa.', '2020-05-03', 'YE', [
    ['Pro-Houthi forces', 'Military Forces of Yemen (2016-) Supreme Political Council'],
    ['Giants Brigades', 'Military Forces of Yemen (2012-) Al Amaliqa Brigades'],
    ['Saudi-led coalition warplanes', 'Operation Restoring Hope']]],
  ['Forces loyal to President Hadi retook the district from the Houthis.', '2018-03-02', 'YE', [
    ['Forces loyal to President Hadi', 'Military Forces of Yemen (2012-)'],
    ['Houthis', 'Military Forces of Yemen (2016-) Supreme Political Council']]],
  ['Iraqi security forces and the Popular Mobilization Forces repelled an attack by Islamic State militants near Kirkuk.', '2019-06-10', undefined, [
    ['Iraqi security forces', 'Military Forces of Iraq (2018-)'],
    ['Popular Mobilization Forces', 'Military Forces of Iraq (2018-) Popular Mobilization Forces'],
    ['Islamic State militants', 'Islamic State (Iraq)']]],
  ['Taliban insurgents attacked a checkpoint of the Afghan National Police in Kunduz, killing five policemen.', '2020-05-01', undefined, [
    ['Taliban insurgents', 'Taliban'],
    ['Afghan National Police', 'Police Forces of Afghanistan (2014-)'],
    ['policemen', 'Police Forces of Afghanistan (2014-)']]],
  ["Forces loyal to Khalifa Haftar shelled Tripoli's Mitiga airport, and GNA forces responded.", '2020-05-09', 'LY', [
    ['Forces loyal to Khalifa Haftar', 'Military Forces of Libya (2014-) Haftar Faction'],
    ['GNA forces', 'Military Forces of Libya (2016-) Government of National Accord']]],
  ['Boko Haram fighters raided a village in Borno state, and ISWAP claimed an ambush on Nigerian troops.', '2020-05-02', undefined, [
    ['Boko Haram fighters', 'Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad'],
    ['ISWAP', 'Islamic State (West Africa)'],
    ['Nigerian troops', 'Military Forces of Nigeria (2015-)']]],
  ['Maoists killed two CRPF jawans in Sukma, Chhattisgarh.', '2020-05-02', 'IN', [
    ['Maoists', 'Naxal-Maoist Rebels (India)'],
    ['CRPF jawans', 'Police Forces of India (2014-) Central Reserve Police Force']]],
  ['Suspected CJNG members ambushed state police officers in Aguililla, Mexico.', '2020-05-02', undefined, [
    ['CJNG members', 'CJNG: Jalisco New Generation Cartel'],
    ['state police officers', 'Police Forces of Mexico (2018-) State Police']]],
  ['Unidentified gunmen shot dead a journalist in Veracruz, Mexico.', '2020-05-02', undefined, [
    ['Unidentified gunmen', 'Unidentified Armed Group (Mexico)'],
    ['a journalist', 'Journalists (Mexico)']]],
  ['Al-Shabaab militants attacked an AMISOM base in Lower Shabelle, and Somali forces repelled them.', '2020-05-02', undefined, [
    ['Al-Shabaab militants', 'Al Shabaab'],
    ['AMISOM', 'AMISOM: African Union Mission in Somalia (2007-)'],
    ['Somali forces', 'Military Forces of Somalia (2017-)']]],
  ['Al-Shabaab claimed the attack. The militant group said it killed 10 soldiers.', '2020-05-02', 'SO', [
    ['Al-Shabaab', 'Al Shabaab'],
    ['The militant group', 'Al Shabaab'],
    ['soldiers', 'Military Forces of Somalia (2017-)']]],
  ['ADF rebels killed 12 civilians in Beni territory; FARDC soldiers pursued the attackers.', '2020-05-02', 'CD', [
    ['ADF rebels', 'ADF: Allied Democratic Forces'],
    ['civilians', 'Civilians (Democratic Republic of Congo)'],
    ['FARDC soldiers', 'Military Forces of the Democratic Republic of Congo (2019-)'],
    ['attackers', 'Unidentified Armed Group (Democratic Republic of Congo)']]],
  ['The Arakan Army clashed with the Tatmadaw in Rakhine State, Myanmar.', '2020-05-02', undefined, [
    ['Arakan Army', 'ULA/AA: United League of Arakan/Arakan Army'],
    ['Tatmadaw', 'Military Forces of Myanmar (2016-)']]],
  ['Russia-backed separatists shelled Ukrainian positions near Avdiivka.', '2020-05-02', undefined, [
    ['Russia-backed separatists', 'NAF: United Armed Forces of Novorossiya'],
    ['Ukrainian', 'Military Forces of Ukraine (2019-)']]],
  ['The Pakistani Taliban claimed a bomb attack on a Frontier Corps convoy in Bajaur.', '2020-05-02', undefined, [
    ['Pakistani Taliban', 'TTP: Tehreek-i-Taliban Pakistan'],
    ['Frontier Corps', 'Military Forces of Pakistan (2018-) Frontier Corps']]],
  ['The military forces of Azerbaijan fired on positions of the Artsakh Defense Army.', '2020-05-02', undefined, [
    ['military forces of Azerbaijan', 'Military Forces of Azerbaijan (2003-)'],
    ['Artsakh Defense Army', 'Military Forces of Artsakh (2007-)']]],
  ['Unidentified aircraft struck a convoy near the border, and Turkish shelling hit Tal Rifaat.', '2020-05-02', 'SY', [
    ['Unidentified aircraft', 'Unidentified Military Forces'],
    ['Turkish', 'Military Forces of Turkey (2016-)']]],
];

test('sentences from around the world', () => {
  for (const [text, date, country, expected] of WORLD) {
    assert.deepEqual(pairs(text, date, country ? { country } : {}), expected, text);
  }
});

test('"US" is the country only in capitals; state forces abroad are external (inter 8)', () => {
  const found = actors('Officials told us that US troops had left the base.', '2020-05-02', { country: 'AF' });
  assert.deepEqual(found.map((m) => [m.text, m.name, m.inter]), [['US troops', 'Military Forces of the United States (2017-)', 8]]);
  // ACLED codes US forces in Iraq and Syria as the anti-IS coalition; "Turkish and Russian forces" share one head.
  assert.deepEqual(pairs('US forces and Turkish and Russian forces patrolled the M4 highway.', '2020-05-02', { country: 'SY' }), [
    ['US forces', 'Global Coalition Against Daesh'],
    ['Turkish', 'Military Forces of Turkey (2016-)'],
    ['Russian forces', 'Military Forces of Russia (2000-)'],
  ]);
});

test('context aliases need their country: "rebels" in Yemen are the Houthis, in Mexico nobody', () => {
  assert.deepEqual(pairs('The rebels shelled the city.', '2020-05-02', { country: 'YE' }), [['rebels', 'Military Forces of Yemen (2016-) Supreme Political Council']]);
  assert.deepEqual(pairs('The rebels shelled the city.', '2020-05-02', { country: 'MX' }), []);
  assert.deepEqual(pairs('Settlers and rebel groups were seen near the mine.', '2020-05-02', { country: 'CF' }), []);
  assert.deepEqual(pairs('Tablighi Jamaat members met Lashkar-e-Jhangvi men and the Military Police of Egypt.', '2020-05-02', { country: 'PK' }).map((p) => p[1]), ['Police Forces of Egypt (2014-)']);
  assert.deepEqual(pairs('Settlers attacked farmers near Nablus.', '2020-05-02', { country: 'PS' })[0], ['Settlers', 'Settlers (Israel)']);
});

test('before the 2016 split "Boko Haram" is one group; named communal militias may share a head', () => {
  assert.deepEqual(pairs('Boko Haram fighters raided a village.', '2015-01-10', { country: 'NG' }), [['Boko Haram fighters', 'Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad']]);
  assert.deepEqual(pairs('Fellata and Rizeigat communal militias clashed.', '2020-05-05', { country: 'SD' }), [
    ['Fellata', 'Fellata Communal Militia (Sudan)'],
    ['Rizeigat communal militias', 'Rizeigat Communal Militia (Sudan)'],
  ]);
});

test('named clan and tribal groups, and the back-off of a context alias outside its country', () => {
  assert.deepEqual(pairs('Fighting between the Habar Gedir-Saad sub-clan militia and Leelkayse clan militia killed 4.', '2020-05-01', { country: 'SO' }), [
    ['Habar Gedir-Saad sub-clan militia', 'Habar Gedir-Saad Sub-Clan Militia (Somalia)'],
    ['Leelkayse clan militia', 'Leelkayse Clan Militia (Somalia)'],
  ]);
  assert.deepEqual(pairs('Saudi forces shelled Saada, and Al Hayash tribesmen clashed with Houthis.', '2020-05-01', { country: 'YE' }), [
    ['Saudi forces', 'Operation Restoring Hope'],
    ['Al Hayash tribesmen', 'Al Hayash Tribal Militia (Yemen)'],
    ['Houthis', 'Military Forces of Yemen (2016-) Supreme Political Council'],
  ]);
  assert.deepEqual(pairs('Saudi forces arrived in Bahrain.', '2020-05-01', { country: 'BH' }), [['Saudi forces', 'Military Forces of Saudi Arabia (2015-)']]);
});

test('the country in focus comes from names, demonyms and named actors; unknown focus names no generic actor', () => {
  const found = actors('Kenyan police said gunmen attacked a bus. Residents fled.', '2020-05-02');
  assert.deepEqual(found.map((m) => [m.text, m.name]), [
    ['Kenyan police', 'Police Forces of Kenya (2013-)'],
    ['gunmen', 'Unidentified Armed Group (Kenya)'],
    ['Residents', 'Civilians (Kenya)'],
  ]);
  assert.deepEqual(pairs('Gunmen attacked a bus and residents fled.', '2020-05-02'), []);
  const titled = findActors(makeDoc({ id: 't', text: 'Gunmen attacked a bus.', title: 'Attack in northern Nigeria', published: '2020-05-02' }), cb);
  assert.deepEqual(titled.map((m) => m.name), ['Unidentified Armed Group (Nigeria)'], 'the title names the country in focus');
  assert.deepEqual(pairs('Houthi fighters attacked; civilians fled.', '2020-05-02').at(-1), ['civilians', 'Civilians (Yemen)']);
});

test("a regime's closing year is printed only in reports written after it closed", () => {
  assert.equal(actorForCountry(cb, 'SY', 'military', '2020-05-01')?.name, 'Military Forces of Syria (2000-)');
  assert.equal(actorForCountry(cb, 'SY', 'military', '2024-12-07')?.name, 'Military Forces of Syria (2000-)');
  assert.equal(actorForCountry(cb, 'SY', 'military', '2024-12-08')?.name, 'Military Forces of Syria (2024-)');
  assert.deepEqual(pairs('Forces loyal to Assad shelled the town.', '2016-05-29', { country: 'SY' }), [['Forces loyal to Assad', 'Military Forces of Syria (2000-)']]);
  assert.deepEqual(pairs('Forces loyal to Assad had shelled the town in 2016.', '2025-03-01', { country: 'SY' }), [['Forces loyal to Assad', 'Military Forces of Syria (2000-2024)']]);
  assert.deepEqual(pairs('AMISOM troops repelled the attack.', '2020-05-01', { country: 'SO' }).map((p) => p[1]), ['AMISOM: African Union Mission in Somalia (2007-)']);
});

test('regimes: a date before the first regime takes the first, no date takes the latest', () => {
  assert.equal(actorForCountry(cb, 'SY', 'military', '1995-01-01')?.name, 'Military Forces of Syria (2000-)');
  assert.equal(actorForCountry(cb, 'SY', 'military', null)?.name, 'Military Forces of Syria (2024-)');
  assert.equal(actorForCountry(cb, 'NO', 'military', '2020-01-01')?.name, 'Military Forces of Norway', 'a country without regimes has no bracket');
});

test('"the military", "the government" name the state in focus; drones after "the" do not', () => {
  assert.deepEqual(pairs('A joint operation by the military and PMF pursued IS militants.', '2020-05-05', { country: 'IQ' }), [
    ['military', 'Military Forces of Iraq (2018-)'],
    ['PMF', 'Military Forces of Iraq (2018-) Popular Mobilization Forces'],
    ['IS militants', 'Islamic State (Iraq)'],
  ]);
  assert.deepEqual(pairs('The government said the drones came from abroad.', '2020-05-05', { country: 'AZ' }), [['government', 'Government of Azerbaijan (2003-)']]);
});

test("possessive members and loyalty to an unnamed government", () => {
  assert.deepEqual(pairs("The Taliban's fighters and forces loyal to the government clashed.", '2020-05-01', { country: 'AF' }), [
    ["The Taliban's fighters", 'Taliban'],
    ['forces loyal to the government', 'Military Forces of Afghanistan (2014-)'],
  ]);
});

test('bad or odd input: empty text, RFC 822 dates, lower-case country codes, unknown countries', () => {
  assert.deepEqual(actors(''), []);
  assert.deepEqual(pairs('Turkish troops crossed the border.', 'Sun, 29 May 2016 10:00:00 GMT'), [['Turkish troops', 'Military Forces of Turkey (2016-)']]);
  assert.deepEqual(pairs('Turkish troops crossed the border.', 'not a date'), [['Turkish troops', 'Military Forces of Turkey (2016-)']]);
  assert.deepEqual(pairs('Soldiers fired on protesters.', '2020-05-01', { country: 'ng' }).map((p) => p[1]), ['Military Forces of Nigeria (2015-)', 'Protesters (Nigeria)']);
  assert.deepEqual(pairs('Soldiers fired on protesters.', '2020-05-01', { country: 'XX' }), []);
});

test('a shared alias says why its actor was picked', () => {
  const [m] = actors('Islamic State fighters attacked.', '2020-05-01', { country: 'IQ' });
  assert.equal(m.name, 'Islamic State (Iraq)');
  assert.match(m.reason ?? '', /names \d+ actors; IQ is its country/);
  const [n] = actors('Islamic State fighters attacked.', '2020-05-01', { country: 'US' });
  assert.equal(n.name, 'Islamic State (Syria)');
  assert.match(n.reason ?? '', /none in US, the default taken/);
});

test('a demonym of forces abroad counts less than the country where things happen', () => {
  const found = actors('Turkish forces and opposition rebels under OPS shelled villages in Syria.', '2020-05-08');
  assert.deepEqual(found.map((m) => m.name), ['Military Forces of Turkey (2016-)', 'Opposition Rebels (Syria)', 'Operation Peace Spring']);
  assert.equal(found[0].inter, 8, 'Turkey is abroad');
});

test('"regime" alone names the state in focus, but not in "regime-controlled areas"', () => {
  assert.deepEqual(pairs('Opposition rebels shelled regime positions in Lattakia.', '2020-05-09', { country: 'SY' }).map((p) => p[1]), ['Opposition Rebels (Syria)', 'Military Forces of Syria (2000-)']);
  assert.deepEqual(pairs('Crowds denounced crossings with regime controlled areas.', '2020-05-09', { country: 'SY' }), []);
  assert.deepEqual(pairs('A man died in a regime prison.', '2020-05-09', { country: 'SY' }).map((p) => p[1]), ['Civilians (Syria)']);
});

test('gendarmes are the gendarmerie of the state in focus, a unit of its military forces', () => {
  assert.deepEqual(pairs('The Gendarmerie forces beat a journalist in Nzerekore.', '2020-05-09', { country: 'GN' }).map((p) => p[1]), ['Military Forces of Guinea (2010-) Gendarmerie', 'Journalists (Guinea)']);
  assert.deepEqual(pairs('Gendarmes arrested two men in Van.', '2020-05-09', { country: 'TR' }).map((p) => p[1]), ['Military Forces of Turkey (2016-) Gendarmerie']);
});

test('a clan "of <Parent> clan" is named as the parent\'s sub-clan', () => {
  assert.deepEqual(pairs('Armed militiamen from the Ayr sub-clan of Habar Gedir clan shot a pastoralist.', '2020-05-09', { country: 'SO' }).map((p) => p[1]), ['Habar Gedir-Ayr Sub-Clan Militia (Somalia)', 'Pastoralists (Somalia)']);
  assert.deepEqual(pairs('Sacad clan militiamen of the Habar Gedir clan clashed with a Leelkayse clan militia.', '2020-05-09', { country: 'SO' }).map((p) => p[1]), ['Habar Gedir-Sacad Sub-Clan Militia (Somalia)', 'Leelkayse Clan Militia (Somalia)']);
});

test('a lone soldier or policewoman names the forces of the state in focus', () => {
  assert.deepEqual(pairs('One soldier was killed by a Taliban sniper.', '2020-05-09', { country: 'AF' }).map((p) => p[1]), ['Military Forces of Afghanistan (2014-)', 'Taliban']);
  assert.deepEqual(pairs('Unknown gunmen shot and killed 1 policewoman in Kandahar.', '2020-05-09', { country: 'AF' }).map((p) => p[1]), ['Unidentified Armed Group (Afghanistan)', 'Police Forces of Afghanistan (2014-)']);
});
