// Where the pod template lives in each workload kind, so rendering can reach its containers.
import { asArray, asRecord, dig } from './json-access.js';
import type { KubeObject } from './types.js';

/** Path from the object to its pod spec, per kind that runs pods. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Whether objects of this kind run pods (so their readiness, or a condition such as Available, comes from their pods). */
export function runsPods(kind: string): boolean {
  return POD_SPEC_PATHS[kind] !== undefined;
}

/** Kinds whose readiness the deploy step waits for when the group names none. */
export const DEFAULT_WAIT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The (mutable) container objects of a workload: init containers first; none for other kinds. */
export function containersOf(object: KubeObject): Record<string, unknown>[] {
  const path = POD_SPEC_PATHS[object.kind];
  if (path === undefined) return [];
  const spec = dig(object, ...path);
  return [...asArray(dig(spec, 'initContainers')), ...asArray(dig(spec, 'containers'))]
    .map(asRecord)
    .filter((c): c is Record<string, unknown> => c !== undefined);
}
