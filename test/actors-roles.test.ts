import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../src/text/index.ts';
import { findActors, loadCodebook } from '../src/mentions/actors/index.ts';
import { findCuesIn } from '../src/events/cues.ts';
import { loadLexicon } from '../src/events/lexicon.ts';
import { assignRoles } from '../src/events/roles.ts';

const cb = loadCodebook();
const lex = loadLexicon();

/** actor1 / actor2 / associated names of the first sentence around its first anchor cue */
function roles(text: string, published = '2020-05-09', country?: string) {
  const doc = makeDoc({ id: 't', text, published });
  const actors = findActors(doc, cb, country ? { country } : {});
  const sentence = doc.sentences[0];
  const hits = findCuesIn(sentence, lex);
  const anchor = hits.find((h) => h.anchor && h.status === 'event');
  assert.ok(anchor, `an anchor cue in: ${text}`);
  const r = assignRoles(sentence, anchor, actors.filter((a) => a.sentence === 0), hits);
  return { actor1: r.actor1?.name ?? null, actor2: r.actor2?.name ?? null, assoc: r.assoc.map((m) => m.name) };
}

test("a monitor's note names who fired from the side of the line the place is on", () => {
  const ngca = roles('On 9 May 2020, the OSCE SMM observed a total of 6 explosions involving unknown weapons near Horlivka.');
  assert.equal(ngca.actor1, 'Military Forces of Ukraine (2019-)', 'fire near a place the separatists held came from government positions');
  assert.equal(ngca.actor2, null, 'explosions alone name no target');
  const gca = roles('On 9 May 2020, the OSCE SMM observed a total of 132 explosions/shots involving small arms near Avdiivka.');
  assert.deepEqual([gca.actor1, gca.actor2], ['NAF: United Armed Forces of Novorossiya', 'Military Forces of Ukraine (2019-)'], 'an exchange of fire names both sides');
});

test('the words of the sentence win over what the place implies', () => {
  const r = roles('On 9 May 2020, the OSCE SMM said Ukrainian forces shelled positions near Horlivka.');
  assert.equal(r.actor1, 'Military Forces of Ukraine (2019-)');
  const named = roles('The OSCE SMM said separatists shelled Avdiivka.', '2020-05-09', 'UA');
  assert.equal(named.actor1, 'NAF: United Armed Forces of Novorossiya');
});

test('no monitor, no line in force, or an unknown place: nothing is implied', () => {
  const actors = (text: string, published: string) => findActors(makeDoc({ id: 't', text, published }), cb).filter((m) => m.role);
  assert.deepEqual(actors('Explosions were heard near Horlivka.', '2020-05-09'), []);
  assert.deepEqual(actors('The OSCE SMM observed 6 explosions near Horlivka.', '2023-05-09'), [], 'the 2015-2022 line is over');
  assert.deepEqual(actors('The OSCE SMM observed 6 explosions near Kyiv.', '2020-05-09'), []);
  assert.deepEqual(actors('The OSCE SMM observed 6 explosions in the Donetsk region.', '2020-05-09'), [], '"Donetsk region" is not the town');
  const found = actors('The OSCE SMM observed 6 explosions near Horlivka.', '2020-05-09');
  assert.deepEqual(found.map((m) => [m.text, m.role]), [['Horlivka', 'agent'], ['Horlivka', 'target']]);
  assert.match(found[0].reason ?? '', /held by NAF/);
});

test('a faction ACLED codes under another actor leads under that name and stays as associated actor', () => {
  const r = roles('Fighters of the Free Syrian Army attacked Islamic State positions near Marea.', '2016-05-29', 'SY');
  assert.equal(r.actor1, 'Opposition Rebels (Syria)');
  assert.ok(r.assoc.includes('Free Syrian Army'));
  assert.equal(roles('Free Syrian Army fighters attacked Islamic State positions near Marea.', '2016-05-29', 'SY').actor1, 'Opposition Rebels (Syria)');
});

test('the marks of organised crime make the unnamed killer a gang where ACLED codes gangs', () => {
  const mx = roles('On 6 May 2020, in Acapulco, Guerrero, two armed men riding a motorcycle carried out a drive-by shooting against a man.', '2020-05-09', 'MX');
  assert.equal(mx.actor1, 'Unidentified Gang (Mexico)');
  const plain = roles('On 6 May 2020, in Acapulco, Guerrero, two armed men attacked a man.', '2020-05-09', 'MX');
  assert.equal(plain.actor1, 'Unidentified Armed Group (Mexico)', 'no mark, no gang');
  const found = roles('Around 6 May 2020, in Zamora, three men were found dead with their hands tied.', '2020-05-09', 'MX');
  assert.equal(found.actor1, 'Unidentified Gang (Mexico)', 'the mark names the agent nobody else names');
  const br = roles('On 7 May 2020, in Alagoinha, Pernambuco, a man was killed in a drive-by shooting by two armed men on a motorcycle.', '2020-05-09', 'BR');
  assert.equal(br.actor1, 'Unidentified Gang and/or Police Militia');
  const ng = roles('Armed men executed two villagers in Zamfara.', '2020-05-09', 'NG');
  assert.equal(ng.actor1, 'Unidentified Armed Group (Nigeria)', 'outside the gang countries the marks change nothing');
});

test('who repelled whom: the attacker is actor1, the defender actor2', () => {
  const by = roles('Afghan security forces repelled an attack by Taliban militants in Panjwaye district, Kandahar.', '2020-05-09', 'AF');
  assert.deepEqual([by.actor1, by.actor2], ['Taliban', 'Military Forces of Afghanistan (2014-)']);
  const their = roles('Nine Taliban militants were killed when Afghan forces repulsed their attacks in Chora district.', '2020-05-09', 'AF');
  assert.deepEqual([their.actor1, their.actor2], ['Taliban', 'Military Forces of Afghanistan (2014-)']);
  const on = roles('Afghan forces repelled an attack on police checkpoints in Chora district.', '2020-05-09', 'AF');
  assert.notEqual(on.actor1, 'Police Forces of Afghanistan (2014-)', 'the target of the attack is not the attacker');
});

test('in the passive, the side a victim fought with is the agent', () => {
  const r = roles('On 6 May 2020, in Juina, Mato Grosso, a drug trafficker was killed after exchanging fire with military police forces during a patrol.', '2020-05-09', 'BR');
  assert.equal(r.actor1, 'Military Forces of Brazil (2019-) Military Police');
});

test('a protest: the named crowd is an associated actor, and what it protests against is no actor2', () => {
  const r = roles('On 6 May 2020, members of Polo Obrero protested against the government in Resistencia.', '2020-05-09', 'AR');
  assert.equal(r.actor1, null, 'the events stage names the crowd "Protesters (Argentina)"');
  assert.equal(r.actor2, null);
  assert.ok(r.assoc.includes('Polo Obrero'));
});

test('a cue that runs over its target still leaves the target as actor2', () => {
  const r = roles('On 9 May 2020, the NAF rebel forces fired 82mm mortars at the governmental positions near Kamianka, Donetsk.', '2020-05-09', 'UA');
  assert.deepEqual([r.actor1, r.actor2], ['NAF: United Armed Forces of Novorossiya', 'Military Forces of Ukraine (2019-)']);
});

test('an actor whose words hold the cue ("Israeli artillery shelled") is the subject', () => {
  const r = roles('On 6 May 2020, Israeli artillery shelled two monitoring sites of the al Qassam brigades in Bayt Hanun.', '2020-05-09', 'PS');
  assert.deepEqual([r.actor1, r.actor2], ['Military Forces of Israel (2009-)', 'Hamas Movement']);
});

test('a party named between the subject and the cue is the target when none follows it', () => {
  const r = roles('On 5 May 2020, National Resistance forces destroyed a tank belonging to pro-Houthi forces with artillery fire in Hodeidah.', '2020-05-09', 'YE');
  assert.deepEqual([r.actor1, r.actor2], ['National Resistance Forces', 'Military Forces of Yemen (2016-) Supreme Political Council']);
});

test('a passive by-phrase before the cue names the agent ("hit by a Taliban-planted IED")', () => {
  const r = roles('ANDSF forces suffered casualties after being hit by a Taliban-planted IED in Ahmadabad district, Paktia.', '2020-05-09', 'AF');
  assert.deepEqual([r.actor1, r.actor2], ['Taliban', 'Military Forces of Afghanistan (2014-)']);
});

test('unidentified attackers the reporter attributes to a named group are that group', () => {
  const r = roles('On 7 May 2020, unknown gunmen presumably IS opened fire on a QSD military vehicle in Baghuz town.', '2020-05-09', 'SY');
  assert.equal(r.actor1, 'Islamic State (Syria)');
});

test('in the passive, the force whose raid or operation it was is the agent', () => {
  const r = roles('On 4 May 2020, a drug suspect was killed during a police raid in Zaragoza, Nueva Ecija.', '2020-05-09', 'PH');
  assert.equal(r.actor1, 'Police Forces of the Philippines (2016-)');
});

test('who drives onto a mine is its target, not who laid it', () => {
  const r = roles('On 5 May 2020, a Malian army armored vehicle struck an IED near Dinangourou.', '2020-05-09', 'ML');
  assert.deepEqual([r.actor1, r.actor2], [null, 'Military Forces of Mali (2013-)']);
});
