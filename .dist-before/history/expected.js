import { historyExists, openHistory } from "./store.js";
import { median } from "./percentiles.js";
const SAMPLES = 20;
function readExpectedDurations(historyPath, envName, options = {}) {
  return withFile(historyPath, (db) => medians(db, envName, options.excludeRunId ?? "", "s.state = 'succeeded'"));
}
function readLearnedDurations(historyPath, envName) {
  return withFile(historyPath, (db) => ({
    ...medians(db, envName, "", "s.state = 'cached' AND s.started IS NOT NULL"),
    ...medians(db, envName, "", "s.state = 'succeeded'")
  }));
}
function withFile(path, read) {
  if (!historyExists(path)) return {};
  const db = openHistory(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}
function medians(db, envName, excludeRunId, where) {
  const rows = db.prepare(
    `
    SELECT s.step_id AS id, s.duration_ms AS ms FROM steps s JOIN runs r ON r.id = s.run_id
    WHERE r.env = ? AND r.id != ? AND ${where} AND s.duration_ms IS NOT NULL
    ORDER BY r.started DESC`
  ).all(envName, excludeRunId);
  const samples = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const list = samples.get(row.id) ?? [];
    if (list.length < SAMPLES) list.push(row.ms);
    samples.set(row.id, list);
  }
  return Object.fromEntries([...samples].map(([id, list]) => [id, Math.round(median(list))]));
}
export {
  readExpectedDurations,
  readLearnedDurations
};
//# sourceMappingURL=expected.js.map
