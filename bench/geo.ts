/**
 * `npm run bench:geo`: scores the geoparser on GeoWebNews and LGL
 * (../shared/bench/geoparsing, evaluation only) — toponym precision, recall
 * and F1 by span overlap, and accuracy within 5 km / 161 km with the median
 * error, end to end and given the gold spans — and times geoparse.
 * `--acled` instead resolves ACLED's own location column (+ country) with
 * lookupPlace (and, with the row's admin1/admin2 too, with findPlace) and
 * prints the share within 25 km, with the bundled gazetteer and after
 * importing ../shared/gazetteer into a temporary copy (or --imported PATH,
 * an already imported copy).
 * Options: --limit N (documents per corpus), --corpus gwn|lgl, --verbose,
 * --examples N (misses shown under each cause of the gold-span breakdown).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeDoc } from '../src/text/index.ts';
import { countryCode, distanceKm, geoparse, lookupPlace, openGazetteer, resolveSpans, type Gazetteer, type PlaceMention } from '../src/geo/index.ts';
import { importDump } from '../src/geo/import.ts';
import { recognizeSpan } from '../src/geo/recognize.ts';
import { resolveAll } from '../src/geo/resolve.ts';
import { findPlace } from '../src/geo/lookup.ts';
import { causeOf, causeTable } from './geo-causes.ts';
import { ACLED_DEV, acledRows } from './acled.ts';

const SHARED = new URL('../../shared/bench/', import.meta.url).pathname;
const GAZETTEER_DUMPS = new URL('../../shared/gazetteer/', import.meta.url).pathname;
const FAR = 20_000;

interface GoldToponym {
  start: number;
  end: number;
  text: string;
  lat: number | null;
  lon: number | null;
}

interface GoldDoc {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** Gold offsets count code points; JavaScript strings count UTF-16 units. */
function utf16Offsets(text: string): (cp: number) => number {
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return (cp) => map[cp] ?? i;
}

const tag = (body: string, name: string) => body.match(new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`))?.[1];

/** GeoWebNews: the toponyms that carry coordinates (demonym adjectives included, location expressions not). */
function readGwn(file: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  for (const a of readFileSync(file, 'utf8').matchAll(/<article file="(\d+)">([\s\S]*?)<\/article>/g)) {
    const text = unescapeXml(tag(a[2], 'text') ?? '');
    const at = utf16Offsets(text);
    const toponyms: GoldToponym[] = [];
    for (const t of a[2].matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const lat = tag(t[1], 'latitude');
      const start = Number(tag(t[1], 'start'));
      if (!lat || start < 0) continue;
      const s = at(start);
      const e = at(Number(tag(t[1], 'end')));
      toponyms.push({ start: s, end: e, text: text.slice(s, e), lat: Number(lat), lon: Number(tag(t[1], 'longitude')) });
    }
    docs.push({ id: `gwn-${a[1]}`, text, toponyms });
  }
  return docs;
}

/** LGL: every annotated toponym; coordinates where the gaztag has them. */
function readLgl(file: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  for (const a of readFileSync(file, 'utf8').matchAll(/<article docid="(\d+)">([\s\S]*?)<\/article>/g)) {
    const raw = tag(a[2], 'text') ?? '';
    const text = raw.startsWith('<![CDATA[') ? raw.slice(9, -3) : unescapeXml(raw);
    const at = utf16Offsets(text);
    const toponyms: GoldToponym[] = [];
    for (const t of a[2].matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const s = at(Number(tag(t[1], 'start')));
      const e = at(Number(tag(t[1], 'end')));
      const lat = tag(t[1], 'lat');
      toponyms.push({ start: s, end: e, text: text.slice(s, e), lat: lat ? Number(lat) : null, lon: lat ? Number(tag(t[1], 'lon')) : null });
    }
    docs.push({ id: `lgl-${a[1]}`, text, toponyms });
  }
  return docs;
}

interface Cause {
  cause: string;
  example: string;
  km: number;
}

interface Scores {
  gold: number;
  predicted: number;
  matched: number;
  errors: number[];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function errorKm(g: GoldToponym, p: PlaceMention | undefined): number {
  if (g.lat === null || g.lon === null) return NaN;
  if (!p?.resolved) return FAR;
  return distanceKm(g.lat, g.lon, p.resolved.lat, p.resolved.lon);
}

function summary(s: Scores): string[] {
  const p = s.predicted ? s.matched / s.predicted : 0;
  const r = s.gold ? s.matched / s.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const e = [...s.errors].sort((a, b) => a - b);
  const within = (km: number) => (e.length ? e.filter((x) => x <= km).length / e.length : 0);
  const median = e.length ? e[Math.floor(e.length / 2)] : NaN;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [pct(p), pct(r), f.toFixed(3), pct(within(5)), pct(within(161)), `${median.toFixed(1)} km`, String(e.length)];
}

function scoreCorpus(name: string, docs: GoldDoc[], gaz: Gazetteer, verbose: boolean): { e2e: Scores; given: Scores; ms: number; chars: number; causes: Cause[] } {
  const causes: Cause[] = [];
  const e2e: Scores = { gold: 0, predicted: 0, matched: 0, errors: [] };
  const given: Scores = { gold: 0, predicted: 0, matched: 0, errors: [] };
  const parsed = docs.map((g) => makeDoc({ id: g.id, text: g.text }));
  // geoparse alone is timed, over all documents in a row, in CPU time (the machine may be shared)
  const t = process.cpuUsage();
  const all = parsed.map((doc) => geoparse(doc, gaz));
  const used = process.cpuUsage(t);
  const ms = (used.user + used.system) / 1000;
  const chars = docs.reduce((n, g) => n + g.text.length, 0);
  docs.forEach((g, i) => {
    const doc = parsed[i];
    const found = all[i];
    const predicted = found.filter((p) => p.via !== 'offset');
    e2e.gold += g.toponyms.length;
    e2e.predicted += predicted.length;
    const taken = new Set<PlaceMention>();
    for (const gold of g.toponyms) {
      const p = predicted.find((x) => !taken.has(x) && overlaps(x, gold));
      if (!p) {
        if (verbose) console.log(`  ${name} miss: "${gold.text}" in …${g.text.slice(Math.max(0, gold.start - 40), gold.end + 20).replace(/\s+/g, ' ')}…`);
        continue;
      }
      taken.add(p);
      e2e.matched++;
      const err = errorKm(gold, p);
      if (!Number.isNaN(err)) e2e.errors.push(err);
    }
    if (verbose) for (const p of predicted) if (!taken.has(p)) console.log(`  ${name} false: "${p.text}" → ${p.resolved?.name ?? '-'} (${p.resolved?.iso2 ?? ''}) ${p.reason.slice(0, 60)}`);
    const withCoords = g.toponyms.filter((x) => x.lat !== null);
    const resolved = resolveSpans(doc, gaz, withCoords);
    given.gold += withCoords.length;
    given.predicted += withCoords.length;
    given.matched += withCoords.length;
    // the same resolution again, with every ranked candidate, to say why a miss missed
    const diagnosed = resolveAll(withCoords.map((s) => recognizeSpan(doc, gaz, s.start, s.end)), gaz, doc);
    withCoords.forEach((gold, i) => {
      const err = errorKm(gold, resolved[i]);
      given.errors.push(err);
      if (err > 5) {
        const pick = resolved[i].resolved;
        const example = `${g.id} "${gold.text}" → ${pick ? `${pick.name} (${pick.featureCode}, ${pick.iso2 ?? ''}, pop ${pick.population})` : '-'} ${Math.round(err)} km`;
        causes.push({ cause: causeOf(gaz, { text: gold.text, lat: gold.lat!, lon: gold.lon! }, diagnosed[i]), example, km: err });
      }
      if (verbose && err > 161) console.log(`  ${name} far: "${gold.text}" → ${resolved[i].resolved?.name ?? '-'} (${resolved[i].resolved?.iso2 ?? ''}) ${Math.round(err)} km; ${resolved[i].reason.slice(0, 90)}`);
    });
  });
  return { e2e, given, ms, chars, causes };
}

/** The row's location resolved by name and country alone (lookupPlace), or also within its admin1/admin2 (findPlace). */
function acledWithin(gaz: Gazetteer, rows: Record<string, string>[], verbose: boolean, withAreas: boolean): string {
  let ok = 0;
  let found = 0;
  for (const r of rows) {
    const p = withAreas
      ? findPlace(gaz, r.location, { cc: countryCode(gaz, r.country), admin1: r.admin1 || undefined, admin2: r.admin2 || undefined })
      : lookupPlace(gaz, r.location, { country: r.country });
    if (p) found++;
    const d = p ? distanceKm(Number(r.latitude), Number(r.longitude), p.lat, p.lon) : FAR;
    if (d <= 25) ok++;
    else if (verbose) console.log(`  far: ${r.location} (${r.country}) → ${p ? `${p.name} ${Math.round(d)} km` : 'not found'}`);
  }
  return `${((100 * ok) / rows.length).toFixed(1)}% within 25 km (${ok}/${rows.length}; ${found} resolved)`;
}

async function acledBench(verbose: boolean, imported?: string): Promise<void> {
  const all = acledRows();
  if (!all) {
    console.log(`bench:geo --acled: ${ACLED_DEV.pathname} not found (needs ../shared); nothing measured`);
    return;
  }
  const rows = all.filter((r) => r.location && r.latitude);
  const base = openGazetteer();
  console.log(`ACLED dev, location column + country → lookupPlace; + admin1/admin2 columns → findPlace:`);
  console.log(`  cities500 + countries/admin1, lookupPlace: ${acledWithin(base, rows, verbose, false)}`);
  console.log(`  cities500 + countries/admin1, findPlace:   ${acledWithin(base, rows, verbose, true)}`);
  base.close();
  if (imported) {
    const gaz = openGazetteer({ path: imported });
    console.log(`  ${imported}, lookupPlace: ${acledWithin(gaz, rows, verbose, false)}`);
    console.log(`  ${imported}, findPlace:   ${acledWithin(gaz, rows, verbose, true)}`);
    gaz.close();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-gaz-'));
  try {
    const path = join(dir, 'gazetteer.db');
    copyFileSync(base.path, path);
    const importer = openGazetteer({ path });
    const dumps = readdirSync(GAZETTEER_DUMPS).filter((f) => f.endsWith('.txt')).sort((a, b) => Number(a.startsWith('admin')) - Number(b.startsWith('admin')));
    const t = performance.now();
    for (const f of dumps) await importDump(importer.db, join(GAZETTEER_DUMPS, f));
    console.log(`  imported ${dumps.length} files of ../shared/gazetteer in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // a Gazetteer reads its name filters and prepares its statements when opened: the one that imported still has the old ones
    importer.close();
    const gaz = openGazetteer({ path });
    console.log(`  with ../shared/gazetteer imported, lookupPlace: ${acledWithin(gaz, rows, verbose, false)}`);
    console.log(`  with ../shared/gazetteer imported, findPlace:   ${acledWithin(gaz, rows, verbose, true)}`);
    gaz.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { limit: { type: 'string' }, corpus: { type: 'string' }, verbose: { type: 'boolean', default: false }, examples: { type: 'string' }, imported: { type: 'string' }, acled: { type: 'boolean', default: false } },
  });
  if (values.acled) return acledBench(values.verbose ?? false, values.imported);
  const gwnFile = `${SHARED}geoparsing/GeoWebNews_GWN.xml`;
  if (!existsSync(gwnFile)) {
    console.log(`bench:geo: ${gwnFile} not found (needs ../shared); nothing measured`);
    return;
  }
  const limit = values.limit ? Number(values.limit) : Infinity;
  const started = performance.now();
  const gaz = openGazetteer();
  console.log(`gazetteer ${gaz.path} ready in ${(performance.now() - started).toFixed(0)} ms`);
  const corpora: [string, GoldDoc[]][] = [];
  if (!values.corpus || values.corpus === 'gwn') corpora.push(['GWN', readGwn(gwnFile).slice(0, limit)]);
  if (!values.corpus || values.corpus === 'lgl') corpora.push(['LGL', readLgl(`${SHARED}geoparsing/lgl.xml`).slice(0, limit)]);
  const rows: string[][] = [];
  const breakdowns: string[] = [];
  for (const [name, docs] of corpora) {
    const r = scoreCorpus(name, docs, gaz, values.verbose ?? false);
    for (const km of [5, 161]) {
      const misses = r.causes.filter((c) => c.km > km);
      breakdowns.push(`\n${name} gold-span misses (> ${km} km) by cause, share of ${r.given.errors.length} gold toponyms:`, ...causeTable(misses, r.given.errors.length, Number(values.examples ?? 0)));
    }
    rows.push([name, 'end to end', ...summary(r.e2e)]);
    rows.push([name, 'gold spans', '-', '-', '-', ...summary(r.given).slice(3)]);
    console.log(`${name}: ${docs.length} documents, geoparse ${(r.ms / docs.length).toFixed(2)} ms CPU/doc, ${((r.ms / r.chars) * 3000).toFixed(2)} ms CPU per 3 KB`);
  }
  const head = ['corpus', 'mode', 'precision', 'recall', 'F1', 'acc@5km', 'acc@161km', 'median err', 'n geocoded'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  console.log(breakdowns.join('\n'));
  console.log(`\nmemory: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB RSS`);
  gaz.close();
}

await main();
