import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../text/index.ts';
import { SentenceMentions } from './per-sentence.ts';
import { findTimes, timesBySentence } from './times/index.ts';
import { findQuantities, quantitiesBySentence } from './quantities/index.ts';
import { findSources, sourcesBySentence } from './sources/index.ts';

const text = 'Rebels shelled Marea on Friday, the Syrian Observatory said.\nThe market was quiet.\nFour people were killed on Saturday, a witness said.';

test('a sentence is read once, when first asked for, and never when not', () => {
  const doc = makeDoc({ id: 'd', text, published: '2016-05-29' });
  const asked: number[] = [];
  const times = SentenceMentions.over(doc.sentences, (s) => {
    asked.push(s.index);
    return findTimes({ ...doc, sentences: [s] });
  });
  assert.deepEqual(asked, []);
  assert.deepEqual(times.in(2).map((t) => t.text), ['Saturday']);
  times.in(2);
  assert.deepEqual(asked, [2]);
  assert.deepEqual(times.in(7), []);
  assert.deepEqual(times.all().map((t) => t.sentence), [0, 2]);
  assert.deepEqual(asked, [2, 0, 1]);
});

test('found sentence by sentence, the mentions are those found at once, in the same order', () => {
  const doc = makeDoc({ id: 'd', text, published: '2016-05-29' });
  assert.deepEqual(timesBySentence(doc).all(), findTimes(doc));
  assert.deepEqual(quantitiesBySentence(doc).all(), findQuantities(doc));
  assert.deepEqual(sourcesBySentence(doc).all(), findSources(doc));
  assert.deepEqual(sourcesBySentence(doc).in(0).map((s) => s.name), ['Syrian Observatory for Human Rights']);
  assert.deepEqual(quantitiesBySentence(doc).in(2).map((q) => [q.kind, q.low]), [['killed', 4]]);
});

test('mentions given by hand are served by sentence', () => {
  const m = (sentence: number, start: number) => ({ sentence, start, end: start + 1, text: 'x' });
  const given = SentenceMentions.of([m(0, 0), m(2, 5), m(2, 9)]);
  assert.deepEqual(given.in(2).map((x) => x.start), [5, 9]);
  assert.deepEqual(given.in(1), []);
  assert.equal(given.all().length, 3);
});

test('a Doc not yet split has no times, quantities or sources', () => {
  const none = SentenceMentions.none();
  assert.deepEqual([none.in(0), none.all()], [[], []]);
});
