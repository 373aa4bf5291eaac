/**
 * Versioned migrations: src/store/migrations/sqlite/NNN_name.sql, applied in
 * order, each in its own transaction; PRAGMA user_version holds the last.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

const DIR = fileURLToPath(new URL('../migrations/sqlite/', import.meta.url));

export function migrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(DIR + f, 'utf8') }));
}

/** Brings the database up to the newest migration (or to `upTo`, for testing an upgrade); returns the versions applied. */
export function migrate(db: Database.Database, upTo = Infinity): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of migrations()) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
