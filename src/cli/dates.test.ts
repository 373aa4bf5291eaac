import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './dates.ts';
import { UsageError } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-dates-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the command in-process, collecting what it writes to stdout and stderr. */
async function dates(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [write, writeErr] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => err.push(s) > 0) as typeof process.stderr.write;
  try {
    const status = await run(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    [process.stdout.write, process.stderr.write] = [write, writeErr];
  }
}
const records = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

test('sitrep dates: one record per expression, resolved against --published', async () => {
  const text = 'Share\nIS swept through the area early yesterday.\nRebels lost Marea on Friday, a monitor said.\n';
  const r = await dates([file('story.txt', text), '--published', '2016-05-29']);
  assert.equal(r.status, 0, r.stderr);
  const out = records(r.stdout);
  assert.deepEqual(out.map((o) => [o.document_id, o.text, o.value, o.type, o.precision]), [
    ['story.txt', 'early yesterday', '2016-05-28', 'DATE', 1],
    ['story.txt', 'Friday', '2016-05-27', 'DATE', 1],
  ]);
  for (const o of out) assert.equal(text.slice(o.start, o.end), o.text);
});

test('sitrep dates: JSONL, per-document published wins, bad lines and binary files give error records and exit 1', async () => {
  const jsonl = file('batch.jsonl', [
    JSON.stringify({ id: 'a', text: 'They attacked on Friday.', published: '2016-05-29' }),
    'not json',
    JSON.stringify({ id: 'b', text: 'They attacked on Friday.' }),
  ].join('\n'));
  const binary = file('photo.jpg', '\u0000\u0001JFIF\u0000\u0000');
  const r = await dates([jsonl, binary, '--published', '2016-06-05']);
  assert.equal(r.status, 1);
  const out = records(r.stdout);
  assert.deepEqual(out.map((o) => [o.document_id, o.value ?? (o.error ? 'error' : null)]), [['a', '2016-05-27'], [null, 'error'], ['b', '2016-06-03'], ['photo.jpg', 'error']]);
  assert.match(r.stderr, /line 2/);
  assert.match(r.stderr, /BINARY_INPUT/);
});

test('sitrep dates: no publication time means unresolved, never "now"; bad usage is a UsageError', async () => {
  const r = await dates([file('undated.txt', 'They attacked on Friday. On 9 May 2020, protesters gathered.'), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((o: { value: string | null; resolved: boolean }) => [o.value, o.resolved]), [[null, false], ['2020-05-09', true]]);
  await assert.rejects(dates(['--published', 'yesterday']), UsageError);
  await assert.rejects(dates(['--format', 'csv']), UsageError);
});

test('sitrep dates reads stdin through the real CLI', () => {
  const bin = new URL('../../bin/sitrep.js', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [bin, 'dates', '--published', '2016-05-29'], { input: 'IS attacked on Thursday.', encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(records(r.stdout).map((o) => [o.document_id, o.value]), [['stdin', '2016-05-26']]);
});
