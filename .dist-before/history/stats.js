import { percentile } from "./percentiles.js";
const CRASH_KINDS = /* @__PURE__ */ new Set(["engine-crash", "engine-lost"]);
function strategyStats(runs) {
  const groups = /* @__PURE__ */ new Map();
  for (const run of runs) {
    if (run.outcome === null) continue;
    const key = JSON.stringify([run.command ?? "?", run.capacity, run.label]);
    groups.set(key, [...groups.get(key) ?? [], run]);
  }
  const out = [...groups.values()].map((list) => {
    const first = list[0];
    const setups = list.filter((r) => r.setupMs !== null && !r.abandoned && (r.testStarted || r.outcome === "succeeded")).map((r) => r.setupMs);
    const lookups = list.reduce((n, r) => n + r.cacheLookups, 0);
    const count = (o) => list.filter((r) => r.outcome === o && !r.abandoned).length;
    return {
      command: first.command ?? "?",
      capacity: first.capacity,
      label: first.label,
      runs: list.length,
      succeeded: count("succeeded"),
      failed: count("failed"),
      cancelled: count("cancelled"),
      abandoned: list.filter((r) => r.abandoned).length,
      setupSamples: setups.length,
      setupP50Ms: setups.length ? Math.round(percentile(setups, 50)) : null,
      setupP95Ms: setups.length ? Math.round(percentile(setups, 95)) : null,
      crashRate: list.filter((r) => r.incidents.some((k) => CRASH_KINDS.has(k))).length / list.length,
      cacheHitRate: lookups ? list.reduce((n, r) => n + r.cacheHits, 0) / lookups : null
    };
  });
  return out.sort(
    (a, b) => a.command.localeCompare(b.command) || (a.capacity ?? 0) - (b.capacity ?? 0) || (a.label ?? "").localeCompare(b.label ?? "")
  );
}
function testStats(rows) {
  const byTest = /* @__PURE__ */ new Map();
  for (const row of rows) byTest.set(row.testId, [...byTest.get(row.testId) ?? [], row]);
  return [...byTest].map(([id, list]) => {
    const passed = list.filter((r) => r.status === "passed").length;
    const failed = list.filter((r) => r.status === "failed" || r.status === "error").length;
    const verdicts = /* @__PURE__ */ new Map();
    for (const r of list) {
      if (r.status === "skipped") continue;
      const seen = verdicts.get(r.inputs) ?? /* @__PURE__ */ new Set();
      seen.add(r.status === "passed" ? "pass" : "fail");
      verdicts.set(r.inputs, seen);
    }
    const flakyInputs = [...verdicts].filter(([, seen]) => seen.size === 2).map(([inputs]) => inputs);
    return {
      id,
      runs: new Set(list.map((r) => r.runId)).size,
      passed,
      failed,
      skipped: list.length - passed - failed,
      passRate: passed + failed > 0 ? passed / (passed + failed) : null,
      flaky: flakyInputs.length > 0,
      flakyInputs
    };
  }).sort(
    (a, b) => Number(b.flaky) - Number(a.flaky) || (a.passRate ?? 1) - (b.passRate ?? 1) || a.id.localeCompare(b.id)
  );
}
export {
  strategyStats,
  testStats
};
//# sourceMappingURL=stats.js.map
