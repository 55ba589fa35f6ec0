// Namespaces of a deploy group (pure): the group's `namespace` goes on every namespaced object that names none,
// and the namespaces the objects end up in are listed, so a target can create those nobody defines.
import { asString, dig } from './json-access.js';
import type { KubeObject, SourcedObject } from './types.js';

/** Built-in kinds that live outside any namespace (they keep none even in a group with a namespace). */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
  'VolumeSnapshotClass',
]);

/** Namespaces that every cluster has; tarmac never creates or removes them. */
const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** Sets `namespace` on the namespaced objects that have none (mutates: pass copies). */
export function applyNamespace(objects: readonly SourcedObject[], namespace: string | undefined): void {
  if (namespace === undefined) return;
  const clusterScoped = clusterScopedKinds(objects.map((o) => o.object));
  for (const { object } of objects) {
    if (object.metadata.namespace === undefined && !clusterScoped.has(object.kind))
      object.metadata.namespace = namespace;
  }
}

/**
 * The namespaces the objects are placed in that no Namespace object of theirs defines, sorted; built-in ones
 * (default, kube-*) are never listed.
 */
export function namespacesToCreate(objects: readonly KubeObject[]): string[] {
  const defined = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  const used = objects.map((o) => o.metadata.namespace).filter((ns): ns is string => ns !== undefined);
  return [...new Set(used)].filter((ns) => !defined.has(ns) && !BUILT_IN_NAMESPACES.has(ns)).sort();
}

// Built-in cluster-scoped kinds plus the custom kinds whose CRD (in these objects) says `scope: Cluster`.
function clusterScopedKinds(objects: readonly KubeObject[]): Set<string> {
  const kinds = new Set(CLUSTER_SCOPED_KINDS);
  for (const o of objects) {
    if (o.kind !== 'CustomResourceDefinition' || asString(dig(o, 'spec', 'scope')) !== 'Cluster') continue;
    const kind = asString(dig(o, 'spec', 'names', 'kind'));
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds;
}
