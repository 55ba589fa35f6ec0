// Reads history rows for the commands: recent runs with their counts, and per-test results.
import type { HistoryDb } from './store.js';

/** One run as `tarmac history` and `tarmac stats` see it. */
export interface RunRow {
  id: string;
  env: string;
  command: string | null;
  started: number;
  finished: number | null;
  outcome: 'succeeded' | 'failed' | 'cancelled' | null;
  durationMs: number | null;
  capacity: number | null;
  label: string | null;
  setupMs: number | null;
  abandoned: boolean;
  /** The test step started (so setupMs measured a whole setup). */
  testStarted: boolean;
  tests: { tests: number; passed: number; failed: number; skipped: number; errors: number } | null;
  /** Incident kinds, in order. */
  incidents: string[];
  /** Build, cluster and deliver steps that finished cached / that finished with work done or failed. */
  cacheHits: number;
  cacheLookups: number;
  /** The suites a multi-suite run covered, in plan order; [] for a single-env run. */
  suites: string[];
}

/** One test case result. */
export interface TestRow {
  runId: string;
  testId: string;
  status: 'passed' | 'failed' | 'error' | 'skipped';
  inputs: string;
}

interface RawRun {
  id: string;
  env: string;
  command: string | null;
  started: number;
  finished: number | null;
  outcome: RunRow['outcome'];
  duration_ms: number | null;
  capacity: number | null;
  label: string | null;
  setup_ms: number | null;
  abandoned: number;
  tests_total: number | null;
  tests_passed: number | null;
  tests_failed: number | null;
  tests_skipped: number | null;
  tests_errors: number | null;
  test_started: number;
  incidents: string | null;
  cache_hits: number;
  cache_lookups: number;
  suites: string | null;
}

// Cache lookups: steps whose work could have been skipped; skipped/cancelled ones never looked.
const RUNS_SQL = `
SELECT r.*,
  EXISTS (SELECT 1 FROM steps s WHERE s.run_id = r.id AND s.kind = 'test' AND s.started IS NOT NULL) AS test_started,
  (SELECT group_concat(kind, ',') FROM (SELECT kind FROM incidents i WHERE i.run_id = r.id ORDER BY i.id)) AS incidents,
  (SELECT count(*) FROM steps s WHERE s.run_id = r.id AND s.kind IN ('build', 'cluster', 'deliver') AND s.state = 'cached') AS cache_hits,
  (SELECT count(*) FROM steps s WHERE s.run_id = r.id AND s.kind IN ('build', 'cluster', 'deliver') AND s.state IN ('cached', 'succeeded', 'failed')) AS cache_lookups,
  (SELECT group_concat(suite, ',') FROM (SELECT suite FROM run_suites rs WHERE rs.run_id = r.id ORDER BY rs.rowid)) AS suites
FROM runs r WHERE r.env = @env
  AND (@suite IS NULL OR EXISTS (SELECT 1 FROM run_suites rs WHERE rs.run_id = r.id AND rs.suite = @suite))
ORDER BY r.started DESC, r.id DESC LIMIT @limit`;

/** The most recent runs of `env`, newest first; with `suite`, only the runs that covered that suite. */
export function recentRuns(db: HistoryDb, env: string, limit = -1, suite?: string): RunRow[] {
  return (db.prepare(RUNS_SQL).all({ env, limit, suite: suite ?? null }) as RawRun[]).map((r) => ({
    id: r.id,
    env: r.env,
    command: r.command,
    started: r.started,
    finished: r.finished,
    outcome: r.outcome,
    durationMs: r.duration_ms,
    capacity: r.capacity,
    label: r.label,
    setupMs: r.setup_ms,
    abandoned: r.abandoned === 1,
    testStarted: r.test_started === 1,
    tests:
      r.tests_total === null
        ? null
        : {
            tests: r.tests_total,
            passed: r.tests_passed ?? 0,
            failed: r.tests_failed ?? 0,
            skipped: r.tests_skipped ?? 0,
            errors: r.tests_errors ?? 0,
          },
    incidents: r.incidents ? r.incidents.split(',') : [],
    cacheHits: r.cache_hits,
    cacheLookups: r.cache_lookups,
    // Suite names are config names (no commas: see config/names.ts).
    suites: r.suites ? r.suites.split(',') : [],
  }));
}

/** Every test result of `env`'s runs, oldest first; with `suite`, only that suite's (ids `<suite>/<test>`). */
export function testResults(db: HistoryDb, env: string, suite?: string): TestRow[] {
  return db
    .prepare(
      `
    SELECT t.run_id AS runId, t.test_id AS testId, t.status, t.inputs FROM test_results t JOIN runs r ON r.id = t.run_id
    WHERE r.env = @env AND (@prefix IS NULL OR substr(t.test_id, 1, length(@prefix)) = @prefix)
    ORDER BY r.started, t.test_id`,
    )
    .all({ env, prefix: suite === undefined ? null : `${suite}/` }) as TestRow[];
}
