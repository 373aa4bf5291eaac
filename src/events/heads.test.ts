import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beginnings, matchStarts } from './heads.ts';

const examples = new URL('../../examples/', import.meta.url);

test('a beginning stops where the pattern stops being literal', () => {
  assert.deepEqual(beginnings('air ?raids?|uavs?'), ['air ra', 'airrai', 'uavs', 'uav']);
  assert.deepEqual(beginnings('(?:armed|combat) drones?'), ['armed ', 'combat']);
  assert.deepEqual(beginnings('(?<!tear )shell(?:ed|s)(?! out)'), ['shelle', 'shells']);
  assert.deepEqual(beginnings('v?bieds?'), ['vbieds', 'vbied', 'bieds', 'bied']);
  assert.deepEqual(beginnings('\\d+ ?mm|(?:heavy )?guns?'), [...'0123456789', 'heavy ', 'guns', 'gun']);
  assert.deepEqual(beginnings('Sarin\\b'), ['sarin']);
  // no literal word character to begin with: the pattern can start anywhere
  assert.equal(beginnings('[A-Z][a-z]+ fell'), null);
  assert.equal(beginnings('(?:\\w+ )?fell'), null);
  assert.equal(beginnings('-led'), null);
  assert.equal(beginnings('(?:a|b)?'), null);
});

test('matchStarts gives the word starts a pattern can match at, in any case', () => {
  const starts = matchStarts(['airstrikes?', 'sarin', 'suicide (?:bomb|attack)s?', '[a-z]+ie']);
  const text = 'An AIRSTRIKE hit; then an Airstrike-like blast, suicide bombs.';
  const [air, sarin, suicide, anywhere] = starts(text);
  assert.deepEqual(air, [3, 26]);
  assert.equal(sarin, undefined);
  assert.deepEqual(suicide, [text.indexOf('suicide')]);
  assert.equal(anywhere?.length, text.length + 1);
});

test('every match of every cue pattern starts where matchStarts says (seed and VOA texts)', () => {
  const cues = (JSON.parse(readFileSync(new URL('../../data/events/cues.json', import.meta.url), 'utf8')) as { cues: { id: string; pattern: string }[] }).cues;
  const texts = [readFileSync(new URL('aleppo-2016-05.txt', examples), 'utf8')];
  for (const line of readFileSync(new URL('voa_stories.jsonl', examples), 'utf8').split('\n').filter(Boolean)) texts.push(JSON.parse(line).text);
  const starts = matchStarts(cues.map((c) => c.pattern));
  let matches = 0;
  for (const text of texts) {
    const found = starts(text);
    cues.forEach((c, k) => {
      for (const m of text.matchAll(new RegExp(`\\b(?:${c.pattern})\\b`, 'gi'))) {
        matches++;
        assert.ok(found[k]?.includes(m.index), `${c.id}: "${m[0]}" at ${m.index} not among its starts`);
      }
    });
  }
  assert.ok(matches > 500, `only ${matches} matches: the texts are missing`);
});
