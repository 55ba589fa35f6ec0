// Pods grouped under the workloads a deploy step waits for, each summed up in one status: ready only when
// every expected pod is (all replicas, all ordinals), a Job when its pods completed. Pure.
import { classifyPod } from './classify-pod.js';
import type { PodExpectation } from './expected-pods.js';
import { runsPods } from './pod-specs.js';
import type { ConditionReading, PodVerdict, PodView, WorkloadRef } from './types.js';

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

/** Whether a `wait` entry is judged by the object's own condition (not by pods). */
export function waitsForCondition(ref: WorkloadRef): ref is WorkloadRef & { condition: string } {
  return ref.condition !== undefined && !runsPods(ref.kind);
}

/**
 * The status of every workload in `waitFor`, in that order; `expected` by `Kind/name` (see expected-pods.ts);
 * `conditions` by `Kind/name` for the entries judged by their condition (a CRD's Established).
 */
export function workloadStatuses(
  waitFor: readonly WorkloadRef[],
  pods: readonly PodView[],
  expected: ReadonlyMap<string, PodExpectation> = new Map(),
  conditions: ReadonlyMap<string, ConditionReading> = new Map(),
): WorkloadStatus[] {
  return waitFor.map((ref) => {
    if (waitsForCondition(ref)) return conditionStatus(ref, conditions.get(`${ref.kind}/${ref.name}`));
    const verdicts = pods.filter((pod) => belongsTo(pod, ref)).map(classifyPod);
    const readyPods = verdicts.filter((v) => v.state === 'ready').length;
    const base = { ref, pods: verdicts.length, readyPods };
    const want = expected.get(`${ref.kind}/${ref.name}`);
    const ready = (detail: string): WorkloadStatus => ({
      ...base,
      state: 'ready',
      reason: 'Ready',
      detail,
      evidence: [],
    });
    if (want?.count === 0) return ready('0 pods wanted');
    // A Job is done once enough pods completed, whatever earlier attempts did.
    const completed = verdicts.filter((v) => v.reason === 'Completed').length;
    if (want?.completions && completed >= want.count) return ready(`${completed}/${want.count} pods completed`);
    if (verdicts.length === 0)
      return { ...base, state: 'waiting', reason: 'NoPods', detail: 'no pods yet', evidence: [] };
    const worst = verdicts.find((v) => v.state === 'failed') ?? verdicts.find((v) => v.state === 'waiting');
    if (worst)
      return {
        ...base,
        state: worst.state,
        reason: worst.reason,
        detail: worst.detail,
        pod: worst.pod,
        ...(worst.exitCode === undefined ? {} : { exitCode: worst.exitCode }),
        evidence: worst.evidence,
      };
    if (want && readyPods < want.count)
      return {
        ...base,
        state: 'waiting',
        reason: 'ReplicasNotReady',
        detail: `${readyPods}/${want.count} pods ${want.completions ? 'completed' : 'ready'}`,
        evidence: [],
      };
    return ready(`${readyPods}/${want?.count ?? verdicts.length} pods ${want?.completions ? 'completed' : 'ready'}`);
  });
}

function conditionStatus(
  ref: WorkloadRef & { condition: string },
  reading: ConditionReading | undefined,
): WorkloadStatus {
  const base = { ref, pods: 0, readyPods: 0, evidence: [] };
  if (!reading)
    return { ...base, state: 'waiting', reason: 'ConditionUnknown', detail: `${ref.condition}: not read yet` };
  if (reading.status === 'True')
    return { ...base, state: 'ready', reason: 'Ready', detail: `${ref.condition}: ${reading.detail}` };
  if (reading.status === 'absent') return { ...base, state: 'waiting', reason: 'NotFound', detail: reading.detail };
  return {
    ...base,
    state: 'waiting',
    reason: 'ConditionNotMet',
    detail: `${ref.condition} is ${reading.status}: ${reading.detail}`,
  };
}

// A bare Pod is awaited by its own name; everything else through the pod's controller.
function belongsTo(pod: PodView, ref: WorkloadRef): boolean {
  if (ref.kind === 'Pod') return pod.name === ref.name;
  const owner = pod.owner;
  if (!owner || owner.kind !== ref.kind || owner.name !== ref.name) return false;
  return ref.namespace === undefined || owner.namespace === undefined || ref.namespace === owner.namespace;
}
