// Pods grouped under the workloads a deploy step waits for, each summed up in one status. Pure.
import { classifyPod } from './classify-pod.js';
import type { PodVerdict, PodView, WorkloadRef } from './types.js';

/** Where one awaited workload stands, from the verdicts of its pods. */
export interface WorkloadStatus {
  ref: WorkloadRef;
  state: PodVerdict['state'];
  reason: string;
  detail: string;
  /** The pod the reason comes from (the first failed or not-ready one). */
  pod?: string;
  /** The exit code of that pod's crashed container, when it crashed. */
  exitCode?: number;
  evidence: string[];
  pods: number;
  readyPods: number;
}

/** `Deployment/api`, or `Deployment/api (ns)` when it carries a namespace. */
export function workloadName(ref: WorkloadRef): string {
  return `${ref.kind}/${ref.name}${ref.namespace ? ` (${ref.namespace})` : ''}`;
}

/** The status of every workload in `waitFor`, in that order. */
export function workloadStatuses(waitFor: readonly WorkloadRef[], pods: readonly PodView[]): WorkloadStatus[] {
  return waitFor.map((ref) => {
    const verdicts = pods.filter((pod) => belongsTo(pod, ref)).map(classifyPod);
    const readyPods = verdicts.filter((v) => v.state === 'ready').length;
    const base = { ref, pods: verdicts.length, readyPods };
    if (verdicts.length === 0)
      return { ...base, state: 'waiting', reason: 'NoPods', detail: 'no pods yet', evidence: [] };
    const worst = verdicts.find((v) => v.state === 'failed') ?? verdicts.find((v) => v.state === 'waiting');
    if (!worst)
      return {
        ...base,
        state: 'ready',
        reason: 'Ready',
        detail: `${readyPods}/${verdicts.length} pods ready`,
        evidence: [],
      };
    return {
      ...base,
      state: worst.state,
      reason: worst.reason,
      detail: worst.detail,
      pod: worst.pod,
      ...(worst.exitCode === undefined ? {} : { exitCode: worst.exitCode }),
      evidence: worst.evidence,
    };
  });
}

// A bare Pod is awaited by its own name; everything else through the pod's controller.
function belongsTo(pod: PodView, ref: WorkloadRef): boolean {
  if (ref.kind === 'Pod') return pod.name === ref.name;
  const owner = pod.owner;
  if (!owner || owner.kind !== ref.kind || owner.name !== ref.name) return false;
  return ref.namespace === undefined || owner.namespace === undefined || ref.namespace === owner.namespace;
}
