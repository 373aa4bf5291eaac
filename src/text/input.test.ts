import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readInput, makeDoc, MAX_INPUT_CHARS } from './index.ts';

const ARTICLE = [
  'Islamic State fighters captured territory from Syrian rebels near the Turkish border on Friday, the Syrian Observatory for Human Rights reported.',
  'Thousands of civilians have fled the offensive into territory controlled by a Kurdish-led alliance, a monitor said on Sunday.',
  'The Local Coordination Committees network said strikes on the al-Waer neighborhood killed four people and injured 17.',
].map((p) => `<p>${p}</p>`).join('\n<div class="ad">Advertisement</div>\n');

test('bad input gets a stable error code, never a throw', () => {
  const cases: [Buffer, string][] = [
    [Buffer.from(''), 'EMPTY_INPUT'],
    [Buffer.from(' \n\t\n '), 'EMPTY_INPUT'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'BINARY_INPUT'],
    [Buffer.concat([Buffer.from('IS took Marea '), Buffer.from([0xc3, 0x28]), Buffer.from(' on Friday.')]), 'INVALID_UTF8'],
    [Buffer.from('\x01\x02\x03\x04\x05\x06 text \x07\x08\x0b\x0e\x0f'), 'BINARY_INPUT'],
  ];
  for (const [bytes, code] of cases) {
    const r = readInput(bytes, { id: 'd' });
    assert.ok('error' in r, `${code} expected`);
    if ('error' in r) assert.equal(r.code, code);
  }
});

test('UTF-8 with a BOM, CRLF and UTF-16 are read as text', () => {
  const r = readInput(Buffer.from('\uFEFFIS took Marea.\r\nRebels fled.', 'utf8'), { id: 'd', published: '2016-05-29' });
  assert.ok('input' in r);
  if ('input' in r) assert.deepEqual([r.input.text, r.input.published], ['IS took Marea.\nRebels fled.', '2016-05-29']);
  const u16 = readInput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('IS took Marea.', 'utf16le')]), { id: 'd' });
  assert.ok('input' in u16 && u16.input.text === 'IS took Marea.');
});

test('a 50 MB input is cut with a warning, not a crash', () => {
  const line = 'Fighters shelled the village on Friday, killing four civilians, residents said.\n';
  const big = Buffer.from(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
  const r = readInput(big, { id: 'big' });
  assert.ok('input' in r);
  if (!('input' in r)) return;
  assert.ok(r.input.text.length <= MAX_INPUT_CHARS);
  assert.ok(r.input.text.endsWith('said.'));
  assert.equal(r.warnings[0]?.code, 'TRUNCATED');
});

test('HTML: the article text, its title and publication time; no article is an error', () => {
  const page = `<html lang="en"><head><title>Syria rebels under fire</title>
    <meta property="article:published_time" content="2016-05-29T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Syria rebels under fire</h1>${ARTICLE}</article>
    <footer>Copyright 2016 News Ltd. All rights reserved.</footer><script>var tracking = 1;</script></body></html>`;
  const r = readInput(Buffer.from(page), { id: 'h', format: 'html' });
  assert.ok('input' in r);
  if (!('input' in r)) return;
  assert.equal(r.input.title, 'Syria rebels under fire');
  assert.equal(r.input.published, '2016-05-29T10:00:00Z');
  assert.ok(r.input.text.includes('Syrian Observatory for Human Rights reported.'));
  assert.ok(!r.input.text.includes('tracking') && !r.input.text.includes('Home'));
  const doc = makeDoc(r.input);
  assert.equal(doc.sentences.length, 3);
  assert.deepEqual(doc.litter.map((l) => l.text), ['Advertisement', 'Advertisement']);
  const empty = readInput(Buffer.from('<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>'), { id: 'e', format: 'html' });
  assert.ok('error' in empty && empty.code === 'NO_ARTICLE');
});

test('makeDoc reads HTML directly and guesses the language', () => {
  const doc = makeDoc({ id: 'h', text: `<html><body><article>${ARTICLE}</article></body></html>`, format: 'html', published: '2016-05-29' });
  assert.ok(doc.text.startsWith('Islamic State fighters'));
  assert.equal(doc.language, 'en');
  for (const s of doc.sentences) assert.equal(doc.text.slice(s.start, s.end), s.text);
  const fr = makeDoc({ id: 'f', text: "Les combattants de l'État islamique ont pris le contrôle de la ville vendredi, selon l'Observatoire syrien des droits de l'homme." });
  assert.equal(fr.language, 'fr');
  const ar = makeDoc({ id: 'a', text: 'قال المرصد السوري لحقوق الإنسان إن مقاتلي تنظيم الدولة سيطروا على قرى قرب الحدود التركية' });
  assert.equal(ar.language, 'ar');
  // a one-line English note full of transliterated names is still English
  assert.equal(makeDoc({ id: 'n', text: 'On 4 May 2020, Ansar al Tawhid ended its affiliation with Wa Harredh al Moaamineen Operation Room.' }).language, 'en');
  assert.equal(makeDoc({ id: 's', text: 'Los combatientes del Estado Islámico tomaron la ciudad el viernes, según el observatorio, y los civiles huyeron hacia la frontera.' }).language, 'es');
});
