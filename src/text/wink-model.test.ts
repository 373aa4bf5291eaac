import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readCoreModel } from './wink-model.ts';

test('the fast loader builds the same core model as wink-eng-lite-web-model', () => {
  const stock = (createRequire(import.meta.url)('wink-eng-lite-web-model') as { core: () => unknown }).core();
  assert.deepStrictEqual(readCoreModel(), stock);
});
