import { LABEL_RUN } from "../engines/labels.js";
import { ClusterRecords } from "./kind/cluster-record.js";
import { envNameLabels } from "./podman/names.js";
async function halfCreatedClusters(stateDir, envName, deadRuns) {
  const records = await new ClusterRecords(stateDir).list();
  return records.filter((r) => r.env === envName && r.state === "creating" && deadRuns.has(r.runId));
}
function describeHalfCreated(record) {
  return `kind cluster ${record.name}: its create (run ${record.runId}) never finished; up checks it and recreates it if it is broken`;
}
async function crashedPodContainers(engine, envName, deadRuns, signal) {
  if (engine.name !== "podman" || deadRuns.size === 0) return [];
  const containers = await engine.listContainers(envNameLabels(envName), signal);
  return containers.filter((c) => c.state === "exited" && deadRuns.has(c.labels[LABEL_RUN] ?? "")).map((c) => ({ name: c.names[0] ?? c.id.slice(0, 12), runId: c.labels[LABEL_RUN] ?? "", state: c.state }));
}
export {
  crashedPodContainers,
  describeHalfCreated,
  halfCreatedClusters
};
//# sourceMappingURL=leftovers.js.map
