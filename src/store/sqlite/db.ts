/** An open SQLite database with its prepared statements cached by SQL text. */
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { SearchRows } from './search-rows.ts';

/** the size FTS5's data tables are said to have, whatever their statistics found (see sizeSearchData) */
const SEARCH_DATA_ROWS = '1000000';

export class Db {
  readonly raw: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** the open write transaction's full-text rows, written as it ends */
  readonly search = new SearchRows();

  constructor(path: string) {
    this.raw = new Database(path);
    this.raw.pragma('journal_mode = WAL');
    this.raw.pragma('foreign_keys = ON');
    // WAL + NORMAL survives a killed process; only an OS crash may lose the last commits
    this.raw.pragma('synchronous = NORMAL');
    this.raw.pragma('busy_timeout = 10000');
    // reads of a large store visit many pages: map the file and keep more of it cached than the 2 MB default
    this.raw.pragma('mmap_size = 1073741824');
    this.raw.pragma('cache_size = -65536');
    migrate(this.raw);
    // a statement's undo pages (its savepoint) in memory: on disk they cost a temporary file's writes, and a kill loses
    // nothing they hold; set after the migrations, whose sorts of a whole table may be larger than memory should hold
    this.raw.pragma('temp_store = MEMORY');
    // planner statistics where missing or stale (cheap: sampled, bounded)
    this.raw.pragma('analysis_limit = 1000');
    this.raw.pragma('optimize = 0x10002');
    this.sizeSearchData();
  }

  /**
   * FTS5 reads its data tables by rowid, and its segment merges delete
   * rowid ranges from them; statistics taken while such a table was near
   * empty (a new store: 2 rows) have the planner scan it whole for each
   * range instead, for as long as the process runs. Ingesting into a new
   * store, those scans were most of a document's write at 50,000 documents
   * (≈ 1 ms of CPU a document). The tables are given a size no scan beats.
   */
  private sizeSearchData(): void {
    const small = this.raw.prepare(
      `SELECT s.tbl FROM sqlite_schema v JOIN sqlite_stat1 s ON s.tbl = v.name || '_data' AND s.idx IS NULL
       WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%' AND s.stat != '${SEARCH_DATA_ROWS}'`,
    );
    if (!this.raw.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() || !small.get()) return;
    this.raw.transaction(() => {
      for (const { tbl } of small.all() as { tbl: string }[]) this.raw.prepare('UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx IS NULL').run(SEARCH_DATA_ROWS, tbl);
    }).immediate();
    // the planner reads the statistics again
    this.raw.exec('ANALYZE sqlite_schema');
  }

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  /** One IMMEDIATE transaction that also bumps the store's revision and writes its full-text rows. */
  transaction<T>(fn: () => T): T {
    try {
      return this.raw.transaction(() => {
        const out = fn();
        this.search.flush(this);
        this.run('UPDATE store_revision SET n = n + 1 WHERE id = 1');
        return out;
      }).immediate();
    } finally {
      this.search.clear();
    }
  }
}

export function now(): string {
  return new Date().toISOString();
}
