// Opens the SQLite history file: WAL, short busy timeout, schema migrated to SCHEMA_VERSION.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { makePrivateFile, PRIVATE_DIR_MODE } from '../files/private.js';
import { dirname } from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type HistoryDb = Database.Database;

/** Opens (creating it and its directory if needed) and migrates the history file at `path`. */
export function openHistory(path: string, migrations: readonly string[] = MIGRATIONS): HistoryDb {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  // 0600 before SQLite opens it: its -wal and -shm files take the database file's mode.
  makePrivateFile(path);
  const db = new Database(path, { timeout: 2_000 });
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs only at checkpoints: a commit is in the WAL (the OS page cache) before it
    // returns, so a tarmac killed with SIGKILL loses nothing; only a power loss or kernel crash can drop
    // the last few commits, and even then the file stays consistent. History is not worth an fsync per event.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether a history file exists at `path` (readers say "no history yet" instead of creating one). */
export function historyExists(path: string): boolean {
  return existsSync(path);
}

/** Applies the migrations the file lacks, one transaction each; throws HISTORY_TOO_NEW for a newer file. */
export function migrate(db: HistoryDb, path: string, migrations: readonly string[] = MIGRATIONS): void {
  const known = migrations.length;
  // IMMEDIATE: two tarmacs opening an old file at once must not both run the same migration.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > known) throw historyTooNew(path, version, known);
    for (let v = version; v < known; v++) {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

function historyTooNew(path: string, version: number, known: number): TarmacError {
  return new TarmacError(
    'HISTORY_TOO_NEW',
    `${path} has history schema version ${version}; this tarmac knows versions up to ${known}`,
    {
      exitCode: ExitCode.environment,
      hint: 'A newer tarmac wrote this file. Upgrade tarmac, or point history.path in tarmac.yaml at another file.',
    },
  );
}

export { SCHEMA_VERSION };
