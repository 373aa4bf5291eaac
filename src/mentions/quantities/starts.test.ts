import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startKeys, wordKeys } from './starts.ts';

/** A key back to letters ("kil", "an$" for the whole word "an"). */
const spell = (k: number) => String.fromCharCode(k & 255, (k >> 8) & 255, (k >> 16) & 255).replace(/\0/g, '') + (k & (1 << 24) ? '$' : '');
const keys = (source: string) => {
  const got = startKeys(source);
  return got === null ? null : [...got].map(spell).sort();
};

test('the first word of any match, by its first three letters or whole when shorter', () => {
  assert.deepEqual(keys('\\b(?:kill(?:ed|s)?|shot dead|gunned down)\\b'), ['gun', 'kil', 'sho']);
  assert.deepEqual(keys('\\b(?:v?bieds?|air ?-?strikes?)\\b'), ['air', 'bie', 'vbi']);
  assert.deepEqual(keys('\\b(?:an?|the|one)\\s+man\\b'), ['a$', 'an$', 'one', 'the']);
  assert.deepEqual(keys('\\b(?:on strike|a march (?:to|in))\\b'), ['a$', 'on$']);
  assert.deepEqual(keys('\\b(?<!propelled |stun )grenades?(?! launchers?)'), ['gre']);
  assert.deepEqual(keys('^(?:[Ss]aid|told)'), ['sai', 'tol']);
  assert.deepEqual(keys('\\b(?:b[ae]at|[Tt]ook)'), ['baa', 'bea', 'too']);
  assert.deepEqual(keys('\\b(?<amount>[Hh]e|she)\\s+died'), ['he$', 'she']);
  assert.deepEqual(keys('\\bUN\\b'), ['un$']);
});

test('a pattern whose match need not start with known letters has no keys', () => {
  for (const source of ['\\w+ed', '\\d+ killed', '\\b(?:killed|\\d+ dead)', ' strikes', '.{0,3}war', 'quarter', '(?<!propelled )grenades?', 'a(?:b)\\1', '(?:x?)*y', 'ab']) {
    assert.equal(startKeys(source), null, source);
  }
});

test('a text gives each word its key', () => {
  const got: string[] = [];
  wordKeys('An IED blast, at 5:30; Al-Bab’s men_1.', (k) => got.push(spell(k)));
  assert.deepEqual(got, ['an$', 'ied', 'bla', 'at$', '5$', '30$', 'al$', 'bab', 's$', 'men']);
});

test('every match of every event cue in the bundled stories starts a word its keys allow', () => {
  const cues = (JSON.parse(readFileSync(new URL('../../../data/events/cues.json', import.meta.url), 'utf8')) as { cues: { id: string; pattern: string }[] }).cues;
  const texts = readFileSync(new URL('../../../examples/voa_stories.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  texts.push(readFileSync(new URL('../../../examples/aleppo-2016-05.txt', import.meta.url), 'utf8'));
  let checked = 0;
  for (const cue of cues) {
    const re = new RegExp(`\\b(?:${cue.pattern})\\b`, 'gi');
    const allowed = startKeys(re.source);
    if (allowed === null) continue;
    for (const text of texts) {
      for (const m of text.matchAll(re)) {
        let key = -1;
        wordKeys(text.slice(m.index), (k) => (key = key < 0 ? k : key));
        assert.ok(allowed.has(key), `${cue.id}: "${m[0]}" starts a word its keys miss`);
        checked++;
      }
    }
  }
  assert.ok(checked > 500, `only ${checked} matches checked`);
});
