import { formatDuration } from "../config/duration.js";
import { table } from "../ui/text-table.js";
function outcomeText(run, unfinished) {
  if (run.abandoned) return "abandoned";
  if (run.outcome) return run.outcome;
  return unfinished === "running" ? "running" : "unfinished (tarmac gone)";
}
function testsText(tests) {
  if (!tests) return "-";
  const parts = [`${tests.passed} passed`];
  if (tests.failed + tests.errors > 0) parts.push(`${tests.failed + tests.errors} failed`);
  if (tests.skipped > 0) parts.push(`${tests.skipped} skipped`);
  return parts.join(", ");
}
function incidentsText(kinds) {
  if (kinds.length === 0) return "-";
  const counts = /* @__PURE__ */ new Map();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => n > 1 ? `${k} x${n}` : k).join(", ");
}
function whenText(ms2) {
  const d = new Date(ms2);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
const ms = (v) => v === null ? "-" : formatDuration(v);
const pct = (v) => v === null ? "-" : `${Math.round(v * 100)}%`;
function strategyTable(rows) {
  return table(
    [
      "command",
      "capacity",
      "label",
      "runs",
      "ok/failed/cancelled/abandoned",
      "setup p50",
      "setup p95",
      "crash rate",
      "cache hits"
    ],
    rows.map((r) => [
      r.command,
      String(r.capacity ?? "-"),
      r.label ?? "-",
      String(r.runs),
      `${r.succeeded}/${r.failed}/${r.cancelled}/${r.abandoned}`,
      ms(r.setupP50Ms),
      ms(r.setupP95Ms),
      pct(r.crashRate),
      pct(r.cacheHitRate)
    ])
  );
}
function testTable(rows) {
  return table(
    ["test", "runs", "pass rate", "passed/failed/skipped", "flaky"],
    rows.map((t) => [
      t.id,
      String(t.runs),
      pct(t.passRate),
      `${t.passed}/${t.failed}/${t.skipped}`,
      t.flaky ? "FLAKY" : "-"
    ])
  );
}
export {
  ms as durationText,
  incidentsText,
  outcomeText,
  strategyTable,
  testTable,
  testsText,
  whenText
};
//# sourceMappingURL=format.js.map
