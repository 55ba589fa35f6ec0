const RANKS = [
  ["Namespace"],
  ["CustomResourceDefinition"],
  ["NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget"],
  ["ServiceAccount"],
  ["ClusterRole"],
  ["ClusterRoleBinding"],
  ["Role"],
  ["RoleBinding"],
  ["Secret", "ConfigMap"],
  ["StorageClass"],
  ["PersistentVolume"],
  ["PersistentVolumeClaim"],
  ["Service"],
  ["Pod", "ReplicationController", "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet"],
  ["HorizontalPodAutoscaler"],
  ["Job", "CronJob"],
  ["IngressClass"],
  ["Ingress"],
  ["APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]
];
const RANK = new Map(RANKS.flatMap((kinds, rank) => kinds.map((kind) => [kind, rank])));
function isKnownKind(kind) {
  return RANK.has(kind);
}
function inApplyOrder(objects) {
  const rank = (o) => RANK.get(o.object.kind) ?? RANKS.length;
  return objects.map((object, index) => ({ object, index })).sort((a, b) => rank(a.object) - rank(b.object) || a.index - b.index).map(({ object }) => object);
}
function applyPhases(objects) {
  const ordered = inApplyOrder(objects);
  const crds = ordered.filter((o) => o.object.kind === "CustomResourceDefinition").map((o) => o.object.metadata.name);
  const custom = ordered.filter((o) => !isKnownKind(o.object.kind));
  if (crds.length === 0 || custom.length === 0)
    return ordered.length === 0 ? [] : [{ objects: ordered, afterEstablished: [] }];
  return [
    { objects: ordered.filter((o) => isKnownKind(o.object.kind)), afterEstablished: [] },
    { objects: custom, afterEstablished: crds }
  ];
}
export {
  applyPhases,
  inApplyOrder,
  isKnownKind
};
//# sourceMappingURL=apply-order.js.map
