// PURE: how many pods a workload becomes on podman, and their names. podman pod names are global, so
// each is scoped to the env; a StatefulSet's pods keep Kubernetes' stable names `<name>-<ordinal>`,
// which resolve on the env network (and as `<name>-<ordinal>.<serviceName>`, as a headless Service gives).
import { scopedName } from './names.js';
import type { Workload } from './workloads.js';

/** One pod a workload plays. */
export interface PodSlot {
  podName: string;
  /** The pod's hostname (a StatefulSet pod's own name), when Kubernetes would set one. */
  hostname?: string;
  /** Names of this pod alone on the env network. */
  aliases: string[];
}

/** The pods of a workload: one per replica (none for `replicas: 0`). */
export function podsOf(workload: Workload, env: string): PodSlot[] {
  const name = workload.ref.name;
  const count = Math.max(0, Math.floor(workload.replicas));
  if (workload.ordinals) {
    return Array.from({ length: count }, (_, i) => {
      const own = `${name}-${i}`;
      return {
        podName: scopedName(env, own),
        hostname: own,
        aliases: workload.serviceName ? [own, `${own}.${workload.serviceName}`] : [own],
      };
    });
  }
  // One replica keeps the workload's own name (as before replicas were honoured), more are numbered.
  if (count === 1) return [{ podName: scopedName(env, name), aliases: [] }];
  return Array.from({ length: count }, (_, i) => ({ podName: scopedName(env, `${name}-${i}`), aliases: [] }));
}
