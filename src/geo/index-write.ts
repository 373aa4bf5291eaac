/**
 * Writes the lookup file (see index-format.ts) from the gazetteer database.
 * Each record holds exactly what the SQL lookups in gazetteer.ts return, in
 * their order: candidates by key sorted alias first, then by population, ties
 * in place id order (the primary key's); by skeleton sorted by population,
 * ties in (key, place id) order (the skeleton indexes'), the first
 * MAX_CANDIDATES anywhere and per country.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MAX_CANDIDATES, NEAR_BOX } from './gazetteer.ts';
import { LookupIndex } from './index-read.ts';
import { Bloom } from './bloom.ts';
import { AT, hash, HEADER_BYTES, lookupPath, MAGIC, NO_PRECISION, NONE, NS, SAME_KEY, SLOT_WORDS, TOKEN_ROW, type Header } from './index-format.ts';

interface NameRow {
  key: string;
  place: number;
  kind: number;
  precision: number | null;
}

/** Appends records to a file through a 4 MB buffer and keeps (hash, offset, length) of each. */
class RecordSink {
  private buf = Buffer.alloc(4 << 20);
  private used = 0;
  private pos = HEADER_BYTES;
  private meta = new Uint32Array(3 << 16);
  count = 0;

  constructor(private readonly fd: number) {}

  get offset(): number {
    return this.pos + this.used;
  }

  write(bytes: Buffer, len = bytes.length): void {
    if (this.used + len > this.buf.length) this.drain();
    if (len > this.buf.length) {
      writeSync(this.fd, bytes, 0, len, this.pos);
      this.pos += len;
      return;
    }
    bytes.copy(this.buf, this.used, 0, len);
    this.used += len;
  }

  record(key: string, bytes: Buffer, len: number): void {
    const at = this.offset;
    if (at + len > NONE) throw new Error('lookup file larger than 4 GB');
    this.write(bytes, len);
    if ((this.count + 1) * 3 > this.meta.length) {
      const grown = new Uint32Array(this.meta.length * 2);
      grown.set(this.meta);
      this.meta = grown;
    }
    this.meta.set([hash(key), at, len], this.count * 3);
    this.count++;
  }

  drain(): void {
    writeSync(this.fd, this.buf, 0, this.used, this.pos);
    this.pos += this.used;
    this.used = 0;
  }

  /** The hash table over every record, load ≤ 0.6. */
  slots(): Uint32Array {
    let size = 1024;
    while (size * 0.6 < this.count) size *= 2;
    const slots = new Uint32Array(size * SLOT_WORDS);
    for (let r = 0; r < this.count; r++) {
      let i = this.meta[r * 3] & (size - 1);
      while (slots[i * SLOT_WORDS + 1] !== 0) i = (i + 1) & (size - 1);
      slots.set(this.meta.subarray(r * 3, r * 3 + 3), i * SLOT_WORDS);
    }
    return slots;
  }
}

/** A growable byte buffer for one record. */
class Bytes {
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

  append(b: Buffer): void {
    b.copy(this.buf, this.reserve(b.length));
  }
}

type PlaceRow = [number, string, number, number, string, string, string, string, string, number, string];

/**
 * Gazetteer.nearestAdmin1's query answered in memory for every place that
 * needs it: places with an admin1 name, by country in (lat, id) order (the
 * order of the places_cc_lat index the query walks), the first nearest kept.
 */
function nearestAdmin1(rows: PlaceRow[], admin1: Map<string, string>): (cc: string, lat: number, lon: number) => string | null {
  const byCc = new Map<string, { lat: number; lon: number; id: number; name: string }[]>();
  for (const [id, , lat, lon, , , cc, a1] of rows) {
    const name = admin1.get(`${cc}\u0000${a1}`);
    if (name !== undefined) (byCc.get(cc) ?? byCc.set(cc, []).get(cc)!).push({ lat, lon, id, name });
  }
  for (const list of byCc.values()) list.sort((a, b) => a.lat - b.lat || a.id - b.id);
  const within = (cc: string, lat: number, lon: number, box: number) => {
    const list = byCc.get(cc) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].lat < lat - box) lo = mid + 1;
      else hi = mid;
    }
    let best: { name: string; d: number } | null = null;
    for (let i = lo; i < list.length && list[i].lat <= lat + box; i++) {
      const p = list[i];
      if (p.lon < lon - box || p.lon > lon + box) continue;
      const d = (p.lat - lat) * (p.lat - lat) + (p.lon - lon) * (p.lon - lon);
      if (!best || d < best.d) best = { name: p.name, d };
    }
    return best;
  };
  return (cc, lat, lon) => {
    const small = within(cc, lat, lon, NEAR_BOX);
    return (small && small.d <= NEAR_BOX * NEAR_BOX ? small : within(cc, lat, lon, 1))?.name ?? null;
  };
}

/** Places encoded once (see AT), with their population for sorting. */
function encodePlaces(db: Database.Database, str: (s: string | null) => number): { bytes: Map<number, Buffer>; population: Map<number, number> } {
  const admin1 = new Map<string, string>();
  for (const r of db.prepare('SELECT cc, code, name FROM admin1').raw(true).iterate() as Iterable<string[]>) admin1.set(`${r[0]}\u0000${r[1]}`, r[2]);
  const admin2 = new Map<string, string>();
  for (const r of db.prepare('SELECT cc, a1, code, name FROM admin2').raw(true).iterate() as Iterable<string[]>) admin2.set(`${r[0]}\u0000${r[1]}\u0000${r[2]}`, r[3]);
  const bytes = new Map<number, Buffer>();
  const population = new Map<number, number>();
  const rows = db.prepare('SELECT id, name, lat, lon, fclass, fcode, cc, admin1_code, admin2_code, population, source FROM places').raw(true).all() as PlaceRow[];
  const nearest = nearestAdmin1(rows, admin1);
  for (const [id, name, lat, lon, fclass, fcode, cc, a1, a2, pop, source] of rows) {
    const nameBytes = Buffer.byteLength(name);
    const b = Buffer.alloc(AT.name + nameBytes);
    const a1Name = admin1.get(`${cc}\u0000${a1}`) ?? null;
    b.writeInt32LE(id, AT.id);
    b.writeDoubleLE(lat, AT.lat);
    b.writeDoubleLE(lon, AT.lon);
    b.writeDoubleLE(pop, AT.population);
    b.writeUInt32LE(str(fclass), AT.fclass);
    b.writeUInt32LE(str(fcode), AT.fcode);
    b.writeUInt32LE(str(cc), AT.cc);
    b.writeUInt32LE(str(source), AT.source);
    b.writeUInt32LE(str(a1Name), AT.admin1);
    b.writeUInt32LE(str(admin2.get(`${cc}\u0000${a1}\u0000${a2}`) ?? null), AT.admin2);
    b.writeUInt32LE(a1Name === null && fcode !== 'PCLI' ? str(nearest(cc, lat, lon)) : NONE, AT.near);
    b.writeUInt16LE(nameBytes, AT.nameLen);
    b.write(name, AT.name);
    bytes.set(id, b);
    population.set(id, pop);
  }
  return { bytes, population };
}

/** The words section (see Header.wordsAt). */
function encodeWords(db: Database.Database): { bytes: Buffer; classes: string[] } {
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

function entry(out: Bytes, place: Buffer, row: NameRow, sameKey: boolean): void {
  out.append(place);
  const at = out.reserve(2);
  out.buf[at] = row.kind;
  out.buf[at + 1] = row.precision ?? NO_PRECISION;
  if (sameKey) out.u16(SAME_KEY);
  else out.str(row.key);
}

/**
 * Every name row of places that exist, in the primary key's (key, place id)
 * order, kept in columns (a village-level import has millions); `each` is
 * called with the rows of each key.
 */
function nameColumns(db: Database.Database, exists: (place: number) => boolean, each: (key: string, rows: NameRow[]) => void) {
  const n = db.prepare('SELECT count(*) FROM names').pluck().get() as number;
  const cols = { place: new Int32Array(n), kind: new Uint8Array(n), precision: new Uint8Array(n), key: new Uint32Array(n), skel: new Uint32Array(n), cc: new Uint16Array(n), keys: [] as string[], skels: [] as string[], ccs: [] as string[], rows: 0 };
  const skelIds = new Map<string, number>();
  const ccIds = new Map<string, number>();
  let rows: NameRow[] = [];
  const flush = () => {
    if (rows.length > 0) each(cols.keys[cols.keys.length - 1], rows);
    rows = [];
  };
  const stmt = db.prepare('SELECT key, place_id, kind, precision, skel, cc FROM names ORDER BY key, place_id').raw(true);
  for (const [key, place, kind, precision, skel, cc] of stmt.iterate() as Iterable<[string, number, number, number | null, string, string]>) {
    if (!exists(place)) continue;
    if (key !== cols.keys[cols.keys.length - 1]) {
      flush();
      cols.keys.push(key);
    }
    rows.push({ key, place, kind, precision });
    let s = skelIds.get(skel);
    if (s === undefined) skelIds.set(skel, (s = cols.skels.push(skel) - 1));
    const r = cols.rows++;
    cols.place[r] = place;
    cols.kind[r] = kind;
    cols.precision[r] = precision ?? NO_PRECISION;
    cols.key[r] = cols.keys.length - 1;
    cols.skel[r] = s;
    let c = ccIds.get(cc);
    if (c === undefined) ccIds.set(cc, (c = cols.ccs.push(cc) - 1));
    cols.cc[r] = c;
  }
  flush();
  return cols;
}

/** Row numbers grouped by skeleton id, each group in row order (counting sort). */
function bySkeleton(skel: Uint32Array, rows: number, skeletons: number): { order: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(skeletons + 1);
  for (let r = 0; r < rows; r++) start[skel[r] + 1]++;
  for (let s = 0; s < skeletons; s++) start[s + 1] += start[s];
  const next = start.slice(0, skeletons);
  const order = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) order[next[skel[r]]++] = r;
  return { order, start };
}

/**
 * Writes the lookup file of the database at `dbPath` and records its token in
 * meta, holding the write lock meanwhile so that no import slips in between.
 * @example writeLookupIndex(gaz.db, gaz.path) // 'lq3k…'
 */
export function writeLookupIndex(db: Database.Database, dbPath: string, opts?: { unlessCurrent?: boolean }): string {
  const file = lookupPath(dbPath);
  const tmp = `${file}.${process.pid}-${Date.now()}`;
  const token = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  db.exec('BEGIN IMMEDIATE');
  const current = opts?.unlessCurrent ? currentLookupToken(db, dbPath) : null;
  if (current) {
    db.exec('COMMIT');
    return current;
  }
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  try {
    const strings: string[] = [];
    const stringIds = new Map<string, number>();
    const str = (s: string | null) => {
      if (s === null) return NONE;
      let i = stringIds.get(s);
      if (i === undefined) stringIds.set(s, (i = strings.push(s) - 1));
      return i;
    };
    const { bytes: places, population } = encodePlaces(db, str);
    const sink = new RecordSink(fd);
    const out = new Bytes();
    const main = new Map<number, NameRow>();
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const keyFilter = Bloom.sized(count('SELECT count(DISTINCT key) FROM names'));
    const skeletonFilter = Bloom.sized(count('SELECT count(DISTINCT skel) FROM names'));
    const cols = nameColumns(db, (place) => places.has(place), (key, rows) => {
      for (const r of rows) {
        const had = main.get(r.place);
        if (!had || r.kind < had.kind) main.set(r.place, r);
      }
      keyFilter.add(key);
      // the SQL's ORDER BY kind = 2 DESC, population DESC; a stable sort keeps place id order for ties
      rows.sort((a, b) => Number(b.kind === 2) - Number(a.kind === 2) || population.get(b.place)! - population.get(a.place)!);
      out.len = 0;
      out.str(NS.key + key);
      const top = rows.slice(0, MAX_CANDIDATES);
      out.u16(top.length);
      for (const r of top) entry(out, places.get(r.place)!, r, true);
      sink.record(NS.key + key, out.buf, out.len);
    });
    // the skeleton queries walk their index in (skel, key, place id) order: within a skeleton, row order
    const { order, start } = bySkeleton(cols.skel, cols.rows, cols.skels.length);
    for (let s = 0; s < cols.skels.length; s++) {
      const skel = cols.skels[s];
      const rows: (NameRow & { cc: string })[] = [];
      for (let i = start[s]; i < start[s + 1]; i++) {
        const r = order[i];
        rows.push({ key: cols.keys[cols.key[r]], place: cols.place[r], kind: cols.kind[r], precision: cols.precision[r] === NO_PRECISION ? null : cols.precision[r], cc: cols.ccs[cols.cc[r]] });
      }
      skeletonFilter.add(skel);
      rows.sort((a, b) => population.get(b.place)! - population.get(a.place)!);
      out.len = 0;
      out.str(NS.skeleton + skel);
      const list = (picked: NameRow[]) => {
        const at = out.u32(0);
        out.u16(picked.length);
        for (const r of picked) entry(out, places.get(r.place)!, r, false);
        out.buf.writeUInt32LE(out.len - at - 4, at);
      };
      list(rows.slice(0, MAX_CANDIDATES));
      const byCc = new Map<string, NameRow[]>();
      for (const r of rows) {
        const l = byCc.get(r.cc) ?? byCc.set(r.cc, []).get(r.cc)!;
        if (l.length < MAX_CANDIDATES) l.push(r);
      }
      out.u16(byCc.size);
      for (const [cc, picked] of byCc) {
        out.u32(str(cc));
        list(picked);
      }
      sink.record(NS.skeleton + skel, out.buf, out.len);
    }
    for (const [id, row] of main) {
      out.len = 0;
      out.str(`${NS.place}${id}`);
      entry(out, places.get(id)!, row, false);
      sink.record(`${NS.place}${id}`, out.buf, out.len);
    }
    const stringsBytes = Buffer.from(JSON.stringify(strings));
    const stringsAt = sink.offset;
    sink.write(stringsBytes);
    const { bytes: wordsBytes, classes: wordClasses } = encodeWords(db);
    const wordsAt = sink.offset;
    sink.write(wordsBytes);
    const filtersAt = sink.offset;
    for (const f of [keyFilter, skeletonFilter]) sink.write(Buffer.from(f.bits.buffer, f.bits.byteOffset, f.bits.byteLength));
    const slotsAt = sink.offset;
    const slots = sink.slots();
    sink.write(Buffer.from(slots.buffer, slots.byteOffset, slots.byteLength));
    sink.drain();
    const header: Header = { magic: MAGIC, token, slots: slots.length / SLOT_WORDS, slotsAt, stringsAt, stringsBytes: stringsBytes.length, wordsAt, wordsBytes: wordsBytes.length, wordClasses, filtersAt, keyFilterBytes: keyFilter.bits.byteLength, skeletonFilterBytes: skeletonFilter.bits.byteLength };
    const head = Buffer.alloc(HEADER_BYTES, 0x20);
    head.write(JSON.stringify(header));
    writeSync(fd, head, 0, HEADER_BYTES, 0);
    closeSync(fd);
    renameSync(tmp, file);
    db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)').run(TOKEN_ROW, token);
    db.exec('COMMIT');
    return token;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** The token of the lookup file when it matches the database, else null. */
export function currentLookupToken(db: Database.Database, dbPath: string): string | null {
  const token = db.prepare('SELECT v FROM meta WHERE k = ?').pluck().get(TOKEN_ROW) as string | undefined;
  const index = token ? LookupIndex.open(lookupPath(dbPath), token) : null;
  index?.close();
  return index ? token! : null;
}

/**
 * Writes the lookup file unless a current one exists (checked again once the
 * write lock is held, as another process may have just written it). False
 * when the database cannot be written now: the SQL lookups then serve.
 */
export function ensureLookupIndex(db: Database.Database, dbPath: string): boolean {
  if (currentLookupToken(db, dbPath)) return true;
  // another process writing it (or importing) holds the lock: do not wait for it
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    writeLookupIndex(db, dbPath, { unlessCurrent: true });
    return true;
  } catch (err) {
    if (/SQLITE_BUSY|SQLITE_READONLY|readonly|locked/i.test(`${(err as { code?: string }).code} ${(err as Error).message}`)) return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
