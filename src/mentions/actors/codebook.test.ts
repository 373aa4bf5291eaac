import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCodebook, codebookProblems, CodebookError, DEFAULT_ACTORS_DIR, readCodebookFiles } from './index.ts';
import type { CodebookFiles } from './index.ts';

const FILES = readCodebookFiles();

test('every data file validates against the schema and the codebook has no problems', () => {
  const files = FILES;
  assert.deepEqual(codebookProblems(files), []);
  const onDisk = readdirSync(DEFAULT_ACTORS_DIR).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  assert.equal(onDisk.length, files.actors.length + 2, 'every json file is read (countries, generic, actors.*)');
  for (const f of onDisk) {
    const header = JSON.parse(readFileSync(join(DEFAULT_ACTORS_DIR, f), 'utf8')).header;
    for (const k of ['source', 'licence', 'reviewer', 'date']) assert.ok(header[k], `${f} header.${k}`);
  }
  const cb = buildCodebook(files);
  assert.ok(cb.actors.length > 400, 'codebook has actors');
  assert.ok(cb.countries.length >= 100);
});

function withActors(extra: object[]): CodebookFiles {
  const files = FILES;
  return { ...files, actors: [...files.actors, { file: 'actors.test.json', entries: extra as CodebookFiles['actors'][0]['entries'] }] };
}

test('an alias naming two different actors in the same country is rejected', () => {
  const files = withActors([{ id: 'fake-houthi', name: 'Fake Houthi Front', aliases: ['Ansar Allah'], type: 'rebel', inter: 2, country: 'YE' }]);
  const problems = codebookProblems(files);
  assert.ok(problems.some((p) => p.includes('Ansar Allah') && p.includes('fake-houthi')), problems.join('\n'));
  assert.throws(() => buildCodebook(files), CodebookError);
});

test('the same alias in different countries or disjoint periods is allowed', () => {
  const files = withActors([{ id: 'fake-rebels-chad', name: 'Fake Rebels (Chad)', aliases: [], contextAliases: ['rebels'], type: 'rebel', inter: 2, country: 'TD' }]);
  assert.deepEqual(codebookProblems(files), []);
});

test('duplicate ids and unknown countries are reported', () => {
  const files = withActors([
    { id: 'hamas', name: 'Hamas again', aliases: ['Hamas Two'], type: 'rebel', inter: 2, country: 'PS' },
    { id: 'nowhere', name: 'Nowhere Front', aliases: ['Nowhere Front'], type: 'rebel', inter: 2, country: 'QQ' },
  ]);
  const problems = codebookProblems(files).join('\n');
  assert.match(problems, /id hamas already used/);
  assert.match(problems, /unknown country QQ/);
});

test('a malformed file is rejected with its name and the failing path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actors-'));
  try {
    for (const f of ['schema.json', 'countries.json', 'generic.json']) copyFileSync(join(DEFAULT_ACTORS_DIR, f), join(dir, f));
    const header = { source: 'test', licence: 'MIT', reviewer: 'test', date: '2026-11-25' };
    writeFileSync(join(dir, 'actors.bad.json'), JSON.stringify({ header, actors: [{ id: 'Bad Id', name: 'X', aliases: [], type: 'rebel', inter: 9, country: 'sy' }] }));
    assert.throws(() => readCodebookFiles(dir), (e: Error) => e instanceof CodebookError && /actors\.bad\.json/.test(e.message) && /\/actors\/0\/(id|inter|country)/.test(e.message));
    writeFileSync(join(dir, 'actors.bad.json'), '{ not json');
    assert.throws(() => readCodebookFiles(dir), /actors\.bad\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a country naming an unknown kind or actor, or a place on both sides of a line, is reported', () => {
  const ua = FILES.countries.find((c) => c.iso2 === 'UA')!;
  const countries = FILES.countries.map((c) =>
    c.iso2 === 'UA' ? { ...c, crimeKind: 'cartel', frontLines: [{ from: '2015-02-15', nonState: 'no-such-actor', nonStateHeld: ['Horlivka'], stateHeld: ['horlivka'] }] } : c,
  );
  assert.ok(ua.frontLines?.length, 'Ukraine has a front line');
  const problems = codebookProblems({ ...FILES, countries }).join('\n');
  assert.match(problems, /UA: crimeKind names unknown kind cartel/);
  assert.match(problems, /UA: front line names unknown actor no-such-actor/);
  assert.match(problems, /UA: front line puts Horlivka on both sides/);
});
