import {
  apiRow,
  clusterRow,
  connectionRow,
  diskRows,
  engineRow,
  machineRow,
  memoryRow,
  nodesRow,
  portsRow,
  workloadsRow
} from "./status-rows.js";
import { missingFact } from "./missing-evidence.js";
function statusTable(evidence) {
  const rows = [];
  const engineFacts = evidence.engine?.data;
  add(
    rows,
    evidence.engine,
    "engine",
    (e) => [engineRow(e)],
    (run) => run.timedOut ? { component: "engine", status: "down", evidence: `hung: ${run.error ?? "no answer"}` } : void 0
  );
  if (evidence.machine) add(rows, evidence.machine, "podman machine", (m) => [machineRow(m)]);
  else if (engineFacts?.name === "docker")
    rows.push({ component: "podman machine", status: "absent", evidence: "not used (the engine is docker)" });
  add(rows, evidence.connections, "connection", (c) => [connectionRow(c, engineFacts)]);
  const engineDown = engineFacts !== void 0 && !engineFacts.reachable;
  add(
    rows,
    evidence.clusters,
    "cluster",
    (clusters) => clusters.flatMap((c) => [clusterRow(c), nodesRow(c), ...c.target === "kind" ? [apiRow(c)] : []]),
    void 0,
    engineDown
  );
  add(rows, evidence.ports, "host ports", (p) => [portsRow(p)]);
  add(rows, evidence.disk, "disk", (d) => diskRows(d));
  add(rows, evidence.memory, "memory", (m) => [memoryRow(m)]);
  add(
    rows,
    evidence.workloads,
    "workloads",
    (w) => {
      const clusterMissing = evidence.clusters?.data?.every((c) => !c.listed) ?? false;
      return clusterMissing && w.pods.length === 0 ? [{ component: "workloads", status: "absent", evidence: "not deployed (no cluster)" }] : [workloadsRow(w)];
    },
    void 0,
    engineDown
  );
  return rows;
}
function unhealthyRows(rows) {
  return rows.filter((r) => r.status === "down" || r.status === "degraded");
}
function add(rows, run, component, toRows, onFail, engineDown = false) {
  if (!run) return;
  if (run.ok && run.data !== void 0) {
    rows.push(...toRows(run.data));
    return;
  }
  rows.push(
    onFail?.(run) ?? {
      component,
      status: "unknown",
      evidence: engineDown ? "not checked: the engine does not answer" : run.timedOut ? `collector timed out${retried(run)}: ${run.error ?? "no detail"}` : `collector failed: ${run.error ?? "no detail"}`
    }
  );
}
function retried(run) {
  const fact = missingFact(run);
  return fact.attempts > 1 ? `, retried once (${(fact.budgetMs / 1e3).toFixed(1)}s in all)` : "";
}
export {
  statusTable,
  unhealthyRows
};
//# sourceMappingURL=status-table.js.map
