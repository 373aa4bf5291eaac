import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedResult } from 'chrono-node/en';
import { getParsers, parserFor } from './chrono.ts';

/** What a parse gives, in comparable form. */
function shape(results: ParsedResult[]): string {
  return JSON.stringify(results.map((r) => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString() ?? null, [...r.tags()].sort()]));
}

const SENTENCES = [
  'Fighters captured the village on Friday, a monitor said.',
  'On March 22, the parliament refused to consider said bills.',
  '16:14, UK, Thursday 05 April 2018.',
  'Some 28 people were killed in Aleppo in May 2016, 12 of them children.',
  'The forum runs from 1-3 p.m. Saturday at the center, 2700 North Fourth Street.',
  'He may go there tonight or tomorrow morning; the mayor marched at noon.',
  'The 2016-05-29 report and the 29/5 note, then 5/2016 and the 3rd of June.',
  'Talks broke down last night after a weekend of clashes, officials said yesterday.',
  'They met on the fifth of march and again on 7 Dec. at 10:35 a.m.',
  'Attacks continued at dawn, in the afternoon and late in the evening of Sunday.',
  'Prices rose 7/8 of a point; the score was 2-1 and 112 5/8 in midday trade.',
  'The election is due in Sept. 2019; results by Oct 3rd or Nov. 4, 2019.',
  'Nothing here holds a date, a number or a month name.',
];

test('a parser without the parsers that cannot match a sentence finds what the full parser finds', () => {
  const { byMask } = getParsers();
  const full = byMask[byMask.length - 1];
  for (const s of SENTENCES) {
    for (const instant of [new Date(2016, 4, 29, 12), new Date(2011, 8, 21, 12)]) {
      const option = { forwardDate: false };
      assert.equal(shape(parserFor(s).parse(s, { instant }, option)), shape(full.parse(s, { instant }, option)), s);
    }
  }
});

test('a sentence runs only the parsers whose words it has', () => {
  const { byMask } = getParsers();
  assert.ok(parserFor('Nothing here, a monitor said.').parsers.length < byMask[byMask.length - 1].parsers.length);
  assert.ok(parserFor('On Friday 3 May (2016-05-03) at 10:35, today, at night.').parsers.length === byMask[byMask.length - 1].parsers.length);
});
