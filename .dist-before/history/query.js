const RUNS_SQL = `
SELECT r.*,
  EXISTS (SELECT 1 FROM steps s WHERE s.run_id = r.id AND s.kind = 'test' AND s.started IS NOT NULL) AS test_started,
  (SELECT group_concat(kind, ',') FROM (SELECT kind FROM incidents i WHERE i.run_id = r.id ORDER BY i.id)) AS incidents,
  (SELECT count(*) FROM steps s WHERE s.run_id = r.id AND s.kind IN ('build', 'cluster', 'deliver') AND s.state = 'cached') AS cache_hits,
  (SELECT count(*) FROM steps s WHERE s.run_id = r.id AND s.kind IN ('build', 'cluster', 'deliver') AND s.state IN ('cached', 'succeeded', 'failed')) AS cache_lookups
FROM runs r WHERE r.env = ? ORDER BY r.started DESC, r.id DESC LIMIT ?`;
function recentRuns(db, env, limit = -1) {
  return db.prepare(RUNS_SQL).all(env, limit).map((r) => ({
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
    tests: r.tests_total === null ? null : {
      tests: r.tests_total,
      passed: r.tests_passed ?? 0,
      failed: r.tests_failed ?? 0,
      skipped: r.tests_skipped ?? 0,
      errors: r.tests_errors ?? 0
    },
    incidents: r.incidents ? r.incidents.split(",") : [],
    cacheHits: r.cache_hits,
    cacheLookups: r.cache_lookups
  }));
}
function testResults(db, env) {
  return db.prepare(
    `
    SELECT t.run_id AS runId, t.test_id AS testId, t.status, t.inputs FROM test_results t JOIN runs r ON r.id = t.run_id
    WHERE r.env = ? ORDER BY r.started, t.test_id`
  ).all(env);
}
export {
  recentRuns,
  testResults
};
//# sourceMappingURL=query.js.map
