/**
 * `npm run bench:quality`: codes each ACLED `notes` text of
 * ../shared/bench/acled/acled-2020-dev.csv and scores the coded record
 * against ACLED's own coding of that note.
 *
 * Publication time: the row's `timestamp` (when ACLED entered the event, i.e.
 * after it happened), the nearest thing to a publication time the data has.
 * Using `event_date` instead would hand the answer to every note whose date
 * is relative or missing, and the date score would measure nothing.
 *
 * Per note the best-matching coded event is scored (a note may yield several).
 * Options: --limit N (first N rows), --gazetteer-line (also score locations
 * with ../shared/gazetteer imported into a temporary gazetteer), --errors N
 * (print N examples of each error class), --only PREFIX (only the error classes
 * whose name starts with PREFIX, e.g. "fatalities"), --half odd|even (every
 * other row, to check that a change helps both halves), --imported PATH (reuse
 * an imported gazetteer at PATH, building it there when missing).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadResources, extract, type Resources } from '../src/pipeline.ts';
import { distanceKm } from '../src/geo/index.ts';
import { acledFatalities } from '../src/events/counts.ts';
import type { EventRecord } from '../src/events/types.ts';
import type { PlaceMention } from '../src/mentions/types.ts';
import { gazetteerPath, nameKey } from '../src/geo/index.ts';
import { ACLED_DEV, acledDay, acledPublished, acledRows, type AcledRow } from './acled.ts';

const SHARED_GAZ = new URL('../../shared/gazetteer/', import.meta.url);

/** "9-May-20" → "2020-05-09" */
const acledDate = (s: string): string => acledDay(s) ?? s;

type Row = AcledRow;

function score(e: EventRecord, r: Row): number {
  return (e.event_type === r.event_type ? 4 : 0) + (e.sub_event_type === r.sub_event_type ? 2 : 0) + (e.actor1?.name === r.actor1 ? 1 : 0) + (e.event_date === acledDate(r.event_date) ? 1 : 0);
}

interface Tally { n: number; coverage: number; type: number; sub: number; date: number; fat: number; fatLow: number; actor1: number; actor1Loose: number; actor1Regime: number; actor2: number; loc: number; locN: number; locOdd: number; locNOdd: number }

function run(rows: Row[], res: Resources, errors: Map<string, string[]>, onlyLocation = false, gazetteer = 'cities500'): Tally {
  const t: Tally = { n: 0, coverage: 0, type: 0, sub: 0, date: 0, fat: 0, fatLow: 0, actor1: 0, actor1Loose: 0, actor1Regime: 0, actor2: 0, loc: 0, locN: 0, locOdd: 0, locNOdd: 0 };
  const note = (cls: string, text: string) => {
    if (onlyLocation && !cls.startsWith('location')) return;
    if (cls.startsWith('location')) cls = cls.replace('location', `location ${gazetteer}`);
    const list = errors.get(cls) ?? [];
    list.push(text);
    errors.set(cls, list);
  };
  for (const r of rows) {
    const odd = t.n % 2 === 1;
    t.n++;
    const published = acledPublished(r);
    const { doc, result } = extract({ id: r.data_id, text: r.notes, published }, res);
    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    // events alike in every scored field (one report at a list of places) are told apart by their place
    const away = (e: EventRecord) => (e.location?.lat != null && e.location.lon != null && r.latitude !== '' ? distanceKm(e.location.lat, e.location.lon, lat, lon) : Infinity);
    const best = [...result.events].sort((a, b) => score(b, r) - score(a, r) || away(a) - away(b))[0];
    if (r.latitude !== '') (t.locN++, (t.locNOdd += odd ? 1 : 0));
    if (!best) {
      note(`no event: ${r.sub_event_type}`, r.notes);
      continue;
    }
    t.coverage++;
    if (best.location?.lat != null && best.location.lon != null && r.latitude !== '' && distanceKm(best.location.lat, best.location.lon, lat, lon) <= 25) (t.loc++, (t.locOdd += odd ? 1 : 0));
    else if (r.latitude !== '') note(`location, ${locationMiss(doc.mentions.places, best, lat, lon)}${/\b(OSCE|SMM)\b/.test(r.notes) ? ' (OSCE note)' : ''}`, `${r.location} (${r.admin2}, ${r.admin1}, ${r.country}) ≠ ${best.location?.text ?? '—'} → ${best.location?.name ?? '—'} (${best.location?.admin1 ?? '—'}, ${best.location?.iso3 ?? '—'}): ${r.notes.slice(0, 300)}`);
    if (onlyLocation) continue;
    if (best.event_type === r.event_type) t.type++;
    if (best.sub_event_type === r.sub_event_type) t.sub++;
    else note(`sub: ${r.sub_event_type} → ${best.sub_event_type}`, r.notes);
    if (best.event_date === acledDate(r.event_date)) t.date++;
    else note('date', `${acledDate(r.event_date)} ≠ ${best.event_date} (${best.date.text}): ${r.notes.slice(0, 100)}`);
    const fatalities = acledFatalities(best.fatalities);
    if ((best.fatalities?.low ?? 0) === Number(r.fatalities)) t.fatLow++;
    if (fatalities === Number(r.fatalities)) t.fat++;
    else note(`fatalities, ${fatalityMiss(Number(r.fatalities), fatalities, r.notes)}`, `${r.fatalities} ≠ ${fatalities} (${best.fatalities?.text ?? ''}): ${r.notes}`);
    if (best.actor1?.name === r.actor1) t.actor1++;
    else note('actor1', `${r.actor1} ≠ ${best.actor1?.name ?? '—'} (${best.actor1?.text ?? ''}): ${r.notes.slice(0, 140)}`);
    if (best.actor1 && r.actor1.startsWith(best.actor1.name)) t.actor1Loose++;
    if (best.actor1 && openRegime(best.actor1.name) === r.actor1) t.actor1Regime++;
    if ((best.actor2?.name ?? '') === r.actor2) t.actor2++;
  }
  return t;
}

/**
 * Why the event's place is more than 25 km from ACLED's: another mention of
 * the note resolved near the gold point (the wrong phrase was chosen), or one
 * had a near candidate but resolved to a namesake, or nothing in the note
 * comes near (the gazetteer lacks it, or ACLED codes a place the note does not name).
 */
function locationMiss(places: PlaceMention[], best: EventRecord, lat: number, lon: number): string {
  const near = (p: { lat: number; lon: number } | null | undefined) => !!p && distanceKm(p.lat, p.lon, lat, lon) <= 25;
  const chosen = places.find((p) => p.start === best.location?.start && p.end === best.location?.end) ?? places.find((p) => p.text === best.location?.text);
  if (!best.location) return 'no place';
  if (chosen && chosen.candidates.some((c) => near(c.place))) return 'right phrase, wrong namesake';
  if (places.some((p) => near(p.resolved))) return 'wrong phrase (another mention resolved near)';
  if (places.some((p) => p.candidates.some((c) => near(c.place)))) return 'wrong phrase and namesake';
  if (chosen && places.some((p) => p !== chosen && nameKey(p.text) !== nameKey(chosen.text) && p.resolved?.geoPrecision === 1)) return 'nothing near (other towns named)';
  return 'nothing near';
}

/**
 * The kind of a fatalities miss, so the misses can be read by pattern. ACLED's
 * own coding remarks in a note ("Fatalities coded as 0 (VoJ reported 1)",
 * "split across 2 events") are a class apart: the text reports one figure and
 * the coder chose another, which no reading of the report can recover.
 */
function fatalityMiss(gold: number, ours: number, notes: string): string {
  if (/\bcoded as \d|\b(?:split|spread)\b[^.]*\b(?:events?|locations?)\b|fatalit\w*[^.]*\bsplit\b/i.test(notes)) return "ACLED's coding remark decides";
  if (ours === 0) return 'none read';
  return ours > gold ? 'more than ACLED' : 'fewer than ACLED';
}

/**
 * ACLED names state forces by regime and closes the years when a regime ends:
 * the 2020 file says "(2000-)" where a name given today says "(2000-2024)".
 */
function openRegime(name: string): string {
  return name.replace(/\((\d{4})-\d{4}\)/, '($1-)');
}

/** Location on the odd and even rows apart, to check that a change helps both halves. */
function halves(t: Tally): string {
  return `(odd rows ${pct(t.locOdd, t.locNOdd).trim()}, even ${pct(t.loc - t.locOdd, t.locN - t.locNOdd).trim()})`;
}

function pct(k: number, n: number): string {
  return `${((100 * k) / Math.max(1, n)).toFixed(1)}%`.padStart(6);
}

function importedGazetteer(keep?: string): string | null {
  if (keep && existsSync(keep)) return keep;
  if (!existsSync(SHARED_GAZ) || !existsSync(new URL('../src/geo/import.ts', import.meta.url))) return null;
  const path = keep ?? join(mkdtempSync(join(tmpdir(), 'sitrep-gaz-')), 'gazetteer.db');
  copyFileSync(gazetteerPath(), path);
  const files = readdirSync(SHARED_GAZ).filter((f) => f.endsWith('.txt')).map((f) => join(SHARED_GAZ.pathname, f));
  const bin = new URL('../bin/sitrep.js', import.meta.url).pathname;
  const out = spawnSync(process.execPath, [bin, 'gazetteer', 'import', ...files, '--gazetteer', path], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out.status === 0 ? path : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { limit: { type: 'string' }, errors: { type: 'string', default: '0' }, only: { type: 'string', default: '' }, 'gazetteer-line': { type: 'boolean', default: false }, half: { type: 'string' }, imported: { type: 'string' } } });
  const all = acledRows();
  if (!all) {
    console.log(`bench:quality skipped: ${ACLED_DEV.pathname} is missing (needs ../shared)`);
    return;
  }
  let rows: Row[] = all;
  if (values.limit) rows = rows.slice(0, Number(values.limit));
  if (values.half) rows = rows.filter((_, i) => i % 2 === (values.half === 'odd' ? 1 : 0));
  const res = loadResources();
  const errors = new Map<string, string[]>();
  const t0 = performance.now();
  const t = run(rows, res, errors);
  const secs = (performance.now() - t0) / 1000;
  console.log(`ACLED 2020 dev${values.half ? ` (${values.half} rows)` : ''}: ${t.n} notes coded in ${secs.toFixed(1)} s (published = row timestamp; best-matching event per note)`);
  console.log(`  coverage (≥1 event)         ${pct(t.coverage, t.n)}`);
  console.log(`  event_type accuracy         ${pct(t.type, t.n)}   target ≥ 85%`);
  console.log(`  sub_event_type accuracy     ${pct(t.sub, t.n)}   target ≥ 75%`);
  console.log(`  event_date exact            ${pct(t.date, t.n)}   target ≥ 95%`);
  console.log(`  fatalities exact (ACLED fig)${pct(t.fat, t.n)}   target ≥ 92%   (ACLED's conventions: lowest figure; 10 for "several" or an unknown number, 12 for "dozens")`);
  console.log(`  fatalities exact, our low   ${pct(t.fatLow, t.n)}   (the interval's lower bound read as the figure)`);
  console.log(`  actor1 exact                ${pct(t.actor1, t.n)}   target ≥ 70%   (gold name starts with ours: ${pct(t.actor1Loose, t.n).trim()})`);
  console.log(`  actor1, regime years as of 2020 ${pct(t.actor1Regime, t.n)}   ("Military Forces of Syria (2000-2024)" read as 2020's "(2000-)")`);
  console.log(`  actor2 exact (empty = none) ${pct(t.actor2, t.n)}`);
  console.log(`  location ≤ 25 km, cities500 ${pct(t.loc, t.locN)}   target ≥ 50%   ${halves(t)}`);
  if (values['gazetteer-line']) {
    const path = importedGazetteer(values.imported);
    if (!path) console.log('  location ≤ 25 km, +shared gazetteer: skipped (no ../shared/gazetteer or no geo import)');
    else {
      const g = run(rows, { ...loadResources({ gazetteerPath: path }) }, errors, true, 'imported');
      console.log(`  location ≤ 25 km, +shared    ${pct(g.loc, g.locN)}   ${halves(g)}   (26 countries of village-level GeoNames imported into a temp gazetteer)`);
      if (!values.imported) rmSync(join(path, '..'), { recursive: true, force: true });
    }
  }
  const show = Number(values.errors);
  if (show > 0) {
    for (const [cls, list] of [...errors].sort((a, b) => b[1].length - a[1].length)) {
      if (!cls.startsWith(values.only)) continue;
      console.log(`\n== ${cls}: ${list.length}`);
      for (const x of list.slice(0, show)) console.log('   ', x.slice(0, 400));
    }
  }
}

await main();
