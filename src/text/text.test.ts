import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from './index.ts';

test('litter lines are kept out of sentences and offsets slice back', () => {
  const doc = makeDoc({ id: 'd', text: 'Share\n\nIS swept through rebel-held territory early yesterday. The group said so.\nAdvertisement\n' });
  assert.deepEqual(doc.litter.map((l) => l.text), ['Share', 'Advertisement']);
  assert.equal(doc.sentences.length, 2);
  for (const s of [...doc.sentences, ...doc.tokens]) assert.equal(doc.text.slice(s.start, s.end), s.text);
  assert.equal(doc.sentences[0].text, 'IS swept through rebel-held territory early yesterday.');
});
