import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/sitrep.js', import.meta.url));

function sitrep(args: string[], input: string) {
  return spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
}

test('sitrep geoparse prints one INTERFACE record per toponym', () => {
  const r = sitrep(['geoparse'], 'Shelling hit Homs and Hama in Syria.\n');
  assert.equal(r.status, 0, r.stderr);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(records.map((x) => x.text), ['Homs', 'Hama', 'Syria']);
  const keys = ['document_id', 'text', 'start', 'end', 'geonameid', 'name', 'lat', 'lon', 'feature_code', 'admin1', 'country', 'iso3', 'score'];
  for (const rec of records) assert.deepEqual(Object.keys(rec), keys);
  assert.equal(records[0].iso3, 'SYR');
  assert.equal(records[0].start, 13);
});

test('sitrep geoparse: a bad JSONL line gives an error record and exit 1, the rest goes on', () => {
  const r = sitrep(['geoparse', '--input-format', 'jsonl'], '{"id":"a","text":"Clashes in Idlib."}\nnot json\n{"id":"c","text":"Nothing here."}\n');
  assert.equal(r.status, 1);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(records[0].document_id, 'a');
  assert.ok(records.some((x) => x.error && /line 2/.test(x.error)));
});

test('sitrep geoparse: bad options exit 2', () => {
  assert.equal(sitrep(['geoparse', '--format', 'xml'], '').status, 2);
});
