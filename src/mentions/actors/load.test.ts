import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodebookError, DEFAULT_ACTORS_DIR, loadCodebook } from './index.ts';

test('a codebook remembered as checked is the codebook a full check builds', () => {
  const full = loadCodebook();
  loadCodebook(undefined, { rememberChecks: true });
  const remembered = loadCodebook(undefined, { rememberChecks: true });
  assert.deepStrictEqual(remembered, full);
});

test('a codebook that fails its checks is never remembered as checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actors-'));
  try {
    for (const f of readdirSync(DEFAULT_ACTORS_DIR)) if (f.endsWith('.json')) copyFileSync(join(DEFAULT_ACTORS_DIR, f), join(dir, f));
    const header = { source: 'test', licence: 'MIT', reviewer: 'test', date: '2026-11-25' };
    writeFileSync(join(dir, 'actors.bad.json'), JSON.stringify({ header, actors: [{ id: 'Bad Id', name: 'X', aliases: [], type: 'rebel', inter: 9, country: 'sy' }] }));
    for (let i = 0; i < 2; i++) assert.throws(() => loadCodebook(dir, { rememberChecks: true }), (e: Error) => e instanceof CodebookError && /actors\.bad\.json/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
