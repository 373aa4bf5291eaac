/**
 * Reads the lookup file (see index-format.ts) with positional reads: one for
 * a run of hash slots, one for the record. Only the header, the small string
 * table, the English words and the name filters are held in memory.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import type { GazEntry } from './gazetteer.ts';
import { Bloom, type NameFilters } from './bloom.ts';
import { AT, hash, HEADER_BYTES, MAGIC, NO_PRECISION, NONE, NS, SAME_KEY, SLOT_WORDS, type Header } from './index-format.ts';

/** Slots read at once: with the table at most 0.6 full, a probe rarely runs past them. */
const PROBE = 16;

/** The admin1 name nearestAdmin1 gives for a candidate's point, where the file knows it. */
export type NearAdmin1 = (cc: string, lat: number, lon: number, admin1: string | null) => void;

export class LookupIndex {
  private readonly slotBuf = Buffer.alloc(PROBE * SLOT_WORDS * 4);
  private recordBuf = Buffer.alloc(1 << 16);
  // the numbers are read through views: a DataView read is one machine load where Buffer's readDoubleLE copies byte by byte
  private readonly slotView = viewOf(this.slotBuf);
  private recordView = viewOf(this.recordBuf);
  /** the key whose record recordBuf holds, and its length: the resolver asks one skeleton's record for several countries in a row */
  private held: { key: string; len: number } | null = null;
  private strings: string[] | null = null;
  private words: { offsets: Uint32Array; classes: Uint8Array; text: string } | null = null;

  private constructor(
    private readonly fd: number,
    private readonly header: Header,
  ) {}

  /** The file at `path` when it is the one written for `token`, else null. */
  static open(path: string, token: string): LookupIndex | null {
    if (!existsSync(path)) return null;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(HEADER_BYTES);
      readSync(fd, head, 0, HEADER_BYTES, 0);
      const header = JSON.parse(head.toString('utf8').trimEnd()) as Header;
      if (header.magic === MAGIC && header.token === token) return new LookupIndex(fd, header);
    } catch {
      // a torn or foreign file: the SQL lookups serve
    }
    closeSync(fd);
    return null;
  }

  close(): void {
    closeSync(this.fd);
  }

  private string(i: number): string | null {
    if (i === NONE) return null;
    if (!this.strings) {
      const b = Buffer.alloc(this.header.stringsBytes);
      readSync(this.fd, b, 0, b.length, this.header.stringsAt);
      this.strings = JSON.parse(b.toString('utf8')) as string[];
    }
    return this.strings[i];
  }

  /** The record of `key`, read into recordBuf; its length, or -1 when there is none. */
  private find(key: string): number {
    if (this.held?.key === key) return this.held.len;
    this.held = null;
    const h = hash(key);
    const size = this.header.slots;
    let i = h & (size - 1);
    for (;;) {
      const n = Math.min(PROBE, size - i);
      readSync(this.fd, this.slotBuf, 0, n * SLOT_WORDS * 4, this.header.slotsAt + i * SLOT_WORDS * 4);
      for (let s = 0; s < n; s++) {
        const at = this.slotView.getUint32(s * 12 + 4, true);
        if (at === 0) return -1;
        if (this.slotView.getUint32(s * 12, true) !== h) continue;
        const len = this.slotView.getUint32(s * 12 + 8, true);
        if (len > this.recordBuf.length) {
          this.recordBuf = Buffer.alloc(len * 2);
          this.recordView = viewOf(this.recordBuf);
        }
        readSync(this.fd, this.recordBuf, 0, len, at);
        const keyLen = this.recordView.getUint16(0, true);
        if (this.recordBuf.toString('utf8', 2, 2 + keyLen) === key) {
          this.held = { key, len };
          return len;
        }
      }
      i = (i + n) & (size - 1);
    }
  }

  /** Entries from `at`; returns the offset after them. */
  private entries(at: number, count: number, recordKey: string, kind: number | undefined, near: NearAdmin1, out: GazEntry[]): number {
    const b = this.recordBuf;
    const v = this.recordView;
    for (let k = 0; k < count; k++) {
      const nameEnd = at + AT.name + v.getUint16(at + AT.nameLen, true);
      const matchedLen = v.getUint16(nameEnd + 2, true);
      const matchedEnd = matchedLen === SAME_KEY ? nameEnd + 4 : nameEnd + 4 + matchedLen;
      const cc = this.string(v.getUint32(at + AT.cc, true))!;
      const e: GazEntry = {
        id: v.getInt32(at + AT.id, true),
        name: b.toString('utf8', at + AT.name, nameEnd),
        matched: matchedLen === SAME_KEY ? recordKey : b.toString('utf8', nameEnd + 4, matchedEnd),
        lat: v.getFloat64(at + AT.lat, true),
        lon: v.getFloat64(at + AT.lon, true),
        fclass: this.string(v.getUint32(at + AT.fclass, true))!,
        fcode: this.string(v.getUint32(at + AT.fcode, true))!,
        cc,
        population: v.getFloat64(at + AT.population, true),
        source: this.string(v.getUint32(at + AT.source, true))!,
        kind: kind ?? b[nameEnd],
        precision: b[nameEnd + 1] === NO_PRECISION ? null : b[nameEnd + 1],
        admin1: this.string(v.getUint32(at + AT.admin1, true)),
        admin2: this.string(v.getUint32(at + AT.admin2, true)),
      };
      if (e.admin1 === null && e.fcode !== 'PCLI') near(cc, e.lat, e.lon, this.string(v.getUint32(at + AT.near, true)));
      out.push(e);
      at = matchedEnd;
    }
    return at;
  }

  /** Candidates whose name key is `key`, as Gazetteer.byKey's query gives them. */
  byKey(key: string, near: NearAdmin1): GazEntry[] {
    const out: GazEntry[] = [];
    const k = NS.key + key;
    if (this.find(k) < 0) return out;
    const at = 2 + Buffer.byteLength(k);
    this.entries(at + 2, this.recordView.getUint16(at, true), key, undefined, near, out);
    return out;
  }

  /** Candidates by skeleton, in country `cc` or (null) anywhere; kind 3. */
  bySkeleton(skel: string, cc: string | null, near: NearAdmin1): GazEntry[] {
    const out: GazEntry[] = [];
    const k = NS.skeleton + skel;
    if (this.find(k) < 0) return out;
    const v = this.recordView;
    let at = 2 + Buffer.byteLength(k);
    if (cc === null) {
      this.entries(at + 6, v.getUint16(at + 4, true), '', 3, near, out);
      return out;
    }
    at += 4 + v.getUint32(at, true);
    const groups = v.getUint16(at, true);
    at += 2;
    for (let g = 0; g < groups; g++) {
      if (this.string(v.getUint32(at, true)) === cc) {
        this.entries(at + 10, v.getUint16(at + 8, true), '', 3, near, out);
        break;
      }
      at += 8 + v.getUint32(at + 4, true);
    }
    return out;
  }

  /** A place under its main name, or null. */
  place(id: number, near: NearAdmin1): GazEntry | null {
    const k = `${NS.place}${id}`;
    if (this.find(k) < 0) return null;
    const out: GazEntry[] = [];
    this.entries(2 + Buffer.byteLength(k), 1, '', undefined, near, out);
    return out[0];
  }

  /** Filters of the keys and skeletons the file holds. */
  filters(): NameFilters {
    const { keyFilterBytes: k, skeletonFilterBytes: s } = this.header;
    const b = Buffer.allocUnsafeSlow(k + s);
    readSync(this.fd, b, 0, b.length, this.header.filtersAt);
    return { keys: new Bloom(new Uint8Array(b.buffer, b.byteOffset, k)), skeletons: new Bloom(new Uint8Array(b.buffer, b.byteOffset + k, s)) };
  }

  /** 'common', 'person' or null. */
  wordClass(word: string): string | null {
    if (!this.words) {
      // unpooled, so that the offsets after the count are 4-byte aligned for the Uint32Array view
      const b = Buffer.allocUnsafeSlow(this.header.wordsBytes);
      readSync(this.fd, b, 0, b.length, this.header.wordsAt);
      const n = b.readUInt32LE(0);
      this.words = {
        offsets: new Uint32Array(b.buffer, b.byteOffset + 4, n + 1),
        classes: b.subarray(4 + 4 * (n + 1), 4 + 4 * (n + 1) + n),
        text: b.toString('utf8', 4 + 4 * (n + 1) + n),
      };
    }
    const { offsets, classes, text } = this.words;
    let lo = 0;
    let hi = classes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = compareAt(text, offsets[mid], offsets[mid + 1], word);
      if (order === 0) return this.header.wordClasses[classes[mid]];
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
}

function viewOf(b: Buffer): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** text.slice(from, to) compared with `word` as `<` orders strings (by UTF-16 units), without making the slice. */
function compareAt(text: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(from + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}
