// The order objects of a group are applied in (pure), as Helm installs them: namespaces and CRDs first, then
// policies, accounts and RBAC, config, storage, Services, workloads, Jobs, and custom resources last, once the
// CRDs they need are established.
import type { SourcedObject } from './types.js';

// One entry per rank; kinds sharing an entry keep their file order among themselves (workloads, config).
const RANKS: readonly (readonly string[])[] = [
  ['Namespace'],
  ['CustomResourceDefinition'],
  ['NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget'],
  ['ServiceAccount'],
  ['ClusterRole'],
  ['ClusterRoleBinding'],
  ['Role'],
  ['RoleBinding'],
  ['Secret', 'ConfigMap'],
  ['StorageClass'],
  ['PersistentVolume'],
  ['PersistentVolumeClaim'],
  ['Service'],
  ['Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet'],
  ['HorizontalPodAutoscaler'],
  ['Job', 'CronJob'],
  ['IngressClass'],
  ['Ingress'],
  ['APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
];
const RANK = new Map(RANKS.flatMap((kinds, rank) => kinds.map((kind) => [kind, rank] as const)));

/** One `apply` of a group: its objects, after the named CRDs report the Established condition. */
export interface ApplyPhase {
  objects: SourcedObject[];
  /** CustomResourceDefinition names to wait for (condition Established) before applying this phase. */
  afterEstablished: string[];
}

/** Whether tarmac knows where the kind goes in the order (else it is a custom resource, applied last). */
export function isKnownKind(kind: string): boolean {
  return RANK.has(kind);
}

/** The objects in install order (a stable sort: equal ranks keep their order; unknown kinds go last). */
export function inApplyOrder<T extends SourcedObject>(objects: readonly T[]): T[] {
  const rank = (o: SourcedObject): number => RANK.get(o.object.kind) ?? RANKS.length;
  return objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => rank(a.object) - rank(b.object) || a.index - b.index)
    .map(({ object }) => object);
}

/**
 * The applies a group needs: one, or two when it defines CRDs and has objects of kinds tarmac does not know
 * (its custom resources): those wait until every CRD of the group is established.
 */
export function applyPhases(objects: readonly SourcedObject[]): ApplyPhase[] {
  const ordered = inApplyOrder(objects);
  const crds = ordered.filter((o) => o.object.kind === 'CustomResourceDefinition').map((o) => o.object.metadata.name);
  const custom = ordered.filter((o) => !isKnownKind(o.object.kind));
  if (crds.length === 0 || custom.length === 0)
    return ordered.length === 0 ? [] : [{ objects: ordered, afterEstablished: [] }];
  return [
    { objects: ordered.filter((o) => isKnownKind(o.object.kind)), afterEstablished: [] },
    { objects: custom, afterEstablished: crds },
  ];
}
