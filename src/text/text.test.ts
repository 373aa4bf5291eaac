import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc, findLitter } from './index.ts';

test('litter lines are kept out of sentences and offsets slice back', () => {
  const doc = makeDoc({ id: 'd', text: 'Share\n\nIS swept through rebel-held territory early yesterday. The group said so.\nAdvertisement\n' });
  assert.deepEqual(doc.litter.map((l) => l.text), ['Share', 'Advertisement']);
  assert.equal(doc.sentences.length, 2);
  for (const s of [...doc.sentences, ...doc.tokens]) assert.equal(doc.text.slice(s.start, s.end), s.text);
  assert.equal(doc.sentences[0].text, 'IS swept through rebel-held territory early yesterday.');
  for (const t of doc.tokens) assert.equal(doc.sentences[t.sentence].start <= t.start && t.end <= doc.sentences[t.sentence].end, true);
});

test('bylines, photo credits, captions and timestamps are litter; prose is not', () => {
  const litter = ['By John Smith', 'By Jane Doe and Ali Hassan', 'Photo: Getty Images', 'Photo by Ahmed Ali/AFP', 'John Doe/Reuters',
    'A boy walks past a destroyed building in Aleppo. (AP Photo/Hussein Malla)', '© 2016 Reuters', 'Updated: May 29, 2016 10:31 GMT',
    'Last updated 3 hours ago', '4 min read', 'Sign up for our newsletter', 'Share on Facebook'];
  const prose = ['By Friday the rebels had lost the town of Marea, which lies near the border.', 'Reuters reported the attack.',
    'The photo was taken by a resident on Friday.', 'Share prices fell after the attack.'];
  const text = [...litter, ...prose].join('\n');
  assert.deepEqual(findLitter(text).map((l) => l.text), litter);
});

test('a headline line is its own sentence even without a full stop', () => {
  const doc = makeDoc({ id: 'd', text: 'Syria rebels under fire from IS militants\nIS swept through territory. Rebels fled.' });
  assert.deepEqual(doc.sentences.map((s) => s.text), ['Syria rebels under fire from IS militants', 'IS swept through territory.', 'Rebels fled.']);
});

test('line breaks, which wink reads as tokens, are no tokens of the Doc', () => {
  const doc = makeDoc({ id: 'd', text: 'Shelling hit Aleppo.\n\n\tThe army\r\nretreated.\n' });
  assert.deepEqual(doc.tokens.map((t) => t.text), ['Shelling', 'hit', 'Aleppo', '.', 'The', 'army', 'retreated', '.']);
  assert.deepEqual(doc.sentences.map((s) => s.text), ['Shelling hit Aleppo.', 'The army', 'retreated.']);
});

test('empty and litter-only texts give no sentences', () => {
  assert.deepEqual(makeDoc({ id: 'e', text: '' }).sentences, []);
  const doc = makeDoc({ id: 'l', text: 'Share\nAdvertisement' });
  assert.deepEqual([doc.sentences.length, doc.tokens.length, doc.litter.length], [0, 0, 2]);
});

test('data/text files are well formed: litter patterns compile, stop-word lists are disjoint enough to tell languages apart', async () => {
  const litter = (await import('../../data/text/litter.json', { with: { type: 'json' } })).default;
  const stop = (await import('../../data/text/stopwords.json', { with: { type: 'json' } })).default;
  for (const p of litter.patterns) assert.doesNotThrow(() => new RegExp(p, 'i'), p);
  // the patterns run as one alternation, where a numbered back-reference would point at another pattern's group
  for (const p of litter.patterns) assert.doesNotMatch(p, /\\[1-9]|\\k</, `no back-references: ${p}`);
  assert.equal(new Set(litter.exact).size, litter.exact.length, 'duplicate litter line');
  for (const e of litter.exact) assert.equal(e, e.toLowerCase().trim(), `litter entries are lower-case: ${e}`);
  for (const s of stop.scripts) assert.doesNotThrow(() => new RegExp(`[${s.range}]`, 'u'), s.lang);
  for (const [lang, words] of Object.entries(stop.languages) as [string, string[]][]) assert.ok(words.length >= 15, `${lang} needs more words`);
});

test('a pathological run (a 20,000-character hyphen chain) neither hangs makeDoc nor reaches the tokens', () => {
  const chain = Array(1500).fill('twenty-one').join('-');
  const started = Date.now();
  const doc = makeDoc({ id: 'p', text: `Fighters took the town. ${chain} The end.` });
  assert.ok(Date.now() - started < 5000, 'makeDoc took too long');
  assert.ok(doc.tokens.every((t) => t.text.length <= 200));
  assert.equal(doc.sentences[0].text, 'Fighters took the town.');
});

test('a run of 200 non-space characters is a token, one of 201 is blanked, wherever it stands', () => {
  for (const pad of ['', 'x ', 'Fighters took the town.\n'.repeat(20)]) {
    const kept = makeDoc({ id: 'k', text: `${pad}${'a'.repeat(200)} end` });
    assert.ok(kept.tokens.some((t) => t.text.length === 200), `kept after ${pad.length}`);
    const blanked = makeDoc({ id: 'b', text: `${pad}${'a'.repeat(201)} end` });
    assert.ok(blanked.tokens.every((t) => t.text.length < 200), `blanked after ${pad.length}`);
  }
});
