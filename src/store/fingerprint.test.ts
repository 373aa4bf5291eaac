/**
 * The fingerprints read words in place; they must give the values the
 * stored signatures were made with (words as /[\p{L}\p{N}]+/gu finds them,
 * each 4-shingle joined by spaces and hashed with FNV-1a), or near copies
 * of documents stored before would go unseen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { contentHash, fingerprints, minhash } from './fingerprint.ts';

const mix = (h: number) => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** The signature as first defined, written the plain way. */
function reference(text: string): number[] | null {
  const words = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = new Set<number>();
  for (let i = 0; i + 4 <= words.length; i++) {
    const s = words.slice(i, i + 4).join(' ');
    let h = 0x811c9dc5;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    shingles.add(h >>> 0);
  }
  if (shingles.size < 20) return null;
  return Array.from({ length: 64 }, (_, i) => Math.min(...[...shingles].map((s) => mix(s ^ mix(i * 0x9e3779b1 + 1)))));
}

const texts = [
  'IS swept through rebel-held territory near Marea on Friday, cutting the road to Azaz, a monitor said. '.repeat(4),
  'Ünïcödé wörds in Việt Nam; 𝐀𝐁𝐂 bold letters and 𠀀𠀁 (CJK extension B); العربية نص طويل هنا; Ελληνικά κείμενα; ½ ² ③; a lone \ud800 surrogate. '.repeat(3),
  'Too short to judge.',
  // whitespace of every kind, alone and in runs, at both ends
  Array.from({ length: 8 }, (_, i) => ` \n\tLine ${i}\nand  runs \u00a0of\r\nspace,\ttabs\u2028and\u3000ideographic  \n space. `).join(''),
];

test('the signature is the one stored documents were given, whatever the script', () => {
  for (const t of texts) {
    const sig = minhash(t);
    assert.deepEqual(sig && [...sig], reference(t));
  }
  assert.equal(minhash(texts[2]), null);
  assert.notEqual(minhash(texts[3]), null);
});

test('fingerprints gives both keys from one normalisation', () => {
  for (const t of texts) {
    const f = fingerprints(t);
    assert.equal(f.content_hash, contentHash(t));
    assert.equal(f.content_hash, createHash('sha256').update(t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex'));
    assert.deepEqual(f.minhash, minhash(t));
  }
});
