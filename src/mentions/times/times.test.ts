import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { makeDoc } from '../../text/index.ts';
import { findTimes, timesInText } from './index.ts';
import { isoWeekValue } from './calendar.ts';

const SUNDAY = '2016-05-29';

function one(text: string, published: string | null = SUNDAY) {
  const found = timesInText(text, published);
  assert.equal(found.length, 1, `one expression in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  return { ...found[0], text: text.slice(found[0].start, found[0].end) };
}

test('a bare weekday is the latest such day up to publication', () => {
  assert.equal(one('Fighters captured the village on Friday, a monitor said.').value, '2016-05-27');
  assert.equal(one('The group launched the offensive Thursday in response.').value, '2016-05-26');
  assert.equal(one('A monitor said on Sunday that civilians fled.').value, '2016-05-29');
  assert.equal(one('Talks broke down on Monday.').value, '2016-05-23');
  assert.equal(one('Talks will resume on Monday.').value, '2016-05-30');
  assert.equal(one('They met last Sunday.').value, '2016-05-22');
});

test('seed phrases resolve against Sunday 29 May 2016, raw text kept', () => {
  const y = one('IS swept through rebel-held territory early yesterday in a shock offensive.');
  assert.deepEqual([y.text, y.value, y.precision, y.type], ['early yesterday', '2016-05-28', 1, 'DATE']);
  assert.deepEqual(y.range, { start: '2016-05-28', end: '2016-05-28' });
  const late = one('IS has been battling rebel factions since late in 2015.');
  assert.deepEqual([late.text, late.value, late.precision], ['late in 2015', '2015', 3]);
  assert.equal(late.range?.start.slice(0, 4), '2015');
  const earlier = one('Peace talks collapsed in Geneva earlier this year.');
  assert.deepEqual([earlier.value, earlier.range?.end], ['2016', SUNDAY]);
  const weeks = one('Clashes have intensified in recent weeks.');
  assert.deepEqual([weeks.text, weeks.type, weeks.value, weeks.range?.end], ['recent weeks', 'DURATION', 'PXW', SUNDAY]);
  assert.equal(one('Prices have risen recently.').value, 'PAST_REF');
});

test('weeks, months, years and the present get TIMEX3 values at their granularity', () => {
  assert.deepEqual([one('It happened last week.').value, one('It happened last week.').precision], ['2016-W20', 2]);
  assert.equal(one('It happened this week.').value, '2016-W21');
  assert.equal(one('Prices rose last month.').value, '2016-04');
  assert.equal(one('Elections were held in 2015.').value, '2015');
  assert.equal(one('The town is now under siege.').value, 'PRESENT_REF');
  assert.equal(one('Fighting is currently raging.').value, 'PRESENT_REF');
  assert.equal(one('It fell two weeks ago.').value, '2016-W19');
  assert.equal(one('The siege lasted three days.').value, 'P3D');
  assert.equal(one('Strikes happen every Friday.').type, 'SET');
  assert.equal(isoWeekValue({ y: 2016, m: 1, d: 3 }), '2015-W53');
});

test('ACLED-notes style dates and ranges', () => {
  const on = one('On 9 May 2020, protesters gathered in Sanaa.');
  assert.deepEqual([on.text, on.value, on.precision], ['9 May 2020', '2020-05-09', 1]);
  const around = one('Around 1 May 2020, clashes took place.');
  assert.deepEqual([around.text, around.value, around.precision], ['Around 1 May 2020', '2020-05-01', 2]);
  assert.deepEqual(around.range, { start: '2020-04-28', end: '2020-05-04' });
  const between = one('Fighting continued between 2 and 4 May.');
  assert.deepEqual([between.value, between.range, between.precision], ['2016-05-02', { start: '2016-05-02', end: '2016-05-04' }, 2]);
  assert.equal(one('Troops arrived in mid-May.').precision, 2);
});

test('no publication time: relative expressions stay unresolved, absolute ones resolve', () => {
  for (const text of ['They attacked on Friday.', 'It happened early yesterday.', 'It happened last week.', 'The town is now quiet.']) {
    const t = one(text, null);
    assert.deepEqual([t.resolved, t.value, t.range], [false, null, null], text);
  }
  const abs = one('On 9 May 2020, protesters gathered.', null);
  assert.deepEqual([abs.resolved, abs.value], [true, '2020-05-09']);
  assert.equal(one('Elections were held in 2015.', null).value, '2015');
});

test('false positives: modal may, verb march, ordinal second, decimals, ages, counts', () => {
  for (const text of [
    'The offensive may continue.',
    'Protesters will march to the square.',
    'A second attack hit the market.',
    'More than 4.8 million people became refugees.',
    'A 19-year-old was killed.',
    'At 5 the count rose.',
    'Some 2015 people were displaced.',
  ]) assert.deepEqual(timesInText(text, SUNDAY), [], text);
});

test('findTimes on the seed story: offsets slice back, dates as a careful coder reads them', (t) => {
  const path = new URL('../../../../shared/seed/aleppo-2016-05.txt', import.meta.url);
  if (!existsSync(path)) return t.skip('../shared/seed is missing');
  const doc = makeDoc({ id: 'seed', text: readFileSync(path, 'utf8'), published: SUNDAY });
  const times = findTimes(doc);
  for (const m of times) assert.equal(doc.text.slice(m.start, m.end), m.text);
  const byText = new Map(times.map((m) => [m.text, m.value]));
  assert.equal(byText.get('early yesterday'), '2016-05-28');
  assert.equal(byText.get('Friday'), '2016-05-27');
  assert.equal(byText.get('Thursday'), '2016-05-26');
  assert.equal(byText.get('Sunday'), '2016-05-29');
  assert.equal(byText.get('late in 2015'), '2015');
});
