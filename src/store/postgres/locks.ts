/**
 * Which advisory locks a document's transaction takes before it looks for
 * duplicates and merge candidates, so that two workers storing two reports
 * of one event at the same moment still end with one event, and two copies
 * of one document end as one document.
 *
 * Merging compares a claim with events of the same type whose dates fall
 * within BLOCK_DAYS and whose place lies within BLOCK_KM (or is unknown).
 * Two claims can only match each other if they share a week of that window
 * and a grid cell of that neighbourhood, so each claim locks those
 * (type, week, cell) keys exclusively. A claim without a place matches
 * every place: it locks (type, week, "anywhere") exclusively, and placed
 * claims lock that key shared. Windows too long to list lock (type, "wide")
 * the same way. All keys are taken in one sorted pass: no lock-order deadlocks.
 */
import { createHash } from 'node:crypto';
import { BLOCK_DAYS } from '../../merge/index.ts';
import { bands } from '../fingerprint.ts';
import type { Claim, DocumentRow } from '../types.ts';
import { shiftDay } from '../rows.ts';
import { blockBox } from './events.ts';

const WEEK_DAYS = 7;
const CELL_DEGREES = 2;
/** beyond this many weeks or cells, a claim takes the coarser key instead */
const MAX_KEYS = 16;

/** A signed 64-bit advisory-lock key (as a decimal string) from parts. */
export function lockKey(...parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest().readBigInt64BE(0).toString();
}

export type LockMode = 'exclusive' | 'shared';

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
}

function cells(lat: number, lon: number): string[] | null {
  const { dLat, dLon } = blockBox(lat);
  const out: string[] = [];
  const cell = (v: number) => Math.floor(v / CELL_DEGREES);
  for (let y = cell(lat - dLat); y <= cell(lat + dLat); y++) {
    for (let x = cell(lon - dLon); x <= cell(lon + dLon); x++) {
      // longitude wraps at the antimeridian
      const wrapped = ((x % (360 / CELL_DEGREES)) + 360 / CELL_DEGREES) % (360 / CELL_DEGREES);
      out.push(`${y}:${wrapped}`);
      if (out.length > MAX_KEYS) return null;
    }
  }
  return out;
}

/** The locks one claim needs before its merge candidates are looked up. */
export function claimLocks(claim: Claim): [string, LockMode][] {
  const r = claim.record;
  const start = r.date?.start ?? r.event_date;
  const end = r.date?.end ?? r.event_date;
  // an undated claim never joins an event and no event joins it
  if (!start || !end) return [];
  const type = r.event_type.toLowerCase();
  const first = Math.floor(dayNumber(shiftDay(start, -BLOCK_DAYS)) / WEEK_DAYS);
  const last = Math.floor(dayNumber(shiftDay(end, BLOCK_DAYS)) / WEEK_DAYS);
  if (last - first + 1 > MAX_KEYS) return [[lockKey('merge', type, 'wide'), 'exclusive']];
  const out: [string, LockMode][] = [[lockKey('merge', type, 'wide'), 'shared']];
  const l = r.location;
  const around = l?.lat != null && l.lon != null ? cells(l.lat, l.lon) : null;
  for (let week = first; week <= last; week++) {
    if (!around) {
      out.push([lockKey('merge', type, week, 'anywhere'), 'exclusive']);
      continue;
    }
    out.push([lockKey('merge', type, week, 'anywhere'), 'shared']);
    for (const c of around) out.push([lockKey('merge', type, week, c), 'exclusive']);
  }
  return out;
}

/** The locks that make duplicate detection of one document race-free. */
export function documentLocks(d: DocumentRow): [string, LockMode][] {
  const out: [string, LockMode][] = [[lockKey('doc', d.id), 'exclusive'], [lockKey('hash', d.content_hash), 'exclusive']];
  if (d.canonical_url) out.push([lockKey('url', d.canonical_url), 'exclusive']);
  if (d.minhash) bands(d.minhash).forEach((h, i) => out.push([lockKey('band', i, h), 'exclusive']));
  return out;
}

/** Every lock once (exclusive wins over shared), in key order: the order every transaction takes them in. */
export function sortedLocks(locks: [string, LockMode][]): [string, LockMode][] {
  const modes = new Map<string, LockMode>();
  for (const [key, mode] of locks) if (modes.get(key) !== 'exclusive') modes.set(key, mode);
  return [...modes.entries()].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1));
}
