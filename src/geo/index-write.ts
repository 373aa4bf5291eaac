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
import { MAX_CANDIDATES } from './sql-lookups.ts';
import { bySkeleton, Bytes, encodePlaces, encodeWords, mainNames, nameColumns, type NameColumns, type Places } from './index-columns.ts';
import { LookupIndex } from './index-read.ts';
import { Bloom } from './bloom.ts';
import { hash, HEADER_BYTES, lookupPath, MAGIC, NONE, NS, SAME_KEY, SLOT_WORDS, TOKEN_ROW, type Header } from './index-format.ts';

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
    this.meta[this.count * 3] = hash(key);
    this.meta[this.count * 3 + 1] = at;
    this.meta[this.count * 3 + 2] = len;
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
      for (let w = 0; w < SLOT_WORDS; w++) slots[i * SLOT_WORDS + w] = this.meta[r * 3 + w];
    }
    return slots;
  }
}

/** Writes the entry of name row `r` (see AT): its place, kind, precision and matched key (or SAME_KEY). */
function entry(out: Bytes, places: Places, cols: NameColumns, r: number, sameKey: boolean): void {
  const p = cols.place[r];
  const len = places.start[p + 1] - places.start[p];
  places.data.copy(out.buf, out.reserve(len), places.start[p], places.start[p + 1]);
  const at = out.reserve(2);
  out.buf[at] = cols.kind[r];
  out.buf[at + 1] = cols.precision[r];
  if (sameKey) out.u16(SAME_KEY);
  else out.str(cols.keys[cols.key[r]]);
}

/**
 * Writes the lookup file of the database at `dbPath` and records its token in
 * meta, holding the write lock meanwhile so that no import slips in between.
 * @example writeLookupIndex(gaz.db, gaz.path) // 'lq3k…'
 */
export function writeLookupIndex(db: Database.Database, dbPath: string, opts?: { unlessCurrent?: boolean; onWrite?: () => void }): string {
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
    opts?.onWrite?.();
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
    const places = encodePlaces(db, str);
    const cols = nameColumns(db, places);
    const sink = new RecordSink(fd);
    const out = new Bytes();
    const keyFilter = Bloom.sized(cols.keys.length);
    const skeletonFilter = Bloom.sized(cols.skels.length);
    const pop = places.population;
    const rows: number[] = [];
    for (let k = 0; k < cols.keys.length; k++) {
      const key = cols.keys[k];
      keyFilter.add(key);
      rows.length = 0;
      for (let r = cols.keyStart[k]; r < cols.keyStart[k + 1]; r++) rows.push(r);
      // the SQL's ORDER BY kind = 2 DESC, population DESC; a stable sort keeps place id order for ties
      rows.sort((a, b) => Number(cols.kind[b] === 2) - Number(cols.kind[a] === 2) || pop[cols.place[b]] - pop[cols.place[a]]);
      out.len = 0;
      out.str(NS.key + key);
      const top = Math.min(rows.length, MAX_CANDIDATES);
      out.u16(top);
      for (let i = 0; i < top; i++) entry(out, places, cols, rows[i], true);
      sink.record(NS.key + key, out.buf, out.len);
    }
    // the skeleton queries walk their index in (skel, key, place id) order: within a skeleton, row order
    const { order, start } = bySkeleton(cols);
    const list = (picked: number[]) => {
      const at = out.u32(0);
      out.u16(picked.length);
      for (const r of picked) entry(out, places, cols, r, false);
      out.buf.writeUInt32LE(out.len - at - 4, at);
    };
    for (let s = 0; s < cols.skels.length; s++) {
      const skel = cols.skels[s];
      skeletonFilter.add(skel);
      const sorted = Array.from(order.subarray(start[s], start[s + 1])).sort((a, b) => pop[cols.place[b]] - pop[cols.place[a]]);
      out.len = 0;
      out.str(NS.skeleton + skel);
      list(sorted.slice(0, MAX_CANDIDATES));
      const byCc = new Map<number, number[]>();
      for (const r of sorted) {
        const l = byCc.get(cols.cc[r]) ?? byCc.set(cols.cc[r], []).get(cols.cc[r])!;
        if (l.length < MAX_CANDIDATES) l.push(r);
      }
      out.u16(byCc.size);
      for (const [cc, picked] of byCc) {
        out.u32(str(cols.ccs[cc]));
        list(picked);
      }
      sink.record(NS.skeleton + skel, out.buf, out.len);
    }
    const main = mainNames(cols, places.ids.length);
    for (let p = 0; p < main.length; p++) {
      if (main[p] < 0) continue;
      const key = `${NS.place}${places.ids[p]}`;
      out.len = 0;
      out.str(key);
      entry(out, places, cols, main[p], false);
      sink.record(key, out.buf, out.len);
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
export function ensureLookupIndex(db: Database.Database, dbPath: string, onWrite?: () => void): boolean {
  if (currentLookupToken(db, dbPath)) return true;
  // another process writing it (or importing) holds the lock: do not wait for it
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    writeLookupIndex(db, dbPath, { unlessCurrent: true, onWrite });
    return true;
  } catch (err) {
    if (/SQLITE_BUSY|SQLITE_READONLY|readonly|locked/i.test(`${(err as { code?: string }).code} ${(err as Error).message}`)) return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
