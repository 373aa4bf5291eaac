/** `sitrep export --format control-geojson|displacement-hxl` over a real SQLite file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEED = new URL('../../shared/seed/aleppo-2016-05.txt', import.meta.url);
const skip = existsSync(SEED) ? false : 'needs ../shared/seed/aleppo-2016-05.txt (the shared folder is missing)';
const BIN = new URL('../bin/sitrep.js', import.meta.url).pathname;

test('export: control as GeoJSON and displacement as HXL from the stored seed', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
  try {
    const db = join(dir, 'x.db');
    execFileSync(process.execPath, [BIN, 'ingest', '--db', db, '--published', '2016-05-29', '--quiet', SEED.pathname], { stdio: 'pipe' });
    const control = JSON.parse(execFileSync(process.execPath, [BIN, 'export', '--db', db, '--format', 'control-geojson'], { encoding: 'utf8' }));
    const road = control.features.find((f: { geometry: { type: string } }) => f.geometry.type === 'LineString');
    assert.ok(road, 'the Marea–Azaz road is a line');
    assert.equal(road.properties.controller, 'Islamic State (Syria)');
    const before = JSON.parse(execFileSync(process.execPath, [BIN, 'export', '--db', db, '--format', 'control-geojson', '--date', '2016-05-01'], { encoding: 'utf8' }));
    assert.ok(!before.features.some((f: { properties: { controller: string } }) => f.properties.controller === 'Islamic State (Syria)'), 'nothing held by IS before the offensive');
    const hxl = execFileSync(process.execPath, [BIN, 'export', '--db', db, '--format', 'displacement-hxl'], { encoding: 'utf8' }).split('\n');
    assert.match(hxl[1], /#affected\+idps/);
    assert.ok(hxl.length >= 3, 'at least one displacement row');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
