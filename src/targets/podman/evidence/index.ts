// The podman target's evidence for triage: its network and pods, their workloads, the host ports they publish.
import type { TargetEvidence } from '../../evidence-types.js';
import { podmanClusterFacts } from './cluster-facts.js';
import { podmanWantedPorts } from './wanted-ports.js';
import { podmanPods } from './workload-facts.js';

export const podmanEvidence: TargetEvidence = {
  cluster: podmanClusterFacts,
  workloads: async (deps) => ({ pods: await podmanPods(deps) }),
  wantedPorts: podmanWantedPorts,
};
