/**
 * The gazetteer's answers from SQL, for a database whose lookup file is
 * missing or was written for another state of it (before the file is
 * written, or after another process's import): prepared statements over
 * names and places, in the order the lookup file keeps too.
 */
import type Database from 'better-sqlite3';
import type { GazEntry } from './gazetteer.ts';

/** Candidates per name key or skeleton, the most populous first (the lookup file keeps as many). */
export const MAX_CANDIDATES = 30;
/** half-width in degrees of the first box searched for the nearest admin1 */
export const NEAR_BOX = 0.25;
/** names by consonant skeleton within a country (see ensureIndexes) */
const SKELETON_INDEX = 'names_skel_cc';

// admin names are joined in memory (see adminName): a few hundred areas recur behind thousands of candidates
const SELECT = `SELECT p.id, p.name, n.key, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.population, p.source, n.kind, n.precision, p.admin1_code, p.admin2_code
  FROM names n JOIN places p ON p.id = n.place_id`;

type Row = [number, string, string, number, number, string, string, string, number, string, number, number | null, string, string];

/** Both skeleton queries read names in the order of the (skel) index, so that ties in population keep one order. */
function skeletonStatements(db: Database.Database, indexed: boolean): [Database.Statement, Database.Statement] {
  const from = (index: string) => (indexed ? SELECT.replace('FROM names n', `FROM names n INDEXED BY ${index}`) : SELECT);
  return [
    db.prepare(`${from(SKELETON_INDEX)} WHERE n.skel = ? AND n.cc = ? ORDER BY p.population DESC LIMIT ${MAX_CANDIDATES}`).raw(true),
    db.prepare(`${from('names_skel_any')} WHERE n.skel = ? ORDER BY p.population DESC LIMIT ${MAX_CANDIDATES}`).raw(true),
  ];
}

/**
 * admin1 name of the nearest place within ~100 km that has one: a small box
 * first, as a place found within its half-width is the nearest in the large box too.
 */
function nearestAdmin1Finder(db: Database.Database): (cc: string, lat: number, lon: number) => string | null {
  const near = db.prepare(
    `SELECT a1.name AS admin1, (p.lat - @lat) * (p.lat - @lat) + (p.lon - @lon) * (p.lon - @lon) AS d
     FROM places p JOIN admin1 a1 ON a1.cc = p.cc AND a1.code = p.admin1_code
     WHERE p.cc = @cc AND p.lat BETWEEN @lat - @box AND @lat + @box AND p.lon BETWEEN @lon - @box AND @lon + @box
     ORDER BY d LIMIT 1`,
  );
  return (cc, lat, lon) => {
    const small = near.get({ cc, lat, lon, box: NEAR_BOX }) as { admin1: string; d: number } | undefined;
    const row = small && small.d <= NEAR_BOX * NEAR_BOX ? small : (near.get({ cc, lat, lon, box: 1 }) as { admin1: string } | undefined);
    return row?.admin1 ?? null;
  };
}

function hasIndex(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

export class SqlLookups {
  private readonly byKeyStmt: Database.Statement;
  private bySkelStmt: Database.Statement;
  private bySkelAnyStmt: Database.Statement;
  private readonly existsStmt: Database.Statement;
  private readonly placeStmt: Database.Statement;
  private readonly admin1Stmt: Database.Statement;
  private readonly admin2Stmt: Database.Statement;
  private readonly wordStmt: Database.Statement;
  private readonly nearest: (cc: string, lat: number, lon: number) => string | null;
  private readonly adminNames = new Map<string, string | null>();

  constructor(private readonly db: Database.Database) {
    this.byKeyStmt = db.prepare(`${SELECT} WHERE n.key = ? ORDER BY n.kind = 2 DESC, p.population DESC LIMIT ${MAX_CANDIDATES}`).raw(true);
    [this.bySkelStmt, this.bySkelAnyStmt] = skeletonStatements(db, hasIndex(db, 'names_skel_any') && hasIndex(db, SKELETON_INDEX));
    this.existsStmt = db.prepare('SELECT 1 FROM names WHERE key = ? LIMIT 1').pluck();
    this.placeStmt = db.prepare(`${SELECT} WHERE n.place_id = ? ORDER BY n.kind LIMIT 1`).raw(true);
    this.admin1Stmt = db.prepare('SELECT name FROM admin1 WHERE cc = ? AND code = ?').pluck();
    this.admin2Stmt = db.prepare('SELECT name FROM admin2 WHERE cc = ? AND a1 = ? AND code = ?').pluck();
    this.wordStmt = db.prepare('SELECT class FROM words WHERE word = ?');
    this.nearest = nearestAdmin1Finder(db);
  }

  /** Forgets the area names memoised: the database has changed. */
  clear(): void {
    this.adminNames.clear();
  }

  /** True when some place bears the name key (an index probe). */
  has(key: string): boolean {
    return this.existsStmt.get(key) !== undefined;
  }

  byKey(key: string): GazEntry[] {
    return this.entries(this.byKeyStmt.all(key) as Row[]);
  }

  /** By consonant skeleton, in country `cc` or (null) anywhere; kind 3. */
  bySkeleton(skel: string, cc: string | null): GazEntry[] {
    return this.entries(cc === null ? this.skeletonRows(true, [skel]) : this.skeletonRows(false, [skel, cc]), 3);
  }

  place(id: number): GazEntry | null {
    const row = this.placeStmt.get(id) as Row | undefined;
    return row ? this.entries([row])[0] : null;
  }

  wordClass(word: string): string | null {
    return (this.wordStmt.get(word) as { class: string } | undefined)?.class ?? null;
  }

  nearestAdmin1(cc: string, lat: number, lon: number): string | null {
    return this.nearest(cc, lat, lon);
  }

  private entries(rows: Row[], kind?: number): GazEntry[] {
    return rows.map((r) => ({
      id: r[0],
      name: r[1],
      matched: r[2],
      lat: r[3],
      lon: r[4],
      fclass: r[5],
      fcode: r[6],
      cc: r[7],
      population: r[8],
      source: r[9],
      kind: kind ?? r[10],
      precision: r[11],
      admin1: this.adminName(r[7], r[12]),
      admin2: this.adminName(r[7], r[12], r[13]),
    }));
  }

  /** Name of a first-level area (or, given its code, a second-level one), memoised. */
  private adminName(cc: string, admin1: string, admin2?: string): string | null {
    const key = admin2 === undefined ? `${cc}\u0000${admin1}` : `${cc}\u0000${admin1}\u0000${admin2}\u0000`;
    let name = this.adminNames.get(key);
    if (name === undefined) {
      name = ((admin2 === undefined ? this.admin1Stmt.get(cc, admin1) : this.admin2Stmt.get(cc, admin1, admin2)) as string | undefined) ?? null;
      this.adminNames.set(key, name);
    }
    return name;
  }

  /** Rows by skeleton; when a bulk import elsewhere has dropped the indexes the statements name, the plain query serves. */
  private skeletonRows(anywhere: boolean, args: string[]): Row[] {
    try {
      return (anywhere ? this.bySkelAnyStmt : this.bySkelStmt).all(...args) as Row[];
    } catch (err) {
      if (!/no such index/.test((err as Error).message)) throw err;
      [this.bySkelStmt, this.bySkelAnyStmt] = skeletonStatements(this.db, false);
      return (anywhere ? this.bySkelAnyStmt : this.bySkelStmt).all(...args) as Row[];
    }
  }
}
