/**
 * `sitrep extract` as a user runs it: a real child process, real files,
 * stdout records, stderr messages and exit codes (INTERFACE.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/sitrep.js', import.meta.url).pathname;
const SEED = new URL('../../shared/seed/aleppo-2016-05.txt', import.meta.url).pathname;

function sitrep(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, 'extract', ...args], { input: typeof input === 'string' ? Buffer.from(input) : input, timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const STORY = 'On 9 May 2020, Taliban fighters attacked a police checkpoint in Kandahar city, killing three policemen.';
const FRENCH = "Le 9 mai 2020, des manifestants se sont rassemblés devant la mairie de la ville pour dénoncer la hausse des prix. La police est intervenue dans l'après-midi et plusieurs personnes ont été interpellées selon les journaux locaux.";

test('extract: bad usage exits 2 with a message, before any work', () => {
  for (const args of [['--format', 'nope'], ['--published', 'last week']]) {
    const r = sitrep(args, '');
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /sitrep extract: .+/);
    assert.equal(r.stdout, '');
  }
});

test('extract: JSONL from stdin keeps input order; bad lines give error records, the run goes on, exit 1', () => {
  const lines = [
    JSON.stringify({ id: 'good-1', text: STORY, published: '2020-05-10' }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'no-text', title: 'no text here' }),
    JSON.stringify({ id: 'french', text: FRENCH }),
    JSON.stringify({ id: 'empty', text: '   ' }),
    JSON.stringify({ id: 'good-2', text: STORY.replace('three', 'four'), published: '2020-05-10' }),
  ];
  const bytes = Buffer.concat([Buffer.from(lines.slice(0, 3).join('\n') + '\n'), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x0a]), Buffer.from(lines.slice(3).join('\n') + '\n')]);
  const r = sitrep(['-', '--input-format', 'jsonl'], bytes);
  assert.equal(r.status, 1, r.stderr);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const order = records.map((x) => x.document_id);
  assert.deepEqual(order.filter((d, i) => d !== order[i - 1]), ['good-1', null, 'no-text', null, 'french', 'empty', 'good-2']);
  const errors = records.filter((x) => 'error' in x);
  assert.equal(errors.length, 5);
  assert.match(errors.find((e) => e.document_id === 'no-text').error, /"text"/);
  assert.match(errors.find((e) => e.document_id === 'french').error, /not English/);
  assert.match(errors.find((e) => e.document_id === 'empty').error, /empty/);
  const events = records.filter((x) => x.event_type);
  assert.deepEqual(events.map((e) => e.fatalities?.low), [3, 4]);
  assert.equal(events[0].event_date, '2020-05-09');
  assert.equal(events[0].actor1.name, 'Taliban');
  assert.equal(r.stderr.trim().split('\n').length >= 5, true, 'one stderr message per bad line');
});

test('extract: a JSONL line whose "published" is no valid date is coded without it, with a warning; the batch goes on', () => {
  const relative = 'On Friday, Taliban fighters attacked a police checkpoint in Kandahar city, killing three policemen.';
  const lines = [
    JSON.stringify({ id: 'bad-day', text: relative, published: '2020-13-45' }),
    JSON.stringify({ id: 'not-iso', text: relative, published: '9-May-20' }),
    JSON.stringify({ id: 'good', text: relative, published: '2020-05-10' }),
  ];
  const r = sitrep(['-', '--input-format', 'jsonl'], lines.join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(events.map((e) => [e.document_id, e.event_date, e.fatalities?.low]), [['bad-day', null, 3], ['not-iso', null, 3], ['good', '2020-05-08', 3]]);
  assert.match(r.stderr, /bad-day: published "2020-13-45" is not a valid ISO date/);
  assert.match(r.stderr, /not-iso: published "9-May-20" is not a valid ISO date/);
});

test('extract: files of every kind of bad input are reported; the good file is still coded (acled-csv)', { skip: existsSync(SEED) ? false : 'needs ../shared/seed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-extract-'));
  try {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 8]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Des manifestants \xe0 Paris\xff\xfe', 'latin1'));
    writeFileSync(join(dir, 'nav.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    const r = sitrep([SEED, join(dir, 'empty.txt'), join(dir, 'binary.txt'), join(dir, 'latin1.txt'), join(dir, 'nav.html'), join(dir, 'missing.txt'), '--published', '2016-05-29', '--format', 'acled-csv']);
    assert.equal(r.status, 1);
    const [header, ...rows] = r.stdout.trim().split('\n');
    assert.equal(header.split(',').slice(0, 7).join(','), 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type');
    assert.equal(header.split(',').length, 31);
    assert.ok(rows.some((row) => row.includes('Non-state actor overtakes territory')), 'the seed is coded');
    for (const [file, why] of [['empty.txt', /empty/], ['binary.txt', /binary/], ['latin1.txt', /UTF-8/], ['nav.html', /no article/], ['missing.txt', /cannot read/]] as const) {
      assert.match(r.stderr, new RegExp(`${file}.*${why.source}`), file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
