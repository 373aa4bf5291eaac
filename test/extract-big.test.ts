/** `sitrep extract` on a 50 MB input: cut to the size limit, said so on stderr, coded, no crash. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const BIN = new URL('../bin/sitrep.js', import.meta.url).pathname;
const SEED = new URL('../../shared/seed/aleppo-2016-05.txt', import.meta.url).pathname;

function sitrep(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, 'extract', ...args], { input: Buffer.from(input), timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

test('extract: a 50 MB input is cut, reported and coded without a crash', { skip: existsSync(SEED) ? false : 'needs ../shared/seed' }, () => {
  // the story, then 50 MB of page litter: the size is real, the coding stays quick
  const seed = readFileSync(SEED, 'utf8');
  const big = seed + '\nAdvertisement\n'.repeat(Math.ceil((50 * 1024 * 1024) / 15));
  const r = sitrep(['-', '--published', '2016-05-29'], big);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /cut/);
  assert.ok(r.stdout.length > 0);
});
