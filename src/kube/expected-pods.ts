// PURE: how many pods make a workload ready, read from its manifest: every replica of a Deployment,
// ReplicaSet or StatefulSet, `completions` finished pods of a Job, the Pod itself.
import { asRecord, dig } from './json-access.js';
import type { KubeObject, WorkloadRef } from './types.js';

/** What a workload needs: `count` ready pods, or for a Job `count` completed ones. */
export interface PodExpectation {
  count: number;
  completions: boolean;
}

/** The expectation for a workload object; undefined when the count is not in the manifest (a DaemonSet: one per node). */
export function expectedPods(object: KubeObject): PodExpectation | undefined {
  const number = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
  switch (object.kind) {
    case 'Pod':
      return { count: 1, completions: false };
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'StatefulSet':
      return { count: number(dig(object, 'spec', 'replicas'), 1), completions: false };
    case 'Job':
      return { count: number(asRecord(object.spec)?.completions, 1), completions: true };
    default:
      return undefined;
  }
}

/** The expectation of each awaited workload found among the objects, by `Kind/name`. */
export function expectationsFor(
  waitFor: readonly WorkloadRef[],
  objects: readonly KubeObject[],
): Map<string, PodExpectation> {
  const found = new Map<string, PodExpectation>();
  for (const ref of waitFor) {
    const object = objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name);
    const expectation = object ? expectedPods(object) : undefined;
    if (expectation) found.set(`${ref.kind}/${ref.name}`, expectation);
  }
  return found;
}
