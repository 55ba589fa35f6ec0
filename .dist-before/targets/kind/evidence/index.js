import { kindClusterFacts } from "./cluster-facts.js";
import { exportKindLogs } from "./export-logs.js";
import { kindWantedPorts } from "./wanted-ports.js";
import { kindPods } from "./workload-facts.js";
const kindEvidence = {
  cluster: kindClusterFacts,
  workloads: kindPods,
  wantedPorts: kindWantedPorts,
  exportLogs: exportKindLogs
};
export {
  kindEvidence
};
//# sourceMappingURL=index.js.map
