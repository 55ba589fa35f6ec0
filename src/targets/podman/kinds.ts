// What the podman target does with each Kubernetes kind: run it as pods, play it alongside them,
// use it for DNS, say it has no effect without a cluster, or refuse it. One table, so `validate`
// and `up` (through the planner, deploy-check.ts) and the deploy cannot disagree.

/** Kinds that run pods, and how many: their template becomes one or more podman pods. */
export const WORKLOAD_KINDS = new Set([
  'Pod',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'DaemonSet',
  'Job',
]);

/**
 * Kinds the target refuses. Why CronJob: without a scheduler it would never run, and accepting it
 * with a "no effect" line would let a suite that depends on it pass its deploy and fail mysteriously.
 */
const REFUSED_KINDS: readonly string[] = ['CronJob'];

/** The kinds the podman target refuses (validate reports them with file:line before anything runs). */
export function podmanRefusedKinds(): readonly string[] {
  return REFUSED_KINDS;
}

/** Whether the podman target refuses objects of this kind. */
export function isRefusedKind(kind: string): boolean {
  return REFUSED_KINDS.includes(kind);
}

/** Why an object of this kind has no effect on the podman target, for its one line. */
export function noEffectReason(kind: string, apiVersion: string): string {
  if (kind === 'CustomResourceDefinition') return 'there is no API server to extend';
  if (kind === 'Namespace') return 'pods share the env network, whatever their namespace';
  if (/Role|ServiceAccount/.test(kind)) return 'there is no API server to authorise against';
  if (!apiVersion.includes('/') || /\.k8s\.io\/|^apps\/|^batch\/|^policy\/|^autoscaling\//.test(apiVersion))
    return 'it only configures a cluster';
  return 'it is a custom resource, and no controller runs without a cluster';
}
