import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefixTrie } from './alternation.ts';

test('branches are merged on their leading letters, case folded, groups spread', () => {
  assert.equal(prefixTrie(['shell(?:ed|ing)', 'shots?', 'sarin']), 's(?:h(?:ell(?:ed|ing)|ots?)|arin)');
  assert.equal(prefixTrie(['(?:Air|air) ?strikes?', 'airstrip']), 'air(?:strip| ?strikes?)');
  assert.equal(prefixTrie(['fled', 'fled to']), 'fled(?: to)?');
  assert.equal(prefixTrie(['(?:a|b)?c', '\\d+ mm']), '(?:(?:a|b)?c|\\d+ mm)');
  assert.throws(() => prefixTrie(['(a)\\1']), /backreference/);
});

test('the trie matches what the plain alternation matches', () => {
  const words = ['kill(?:ed|ing|s)?', 'killer whales?', 'shot (?:\\w+ ){0,2}(?:shells|rounds)', 'shot', '(?:armed|combat) drones?', 'drones? (?:struck|hit)',
    'gathered(?= .{0,20}(?:demand|against))', 'v?bieds?', 'set (?:\\w+ ){0,3}on fire', 'set fire to', 'sit-ins?'];
  const plain = new RegExp(`\\b(?:${words.join('|')})\\b`, 'i');
  const trie = new RegExp(`\\b(?:${prefixTrie(words)})\\b`, 'i');
  const texts = ['They KILLED him', 'killer whale', 'shot two rounds', 'shot three big rounds', 'Armed drones hit', 'a drone struck', 'a drone',
    'gathered to demand', 'gathered in the square', 'VBIED', 'bied', 'set the old car on fire', 'set fire to', 'sit-in', 'sitting', 'skill', 'shots'];
  for (const t of texts) assert.equal(trie.exec(t)?.index, plain.exec(t)?.index, t);
});
