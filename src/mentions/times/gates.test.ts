import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePublished } from './calendar.ts';
import { chronoCandidates } from './chrono.ts';
import { CHRONO_WORD, DIGIT, TIME, timeGates } from './gates.ts';
import { FINDERS } from './patterns.ts';
import { REFERENCE_FINDERS } from './references.ts';

/** The stage's outer test as a regex: a digit, or one of these words at a word boundary. */
const TIME_HINT = /\d|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter|today|tonight|tomorrow|yesterday|now|current|currently|present|moment|nowadays|noon|midnight|morning|afternoon|evening|night|dawn|dusk|ago|recent|previous|formerly|soon|future|past|quarter|second|minute|hour|day|week|weekend|fortnight|month|year|decade|centur|daily|nightly|weekly|monthly|annually|yearly|hourly)/i;

/** The sentences of the VOA stories in examples/ (a rough split is enough here), and some edge cases. */
const SENTENCES = [
  ...readFileSync(new URL('../../../examples/voa_stories.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line) as { text: string }).text.split(/(?<=[.!?])\s+/)),
  'éMonday, _today, x2016, F16 jets, Mayday, the mayor, headquarters, inbetween 2 and 4 May',
  'TODAY at 10:35, 5pm, 2016-05-29, 29/5, Sept. 3, the 1990s, every Friday, recent weeks',
  'IN MARCH 2016, LAST WEEK AND EVERY DAY SINCE, NOW AND IN RECENT MONTHS, BETWEEN 2 AND 4 MAY, THE THIRD QUARTER',
  'Nothing here: no number and no word of time at all.',
];

test('a sentence passes the gates exactly when it passes the outer test of digits and time words', () => {
  for (const s of SENTENCES) assert.equal((timeGates(s) & (DIGIT | TIME)) !== 0, TIME_HINT.test(s), s);
});

test('no finder finds anything in a sentence whose gates it needs are closed', () => {
  const ctx = { ref: parsePublished('2016-05-29') };
  let found = 0;
  for (const s of SENTENCES) {
    const gates = timeGates(s);
    for (const [k, { need, find }] of [...REFERENCE_FINDERS, ...FINDERS].entries()) {
      if (find(s, ctx).length === 0) continue;
      found++;
      assert.equal(gates & need, need, `finder ${k} in ${JSON.stringify(s)}`);
    }
    if (chronoCandidates(s, ctx.ref).length > 0) assert.notEqual(gates & (DIGIT | CHRONO_WORD), 0, s);
  }
  assert.ok(found > 100, `the finders found ${found} expressions`);
});
