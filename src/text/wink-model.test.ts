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
