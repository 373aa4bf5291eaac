import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, tokenize } from './tokens.ts';

/** The tokenizer's definition, as a regex: runs of letters, marks and digits, and any other non-space character alone. */
function byRegex(text: string, offset = 0) {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu)]
    .filter((m) => !['-', '\u2010', '\u2011'].includes(m[0]))
    .map((m) => ({ norm: fold(m[0]), raw: m[0], start: offset + m.index, end: offset + m.index + m[0].length }));
}

test('tokens: words, symbols, hyphens left out, folded forms', () => {
  assert.deepEqual(tokenize("pro-Houthi forces' Türkiye’s 2nd").map((t) => t.norm), ['pro', 'houthi', 'forces', "'", 'turkiye', "'", 's', '2nd']);
  assert.deepEqual(tokenize('al-Shabaab', 10).map((t) => [t.raw, t.start, t.end]), [['al', 10, 12], ['Shabaab', 13, 20]]);
});

test('tokens: the hand-written scan gives what the regex gives, on every kind of character', () => {
  // letters of many scripts, combining marks, astral letters and symbols, lone surrogates, all kinds of space, control characters
  const alphabet = ['a', 'Z', '9', '_', '-', '\u2010', '\u2011', '`', '´', '’', 'é', 'e\u0301', 'İ', 'ß', 'Ⅻ', '٣', 'ك', '中', 'ﬁ', 'ǅ', 'Σ',
    '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\t', '\n', '\x0b', '\x7f', '\x01', '😀', '𝐀', '\ud800', '\udc00', '.', "'", '\u0300', ' ', '—'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 5000; k++) {
    let text = '';
    for (let n = Math.floor(next() * 24); n > 0; n--) text += alphabet[Math.floor(next() * alphabet.length)];
    assert.deepEqual(tokenize(text, 3), byRegex(text, 3), JSON.stringify(text));
  }
});
