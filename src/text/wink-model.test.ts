import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { englishModel, readCoreModel } from './wink-model.ts';

test('the fast loader builds the same core model as wink-eng-lite-web-model', () => {
  const stock = (createRequire(import.meta.url)('wink-eng-lite-web-model') as { core: () => unknown }).core();
  assert.deepStrictEqual(readCoreModel(), stock);
});

test('the model can be asked for again and again (a long-running process starts fresh instances)', () => {
  const first = (englishModel().metaCER as () => { machines: string }).call(null);
  for (let i = 0; i < 40; i++) assert.equal((englishModel().metaCER as () => unknown)(), first);
  assert.doesNotThrow(() => JSON.parse(first.machines));
});

test('the pipe model, which computes fewer features of a new word and has no tagger, splits exactly as the full model with its tagger', async () => {
  const winkNLP = (await import('wink-nlp')).default;
  const full = englishModel();
  full.core = readCoreModel;
  full.pos = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/load-pos-model.js');
  const text = 'Brig. Gen. Qassem Zaybakh of the Ansarullah-aligned Liwa al-Quds said on Tues. that 4,500 fighters ' +
    'had reached Kafr Nabudah.\nU.N. envoy Zzorbatsky met Dr. Ngozi Okonjo-Iweala in Abuja at 5 p.m. Mr. Qwertyuiop left.';
  const read = (model: Record<string, unknown>, pipe: string[]) => {
    const nlp = winkNLP(model as unknown as Parameters<typeof winkNLP>[0], pipe as Parameters<typeof winkNLP>[1]);
    const doc = nlp.readDoc(text);
    return [doc.tokens().out(), doc.tokens().out(nlp.its.type), doc.sentences().out(nlp.its.span)];
  };
  const expected = read(full, ['sbd', 'pos']);
  assert.ok((expected[2] as unknown[]).length >= 3);
  assert.deepStrictEqual(read(englishModel(), ['sbd']), expected);
});
