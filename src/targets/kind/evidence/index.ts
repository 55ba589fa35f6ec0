// The kind target's evidence for triage: the cluster, its node containers and API, its pods, the host ports its
// config publishes, and `kind export logs`.
import type { TargetEvidence } from '../../evidence-types.js';
import { kindClusterFacts } from './cluster-facts.js';
import { exportKindLogs } from './export-logs.js';
import { kindWantedPorts } from './wanted-ports.js';
import { kindPods } from './workload-facts.js';

export const kindEvidence: TargetEvidence = {
  cluster: kindClusterFacts,
  workloads: kindPods,
  wantedPorts: kindWantedPorts,
  exportLogs: exportKindLogs,
};
