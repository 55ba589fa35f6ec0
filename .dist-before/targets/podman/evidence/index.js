import { podmanClusterFacts } from "./cluster-facts.js";
import { podmanWantedPorts } from "./wanted-ports.js";
import { podmanPods } from "./workload-facts.js";
const podmanEvidence = {
  cluster: podmanClusterFacts,
  workloads: async (deps) => ({ pods: await podmanPods(deps) }),
  wantedPorts: podmanWantedPorts
};
export {
  podmanEvidence
};
//# sourceMappingURL=index.js.map
