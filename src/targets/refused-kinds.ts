// The one place that says which manifest objects a target refuses, so `tarmac validate` reports them (file:line,
// exit 2) before anything is created. The podman target's content is its refusal list as of today
// (src/targets/podman/workloads.ts): whoever changes what podman runs changes it here too.
import type { KubeObject } from '../kube/types.js';
import type { TargetType } from './types.js';

/** Kinds podman plays or places beside its pods. */
const PODMAN_RUNS = new Set(['Pod', 'Deployment', 'Service', 'ConfigMap', 'Secret', 'PersistentVolumeClaim']);
/** Kinds that only configure a cluster: the podman target accepts them and says they have no effect. */
const PODMAN_IGNORES = new Set([
  'Namespace',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'Ingress',
  'IngressClass',
  'LimitRange',
  'ResourceQuota',
  'PriorityClass',
]);

/** Why `target` refuses to deploy the object, or undefined when it deploys it (or knowingly ignores it). */
export function targetRefusal(target: TargetType, object: KubeObject): string | undefined {
  if (target === 'kind') return undefined;
  if (PODMAN_RUNS.has(object.kind) || PODMAN_IGNORES.has(object.kind)) return undefined;
  return `the podman target cannot run a ${object.kind} (podman kube play)`;
}
