/**
 * One kind of event told at several places is one event per place (ACLED's
 * convention), with the figures shared out, never repeated; a container, a
 * flow or a lone place stays one event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledFatalities } from '../src/events/index.ts';
import { code } from './coding.ts';

function places(text: string): string[] {
  return code(text).map((e) => e.location?.text ?? '—');
}

test('a list after a locative is one event per place, same type, date and actors', () => {
  const events = code('On 5 May 2020, protests were held in Kano, Kaduna and Abuja against insecurity.');
  assert.deepEqual(events.map((e) => e.location?.text), ['Kano', 'Kaduna', 'Abuja']);
  assert.equal(new Set(events.map((e) => `${e.sub_event_type}|${e.event_date}|${e.actor1?.name}`)).size, 1);
  assert.equal(new Set(events.map((e) => e.id)).size, 3);
  assert.match(events[1].notes, /Kaduna/);
});

test('the places a strike hit, as its object, are one event each', () => {
  assert.deepEqual(places('On 3 April 2020, shelling by Russian-backed separatists hit Avdiivka, Marinka and Krasnohorivka.'), ['Avdiivka', 'Marinka', 'Krasnohorivka']);
});

test('an undivided figure is shared out, the remainder to the first places', () => {
  const events = code('On 9 May 2020, Afghan military airstrikes killed 7 Taliban militants in Kabul, Ghazni and Kandahar.');
  assert.deepEqual(events.map((e) => e.location?.text), ['Kabul', 'Ghazni', 'Kandahar']);
  assert.deepEqual(events.map((e) => acledFatalities(e.fatalities)), [3, 2, 2]);
  assert.match(events[2].notes, /2 fatalities\. Fatalities split across 3 events\.$/);
});

test('a figure tied to one place goes to that place only', () => {
  const events = code('On 3 April 2020, separatists shelled Avdiivka, Marinka and Krasnohorivka, killing two civilians in Marinka.');
  assert.deepEqual(events.map((e) => [e.location?.text, acledFatalities(e.fatalities)]), [['Avdiivka', 0], ['Marinka', 2], ['Krasnohorivka', 0]]);
});

test('a container after the list closes it', () => {
  assert.deepEqual(places('On 5 May 2020, gunmen attacked villages in Zaria and Katsina, Nigeria.'), ['Zaria', 'Katsina']);
});

test('a container, a flow or a lone place is not a list', () => {
  assert.deepEqual(places('On 5 May 2020, an airstrike hit Maiduguri, Borno State, killing 4 civilians.'), ['Maiduguri']);
  assert.deepEqual(places('On 5 May 2020, IS fighters attacked Jarablus in Aleppo province, killing 3.'), ['Jarablus']);
  assert.deepEqual(places('On 5 May 2020, gunmen attacked a convoy in Idlib, Syria.'), ['Idlib']);
  assert.equal(code('On 5 May 2020, regime forces shelled the road between Marea and Azaz.').length, 1);
  assert.equal(code('On 5 May 2020, IS fighters attacked a bus travelling from Homs to Palmyra.').length, 1);
  // a singular noun after the list makes it one name or one line between the places
  assert.equal(code('On 8 May 2020, security forces and Maoists exchanged fire at the Zaria and Katsina border.').length, 1);
  // places told by a reference point after them are one event there
  assert.equal(code('On 30 April 2020, militiamen attacked the villages of Zaria and Katsina, near Kano, killing 5 civilians.').length, 1);
});
