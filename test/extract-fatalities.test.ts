/**
 * Fatalities of a coded event, the way ACLED counts them: one victim named in
 * passing, victims listed, follow-up sentences that add others, vague amounts
 * at ACLED's figures, and the deaths that are not the event's own (a war's
 * cumulative toll, the killing a riot is about).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledFatalities } from '../src/events/index.ts';
import { code } from './coding.ts';

function fatalities(text: string): number[] {
  return code(text).map((e) => acledFatalities(e.fatalities));
}

test('one victim told in a later sentence counts once', () => {
  assert.deepEqual(fatalities('On 8 May 2020, in Culiacan, Sinaloa, two armed men attacked a man in Colonia Pemex. The victim died. 1 fatality.'), [1]);
  assert.deepEqual(fatalities('On 5 May 2020, suspected Fulani militias attacked a minibus on the Abeokuta road and killed the driver.'), [1]);
});

test('a follow-up that says "also" or "other" adds its victims', () => {
  assert.deepEqual(fatalities('On 29 April 2020, 2 policemen were killed following an attack by Taliban militants on a check point in Faryab. Local authorities reported that 2 militants were also killed.'), [4]);
  assert.deepEqual(fatalities('On 29 April 2020, 2 policemen were killed in an attack by Taliban militants in Kunduz. 2 other policemen were killed when they arrived as reinforcement.'), [4]);
});

test('vague amounts at the figures ACLED codes', () => {
  assert.deepEqual(fatalities('On 9 May 2020, pro-Hadi forces thwarted a Houthi incursion in Al Bayda, killing dozens of Houthi fighters.'), [12]);
  assert.deepEqual(fatalities('On 7 May 2020, unknown gunmen killed an unknown number of civilians in Gao.'), [10]);
  const [note] = code('On 7 May 2020, unknown gunmen killed an unknown number of civilians in Gao.').map((e) => e.notes);
  assert.match(note, /Unknown number of fatalities, coded as 10\.$/);
  assert.deepEqual(fatalities('On 9 May 2020, clashes took place between rebels and regime forces in Dara. Several regime soldiers were killed in the clashes.'), [10]);
});

test('a cumulative toll and the killing a riot is about are no event figures', () => {
  const bosnia = fatalities('On 9 May 2020, gunmen attacked a police station in Mostar, injuring 2 officers. The attack came years after a war that lasted more than three years and killed 100,000 people.');
  assert.ok(bosnia.every((f) => f < 100), `background toll read as the event's: ${bosnia}`);
  assert.deepEqual(fatalities('On 6 May 2020, angry youths burned tyres and threw stones at police in Kingston after two children were shot dead by gunmen.'), [0]);
  assert.deepEqual(fatalities('On 29 April 2020, a group set a bus on fire during a demonstration in Ubatuba over the death of a teenager killed by the police.'), [0]);
});

test('a bare tally beside the victims restates them', () => {
  assert.deepEqual(fatalities('On 28 April 2020, the rebels fired mortars at government positions near Opytne, Donetsk. During the day, one Ukrainian soldier was killed at an unspecified location [1 fatality].'), [1]);
});

test('"also" before the victims adds them', () => {
  assert.deepEqual(fatalities('On 30 April 2020, 5 pro-government militia members were killed following attacks by Taliban militants in Takhar. Local authorities reported that also 4 Taliban militants were killed.'), [9]);
});

test('two reports of one event in a story give one range, by the rule reports from many stories share', () => {
  const [e, ...rest] = code('Gunmen attacked a market in Maiduguri on Friday, killing at least 12 people, police said.\n\nThe attack on the market in Maiduguri left 15 people dead, residents said.');
  assert.equal(rest.length, 0);
  assert.equal(e.sources.length, 2);
  const f = e.fatalities!;
  assert.deepEqual([f.low, f.high, f.acled], [12, 15, 12], 'lowest low, highest high; ACLED codes the conservative figure');
  assert.ok(f.best !== null && f.best > 12 && f.best < 15, `best ${f.best} lies between the reports`);
});

