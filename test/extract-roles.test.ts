/**
 * Roles ACLED fills by convention: the unnamed perpetrator of an
 * organised-crime killing, the agent named in the sentence before the cue,
 * the generic sides of a riot, a clash or a bombing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from './coding.ts';

test('a body found bound or gagged is the work of an unidentified gang', () => {
  const [e] = code('On 2 May 2020, in Culiacan, Sinaloa, a man was found dead beside a road. He was blindfolded and gagged.');
  assert.equal(e?.actor1?.name, 'Unidentified Gang (Mexico)');
  const [plain] = code('On 2 May 2020, in Culiacan, Sinaloa, a man was shot dead beside a road.');
  assert.equal(plain?.actor1?.name, 'Unidentified Armed Group (Mexico)', 'no mark of crime, no gang');
});

test('an agent named in the sentence before stands in when the cue sentence names none', () => {
  const [e] = code('On 6 May 2020, Taliban fighters moved into a village in Kunduz. An exchange of fire followed and two soldiers were killed.');
  assert.equal(e?.actor1?.name, 'Taliban');
  const [own] = code('On 6 May 2020, Taliban fighters moved into a village in Kunduz. Later, ISKP militants attacked an army post, killing two soldiers.');
  assert.match(own?.actor1?.name ?? '', /^Islamic State/, 'the cue sentence\'s own agent wins');
});

test('two crowds fighting each other are rioters on both sides', () => {
  const [e] = code('On 4 May 2020, two groups of villagers clashed over a land dispute in Etawah and attacked each other with sticks. Five people were injured.');
  assert.equal(e?.event_type, 'Riots');
  assert.equal(e?.actor1?.name, 'Rioters (India)');
  assert.equal(e?.actor2?.name, 'Rioters (India)');
  const [clash] = code('On 5 May 2020, supporters of rival candidates clashed in Bhopal, pelting stones. Three people were injured.');
  assert.equal(clash?.actor2?.name, 'Rioters (India)');
  const [mob] = code('On 5 May 2020, a mob attacked a shopkeeper with sticks in Bhopal.');
  assert.equal(mob?.actor2?.name, 'Civilians (India)', 'a mob attacking a person is mob violence against a civilian');
});

test('a shoot-out where nobody is named is unidentified on both sides', () => {
  const [e] = code('On 4 May 2020, a shoot-out took place in Maiduguri. One person was killed.');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.equal(e?.actor1?.name, 'Unidentified Armed Group (Nigeria)');
  assert.equal(e?.actor2?.name, 'Unidentified Armed Group (Nigeria)');
  const [among] = code('On 4 May 2020, in Maiduguri, armed men clashed. No casualties were reported.');
  assert.equal(among?.actor2?.name, 'Unidentified Armed Group (Nigeria)');
  const [police] = code('On 4 May 2020, in Maiduguri, armed men clashed with the police.');
  assert.match(police?.actor2?.name ?? '', /^Police Forces of Nigeria/);
});

test('a bomb that kills civilians has them as its target', () => {
  const [e] = code('On 4 May 2020, a roadside bomb exploded near a market in Kandahar city, killing three civilians.');
  assert.equal(e?.event_type, 'Explosions/Remote violence');
  assert.equal(e?.actor2?.name, 'Civilians (Afghanistan)');
  const [army] = code('On 4 May 2020, a roadside bomb hit an army vehicle in Kandahar city, killing three soldiers.');
  assert.notEqual(army?.actor2?.name, 'Civilians (Afghanistan)');
});

test('who the civilian victims were is kept as an associated actor beside Civilians (<country>)', () => {
  const [e] = code('On 4 May 2020, a mob attacked journalists with stones in Lucknow.');
  assert.equal(e?.event_type, 'Riots');
  assert.equal(e?.actor2?.name, 'Civilians (India)');
  assert.ok(e?.assoc_actors.some((a) => a.name === 'Journalists (India)'), 'the journalists stay as associated actor');
});

test('a witness who tells of an attack is not its agent; the attacker named as the cue is', () => {
  const [e] = code('Residents said gunmen killed 15 people at the Maiduguri market on Friday.');
  assert.equal(e?.actor1?.name, 'Unidentified Armed Group (Nigeria)');
  assert.equal(e?.actor2?.name, 'Civilians (Nigeria)');
  assert.equal(e?.actor1?.text, 'gunmen');
});

test('a force that shot at protesters is the other side of the protest, not dropped for the crowd', () => {
  const [e] = code('Witnesses said soldiers shot dead two protesters in Khartoum on Friday.');
  assert.equal(e?.sub_event_type, 'Excessive force against protesters');
  assert.equal(e?.actor1?.name, 'Protesters (Sudan)');
  assert.match(e?.actor2?.name ?? '', /^Military Forces of Sudan/);
});
