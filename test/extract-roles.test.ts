/**
 * Roles ACLED fills by convention: the unnamed perpetrator of an
 * organised-crime killing, the agent named in the sentence before the cue,
 * the generic sides of a riot, a clash or a bombing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadResources, extract, type Resources } from '../src/pipeline.ts';

let res: Resources | null = null;
function code(text: string, published = '2020-05-10') {
  res ??= loadResources();
  return extract({ id: 'roles', text, published }, res).result.events;
}

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
