// The tables of a lease file. Versioned by name: a future incompatible layout gets new table names, never a migration
// that could race with an older tarmac holding the same file.

/** Idempotent DDL, run in an immediate transaction by every process that opens the file. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS members (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pid INTEGER NOT NULL,
  proc_start TEXT,
  run_id TEXT NOT NULL,
  env TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  joined_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS grants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id INTEGER NOT NULL,
  step_id TEXT NOT NULL,
  units INTEGER NOT NULL,
  started_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS waiters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id INTEGER NOT NULL,
  step_id TEXT NOT NULL,
  units INTEGER NOT NULL,
  since INTEGER NOT NULL,
  seen_at INTEGER NOT NULL
);
`;
