import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { freshBundle, inputsHash, stamp } from '../../bin/bundle.js';

const BIN = new URL('../../bin/sitrep.js', import.meta.url).pathname;
const SEED = new URL('../../examples/aleppo-2016-05.txt', import.meta.url).pathname;

test('a bundle runs only while its inputs are as they were when it was built', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-bundle-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'cli');
  mkdirSync(dir);
  writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
  const hash = inputsHash(['a.ts'], root);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ hash, inputs: ['a.ts'], stamps: stamp(['a.ts'], root) }));
  assert.equal(freshBundle(dir, root), null, 'a manifest naming a bundle that is not there');
  mkdirSync(join(dir, hash));
  writeFileSync(join(dir, hash, 'main.js'), '');
  assert.equal(freshBundle(dir, root), join(dir, hash, 'main.js'));
  writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
  assert.equal(freshBundle(dir, root), join(dir, hash, 'main.js'), 'a file written again with the same text is no change');
  writeFileSync(join(root, 'a.ts'), 'export const a = 2;\n');
  assert.equal(freshBundle(dir, root), null, 'an edited source makes the bundle stale');
  rmSync(join(root, 'a.ts'));
  assert.equal(freshBundle(dir, root), null, 'a missing source makes the bundle stale');
  assert.equal(freshBundle(join(root, 'none'), root), null, 'no manifest, no bundle');
});

test('sitrep extract gives the same output from the bundle as from the sources', (t) => {
  if (!freshBundle()) return t.skip('no fresh bundle: run `npm run build:cli` (npm test does)');
  const run = (env: Record<string, string>) => spawnSync(process.execPath, [BIN, 'extract', SEED, '--published', '2016-05-29'], { encoding: 'utf8', env: { ...process.env, ...env } });
  const bundled = run({});
  const source = run({ SITREP_NO_BUNDLE: '1' });
  assert.equal(bundled.status, 0, bundled.stderr);
  assert.ok(bundled.stdout.includes('"event_type"'));
  assert.equal(bundled.stdout, source.stdout);
});
