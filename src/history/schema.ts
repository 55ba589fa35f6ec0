// The history file's tables, as an ordered list of migrations: entry i brings a file from
// user_version i to i+1. Append new entries; never edit one that has shipped.

/** Each entry upgrades the schema by one version; run in order inside one transaction per entry. */
export const MIGRATIONS: readonly string[] = [
  // 1: runs, their steps and their incidents.
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    env TEXT NOT NULL,
    command TEXT,
    dir TEXT,
    started INTEGER NOT NULL,
    finished INTEGER,
    outcome TEXT,
    duration_ms INTEGER,
    capacity INTEGER,
    label TEXT,
    setup_ms INTEGER,
    abandoned INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_env_started ON runs (env, started);
  CREATE TABLE steps (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    weight INTEGER NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    started INTEGER,
    duration_ms INTEGER,
    queue_ms INTEGER,
    cached INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, step_id)
  );
  CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    step_ids TEXT NOT NULL,
    action TEXT NOT NULL
  );
  CREATE INDEX incidents_run ON incidents (run_id);
  `,
  // 2: per-test results of the test step (tests.reported), and the run's totals.
  `
  ALTER TABLE runs ADD COLUMN tests_total INTEGER;
  ALTER TABLE runs ADD COLUMN tests_passed INTEGER;
  ALTER TABLE runs ADD COLUMN tests_failed INTEGER;
  ALTER TABLE runs ADD COLUMN tests_skipped INTEGER;
  ALTER TABLE runs ADD COLUMN tests_errors INTEGER;
  CREATE TABLE test_results (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    test_id TEXT NOT NULL,
    status TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    inputs TEXT NOT NULL,
    message TEXT,
    PRIMARY KEY (run_id, test_id)
  );
  CREATE INDEX test_results_test ON test_results (test_id, inputs);
  `,
  // 3: the suites a multi-suite run covered, and the most memory each one's containers were seen using.
  `
  CREATE TABLE run_suites (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    suite TEXT NOT NULL,
    peak_memory_bytes INTEGER,
    memory_samples INTEGER,
    PRIMARY KEY (run_id, suite)
  );
  CREATE INDEX run_suites_suite ON run_suites (suite);
  `,
];

/** The schema version this tarmac writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
