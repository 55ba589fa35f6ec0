// What triage reads of a target, through one interface: the cluster and its nodes, the workloads, the host ports
// the env wants and (kind) the cluster's own logs. Each target answers in its own folder (kind/evidence,
// podman/evidence); triage never asks which target it has, so a new target adds a folder, not a branch in triage.
import type { TargetEvidence } from './evidence-types.js';
import { kindEvidence } from './kind/evidence/index.js';
import { podmanEvidence } from './podman/evidence/index.js';
import type { TargetType } from './types.js';

export type { EvidenceDeps, EvidenceLog, TargetEvidence, WantedPort } from './evidence-types.js';

/** The evidence of a target type. */
export function targetEvidence(type: TargetType): TargetEvidence {
  return type === 'kind' ? kindEvidence : podmanEvidence;
}
