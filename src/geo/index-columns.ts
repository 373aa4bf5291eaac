/**
 * The gazetteer's places and names read once into columns (typed arrays and
 * one byte buffer) for writing the lookup file: a village-level import has
 * millions of names, too many for an object each.
 */
import type Database from 'better-sqlite3';
import { NEAR_BOX } from './sql-lookups.ts';
import { AT, NO_PRECISION, NONE } from './index-format.ts';

/** A growable byte buffer. */
export class Bytes {
  buf = Buffer.alloc(1 << 16);
  len = 0;

  reserve(n: number): number {
    if (this.len + n > this.buf.length) {
      const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.len + n));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    const at = this.len;
    this.len += n;
    return at;
  }

  str(s: string): void {
    const n = Buffer.byteLength(s);
    const at = this.reserve(2 + n);
    this.buf.writeUInt16LE(n, at);
    this.buf.write(s, at + 2);
  }

  u16(v: number): number {
    const at = this.reserve(2);
    this.buf.writeUInt16LE(v, at);
    return at;
  }

  u32(v: number): number {
    const at = this.reserve(4);
    this.buf.writeUInt32LE(v, at);
    return at;
  }
}

type PlaceRow = [number, string, number, number, string, string, string, string, string, number, string];

/** Places by index: each one's encoded bytes (see AT) are data[start[i], start[i + 1]). */
export interface Places {
  index: Map<number, number>;
  ids: Int32Array;
  population: Float64Array;
  data: Buffer;
  start: Uint32Array;
}

/** Grid cells (degrees) of the places nearestAdmin1 searches. */
const CELL = 0.25;

const NO_POINTS: Point[] = [];

interface Point {
  lat: number;
  lon: number;
  id: number;
  name: string;
}

/**
 * Gazetteer.nearestAdmin1's query answered in memory for every place that
 * needs it: among places with an admin1 name in the box, the nearest; of
 * equals, the first in (lat, id) order, the order of the places_cc_lat index
 * the query walks. Places are kept in grid cells per country, as a village
 * dump puts tens of thousands in one degree of latitude.
 */
function nearestAdmin1(rows: PlaceRow[], admin1: Map<string, string>): (cc: string, lat: number, lon: number) => string | null {
  const cells = new Map<string, Map<number, Point[]>>();
  const cellOf = (i: number, j: number) => i * 4096 + j;
  for (const [id, , lat, lon, , , cc, a1] of rows) {
    const name = admin1.get(`${cc}\u0000${a1}`);
    if (name === undefined) continue;
    const grid = cells.get(cc) ?? cells.set(cc, new Map()).get(cc)!;
    const c = cellOf(Math.floor(lat / CELL), Math.floor(lon / CELL));
    (grid.get(c) ?? grid.set(c, []).get(c)!).push({ lat, lon, id, name });
  }
  // cells in rings around the point's own: once a ring is done, every place further out is at least its width away
  const within = (cc: string, lat: number, lon: number, box: number) => {
    const grid = cells.get(cc);
    let best: Point | null = null;
    let bestD = Infinity;
    if (!grid) return null;
    const ci = Math.floor(lat / CELL);
    const cj = Math.floor(lon / CELL);
    const [iLo, iHi, jLo, jHi] = [Math.floor((lat - box) / CELL), Math.floor((lat + box) / CELL), Math.floor((lon - box) / CELL), Math.floor((lon + box) / CELL)];
    for (let r = 0; ci - r >= iLo || ci + r <= iHi || cj - r >= jLo || cj + r <= jHi; r++) {
      for (let i = Math.max(ci - r, iLo); i <= Math.min(ci + r, iHi); i++) {
        for (let j = Math.max(cj - r, jLo); j <= Math.min(cj + r, jHi); j++) {
          if (Math.abs(i - ci) !== r && Math.abs(j - cj) !== r) continue;
          for (const p of grid.get(cellOf(i, j)) ?? NO_POINTS) {
            if (p.lat < lat - box || p.lat > lat + box || p.lon < lon - box || p.lon > lon + box) continue;
            const d = (p.lat - lat) * (p.lat - lat) + (p.lon - lon) * (p.lon - lon);
            if (d < bestD || (d === bestD && best && (p.lat < best.lat || (p.lat === best.lat && p.id < best.id)))) {
              best = p;
              bestD = d;
            }
          }
        }
      }
      if (bestD < (r * CELL) ** 2) break;
    }
    return best && { name: best.name, d: bestD };
  };
  return (cc, lat, lon) => {
    const small = within(cc, lat, lon, NEAR_BOX);
    return (small && small.d <= NEAR_BOX * NEAR_BOX ? small : within(cc, lat, lon, 1))?.name ?? null;
  };
}

/** Every place encoded once, with its admin names joined as Gazetteer.entries joins them. */
export function encodePlaces(db: Database.Database, str: (s: string | null) => number): Places {
  const admin1 = new Map<string, string>();
  for (const r of db.prepare('SELECT cc, code, name FROM admin1').raw(true).iterate() as Iterable<string[]>) admin1.set(`${r[0]}\u0000${r[1]}`, r[2]);
  const admin2 = new Map<string, string>();
  for (const r of db.prepare('SELECT cc, a1, code, name FROM admin2').raw(true).iterate() as Iterable<string[]>) admin2.set(`${r[0]}\u0000${r[1]}\u0000${r[2]}`, r[3]);
  // iterate() rather than all(): building one array of a million rows in the binding costs three times as much
  const rows: PlaceRow[] = [];
  for (const r of db.prepare('SELECT id, name, lat, lon, fclass, fcode, cc, admin1_code, admin2_code, population, source FROM places').raw(true).iterate() as Iterable<PlaceRow>) rows.push(r);
  const nearest = nearestAdmin1(rows, admin1);
  const places: Places = { index: new Map(), ids: new Int32Array(rows.length), population: new Float64Array(rows.length), data: Buffer.alloc(0), start: new Uint32Array(rows.length + 1) };
  const out = new Bytes();
  rows.forEach(([id, name, lat, lon, fclass, fcode, cc, a1, a2, pop, source], i) => {
    const a1Name = admin1.get(`${cc}\u0000${a1}`) ?? null;
    const at = out.reserve(AT.name);
    const b = out.buf;
    b.writeInt32LE(id, at + AT.id);
    b.writeDoubleLE(lat, at + AT.lat);
    b.writeDoubleLE(lon, at + AT.lon);
    b.writeDoubleLE(pop, at + AT.population);
    b.writeUInt32LE(str(fclass), at + AT.fclass);
    b.writeUInt32LE(str(fcode), at + AT.fcode);
    b.writeUInt32LE(str(cc), at + AT.cc);
    b.writeUInt32LE(str(source), at + AT.source);
    b.writeUInt32LE(str(a1Name), at + AT.admin1);
    b.writeUInt32LE(str(admin2.get(`${cc}\u0000${a1}\u0000${a2}`) ?? null), at + AT.admin2);
    b.writeUInt32LE(a1Name === null && fcode !== 'PCLI' ? str(nearest(cc, lat, lon)) : NONE, at + AT.near);
    out.len -= 2;
    out.str(name);
    places.index.set(id, i);
    places.ids[i] = id;
    places.population[i] = pop;
    places.start[i + 1] = out.len;
  });
  places.data = out.buf;
  return places;
}

/** Name rows of existing places in the primary key's (key, place id) order; a key's rows are keyStart[k] … keyStart[k + 1]. */
export interface NameColumns {
  rows: number;
  /** place index (see Places) */
  place: Int32Array;
  kind: Uint8Array;
  precision: Uint8Array;
  key: Uint32Array;
  skel: Uint32Array;
  cc: Uint16Array;
  keys: string[];
  keyStart: number[];
  skels: string[];
  ccs: string[];
}

export function nameColumns(db: Database.Database, places: Places): NameColumns {
  const n = db.prepare('SELECT count(*) FROM names').pluck().get() as number;
  const cols: NameColumns = { rows: 0, place: new Int32Array(n), kind: new Uint8Array(n), precision: new Uint8Array(n), key: new Uint32Array(n), skel: new Uint32Array(n), cc: new Uint16Array(n), keys: [], keyStart: [], skels: [], ccs: [] };
  const skelIds = new Map<string, number>();
  const ccIds = new Map<string, number>();
  let lastKey: string | null = null;
  const stmt = db.prepare('SELECT key, place_id, kind, precision, skel, cc FROM names ORDER BY key, place_id').raw(true);
  for (const [key, id, kind, precision, skel, cc] of stmt.iterate() as Iterable<[string, number, number, number | null, string, string]>) {
    const place = places.index.get(id);
    if (place === undefined) continue;
    const r = cols.rows++;
    if (key !== lastKey) {
      cols.keyStart.push(r);
      cols.keys.push((lastKey = key));
    }
    let s = skelIds.get(skel);
    if (s === undefined) skelIds.set(skel, (s = cols.skels.push(skel) - 1));
    let c = ccIds.get(cc);
    if (c === undefined) ccIds.set(cc, (c = cols.ccs.push(cc) - 1));
    cols.place[r] = place;
    cols.kind[r] = kind;
    cols.precision[r] = precision ?? NO_PRECISION;
    cols.key[r] = cols.keys.length - 1;
    cols.skel[r] = s;
    cols.cc[r] = c;
  }
  cols.keyStart.push(cols.rows);
  return cols;
}

/** Row numbers grouped by skeleton, each group in row order (a counting sort): group s is order[start[s]] … order[start[s + 1]]. */
export function bySkeleton(cols: NameColumns): { order: Uint32Array; start: Uint32Array } {
  const groups = cols.skels.length;
  const start = new Uint32Array(groups + 1);
  for (let r = 0; r < cols.rows; r++) start[cols.skel[r] + 1]++;
  for (let s = 0; s < groups; s++) start[s + 1] += start[s];
  const next = start.slice(0, groups);
  const order = new Uint32Array(cols.rows);
  for (let r = 0; r < cols.rows; r++) order[next[cols.skel[r]]++] = r;
  return { order, start };
}

/** For each place index, the row of its main name as Gazetteer.place's query picks it (lowest kind, first key), or -1. */
export function mainNames(cols: NameColumns, places: number): Int32Array {
  const main = new Int32Array(places).fill(-1);
  for (let r = 0; r < cols.rows; r++) {
    const p = cols.place[r];
    if (main[p] < 0 || cols.kind[r] < cols.kind[main[p]]) main[p] = r;
  }
  return main;
}

/** The words section (see Header.wordsAt). */
export function encodeWords(db: Database.Database): { bytes: Buffer; classes: string[] } {
  const rows = (db.prepare('SELECT word, class FROM words').raw(true).all() as [string, string][]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const classes = [...new Set(rows.map((r) => r[1]))];
  const n = rows.length;
  const text = Buffer.from(rows.map((r) => r[0]).join(''));
  const bytes = Buffer.alloc(4 + 4 * (n + 1) + n + text.length);
  bytes.writeUInt32LE(n, 0);
  let chars = 0;
  rows.forEach(([word, cls], i) => {
    bytes.writeUInt32LE(chars, 4 + 4 * i);
    chars += word.length;
    bytes[4 + 4 * (n + 1) + i] = classes.indexOf(cls);
  });
  bytes.writeUInt32LE(chars, 4 + 4 * n);
  text.copy(bytes, 4 + 4 * (n + 1) + n);
  return { bytes, classes };
}
